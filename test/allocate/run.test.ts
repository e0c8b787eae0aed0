import { describe, expect, it } from 'vitest';
import { finalizeRun } from '../../src/allocate/finalize.js';
import { allocationOutcome } from '../../src/allocate/outcome.js';
import { loadPool } from '../../src/allocate/pool.js';
import { replaceBeneficiary } from '../../src/allocate/replace.js';
import { allocate, compareMethods } from '../../src/allocate/run.js';
import { getRun, runResults } from '../../src/allocate/store.js';
import { verifyRun } from '../../src/allocate/verify.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { exportAllocation } from '../../src/export/allocation.js';
import { tempDir } from '../helpers.js';
import { Applicants, PAKET } from './builders.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const one = [{ kode: '6472', weight: '1' }];

function setup(): { db: Db; a: Applicants } {
  const db = openDatabase(':memory:');
  return { db, a: new Applicants(db) };
}

describe('loadPool', () => {
  it('takes eligible scored applicants of the year, with the agreed business type and the registry facts their score was computed from', () => {
    const { db, a } = setup();
    const x = a.add({ jenis: 'makanan', disepakati: 'bengkel', no_kk: ' ', desil: 3 });
    a.add({ eligible: false });
    a.add({ tahun: 2025 });
    const member = a.add({ pkh: true, no_kk: '6472000000000001', kode: '6401' });
    // The registry changes after scoring: the ranking keeps to the facts that gave the score (and that explain shows).
    db.prepare(`UPDATE persons SET kode_kabupaten = '6474', desil = 1, no_kk = '6472000000000001' WHERE nik = ?`).run(x.nik);
    const pool = loadPool(db, 2026);
    expect(pool.rows.map((r) => r.application_id)).toEqual([x.application_id, member.application_id]);
    expect(pool.rows[0]).toMatchObject({ jenis_usaha: 'bengkel', pkh: false, kode_kabupaten: '6472', desil: 3, no_kk: '6472000000000001' });
    expect(pool.rows[1]).toMatchObject({ pkh: true, kode_kabupaten: '6401', desil: 1 });
    expect(pool.rubric).toEqual({ version: 'v1', sha256: 'v1-sha' });
  });

  it('refuses a score that holds no registry facts, naming the application and the fix', () => {
    const { db, a } = setup();
    const x = a.add();
    db.prepare(`UPDATE scores SET breakdown_json = '{}', kode_kabupaten = NULL, desil = NULL, pkh_aktif = NULL WHERE application_id = ?`).run(x.application_id);
    expect(() => loadPool(db, 2026)).toThrow(`the score of application ${x.application_id} (2026) does not hold the registry facts ranking needs`);
  });

  it('refuses a pool scored with two rubrics', () => {
    const { db, a } = setup();
    a.add({ rubric: 'v1' });
    a.add({ rubric: 'v2' });
    expect(() => loadPool(db, 2026)).toThrow(/2 different rubrics \(v1, v2\)/);
  });
});

describe('allocate', () => {
  it('stores a draft run: parameters, seed, rubric, inputs hash, quotas, every outcome, the moves', async () => {
    const { db, a } = setup();
    a.fill({ '6472': 30, '6411': 3 });
    const r = await allocate(db, { slots: 20, regions: [{ kode: '6472', weight: '1' }, { kode: '6411', weight: '1' }], paket: PAKET, now: NOW });
    const run = db.prepare(`SELECT * FROM allocation_runs`).get() as Record<string, unknown>;
    expect(run).toMatchObject({ id: r.run_id, tahun: 2026, status: 'draft', seed: '2026', rubric_version: 'v1', inputs_sha256: r.inputs_sha256, created_at: NOW.toISOString() });
    expect(JSON.parse(run.params_json as string)).toMatchObject({ slots: 20, method: 'hamilton', waitlist: { percent: '10' } });
    expect(db.prepare(`SELECT kode_kabupaten, initial_quota, quota, eligible, selected, waitlisted FROM allocation_quotas ORDER BY 1`).raw().all())
      .toEqual([['6411', 10, 3, 3, 3, 0], ['6472', 10, 17, 30, 17, 2]]);
    expect(db.prepare(`SELECT count(*) FROM allocation_results`).pluck().get()).toBe(33);
    expect(db.prepare(`SELECT kind FROM allocation_moves`).pluck().all()).toEqual(['reapportion']);
  });

  it('--dry-run stores nothing; the same inputs and seed give identical results', async () => {
    const { db, a } = setup();
    for (let i = 0; i < 40; i++) a.add({ score: 50 + (i % 3), kode: i % 2 ? '6472' : '6401' });
    const dry = await allocate(db, { slots: 10, dryRun: true, paket: PAKET });
    expect(dry.run_id).toBeNull();
    expect(db.prepare(`SELECT count(*) FROM allocation_runs`).pluck().get()).toBe(0);
    const r1 = await allocate(db, { slots: 10, paket: PAKET });
    const r2 = await allocate(db, { slots: 10, paket: PAKET });
    expect(runResults(db, r2.run_id!)).toEqual(runResults(db, r1.run_id!));
    expect(r2.inputs_sha256).toBe(r1.inputs_sha256);
    const r3 = await allocate(db, { slots: 10, paket: PAKET, seed: 'other' });
    expect(r3.inputs_sha256).not.toBe(r1.inputs_sha256);
  });

  it('two runs with the same seed export byte for byte the same files (all but the manifest, which names the run)', async () => {
    const { db, a } = setup();
    for (let i = 0; i < 60; i++) a.add({ score: 40 + (i % 7), kode: ['6472', '6401', '6411'][i % 3], jenis: i % 2 ? 'bengkel' : 'makanan' });
    const runs = [(await allocate(db, { slots: 20, paket: PAKET })).run_id!, (await allocate(db, { slots: 20, paket: PAKET })).run_id!];
    const [one, two] = await Promise.all(runs.map(async (runId) => (await exportAllocation(db, { run: getRun(db, runId), dir: tempDir(), now: NOW })).files));
    expect(one!.length).toBeGreaterThan(3);
    expect(two!.map((f) => [f.name, f.sha256])).toEqual(one!.map((f) => [f.name, f.sha256]));
  });

  it('refuses an allocation that costs more than the budget', async () => {
    const { db, a } = setup();
    a.fill({ '6472': 5 });
    await expect(allocate(db, { slots: 5, regions: one, paket: PAKET, budget: 23_000_000 }))
      .rejects.toThrow('the allocation needs Rp23,750,000 for 5 packages, more than the budget of Rp23,000,000');
    expect((await allocate(db, { slots: 5, regions: one, paket: PAKET, budget: 23_750_000 })).plan.totals.selected).toBe(5);
  });

  it('refuses an empty pool with the fix', async () => {
    const { db } = setup();
    await expect(allocate(db, { tahun: 2026, paket: PAKET })).rejects.toThrow(/no eligible scored applicants for 2026/);
  });

  it('compare: the same pool under several methods', async () => {
    const { db, a } = setup();
    a.fill({ '6472': 50, '6401': 50, '6411': 2 });
    const regions = [{ kode: '6472', weight: '881225' }, { kode: '6401', weight: '309667' }, { kode: '6411', weight: '39715' }];
    const plans = await compareMethods(db, { slots: 30, regions, paket: PAKET }, ['equal', 'hamilton', 'dhondt']);
    // Regencies in code order 6401, 6411, 6472. equal: 10 each, Mahakam Ulu can use 2, the other 28 split 14/14.
    expect(plans.map((p) => p.regencies.map((r) => r.selected))).toEqual([[14, 2, 14], [8, 1, 21], [7, 1, 22]]);
    expect(plans[0]!.moves).toHaveLength(1);
  });
});

describe('finalize, verify, replace, outcome', () => {
  async function drafted() {
    const { db, a } = setup();
    const people = Array.from({ length: 12 }, (_, i) => a.add({ score: 90 - i, no_kk: `64720000000000${String(i).padStart(2, '0')}` }));
    const { run_id } = await allocate(db, { slots: 8, regions: one, paket: PAKET, waitlist: { count: 3 }, now: NOW });
    return { db, a, people, runId: run_id! };
  }

  it('verify recomputes a run identically, and tells changed inputs from a changed result', async () => {
    const { db, a, runId } = await drafted();
    expect(verifyRun(db, runId)).toMatchObject({ identical: true, inputs_unchanged: true, differences: 0 });
    db.prepare(`UPDATE allocation_results SET outcome = 'waitlist' WHERE run_id = ? AND rank = 1`).run(runId);
    expect(verifyRun(db, runId)).toMatchObject({ identical: false, inputs_unchanged: true, differences: 1 });
    db.prepare(`UPDATE allocation_results SET outcome = 'selected' WHERE run_id = ? AND rank = 1`).run(runId);
    a.add({ score: 99 });
    const v = verifyRun(db, runId);
    expect(v).toMatchObject({ inputs_unchanged: false, identical: false });
    expect(JSON.stringify(v)).not.toMatch(/\d{16}/);
  });

  it('finalize: one final run per year, refused when the data changed since the draft', async () => {
    const { db, a, runId } = await drafted();
    expect(finalizeRun(db, runId, NOW)).toMatchObject({ status: 'final', finalized_at: NOW.toISOString() });
    expect(() => finalizeRun(db, runId, NOW)).toThrow(/already final/);
    const second = (await allocate(db, { slots: 8, regions: one, paket: PAKET })).run_id!;
    expect(() => finalizeRun(db, second, NOW)).toThrow(`2026 already has a final allocation: run ${runId}`);
    const { db: db2, a: a2 } = setup();
    a2.fill({ '6472': 3 });
    const draft = (await allocate(db2, { slots: 2, regions: one, paket: PAKET })).run_id!;
    a2.add({ score: 1 });
    expect(() => finalizeRun(db2, draft, NOW)).toThrow(/changed since run/);
    void a;
  });

  it('replace promotes the top of the waitlist, skipping a family that already has a package; verify replays it', async () => {
    const { db, people, runId } = await drafted();
    finalizeRun(db, runId, NOW);
    // Waitlist: ranks 9, 10, 11. Give rank 9 the family card of rank 2 (selected): promotion skips them.
    db.prepare(`UPDATE persons SET no_kk = (SELECT no_kk FROM persons WHERE nik = ?) WHERE nik = ?`).run(people[1]!.nik, people[8]!.nik);
    const r = replaceBeneficiary(db, { nik: people[0]!.nik, reason: 'mengundurkan diri', operator: 'budi', now: NOW });
    expect(r).toMatchObject({ run_id: runId, status: 'final', replaced: { rank: 1 }, promoted: { rank: 10, waitlist_pos: 2 }, skipped_same_kk: 1 });
    expect(r.replaced.nik_masked).toMatch(/^6472\*{8}\d{4}$/);
    const outcomes = db.prepare(`SELECT rank, outcome, reason FROM allocation_results WHERE run_id = ? AND rank IN (1, 9, 10) ORDER BY rank`).raw().all(runId);
    expect(outcomes).toEqual([[1, 'replaced', 'mengundurkan diri'], [9, 'skipped', 'same_kk'], [10, 'selected', 'replacement']]);
    expect(db.prepare(`SELECT selected, waitlisted FROM allocation_quotas WHERE run_id = ?`).raw().get(runId)).toEqual([8, 1]);
    expect(db.prepare(`SELECT kind, operator FROM allocation_moves WHERE kind = 'replace'`).raw().all()).toEqual([['replace', 'budi']]);
    // Verify replays the replacement on the recomputed plan (the KK edit changes the inputs, so undo it first).
    db.prepare(`UPDATE persons SET no_kk = '6472000000000008' WHERE nik = ?`).run(people[8]!.nik);
    const v = verifyRun(db, runId);
    expect(v.inputs_unchanged).toBe(true);
    expect(v.replacements_replayed).toBe(1);
    expect(v.differences).toBe(2); // without the shared card, rank 9 would have been promoted instead of rank 10
  });

  it('replacement on an empty waitlist leaves the slot open; only selected beneficiaries can be replaced', async () => {
    const { db, people, runId } = await drafted();
    expect(() => replaceBeneficiary(db, { nik: people[9]!.nik, reason: 'x', operator: 'o', now: NOW })).toThrow(/not a selected beneficiary \(outcome: waitlist\)|outcome: waitlist/);
    for (const i of [0, 1, 2, 3]) replaceBeneficiary(db, { nik: people[i]!.nik, reason: 'pindah', operator: 'o', now: NOW });
    expect(db.prepare(`SELECT selected, waitlisted FROM allocation_quotas WHERE run_id = ?`).raw().get(runId)).toEqual([7, 0]);
    expect(verifyRun(db, runId)).toMatchObject({ identical: true, replacements_replayed: 4 });
  });

  it('outcome for explain: rank, cut-off, outcome, reason and the replacement both ways', async () => {
    const { db, people, runId } = await drafted();
    replaceBeneficiary(db, { nik: people[2]!.nik, reason: 'meninggal dunia', operator: 'siti', now: NOW });
    expect(allocationOutcome(db, people[2]!.nik)).toMatchObject({
      run_id: runId, status: 'draft', rank: 3, outcome: 'replaced', reason: 'meninggal dunia', quota: 8, eligible_applicants: 12,
      replaced_by: { operator: 'siti', reason: 'meninggal dunia', at: NOW.toISOString(), other_application_id: people[8]!.application_id },
    });
    const promoted = allocationOutcome(db, people[8]!.nik)!;
    expect(promoted).toMatchObject({ outcome: 'selected', reason: 'replacement', rank: 9, cutoff_score: 82, replaces: { other_application_id: people[2]!.application_id } });
    expect(promoted.replaces!.other_nik_masked).toMatch(/\*{8}/);
    expect(allocationOutcome(db, people[11]!.nik)).toMatchObject({ outcome: 'not_selected', reason: 'below_cutoff', rank: 12 });
    expect(allocationOutcome(db, '6472014109950001')).toBeNull();
    expect(allocationOutcome(db, people[0]!.nik, 2025)).toBeNull();
  });
});
