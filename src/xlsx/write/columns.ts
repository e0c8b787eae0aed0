/**
 * What a column of a written workbook holds, and how its cells are typed. One rule for every
 * workbook uep writes, by column name (the same names as the CSV columns, which never change):
 * - identifiers (nik, no_kk, codes, ids): text cells, exactly the characters given, so a NIK keeps
 *   its 16 digits and a code its leading zeros — never a number a spreadsheet would round;
 * - money (nilai_*, omzet_*): numbers shown as Indonesian rupiah;
 * - dates (tanggal_*): date cells shown as 15-03-2026;
 * - shares (…persen, selisih_poin): numbers with one decimal;
 * - anything else: a number stays a number, text stays text.
 * Text is always a text cell, never a formula, whatever it starts with: no `'` is needed.
 */
export type ColumnKind = 'identifier' | 'rupiah' | 'date' | 'decimal' | 'general';

export interface ColumnSpec {
  /** The header text. */
  name: string;
  kind: ColumnKind;
}

/** A value as the exports hold it: text, a number, or empty. Dates are ISO text (YYYY-MM-DD). */
export type WriteValue = string | number | null | undefined;

/** Excel's rupiah of the Indonesian locale (LCID 0421): Rp4.750.000 where the separators are Indonesian. */
export const RUPIAH_FORMAT = '[$Rp-421]#,##0';
export const DATE_FORMAT = 'dd-mm-yyyy';
export const DECIMAL_FORMAT = '0.0';

const IDENTIFIER = /^(nik|no_kk|kk|id|id_.+|.+_id|kode_.+|kode|petugas|no_hp|nip)$/;
const RUPIAH = /^(nilai|nilai_.+|omzet|omzet_.+|.+_rupiah)$/;
const DATE = /^(tanggal|tanggal_.+|tgl_.+)$/;
const DECIMAL = /^(persen|.+_persen|selisih_poin)$/;

export function columnKindOf(name: string): ColumnKind {
  if (IDENTIFIER.test(name)) return 'identifier';
  if (RUPIAH.test(name)) return 'rupiah';
  if (DATE.test(name)) return 'date';
  return DECIMAL.test(name) ? 'decimal' : 'general';
}

export function columnsOf(names: readonly string[]): ColumnSpec[] {
  return names.map((name) => ({ name, kind: columnKindOf(name) }));
}

export function numberFormat(kind: ColumnKind): string | undefined {
  if (kind === 'rupiah') return RUPIAH_FORMAT;
  if (kind === 'date') return DATE_FORMAT;
  return kind === 'decimal' ? DECIMAL_FORMAT : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date cell's value: midnight UTC of the day (the writer counts days in UTC). */
export function isoToDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? d : undefined;
}

/** The cell written for a value of a column of that kind. */
export function cellValue(value: WriteValue, kind: ColumnKind): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return kind === 'identifier' ? String(value) : value;
  }
  if (kind === 'date') return isoToDate(value) ?? value;
  return value;
}

/** Characters a column needs to show its widest cell (header included), within sensible bounds. */
export function fittedWidth(column: ColumnSpec, values: Iterable<WriteValue>): number {
  let widest = column.name.length + 3; // room for the filter button
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let n: number;
    if (column.kind === 'date') n = 10;
    else if (typeof v === 'number' && column.kind === 'rupiah') n = Math.round(v).toLocaleString('id-ID').length + 3;
    else n = String(v).length;
    if (n > widest) widest = n;
  }
  return Math.min(Math.max(widest + 1, 6), 60);
}
