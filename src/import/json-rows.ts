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

/** Prepares `<head> SELECT <columns><tail> FROM <rows>`; runs one batch, in order; returns the rows written. */
export function jsonRowsInserter(db: Db, head: string, width: number, tail = ''): (rowsJson: string) => number {
  const insert = db.prepare(`${head} SELECT ${jsonRowColumns(width)}${tail} FROM jsonb_each(jsonb(?))`);
  return (rowsJson) => insert.run(rowsJson).changes;
}
