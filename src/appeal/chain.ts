/**
 * The `explain` chain of an appeal, in brief: whether the application is eligible and which rules
 * failed, the score, and (from the year's final run, else its latest draft) the rank, the regency's
 * cut-off and the outcome. Read through the explain core, never computed again here.
 */
import { currentRun } from '../allocate/store.js';
import type { Db } from '../db/open.js';
import { explain } from '../explain/explain.js';
import type { LoadedRubric } from '../rubric/types.js';

export interface AppealChain {
  /** registered / assessed / eligible / ineligible (applicants/list.ts). */
  status: string;
  eligible: boolean | null;
  /** Reason codes of the failed rules (rubric:reason.<code>). */
  reasons: string[];
  total_score: number | null;
  run_id: number | null;
  run_status: 'draft' | 'final' | null;
  /** Null when the application was not in the run's pool (not eligible when it ran). */
  rank: number | null;
  /** The regency's cut-off in that run: the score of its lowest-ranked selected applicant. */
  cutoff_score: number | null;
  outcome: string | null;
}

export function appealChain(db: Db, nik: string, tahun: number, rubric?: LoadedRubric): AppealChain {
  const e = explain(db, nik, { tahun, rubric });
  const a = e.allocation;
  const run = a ? { id: a.run_id, status: a.status } : currentRun(db, tahun);
  const cutoff = a ? a.cutoff_score : run === undefined ? null
    : (db.prepare(`SELECT cutoff_score FROM allocation_quotas WHERE run_id = ? AND kode_kabupaten = ?`).pluck().get(run.id, e.kode_kabupaten) as number | null | undefined) ?? null;
  return {
    status: e.application.status,
    eligible: e.score ? e.score.eligible : null,
    reasons: e.score?.reasons ?? [],
    total_score: e.score?.total_score ?? null,
    run_id: run?.id ?? null,
    run_status: run?.status ?? null,
    rank: a?.rank ?? null,
    cutoff_score: cutoff,
    outcome: a?.outcome ?? null,
  };
}
