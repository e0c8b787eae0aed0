import type { JenisUsaha } from '../applicants/jenis-usaha.js';
import type { Facts, ScoreResult } from './types.js';

/**
 * What a stored score keeps beside its totals (scores.breakdown_json): the facts it was computed
 * from and the points of each component. With the answers (assessments) and the rubric (rubrics,
 * by hash) the score can be recomputed and explained at any later time, whatever the registry
 * says by then.
 */
export interface StoredBreakdown {
  jenis_usaha: JenisUsaha;
  facts: Facts;
  need: Record<string, number>;
  fit: Record<string, number>;
  /** Requirements of the business type the answers do not meet (labels). */
  unmet: string[];
  fit_uncapped: number;
}

export function toBreakdown(result: ScoreResult, facts: Facts): StoredBreakdown {
  const points = (cs: { id: string; points: number }[]) => {
    const out: Record<string, number> = {};
    for (const c of cs) out[c.id] = c.points;
    return out;
  };
  return {
    jenis_usaha: result.fit.jenis_usaha, facts, need: points(result.need.components), fit: points(result.fit.components),
    unmet: result.fit.unmet, fit_uncapped: result.fit.uncapped,
  };
}
