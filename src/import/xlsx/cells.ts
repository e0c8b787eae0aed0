/**
 * Spreadsheet cells → the text an import reads, by what the column holds. Text cells are read as
 * text; numbers depend on the column:
 * - NIK and KK columns: a number there has been through a spreadsheet, which keeps 15 significant
 *   digits, so the 16th is lost whatever the number looks like. It is handed on in scientific
 *   notation (6.40218060997276E+15), which the import rejects as `nik_scientific` (a KK gets a
 *   warning), never as a NIK that looks right and is not.
 * - Region code columns: an integer is the code (6472); a decimal is a dotted code whose trailing
 *   zero the spreadsheet dropped, read with two digits after the point (64.1 → "64.10").
 * - Other columns: the number as a person reads it (8126348458, 2.5), up to 15 significant digits.
 */
import type { CellValue } from '../../xlsx/reader.js';

export type ColumnKind = 'identifier' | 'region_code' | 'general';

const IDENTIFIER_FIELDS = new Set(['nik', 'no_kk']);
const REGION_CODE_FIELDS = new Set(['kode_kabupaten', 'kdprop', 'kdkab', 'kode_provinsi', 'kode_kecamatan', 'kode_desa']);

export function columnKind(field: string | undefined): ColumnKind {
  if (field === undefined) return 'general';
  if (IDENTIFIER_FIELDS.has(field)) return 'identifier';
  return REGION_CODE_FIELDS.has(field) ? 'region_code' : 'general';
}

/** Excel's spelling: 6.40218060997276E+15. */
export function scientific(n: number): string {
  return n.toExponential().toUpperCase().replace(/E(\d)/, 'E+$1');
}

export function generalNumber(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e15 ? String(n) : scientific(n);
  return String(Number(n.toPrecision(15)));
}

function regionCode(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const hundredths = n * 100;
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-6 ? n.toFixed(2) : generalNumber(n);
}

export function cellText(value: CellValue, kind: ColumnKind): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (kind === 'identifier') return scientific(value);
  return kind === 'region_code' ? regionCode(value) : generalNumber(value);
}
