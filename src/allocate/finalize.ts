/**
 * `uep allocate finalize <run>`: locks a draft as the year's allocation. Refused when the data
 * changed since the draft was made (allocate again), or when the year already has a final run
 * (the unique index allocation_runs_one_final enforces it).
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { inputsHash } from './inputs-hash.js';
import { loadPool } from './pool.js';
import { getRun, runParams, type RunRow } from './store.js';

export function finalizeRun(db: Db, runId: number, now: Date): RunRow {
  return db.transaction((): RunRow => {
    const run = getRun(db, runId);
    if (run.status === 'final') throw new UepError(t('allocate:finalize.already_final', { run: runId, since: run.finalized_at }));
    const other = db.prepare(`SELECT id FROM allocation_runs WHERE tahun = ? AND status = 'final'`).pluck().get(run.tahun) as number | undefined;
    if (other !== undefined) {
      throw new UepError(t('allocate:finalize.year_has_final', { tahun: run.tahun, run: other }), t('allocate:finalize.year_has_final_hint'));
    }
    if (inputsHash(loadPool(db, run.tahun), runParams(run)) !== run.inputs_sha256) {
      throw new UepError(t('allocate:finalize.data_changed', { tahun: run.tahun, run: runId }), t('allocate:finalize.data_changed_hint'));
    }
    try {
      db.prepare(`UPDATE allocation_runs SET status = 'final', finalized_at = ? WHERE id = ?`).run(now.toISOString(), runId);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new UepError(t('allocate:finalize.year_has_final_race', { tahun: run.tahun }), t('allocate:finalize.one_per_year'));
      }
      throw err;
    }
    return getRun(db, runId);
  }).immediate();
}
