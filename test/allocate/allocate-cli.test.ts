import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, uep, uepBin, writeFile } from '../helpers.js';
import { Applicants, dbIn } from './builders.js';

/** A database with applicants in three regencies; Mahakam Ulu (6411) has only 4. */
function database(): { dir: string; niks: string[] } {
  const dir = tempDir();
  const db = dbIn(dir);
  const a = new Applicants(db);
  const niks: string[] = [];
  for (const [kode, n] of [['6472', 30], ['6401', 30], ['6411', 4]] as const) {
    for (let i = 0; i < n; i++) niks.push(a.add({ kode, score: 90 - i, pkh: i % 3 === 0, jenis: i % 2 ? 'bengkel' : 'gorengan' }).nik);
  }
  db.close();
  return { dir, niks };
}
const weights = (dir: string) => writeFile(dir, 'w.csv', ['region,weight', 'Samarinda,1', 'Kab. Paser,1', 'Mahulu,1']);

describe('uep allocate', () => {
  it('prints the regency table and the moves, stores a draft, and answers --json with the same numbers', async () => {
    const { dir } = database();
    const r = await uep(['allocate', '--slots', '30', '--weights', weights(dir), '--method', 'equal'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kabupaten\s+quota\s+eligible applicants\s+eligible KK\s+selected\s+waitlist\s+cut-off\s+women %\s+PKH %\s+Rp juta/);
    expect(r.stdout).toMatch(/Mahakam Ulu\s+4\s+4\s+4\s+4\s+0\s+87/);
    expect(r.stdout).toMatch(/Samarinda\s+13\s+30\s+30\s+13\s+2\s+78/);
    expect(r.stdout).toMatch(/TOTAL\s+30\s+64\s+64\s+30\s+4/);
    expect(r.stderr).toMatch(/re-apportionment round 1: Mahakam Ulu can use 4 of 10 — 6 slot\(s\) released, re-apportioned by equal: Samarinda \+3, Paser \+3/);
    expect(r.stderr).toMatch(/Stored as draft run 1/);
    expect(r.stdout + r.stderr).not.toMatch(/\d{16}/);
    const j = await uep(['allocate', '--slots', '30', '--weights', 'w.csv', '--method', 'equal', '--json'], { cwd: dir });
    const doc = JSON.parse(j.stdout);
    expect(doc).toMatchObject({ run_id: 2, status: 'draft', tahun: 2026, method: 'equal', totals: { selected: 30, waitlisted: 4, unused: 0 } });
    expect(doc.regencies.map((x: { kode: string; selected: number }) => [x.kode, x.selected])).toEqual([['6401', 13], ['6411', 4], ['6472', 13]]);
    expect(doc).not.toHaveProperty('results');
  });

  it('reports eligible applicants and eligible family cards (KK) apart: quotas count family cards', async () => {
    const dir = tempDir();
    const db = dbIn(dir);
    const a = new Applicants(db);
    // Samarinda: 4 eligible applicants on 3 family cards (two share one); Paser: 2 on 2.
    for (const no_kk of ['6472000000000001', '6472000000000001', '6472000000000002', null]) a.add({ kode: '6472', no_kk });
    for (const no_kk of ['6401000000000003', '6401000000000004']) a.add({ kode: '6401', no_kk });
    db.close();
    writeFile(dir, 'w.csv', ['region,weight', 'Samarinda,1', 'Paser,1']);
    const j = JSON.parse((await uep(['allocate', '--slots', '10', '--weights', 'w.csv', '--json'], { cwd: dir })).stdout);
    expect(j.regencies.map((r: Record<string, unknown>) => [r.kode, r.eligible_applicants, r.eligible_kk, r.quota])).toEqual([['6401', 2, 2, 2], ['6472', 4, 3, 3]]);
    expect(j.totals).toMatchObject({ eligible_applicants: 6, eligible_kk: 5, selected: 5 });
    expect(j.totals).not.toHaveProperty('eligible');
    expect(j.regencies[0]).not.toHaveProperty('eligible');
    const r = await uep(['allocate', '--slots', '10', '--weights', 'w.csv'], { cwd: dir });
    expect(r.stdout).toMatch(/^kabupaten\s+quota\s+eligible applicants\s+eligible KK\s+selected/);
    expect(r.stdout).toMatch(/Samarinda\s+3\s+4\s+3\s+3/);
    expect(r.stdout).toMatch(/TOTAL\s+5\s+6\s+5\s+5/);
    expect(r.stderr).toContain('5 unused: no regency has an eligible family card (KK) left');
  });

  it('same database, parameters and seed: identical results rows and identical output', async () => {
    const { dir } = database();
    const args = ['allocate', '--slots', '25', '--seed', 'kaltim', '--waitlist', '3', '--json'];
    const one = JSON.parse((await uep(args, { cwd: dir })).stdout);
    const two = JSON.parse((await uep(args, { cwd: dir })).stdout);
    expect({ ...two, run_id: 0 }).toEqual({ ...one, run_id: 0 });
    const db = dbIn(dir);
    const rows = (run: number) => JSON.stringify(db.prepare(`SELECT application_id, nik, kode_kabupaten, rank, outcome, reason, jenis_usaha, package_value, total_score, waitlist_pos
      FROM allocation_results WHERE run_id = ? ORDER BY application_id`).raw().all(run));
    expect(rows(2)).toBe(rows(1));
    db.close();
    const dry = await uep(['allocate', '--slots', '25', '--dry-run', '--json'], { cwd: dir });
    expect(JSON.parse(dry.stdout)).toMatchObject({ run_id: null, status: 'dry_run' });
  });

  it('finalize once per year; verify confirms; replace promotes from the waitlist; list shows the runs', async () => {
    const { dir, niks } = database();
    await uep(['allocate', '--slots', '30'], { cwd: dir });
    await uep(['allocate', '--slots', '30'], { cwd: dir });
    expect((await uep(['allocate', 'finalize', '1'], { cwd: dir })).code).toBe(0);
    const again = await uep(['allocate', 'finalize', '2'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('uep: 2026 already has a final allocation: run 1')]);
    const verify = await uep(['allocate', 'verify', '1', '--json'], { cwd: dir });
    expect([verify.code, JSON.parse(verify.stdout)]).toEqual([0, expect.objectContaining({ identical: true, inputs_unchanged: true })]);
    const rep = await uep(['allocate', 'replace', niks[0]!, '--reason', 'mengundurkan diri', '--operator', 'ani', '--json'], { cwd: dir });
    expect(rep.code).toBe(0);
    expect(JSON.parse(rep.stdout)).toMatchObject({ run_id: 1, status: 'final', replaced: { rank: 1 }, promoted: { waitlist_pos: 1 } });
    expect(rep.stdout).not.toContain(niks[0]!);
    expect((await uep(['allocate', 'verify', '1'], { cwd: dir })).stderr).toMatch(/recomputes identically after replaying 1 replacement/);
    const list = JSON.parse((await uep(['allocate', 'list', '--json'], { cwd: dir })).stdout);
    expect(list.map((x: { id: number; status: string }) => [x.id, x.status])).toEqual([[1, 'final'], [2, 'draft']]);
    const audit = JSON.parse((await uep(['audit', '--json'], { cwd: dir })).stdout);
    // The refused second finalize is in the trail too, as failed.
    expect(audit.map((e: { command: string; result: { status: string } }) => `${e.command}: ${e.result.status}`)).toEqual([
      'allocate: done', 'allocate: done', 'allocate finalize: done', 'allocate finalize: failed', 'allocate replace: done',
    ]);
    expect(JSON.stringify(audit)).not.toContain(niks[0]!);
  });

  it('verify exits 1 when the data changed since the run', async () => {
    const { dir } = database();
    await uep(['allocate', '--slots', '30'], { cwd: dir });
    const db = dbIn(dir);
    db.prepare(`UPDATE scores SET total_score = 10 WHERE application_id = 1`).run();
    db.close();
    const r = await uep(['allocate', 'verify', '1'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Inputs CHANGED since the run/);
  });

  it('compare shows the same pool under several methods side by side and stores nothing', async () => {
    const { dir } = database();
    const pop = writeFile(dir, 'pop.csv', ['region,weight', 'Samarinda,881225', 'Paser,309667', 'Mahakam Ulu,39715']);
    const r = await uep(['allocate', 'compare', '--method', 'equal,hamilton,dhondt', '--weights', pop, '--slots', '30'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kabupaten\s+eligible applicants\s+eligible KK\s+equal\s+hamilton\s+dhondt/);
    expect(r.stdout).toMatch(/Samarinda\s+30\s+30\s+13\s+21\s+22/);
    const j = JSON.parse((await uep(['allocate', 'compare', '--method', 'webster,equal', '--json'], { cwd: dir })).stdout);
    expect(j.methods.map((m: { method: string }) => m.method)).toEqual(['webster', 'equal']);
    expect((await uep(['allocate', 'list', '--json'], { cwd: dir })).stdout.trim()).toBe('[]');
  });

  it('usage errors name the flag (exit 2); refusals explain themselves (exit 1)', async () => {
    const { dir, niks } = database();
    const cases: [string[], number, RegExp][] = [
      [['allocate', '--waitlist', 'lots'], 2, /--waitlist lots: expected a number per regency/],
      [['allocate', '--slots', '0'], 2, /--slots 0: expected a whole number from 1 to 1000000/],
      [['allocate', '--method', 'borda'], 2, /--method borda/],
      [['allocate', '--budget', 'banyak'], 2, /--budget banyak/],
      [['allocate', 'compare'], 2, /--method: name the methods/],
      [['allocate', 'replace', '123', '--reason', 'x'], 2, /<nik>: not a valid NIK/],
      [['allocate', 'replace', niks[0]!], 2, /--reason/],
      [['allocate', 'finalize', 'abc'], 2, /run abc/],
      [['allocate', '--slots', '30', '--budget', '100.000.000'], 1, /more than the budget of Rp100,000,000/],
      [['allocate', '--weights', writeFile(dir, 'bad.csv', ['region,weight', 'Jakarta,5'])], 1, /"Jakarta" is not one of the ten regencies/],
      [['allocate', '--tahun', '2030'], 1, /no eligible scored applicants for 2030/],
      [['allocate', 'finalize', '9'], 1, /no allocation run 9/],
      [['allocate', 'replace', niks[0]!, '--reason', 'x'], 1, /no allocation run/],
    ];
    for (const [args, code, message] of cases) {
      const r = await uep(args, { cwd: dir });
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), code, expect.stringMatching(message)]);
      expect(r.stderr).not.toContain(niks[0]!);
    }
  });
});

describe('the built binary', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'commands', 'allocate.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('allocates with a clean --json stdout, no TTY, as cron would', () => {
    const { dir } = database();
    const r = uepBin(['allocate', '--slots', '20', '--json', '--quiet'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ run_id: 1, totals: { selected: 20 } });
  });
});
