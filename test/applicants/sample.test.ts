import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICANT_REJECTS, writeApplicantsCsv } from '../../src/sample/applicants.js';
import { writeAssessmentsCsv, writeRecipientsCsv } from '../../src/sample/assessments.js';
import { writeDtksCsv } from '../../src/sample/dtks.js';
import { tempDir, uep } from '../helpers.js';

const O = { seed: 7, dtksRows: 1500, rows: 200, tahun: 2026 };

describe('applicant and assessment samples', () => {
  it('registrations of DTKS sample people with every reject of the import; forms for most of them; all scored', async () => {
    const dir = tempDir();
    const file = (n: string) => join(dir, n);
    const run = (...args: string[]) => uep([...args, '--db', file('uep.sqlite'), '--json', '--quiet'], { cwd: dir });
    await writeDtksCsv(file('dtks.csv'), { rows: O.dtksRows, seed: O.seed });
    const a = await writeApplicantsCsv(file('pendaftar.csv'), O);
    const f = await writeAssessmentsCsv(file('asesmen.csv'), { ...O, asOf: '2026-03-01' });
    const p = await writeRecipientsCsv(file('penerima.csv'), O);
    expect(a.rows).toBe(200);
    for (const k of APPLICANT_REJECTS) expect(a.dirty[k]).toBeGreaterThan(0);

    expect((await run('import', 'dtks', file('dtks.csv'))).code).toBe(0);
    expect(JSON.parse((await run('import', 'recipients', file('penerima.csv'))).stdout)).toMatchObject({ inserted: p.rows });
    const imported = JSON.parse((await run('applicants', 'import', file('pendaftar.csv'), '--tahun', '2026')).stdout);
    expect(imported).toMatchObject({ read: a.rows, inserted: a.clean, rejected: a.rows - a.clean });
    expect(imported.reasons).toEqual(a.dirty);

    const forms = JSON.parse((await run('assess', 'import', file('asesmen.csv'), '--tahun', '2026')).stdout);
    expect(forms).toMatchObject({ read: f.rows, inserted: f.assessed });
    expect(Object.keys(forms.reasons).sort()).toEqual(['assessor_missing', 'nik_format', 'not_registered', 'penghasilan_invalid', 'penghasilan_missing', 'tanggal_invalid']);
    const scored = JSON.parse((await run('score', '--tahun', '2026')).stdout);
    expect(scored).toMatchObject({ scored: f.assessed, not_assessed: a.clean - f.assessed, incomplete: 0 });
    expect(scored.eligible).toBeGreaterThan(scored.scored / 3);
    expect(scored.reasons.earlier_recipient ?? 0).toBeLessThanOrEqual(p.applicants);
  });

  it('the same options give the same bytes', async () => {
    const dir = tempDir();
    await writeApplicantsCsv(join(dir, 'a.csv'), O);
    await writeApplicantsCsv(join(dir, 'b.csv'), O);
    expect(readFileSync(join(dir, 'a.csv'))).toEqual(readFileSync(join(dir, 'b.csv')));
    await writeAssessmentsCsv(join(dir, 'c.csv'), O);
    await writeAssessmentsCsv(join(dir, 'd.csv'), O);
    expect(readFileSync(join(dir, 'c.csv'))).toEqual(readFileSync(join(dir, 'd.csv')));
  });
});
