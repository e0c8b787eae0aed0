/**
 * What differs between two pools of the same year, field by field: the pool a run was ranked
 * with (as the run stored it) and the pool now. `allocate verify` reports it as the reason a run
 * no longer recomputes ("the pool's PKH flag changed for 3 applicants").
 */
import type { Db } from '../db/open.js';
import type { PoolRow } from './types.js';

/** A pool field that changed, or `joined_pool` / `left_pool` for applicants who entered or left it. */
export interface InputChange {
  field: keyof PoolRow | 'joined_pool' | 'left_pool';
  applicants: number;
  /** The first application ids concerned (ids, never NIKs). */
  application_ids: number[];
}

/** Every result row keeps these of its pool row; runs stored since migration 5 keep all of it. */
export const ALWAYS_KEPT: (keyof PoolRow)[] = ['nik', 'kode_kabupaten', 'total_score', 'jenis_usaha'];
export const ALL_FIELDS: (keyof PoolRow)[] = ['nik', 'no_kk', 'kode_kabupaten', 'total_score', 'desil', 'pkh', 'tanggal_daftar', 'jenis_usaha', 'jenis_kelamin'];

export interface StoredPool {
  rows: PoolRow[];
  /** False for runs stored before uep kept the pool row with each result: only ALWAYS_KEPT compare. */
  complete: boolean;
}

/**
 * The pool rows a run was ranked with, as far as its results keep them. An appellant added to a
 * final run by a replacement (reason `appeal`, no pool fields) was not in that pool.
 */
export function storedPool(db: Db, runId: number): StoredPool {
  type Row = Omit<PoolRow, 'pkh'> & { pkh: number | null };
  const rows = db.prepare(`
    SELECT application_id, nik, no_kk, kode_kabupaten, total_score, desil, pkh, tanggal_daftar, jenis_usaha, jenis_kelamin
    FROM allocation_results WHERE run_id = ? AND NOT (pkh IS NULL AND reason = 'appeal') ORDER BY application_id`).all(runId) as Row[];
  const complete = rows.every((r) => r.pkh !== null);
  return { rows: rows.map((r) => ({ ...r, pkh: r.pkh === 1 })), complete };
}

export function poolChanges(before: readonly PoolRow[], after: readonly PoolRow[], fields: readonly (keyof PoolRow)[], maxIds = 10): InputChange[] {
  const changes = new Map<InputChange['field'], InputChange>();
  const note = (field: InputChange['field'], id: number) => {
    const c = changes.get(field) ?? { field, applicants: 0, application_ids: [] };
    c.applicants += 1;
    if (c.application_ids.length < maxIds) c.application_ids.push(id);
    changes.set(field, c);
  };
  const old = new Map(before.map((r) => [r.application_id, r]));
  for (const row of [...after].sort((a, b) => a.application_id - b.application_id)) {
    const was = old.get(row.application_id);
    if (!was) note('joined_pool', row.application_id);
    else for (const f of fields) if (was[f] !== row[f]) note(f, row.application_id);
    old.delete(row.application_id);
  }
  for (const id of [...old.keys()].sort((a, b) => a - b)) note('left_pool', id);
  const order: InputChange['field'][] = ['joined_pool', 'left_pool', ...ALL_FIELDS];
  return [...changes.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}
