/**
 * The bytes of every CSV uep writes for people. Two styles:
 * - plain: UTF-8 without BOM, `,` separator, LF line ends (for scripts and other systems);
 * - excel (`--excel`): UTF-8 with BOM, `;` separator, CRLF, decimal comma: what Excel in an
 *   Indonesian locale opens correctly by double-click (its list separator is `;`, its decimal
 *   separator `,`, and without a BOM it reads UTF-8 as Windows-1252).
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ | TAB or CR, or
 * with = + - @ | after leading spaces (Excel and LibreOffice skip them), or with the full-width
 * forms ＝ ＋ － ＠ ｜ (which an East Asian IME types and Excel takes as formula starters), is
 * prefixed with an apostrophe in both styles, so no spreadsheet runs it. Every CSV uep writes for
 * people (exports, visit sheets, reports, rejects files) goes through `neutralise`. Numbers (JS
 * numbers, never text) are written as they are, so a negative amount stays a number.
 *
 * Long digit strings in the excel style: Excel reads a 16-digit NIK as a number, keeps 15
 * significant digits and shows 6,47201E+15; it drops leading zeros too. A digit string of 12 or
 * more digits, or one with a leading zero, is written with a leading TAB inside quotes
 * ("\t6472…"): Excel then keeps the cell as text, all digits visible, and the TAB is invisible.
 * Chosen over `="6472…"` (a formula: what we neutralise) and over a leading apostrophe (shown
 * literally when a CSV is opened, unlike when typed). When Excel saves the sheet again the TAB
 * stays in the cell; every uep importer trims it (parseNik, no_kk), so the round trip is exact.
 */

export type Cell = string | number | null | undefined;

export interface CsvStyle {
  excel?: boolean;
}

const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@|\uff1d\uff0b\uff0d\uff20\uff5c\ufe62\ufe63\ufe66\ufe6b])/;
/** What Excel would turn into a number and damage: 12+ digits, or a leading zero. */
const EXCEL_MANGLES = /^(?:\d{12,}|0\d+)$/;

/** OWASP: a leading apostrophe stops a spreadsheet from evaluating the cell. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Keeps long digit strings as text in Excel (see the file comment). */
export function excelText(text: string): string {
  return EXCEL_MANGLES.test(text) ? `\t${text}` : text;
}

function formatNumber(n: number, excel: boolean): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  return excel ? s.replace('.', ',') : s;
}

function quote(text: string, delimiter: string): string {
  const needs = text.includes(delimiter) || /["\r\n\t]/.test(text) || /^\s|\s$/.test(text);
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as written: neutralised, protected for Excel, quoted when needed. */
export function csvCell(value: Cell, style: CsvStyle = {}): string {
  const excel = !!style.excel;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, excel);
  let text = neutralise(value);
  if (excel) text = excelText(text);
  return quote(text, excel ? ';' : ',');
}

/** One line of cells as written, without its line end. */
export function csvLine(cells: readonly Cell[], style: CsvStyle = {}): string {
  return cells.map((c) => csvCell(c, style)).join(style.excel ? ';' : ',');
}

/** A whole CSV file. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly Cell[])[], style: CsvStyle = {}): Buffer {
  const excel = !!style.excel;
  const eol = excel ? '\r\n' : '\n';
  const lines = [csvLine(header, style)];
  for (const row of rows) lines.push(csvLine(row, style));
  return Buffer.from(`${excel ? '\uFEFF' : ''}${lines.join(eol)}${eol}`, 'utf8');
}
