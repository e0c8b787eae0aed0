import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prompters } from '../../src/cli/prompts.js';
import { CANCEL, officer, ScriptedPrompter, type Responder } from '../assess/scripted.js';
import { nik, openDb, tempDir, uep, uepBin, writeFile } from '../helpers.js';
import { RUBRIC, SITI_ANSWERS } from '../score/builders.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const IDS = RUBRIC.rubric.questions.map((q) => q.id);
const SITI_CELLS = ['tidak_ada', '3', 'ya', 'tinggi', 'gorengan', 'memasak', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];
const BUDI_CELLS = ['tidak_tetap', '0', 'tidak', 'sedang', '', 'memasak', 'tempat_jualan', '', 'sepi', 'sebagian', 'cukup'];

/** A database with two registrations of 2026 (DTKS imported through the CLI). */
async function registered() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const run = (...args: string[]) => uep([...args, '--db', db], { cwd: dir });
  await run('import', 'dtks', writeFile(dir, 'dtks.csv', [
    'NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL,HUBUNGAN_KELUARGA,STATUS_PKH,TGL LAHIR',
    `${SITI},Siti Aminah,Kota Samarinda,2,kepala keluarga,1,05-07-1985`,
    `${BUDI},Budi Santoso,Kukar,3,anak,0,01-01-1990`,
  ]), '--quiet');
  await run('applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`, `${BUDI},bengkel,2026-01-11`]), '--tahun', '2026', '--quiet');
  return { dir, db, run };
}

const forms = (dir: string) => writeFile(dir, 'asesmen.csv', [
  `nik,assessor,tanggal,${IDS.join(',')}`, `${SITI},Rahmawati,2026-02-01,${SITI_CELLS.join(',')}`, `${BUDI},Agus,2026-02-02,${BUDI_CELLS.join(',')}`,
]);

const original = prompters.create;
afterEach(() => {
  prompters.create = original;
});
function script(respond: Responder): ScriptedPrompter {
  const p = new ScriptedPrompter(respond);
  prompters.create = () => p;
  return p;
}

describe('uep assess (interactive)', () => {
  it('without a terminal it exits 2 at once, pointing to `uep assess import`', async () => {
    const { run } = await registered();
    const p = script(() => {
      throw new Error('must not prompt');
    });
    const r = await run('assess', SITI);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uep assess is an interview and needs a terminal');
    expect(r.stderr).toContain('uep assess import <file>');
    expect(p.asked).toEqual([]);
  });

  it('the built binary with no TTY (cron-style) exits 2 too', async () => {
    const { dir, db } = await registered();
    const r = uepBin(['assess', '--db', db], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uep assess import');
  });

  it('in a terminal: the interview saves the assessment and says so; --json gives the saved list (masked)', async () => {
    const { run, db } = await registered();
    script(officer(RUBRIC.rubric, SITI_ANSWERS));
    const r = await uep(['assess', SITI, '--db', db, '--json', '--assessor', 'Rahmawati'], { tty: true, cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ tahun: 2026, saved: [expect.objectContaining({ nik: '6472********0001', jenis_usaha_disepakati: 'gorengan', eligible: true })], skipped: 0 });
    expect(r.stderr).toContain('Business types by fit for this person:');
    expect(r.stderr).toMatch(/Chicken farming\s+40\s+lacks: land for a chicken coop/); // the type and the requirement in English
    expect(r.stderr).toMatch(/Total 88\.75 × 50% \+ 91 × 50% = 89\.88/);
    expect(r.stderr).toContain('Saved: 6472********0001 · Fried snacks · eligible · total 89.88');
    const d = openDb(db);
    expect(d.prepare(`SELECT assessor, source FROM assessments`).all()).toEqual([{ assessor: 'Rahmawati', source: 'interview' }]);
    expect(d.prepare(`SELECT params_json FROM audit_log WHERE command = 'assess'`).pluck().get()).not.toContain(SITI);
    d.close();
    expect((await run('applicants', 'list', '--json')).stdout).toContain('"status": "assessed"');
  });

  it('Ctrl-C: one line, exit 130, nothing saved', async () => {
    const { db } = await registered();
    let n = 0;
    script(officer(RUBRIC.rubric, SITI_ANSWERS, { override: () => (n++ === 6 ? CANCEL : undefined) }));
    const r = await uep(['assess', SITI, '--db', db], { tty: true });
    expect(r.code).toBe(130);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('uep: interview cancelled: nothing was saved');
    const d = openDb(db);
    expect(d.prepare(`SELECT count(*) FROM assessments`).pluck().get()).toBe(0);
    d.close();
  });

  it('a bad NIK or --next with a NIK are usage errors', async () => {
    const { db } = await registered();
    script(() => undefined);
    expect(await uep(['assess', '12345', '--db', db], { tty: true })).toMatchObject({ code: 2, stderr: expect.stringContaining('<nik>: not a valid NIK (nik_format)') });
    expect(await uep(['assess', SITI, '--next', '--db', db], { tty: true })).toMatchObject({ code: 2, stderr: expect.stringContaining('either a <nik> or --next') });
  });
});

describe('uep assess import, uep score, uep explain', () => {
  it('forms in, scores computed, the explanation printed; --json throughout', async () => {
    const { dir, run, db } = await registered();
    const imp = await run('assess', 'import', forms(dir), '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ kind: 'assessments', inserted: 2, rejected: 0 });
    const s = await run('score', '--json');
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ tahun: 2026, scored: 2, eligible: 1, ineligible: 1, reasons: { fit_below_min: 1 }, rubric_version: '2026.1' });
    expect(s.stderr).toMatch(/Scored 2 assessed application\(s\) of 2026 with rubric 2026\.1/);
    const e = await run('explain', SITI);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('Siti Aminah · NIK 6472********0001 · Samarinda · application 2026 (eligible — scored eligible)');
    expect(e.stdout).toMatch(/✓ age 40 at the assessment date \(allowed 18–60\)/);
    expect(e.stdout).toMatch(/desil\s+data: 2\s+0\.75\s+30\s+22\.5/);
    expect(e.stdout).toContain('Total 88.75 × 50% + 91 × 50% = 89.88');
    expect(e.stdout).not.toContain(SITI);
    const budi = JSON.parse((await run('explain', BUDI, '--json')).stdout);
    expect(budi).toMatchObject({ nik: '6402********0002', allocation: null, score: { eligible: false, reasons: ['fit_below_min'], total_score: 22.75 } });
    expect(budi.score.detail.rules.find((r: { rule: string }) => r.rule === 'min_fit')).toMatchObject({ passed: false, reason: 'fit_below_min', value: 23 });
    const d = openDb(db);
    expect(d.prepare(`SELECT count(*) FROM scores`).pluck().get()).toBe(2);
    d.close();
  });

  it('a malformed --rubric names the key (exit 1); explain of unknown or invalid NIKs', async () => {
    const { dir, run } = await registered();
    const json = JSON.parse(RUBRIC.content);
    json.need.components.desil.weight = 'x';
    writeFile(dir, 'rubric-baru.json', JSON.stringify(json));
    const bad = await run('score', '--rubric', 'rubric-baru.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('uep: rubric-baru.json: need.components.desil.weight must be a number between 0 and 100 (got "x")');
    expect(await run('explain', nik('6401', 1, 1, 80, 7))).toMatchObject({ code: 1, stderr: expect.stringContaining('6401********0007 is not in the database') });
    expect(await run('explain', '6.47201E+15')).toMatchObject({ code: 2, stderr: expect.stringContaining('not a valid NIK (nik_scientific)') });
    const notYet = await run('explain', SITI);
    expect(notYet).toMatchObject({ code: 0, stdout: expect.stringContaining('not assessed yet') });
  });

  it('every command has help text', async () => {
    for (const args of [['applicants', 'import'], ['applicants', 'list'], ['assess'], ['assess', 'import'], ['score'], ['explain'], ['import', 'recipients']]) {
      const r = await uep([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: uep /);
    }
  });
});
