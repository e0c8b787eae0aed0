/**
 * Finds the header row of a sheet: office spreadsheets often have a title ("DATA DTKS KABUPATEN
 * PASER 2026") and blank rows above the table, and header cells merged over two rows. The header
 * is the row among the first rows whose cells name the most of the kind's fields (by the same
 * aliases as CSV headers); header cells merged down over the rows below make those rows part of
 * the header, and each column's name is the part that names a field ("WILAYAH" over "KODE KAB" →
 * "KODE KAB"), else its parts top to bottom ("ALAMAT" over "RT" → "ALAMAT RT").
 */
import { headerKey, type FieldSpec } from '../headers.js';
import type { MergeRange } from '../../xlsx/merges.js';
import type { SheetRow } from '../../xlsx/reader.js';

/** How many rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 20;
/** At most this many rows make one header (a header cell merged down over more is a title). */
const MAX_HEADER_ROWS = 3;

export interface HeaderFound {
  names: string[];
  /** The spreadsheet row of the header's first row. */
  line: number;
  /** Rows of `rows` (by index) that belong to the header or are above it. */
  consumed: number;
}

const text = (v: unknown) => (v === undefined ? '' : String(v).trim());

function score(row: SheetRow, wanted: Set<string>[]): number {
  const keys = new Set(row.cells.map((c) => headerKey(text(c))));
  return wanted.filter((w) => [...w].some((k) => keys.has(k))).length;
}

export function findHeader(rows: SheetRow[], fields: FieldSpec[], merges: MergeRange[], extraNames: string[] = []): HeaderFound | undefined {
  const wanted = fields.map((f) => new Set([f.field, ...f.aliases].map(headerKey)));
  for (const name of extraNames) wanted.push(new Set([headerKey(name)]));
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, i) => {
    const s = score(row, wanted);
    if (s > bestScore) [best, bestScore] = [i, s];
  });
  // No row names a known field: the first non-empty row, so the error can name what it found.
  if (best === -1) best = rows.findIndex((r) => r.cells.some((c) => text(c) !== ''));
  if (best === -1) return undefined;
  const top = rows[best]!;
  const bottom = Math.min(top.r + MAX_HEADER_ROWS - 1,
    Math.max(top.r, ...merges.filter((m) => m.top === top.r && m.bottom > m.top).map((m) => m.bottom)));
  let consumed = best + 1;
  while (consumed < rows.length && rows[consumed]!.r <= bottom) consumed++;
  const block = rows.slice(best, consumed);
  const width = Math.max(...block.map((r) => r.cells.length));
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of block) {
      const part = text(row.cells[c]);
      if (part !== '' && parts[parts.length - 1] !== part) parts.push(part);
    }
    // A part that names a field is the name ("WILAYAH" over "KODE KAB" → "KODE KAB"); else all parts.
    const known = [...parts].reverse().find((part) => wanted.some((w) => w.has(headerKey(part))));
    names.push(known ?? parts.join(' '));
  }
  // Empty columns after the last named one are not part of the table.
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return { names, line: top.r, consumed };
}
