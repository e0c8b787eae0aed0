/**
 * `uep allocate verify <run>`: loads the pool again, recomputes the plan from the run's stored
 * parameters, replays the recorded replacements, and compares with what is stored. The inputs
 * hash tells "the data changed since the run" apart from "the same data gives another result";
 * the pool rows the run keeps with its results say which inputs changed, field by field. A run
 * stored before uep kept them is compared with the pool as uep loaded it then (legacy-pool.ts).
 */
import type { Db } from '../db/open.js';
import { ALL_FIELDS, ALWAYS_KEPT, poolChanges, storedPool, type InputChange } from './input-changes.js';
import { inputsHash } from './inputs-hash.js';
import { legacyPoolRows } from './legacy-pool.js';
import { planAllocation } from './plan.js';
import { loadPool } from './pool.js';
import { applyReplacement, type ReplacementDetail } from './replace.js';
import { getRun, runMoves, runParams, runResults, type RunRow } from './store.js';
import type { PoolRow, ResultRow } from './types.js';

/** A result row as verify shows it (never the NIK). */
export type ResultSummary = Pick<ResultRow, 'outcome' | 'reason' | 'rank' | 'waitlist_pos' | 'total_score' | 'package_value'>;

export interface Difference {
  application_id: number;
  kode_kabupaten: string;
  /** The row in one fixed line ("selected (quota) rank 3 score 80 Rp4750000"; "absent"), as --json has always given it. */
  stored: string;
  recomputed: string;
  /** The same as data, for people in their language; null when absent. */
  stored_result: ResultSummary | null;
  recomputed_result: ResultSummary | null;
}

export interface VerifyReport {
  run_id: number;
  tahun: number;
  status: 'draft' | 'final';
  inputs_unchanged: boolean;
  stored_inputs_sha256: string;
  current_inputs_sha256: string;
  /** The run was scored with another rubric than the pool now. */
  rubric_changed: boolean;
  /** Which inputs changed since the run, field by field (empty when unchanged or unknown). */
  input_changes: InputChange[];
  /** False for a run stored before uep kept each result's pool row: only score, regency and business type compare. */
  pool_stored: boolean;
  /**
   * The run was ranked with uep's earlier PKH flag (own PKH row or one with the same no_kk, not
   * the rubric's pkh_aktif): its inputs hash is that of the pool loaded the earlier way.
   */
  earlier_pkh_rule: boolean;
  replacements_replayed: number;
  /** True when every result row recomputes exactly as stored. */
  identical: boolean;
  differences: number;
  /** The first differences, by application id (never NIKs). */
  examples: Difference[];
}

const summary = (r: ResultRow | undefined): ResultSummary | null =>
  r ? { outcome: r.outcome, reason: r.reason, rank: r.rank, waitlist_pos: r.waitlist_pos, total_score: r.total_score, package_value: r.package_value } : null;

const describe = (r: ResultRow | undefined) =>
  r ? `${r.outcome} (${r.reason}) rank ${r.rank}${r.waitlist_pos ? ` waitlist ${r.waitlist_pos}` : ''} score ${r.total_score} Rp${r.package_value}` : 'absent';

const FIELDS: (keyof ResultRow)[] = [
  'nik', 'kode_kabupaten', 'rank', 'outcome', 'reason', 'jenis_usaha', 'package_value', 'total_score', 'waitlist_pos',
];
const sameRow = (a: ResultRow, b: ResultRow) => FIELDS.every((f) => a[f] === b[f]);

export function verifyRun(db: Db, runId: number, maxExamples = 10): VerifyReport {
  const run = getRun(db, runId);
  const params = runParams(run);
  const pool = loadPool(db, run.tahun);
  const current = inputsHash(pool, params);
  const results = pool.rows.length > 0 ? planAllocation(pool.rows, params).results : [];
  const kk = new Map(pool.rows.map((r) => [r.application_id, r.no_kk]));
  const replaces = runMoves(db, runId, 'replace');
  for (const move of replaces) {
    const d = JSON.parse(move.detail_json) as ReplacementDetail;
    try {
      const named = d.appeal_id !== undefined && d.promoted_application_id !== null ? { application_id: d.promoted_application_id, appeal_id: d.appeal_id } : undefined;
      applyReplacement(results, d.replaced_application_id, d.reason, (id) => kk.get(id) ?? null, named);
    } catch {
      // The replaced person is no longer selected in the recomputation: that shows as a difference.
    }
  }
  const stored = new Map(runResults(db, runId).map((r) => [r.application_id, r]));
  const fresh = new Map(results.map((r) => [r.application_id, r]));
  const ids = [...new Set([...stored.keys(), ...fresh.keys()])].sort((a, b) => a - b);
  const examples: Difference[] = [];
  let differences = 0;
  for (const id of ids) {
    const a = stored.get(id);
    const b = fresh.get(id);
    if (a && b && sameRow(a, b)) continue;
    differences += 1;
    if (examples.length < maxExamples) {
      examples.push({
        application_id: id, kode_kabupaten: (a ?? b)!.kode_kabupaten, stored: describe(a), recomputed: describe(b),
        stored_result: summary(a), recomputed_result: summary(b),
      });
    }
  }
  const inputsUnchanged = current === run.inputs_sha256;
  const why = inputsUnchanged ? { input_changes: [], pool_stored: true, earlier_pkh_rule: false } : inputChanges(db, run, pool.rows);
  return {
    run_id: run.id, tahun: run.tahun, status: run.status,
    inputs_unchanged: inputsUnchanged,
    stored_inputs_sha256: run.inputs_sha256, current_inputs_sha256: current,
    rubric_changed: (pool.rubric?.sha256 ?? null) !== run.rubric_sha256,
    ...why,
    replacements_replayed: replaces.length, identical: differences === 0, differences, examples,
  };
}

/** Why the inputs hash differs: the stored pool rows against the pool now. */
function inputChanges(db: Db, run: RunRow, now: PoolRow[]): Pick<VerifyReport, 'input_changes' | 'pool_stored' | 'earlier_pkh_rule'> {
  const before = storedPool(db, run.id);
  if (before.complete) return { input_changes: poolChanges(before.rows, now, ALL_FIELDS), pool_stored: true, earlier_pkh_rule: false };
  const legacy = legacyPoolRows(db, run.tahun);
  if (inputsHash({ rows: legacy, rubric: run.rubric_sha256 === null ? null : { version: run.rubric_version!, sha256: run.rubric_sha256 } }, runParams(run)) === run.inputs_sha256) {
    return { input_changes: poolChanges(legacy, now, ALL_FIELDS), pool_stored: false, earlier_pkh_rule: true };
  }
  return { input_changes: poolChanges(before.rows, now, ALWAYS_KEPT), pool_stored: false, earlier_pkh_rule: false };
}
