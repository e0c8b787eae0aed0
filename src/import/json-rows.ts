/**
 * Validated rows travel as one JSON text per batch (an array of row arrays) and are unpacked by
 * SQLite itself: `INSERT … SELECT <columns> FROM jsonb_each(jsonb(?))`. One bound parameter per
 * batch instead of one per value; the per-value work happens in C, not across the JS/C++ boundary.
 * JSON strings come out as TEXT, numbers as INTEGER/REAL, null as NULL.
 */
import type { Db } from '../db/open.js';

/** The select list unpacking `width` columns of each row, in order. */
export function jsonRowColumns(width: number): string {
  return Array.from({ length: width }, (_, i) => `value ->> ${i}`).join(', ');
}

/**
 * Prepares `<head> SELECT <columns><tail> FROM <rows>` twice: for a whole batch, and for a batch
 * less some of its rows (by index: later duplicates). Runs one batch; returns the rows written.
 */
export function jsonRowsInserter(db: Db, head: string, width: number, tail = ''): (rowsJson: string, exclude: number[]) => number {
  const select = `${head} SELECT ${jsonRowColumns(width)}${tail} FROM jsonb_each(jsonb(?))`;
  const all = db.prepare(select);
  const some = db.prepare(`${select} WHERE key NOT IN (SELECT value FROM json_each(?))`);
  return (rowsJson, exclude) => (exclude.length === 0 ? all.run(rowsJson) : some.run(rowsJson, JSON.stringify(exclude))).changes;
}
