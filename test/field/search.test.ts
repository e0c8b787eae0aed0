import { describe, expect, it } from 'vitest';
import { listApplicants } from '../../src/applicants/list.js';
import { searchApplicant } from '../../src/assess/pick.js';
import type { PromptChoice } from '../../src/prompter.js';
import { nik } from '../helpers.js';
import { TestDb } from '../score/builders.js';
import { ScriptedPrompter } from '../assess/scripted.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);

describe('searching the applicant to assess', () => {
  it('digits match only the digits the list shows (the masked NIK), or a whole NIK; never the hidden middle', async () => {
    const t = new TestDb().person({ nik: SITI, nama: 'Siti Aminah' }).person({ nik: BUDI, nama: 'Budi', kode_kabupaten: '6402' });
    t.application(SITI, 2026);
    t.application(BUDI, 2026);
    let source: ((term: string) => PromptChoice<unknown>[]) | undefined;
    const p = new ScriptedPrompter(() => 'siti');
    const spy = { ...p, search: <T>(o: { message: string; source: (term: string) => PromptChoice<T>[] }) => ((source = o.source as never), p.search(o)) };
    await searchApplicant(spy as never, listApplicants(t.db, { tahun: 2026 }));
    const found = (term: string) => source!(term).map((c) => c.name.split(' · ')[0]);
    expect(found('0001')).toEqual(['Siti Aminah']);
    expect(found('6472********0001')).toEqual(['Siti Aminah']);
    expect(found(SITI)).toEqual(['Siti Aminah']);
    expect(found(SITI.slice(4, 12))).toEqual([]); // the birth date and district digits the mask hides
    expect(found(SITI.slice(6, 10))).toEqual([]);
    expect(found('budi')).toEqual(['Budi']);
    t.close();
  });
});
