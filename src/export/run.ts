/**
 * Which allocation run an export, visit plan or report is about: the one named with --run, else
 * the final run of the latest year. Reads only allocation_runs.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { kabupatenByKode } from '../regions/resolve.js';

export interface RunInfo {
  id: number;
  tahun: number;
  status: 'draft' | 'final';
  params_json: string;
  seed: string;
  created_at: string;
  finalized_at: string | null;
}

export function chooseRun(db: Db, runId?: number): RunInfo {
  if (runId !== undefined) {
    const run = db.prepare(`SELECT id, tahun, status, params_json, seed, created_at, finalized_at FROM allocation_runs WHERE id = ?`)
      .get(runId) as RunInfo | undefined;
    if (!run) throw new UepError(`no allocation run ${runId} (see \`uep allocate list\`)`);
    return run;
  }
  const run = db.prepare(`SELECT id, tahun, status, params_json, seed, created_at, finalized_at FROM allocation_runs
    WHERE status = 'final' ORDER BY tahun DESC, id DESC LIMIT 1`).get() as RunInfo | undefined;
  if (!run) throw new UepError('no final allocation run yet: finalize one with `uep allocate finalize`, or name a run with --run');
  return run;
}

/** The run's record for a manifest: what it is, never who is in it. */
export function runAbout(run: RunInfo): Record<string, unknown> {
  return {
    id: run.id, tahun: run.tahun, status: run.status, seed: run.seed, created_at: run.created_at, finalized_at: run.finalized_at,
  };
}

export function kabupatenNama(kode: string): string {
  return kabupatenByKode(kode)?.nama ?? kode;
}

/** "Kutai Kartanegara" → "kutai-kartanegara", for file names. */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A share as a percentage with one decimal, or null when the whole is zero. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
