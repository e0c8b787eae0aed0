/**
 * A run allocated before active PKH had one definition: its pool counted PKH only through the
 * applicant's own row or a PKH row with the same no_kk, and it did not keep its pool rows.
 * `allocate verify` must say that recomputing gives another result, and why.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputsHash } from '../../src/allocate/inputs-hash.js';
import { planAllocation } from '../../src/allocate/plan.js';
import { loadPool } from '../../src/allocate/pool.js';
import { getRun, runParams, saveRun } from '../../src/allocate/store.js';
import type { PoolRow } from '../../src/allocate/types.js';
import { openDb } from '../helpers.js';
import { buildWorld, CONTESTS, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);
afterAll(() => rmSync(w.dir, { recursive: true, force: true }));

/** Stores run 2's parameters over `rows` as uep did before migration 5: no pool row kept with the results. */
function storeTheOldWay(rows: PoolRow[]): number {
  const db = openDb(w.db);
  try {
    const params = runParams(getRun(db, 2));
    const pool = { ...loadPool(db, 2026), rows };
    const runId = saveRun(db, planAllocation(rows, params), pool, inputsHash(pool, params), new Date('2026-03-01T00:00:00Z'));
    db.prepare(`UPDATE allocation_results SET no_kk = NULL, desil = NULL, pkh = NULL, tanggal_daftar = NULL, jenis_kelamin = NULL WHERE run_id = ?`).run(runId);
    return runId;
  } finally {
    db.close();
  }
}

/** The pool as the earlier rule saw it: the husband in PKH through his wife's KK-less row, and DTKS STATUS_PKH alone, did not count. */
function oldPool(): { rows: PoolRow[]; flipped: number[] } {
  const db = openDb(w.db);
  try {
    const missed = new Set([CONTESTS[4]!.a, CONTESTS[5]!.a]);
    const rows = loadPool(db, 2026).rows.map((r) => (missed.has(r.nik) ? { ...r, pkh: false } : r));
    return { rows, flipped: rows.filter((r) => missed.has(r.nik)).map((r) => r.application_id) };
  } finally {
    db.close();
  }
}

describe('allocate verify on a run made before the fix', () => {
  it('says the pool\'s PKH flag changed, for whom, and that the result differs; exit 1', async () => {
    const { rows, flipped } = oldPool();
    const runId = storeTheOldWay(rows);
    const r = await w.run('allocate', 'verify', String(runId));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Inputs CHANGED since the run');
    expect(r.stderr).toContain(`Run ${runId} was ranked with uep's earlier PKH flag (the applicant's own PKH row, or a PKH row with the same no_kk)`);
    expect(r.stderr).toContain(`The pool's PKH flag (active PKH, the rubric's pkh_aktif) changed for 2 applicant(s) (application ${flipped.join(', ')}).`);
    // Two contests at the cut-off turn round: two rows each.
    expect(r.stderr).toContain(`Run ${runId}: 4 result row(s) differ when recomputed.`);
    expect(r.stderr).not.toMatch(/\d{16}/);
    const j = JSON.parse((await w.run('allocate', 'verify', String(runId), '--json')).stdout);
    expect(j).toMatchObject({
      inputs_unchanged: false, identical: false, differences: 4, pool_stored: false, earlier_pkh_rule: true, rubric_changed: false,
      input_changes: [{ field: 'pkh', applicants: 2, application_ids: flipped }],
    });
    expect((await w.run('allocate', 'finalize', String(runId))).stderr).toContain('changed since run');
  });

  it('an old run the fix does not touch still verifies as identical', async () => {
    const db = openDb(w.db);
    const rows = loadPool(db, 2026).rows;
    db.close();
    const runId = storeTheOldWay(rows);
    const r = await w.run('allocate', 'verify', String(runId), '--json');
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, expect.objectContaining({ inputs_unchanged: true, identical: true, earlier_pkh_rule: false })]);
  });

  it('an old run whose change it cannot attribute says what it can, and what it cannot know', async () => {
    const { rows } = oldPool();
    const runId = storeTheOldWay(rows);
    const db = openDb(w.db);
    const id = db.prepare(`SELECT id FROM applications WHERE nik = ? AND tahun = 2026`).pluck().get(CONTESTS[0]!.b) as number;
    db.prepare(`UPDATE scores SET total_score = total_score + 1 WHERE application_id = ?`).run(id);
    db.close();
    const r = await w.run('allocate', 'verify', String(runId));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The total score changed for 1 applicant(s) (application ${id}).`);
    expect(r.stderr).toContain(`Run ${runId} was stored before uep kept the pool with each result: fields it does not keep (family card, desil, PKH, registration date or sex) may have changed too.`);
    expect(r.stderr).not.toContain('earlier PKH flag');
  });
});
