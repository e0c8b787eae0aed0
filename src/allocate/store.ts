/** Runs in the database: saved in one transaction, read back for finalize, verify, replace, explain. */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Pool } from './pool.js';
import type { AllocationParams, AllocationPlan, PoolRow, ResultRow } from './types.js';

export interface RunRow {
  id: number;
  tahun: number;
  status: 'draft' | 'final';
  params_json: string;
  seed: string;
  rubric_version: string | null;
  rubric_sha256: string | null;
  inputs_sha256: string;
  created_at: string;
  finalized_at: string | null;
}

export interface MoveRow {
  id: number;
  kind: 'reapportion' | 'tie' | 'replace';
  detail_json: string;
  operator: string | null;
  created_at: string;
}

/** Saves a plan as a draft run, each result with the pool row it was ranked with. */
export function saveRun(db: Db, plan: AllocationPlan, pool: Pick<Pool, 'rubric' | 'rows'>, inputsSha256: string, now: Date): number {
  const at = now.toISOString();
  return db.transaction(() => {
    const { params } = plan;
    const runId = Number(db.prepare(`
      INSERT INTO allocation_runs (tahun, status, params_json, seed, rubric_version, rubric_sha256, inputs_sha256, created_at)
      VALUES (?, 'draft', ?, ?, ?, ?, ?, ?)`).run(
      params.tahun, JSON.stringify(params), params.seed, pool.rubric?.version ?? null, pool.rubric?.sha256 ?? null, inputsSha256, at,
    ).lastInsertRowid);
    const quota = db.prepare(`INSERT INTO allocation_quotas (run_id, kode_kabupaten, initial_quota, quota, eligible, selected, waitlisted, cutoff_score, package_total)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of plan.regencies) {
      quota.run(runId, r.kode, r.initial_quota, r.quota, r.eligible_applicants, r.selected, r.waitlisted, r.cutoff_score, r.package_total);
    }
    const result = db.prepare(`INSERT INTO allocation_results (run_id, application_id, nik, kode_kabupaten, rank, outcome, reason, jenis_usaha, package_value, total_score, waitlist_pos,
      no_kk, desil, pkh, tanggal_daftar, jenis_kelamin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // In key order: appending to the primary key's B-tree is several times faster than random inserts.
    // Every pool row has one result: in that order the two lists pair up.
    const rows = [...pool.rows].sort((a, b) => a.application_id - b.application_id);
    const results = [...plan.results].sort((a, b) => a.application_id - b.application_id);
    results.forEach((r, i) => {
      const p: PoolRow | undefined = rows[i];
      if (p?.application_id !== r.application_id) throw new Error(`internal error: result ${r.application_id} does not pair with the pool`);
      result.run(runId, r.application_id, r.nik, r.kode_kabupaten, r.rank, r.outcome, r.reason, r.jenis_usaha, r.package_value, r.total_score, r.waitlist_pos,
        p.no_kk, p.desil, p.pkh ? 1 : 0, p.tanggal_daftar, p.jenis_kelamin);
    });
    const move = db.prepare(`INSERT INTO allocation_moves (run_id, kind, detail_json, operator, created_at) VALUES (?, ?, ?, NULL, ?)`);
    for (const m of plan.moves) move.run(runId, 'reapportion', JSON.stringify(m), at);
    for (const t of plan.ties) move.run(runId, 'tie', JSON.stringify(t), at);
    return runId;
  }).immediate();
}

export function getRun(db: Db, runId: number): RunRow {
  const run = db.prepare(`SELECT * FROM allocation_runs WHERE id = ?`).get(runId) as RunRow | undefined;
  // One line, no hint: cron mails a failure as it is.
  if (!run) throw new UepError(t('allocate:store.no_run', { run: runId }));
  return run;
}

export function runParams(run: RunRow): AllocationParams {
  return JSON.parse(run.params_json) as AllocationParams;
}

/** Stored results in the planner's order: regency code, then rank. */
export function runResults(db: Db, runId: number): ResultRow[] {
  return db.prepare(`
    SELECT application_id, nik, kode_kabupaten, rank, outcome, reason, jenis_usaha, package_value, total_score, waitlist_pos
    FROM allocation_results WHERE run_id = ? ORDER BY kode_kabupaten, rank`).all(runId) as ResultRow[];
}

export function runMoves(db: Db, runId: number, kind?: MoveRow['kind']): MoveRow[] {
  return db.prepare(`SELECT id, kind, detail_json, operator, created_at FROM allocation_moves
    WHERE run_id = ? AND (? IS NULL OR kind = ?) ORDER BY id`).all(runId, kind ?? null, kind ?? null) as MoveRow[];
}

/** The run a year's decisions refer to: its final run, else its latest draft; undefined when none. */
export function currentRun(db: Db, tahun: number): RunRow | undefined {
  return db.prepare(`SELECT * FROM allocation_runs WHERE tahun = ?
    ORDER BY status = 'final' DESC, id DESC LIMIT 1`).get(tahun) as RunRow | undefined;
}

/**
 * The run an export, visit plan or report is about: the one named (--run), else the final run of
 * the latest year. Chosen once per command; the core functions take the run itself.
 */
export function chooseRun(db: Db, runId?: number): RunRow {
  if (runId !== undefined) return getRun(db, runId);
  const run = db.prepare(`SELECT * FROM allocation_runs WHERE status = 'final' ORDER BY tahun DESC, id DESC LIMIT 1`).get() as RunRow | undefined;
  if (!run) throw new UepError(t('allocate:store.no_final_run'));
  return run;
}

/** The latest year with an allocation run that year in which this NIK applied; null when none. */
export function latestTahunOf(db: Db, nik: string): number | null {
  return db.prepare(`SELECT max(r.tahun) FROM applications a JOIN allocation_runs r ON r.tahun = a.tahun WHERE a.nik = ?`).pluck().get(nik) as number | null;
}

export function listRuns(db: Db, tahun?: number): RunRow[] {
  return db.prepare(`SELECT * FROM allocation_runs WHERE (? IS NULL OR tahun = ?) ORDER BY id`).all(tahun ?? null, tahun ?? null) as RunRow[];
}
