/**
 * Validated rows travel as one JSON text per batch (an array of row arrays) and are unpacked by
 * SQLite itself: `INSERT … SELECT <columns> FROM jsonb_each(jsonb(?))`. One bound parameter per
 * batch instead of one per value; the per-value work happens in C, not across the JS/C++ boundary.
 * JSON strings come out as TEXT, numbers as INTEGER/REAL, null as NULL.
 */
export const JSON_ROWS_SOURCE = 'jsonb_each(jsonb(?))';

/** The select list unpacking `width` columns of each row, in order. */
export function jsonRowColumns(width: number): string {
  return Array.from({ length: width }, (_, i) => `value ->> ${i}`).join(', ');
}
