/**
 * An assessment edited on the form server (src/field/submission.ts) replaces its earlier version,
 * never adds a second assessment: before the merge, a staged row older than the stored version of
 * its submission is dropped (an older export read again), and a stored assessment whose submission
 * the edit gave to another applicant (the wrong person picked on the phone) moves to that applicant.
 * Both applicants' scores are dropped: `uep score` computes them again.
 */
import type { Db } from '../db/open.js';
import { idsOf, SAME_SUBMISSION_SQL, storedInstanceId, versionOrder, type SubmissionVersion } from '../field/submission.js';

type Staged = SubmissionVersion & { row: number; application_id: number; nik: string };
type Stored = SubmissionVersion & { id: number; application_id: number };

/** Call inside the import's transaction; returns counts by note code (assess:note.*). */
export function settleEdits(db: Db, stageTable: string): Record<string, number> {
  const staged = db.prepare(`SELECT rowid AS row, application_id, nik, instance_id, version_id, deprecated_id, submitted_at
    FROM ${stageTable} WHERE version_id IS NOT NULL`).all() as Staged[];
  const versions = db.prepare(`SELECT id, application_id, instance_id, version_id, deprecated_id, submitted_at FROM assessments WHERE ${SAME_SUBMISSION_SQL}`);
  const drop = db.prepare(`DELETE FROM ${stageTable} WHERE rowid = ?`);
  const setInstance = db.prepare(`UPDATE ${stageTable} SET instance_id = ? WHERE rowid = ?`);
  const occupied = db.prepare(`SELECT 1 FROM assessments WHERE application_id = ?`).pluck();
  const rekey = db.prepare(`UPDATE assessments SET application_id = ?, nik = ? WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM assessments WHERE id = ?`);
  const clearScore = db.prepare(`DELETE FROM scores WHERE application_id = ?`);
  const notes: Record<string, number> = {};
  const note = (code: string) => (notes[code] = (notes[code] ?? 0) + 1);
  for (const row of staged) {
    const stored = versions.all({ ids: JSON.stringify(idsOf(row)), version: row.version_id }) as Stored[];
    if (stored.some((s) => versionOrder(row, s) === 'older')) {
      drop.run(row.row);
      note('version_superseded');
      continue;
    }
    const instance = storedInstanceId(row, stored);
    if (instance !== row.instance_id) setInstance.run(instance, row.row);
    const moved = stored.filter((s) => s.application_id !== row.application_id);
    if (moved.length === 0) continue;
    // The stored row takes the new applicant (the merge then updates it: one assessment changed),
    // unless they hold one already: then the merge decides between the two as for any two forms.
    for (const s of moved) {
      clearScore.run(s.application_id);
      if (occupied.get(row.application_id) === undefined) rekey.run(row.application_id, row.nik, s.id);
      else remove.run(s.id);
    }
    clearScore.run(row.application_id);
    note('assessment_person_changed');
  }
  return notes;
}
