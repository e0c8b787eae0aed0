/**
 * Issue 11.7 and issue 10 §2.5: the audit log holds no personal data, whatever is typed into
 * --reason, --operator or a file name, and keeps sha256 digests exactly as they are.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/audit/audit.js';
import { Applicants, dbIn } from '../allocate/builders.js';
import { nik, tempDir, uep, writeFile } from '../helpers.js';

const NAME = 'Sumiati Lestari'; // a beneficiary
const OFFICER = 'Rahmawati'; // who runs uep: the operator's name is what the audit log is for
const PERSON = nik('6472', 12, 5, 71, 4321, true);

describe('what the audit log keeps of free text', () => {
  it('a name and a NIK in --reason and file names, a NIK in --operator: none reaches the audit log; the reason stays with the replacement', async () => {
    const dir = tempDir();
    const db = dbIn(dir);
    const a = new Applicants(db);
    const niks = Array.from({ length: 12 }, (_, i) => a.add({ kode: '6472', score: 90 - i }).nik);
    db.close();
    const path = join(dir, 'uep.sqlite');
    const operator = `${OFFICER} ${PERSON}`;
    const file = writeFile(dir, `data ${NAME} ${PERSON}.csv`, ['nik,nama,kabupaten', `${PERSON},${NAME},Samarinda`]);
    expect((await uep(['import', 'dtks', file, '--operator', operator, '--rejects', join(dir, `rejects ${NAME}.csv`)], { cwd: dir })).code).toBe(0);
    expect((await uep(['allocate', '--slots', '10', '--operator', operator], { cwd: dir })).code).toBe(0);
    expect((await uep(['allocate', 'finalize', '1'], { cwd: dir })).code).toBe(0);
    const reason = `mengundurkan diri, diganti oleh ${NAME} NIK ${PERSON}`;
    const rep = await uep(['allocate', 'replace', niks[0]!, '--reason', reason, '--operator', operator, '--json'], { cwd: dir });
    expect(rep.code, rep.stderr).toBe(0);
    const { move_id } = JSON.parse(rep.stdout);
    const backup = join(dir, `backup ${NAME}.sqlite`);
    expect((await uep(['backup', backup], { cwd: dir })).code).toBe(0);
    copyFileSync(backup, join(dir, 'b.sqlite'));
    expect((await uep(['restore', backup, '--operator', operator], { cwd: dir })).code).toBe(0);

    const h = new Database(path, { readonly: true });
    const log = JSON.stringify(h.prepare('SELECT * FROM audit_log').all());
    const replace = h.prepare(`SELECT params_json, result_json FROM audit_log WHERE command = 'allocate replace' AND result_json ->> '$.status' = 'done'`).get() as { params_json: string; result_json: string };
    const stored = h.prepare('SELECT detail_json ->> \'$.reason\' FROM allocation_moves WHERE id = ?').pluck().get(move_id);
    const sha = h.prepare('SELECT sha256 FROM import_batches WHERE kind = \'dtks\' ORDER BY id DESC LIMIT 1').pluck().get() as string;
    h.close();
    for (const secret of [NAME, 'Sumiati', 'Lestari', PERSON, niks[0]!]) expect(log, secret).not.toContain(secret);
    expect(log).not.toMatch(/(?<![0-9a-f])\d{16}(?![0-9a-f])/);
    expect(log).toContain(`"operator":"${OFFICER} 6472********${PERSON.slice(-4)}"`); // who ran it is the point; a NIK typed there is not
    expect(JSON.parse(replace.params_json)).toMatchObject({ nik: `${niks[0]!.slice(0, 4)}********${niks[0]!.slice(-4)}`, reason: '(not logged)' });
    expect(JSON.parse(replace.result_json)).toMatchObject({ move_id, run_id: 1, status: 'done' });
    expect(stored).toBe(reason); // with the replacement, under the database's own protection
    expect(log).toContain(sha); // the import's digest, whole
  });

  it('masks 16-digit runs wherever they are, and never a hex digest', () => {
    const maskNikLike = (text: string) => scrub(text) as string;
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
      const hex = Buffer.from(bytes).toString('hex');
      return maskNikLike(`sha256 ${hex}.`) === `sha256 ${hex}.` || !/[a-f]/.test(hex);
    }), { numRuns: 2000, seed: 11 });
    const digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(maskNikLike(`file ${digest} ok`)).toBe(`file ${digest} ok`);
    expect(maskNikLike(`NIK${PERSON}, KK:${PERSON}${PERSON}`)).toBe(`NIK6472********4321, KK:6472************************4321`);
    expect(maskNikLike('0812345678901 and 123456789012345')).toBe('0812345678901 and 123456789012345'); // phones, counts: not NIK-shaped
    fc.assert(fc.property(fc.string(), fc.string(), fc.stringMatching(/^\d{16}$/), (before, after, n) => {
      return !maskNikLike(`${before} ${n} ${after}`).includes(n);
    }), { numRuns: 500, seed: 12 });
  });
});

describe('audit --limit', () => {
  it('shows N entries when N exist, however many finished lines it hides', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'p.csv', ['nik,nama,kabupaten', `${PERSON},Siti,Samarinda`]);
    for (let i = 0; i < 4; i++) expect((await uep(['import', 'dtks', file, '--quiet'], { cwd: dir })).code).toBe(0);
    const shown = JSON.parse((await uep(['audit', '--limit', '3', '--json'], { cwd: dir })).stdout);
    expect(shown.map((e: { command: string; result: { status: string } }) => `${e.command}: ${e.result.status}`)).toEqual(['import dtks: done', 'import dtks: done', 'import dtks: done']);
  });
});
