/**
 * What changed after a year's scores were computed. Scores store the registry facts they used
 * (docs/facts.md), so a registry import, a duplicate decision or a recipients list that came
 * later counts only once `uep score` runs again; allocate says so rather than ranking on old facts.
 */
import type { Db } from '../db/open.js';

/** Imports whose rows feed the facts stored with a score. */
const REGISTRY_KINDS = ['dtks', 'pkh', 'recipients'] as const;

export interface ChangesSinceScoring {
  /** The oldest score of the year (null: nothing scored yet). */
  scored_at: string | null;
  registry_imports: number;
  duplicate_decisions: number;
}

export function changesSinceScoring(db: Db, tahun: number): ChangesSinceScoring {
  const scoredAt = db.prepare(`SELECT min(s.scored_at) FROM scores s JOIN applications a ON a.id = s.application_id WHERE a.tahun = ?`)
    .pluck().get(tahun) as string | null;
  if (scoredAt === null) return { scored_at: null, registry_imports: 0, duplicate_decisions: 0 };
  const registryImports = db.prepare(`SELECT count(*) FROM import_batches WHERE kind IN (${REGISTRY_KINDS.map(() => '?').join(', ')})
    AND coalesce(finished_at, started_at) > ?`).pluck().get(...REGISTRY_KINDS, scoredAt) as number;
  const decisions = db.prepare(`SELECT count(*) FROM duplicate_decisions WHERE decided_at > ?`).pluck().get(scoredAt) as number;
  return { scored_at: scoredAt, registry_imports: registryImports, duplicate_decisions: decisions };
}
