/**
 * `uep allocate verify <run>`: loads the pool again, recomputes the plan from the run's stored
 * parameters, replays the recorded replacements, and compares with what is stored. The inputs
 * hash tells "the data changed since the run" apart from "the same data gives another result".
 */
import type { Db } from '../db/open.js';
import { inputsHash } from './inputs-hash.js';
import { planAllocation } from './plan.js';
import { loadPool } from './pool.js';
import { applyReplacement, type ReplacementDetail } from './replace.js';
import { getRun, runMoves, runParams, runResults } from './store.js';
import type { ResultRow } from './types.js';

export interface Difference {
  application_id: number;
  kode_kabupaten: string;
  stored: string;
  recomputed: string;
}

export interface VerifyReport {
  run_id: number;
  tahun: number;
  status: 'draft' | 'final';
  inputs_unchanged: boolean;
  stored_inputs_sha256: string;
  current_inputs_sha256: string;
  replacements_replayed: number;
  /** True when every result row recomputes exactly as stored. */
  identical: boolean;
  differences: number;
  /** The first differences, by application id (never NIKs). */
  examples: Difference[];
}

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
      applyReplacement(results, d.replaced_application_id, d.reason, (id) => kk.get(id) ?? null);
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
      examples.push({ application_id: id, kode_kabupaten: (a ?? b)!.kode_kabupaten, stored: describe(a), recomputed: describe(b) });
    }
  }
  return {
    run_id: run.id, tahun: run.tahun, status: run.status,
    inputs_unchanged: current === run.inputs_sha256,
    stored_inputs_sha256: run.inputs_sha256, current_inputs_sha256: current,
    replacements_replayed: replaces.length, identical: differences === 0, differences, examples,
  };
}
