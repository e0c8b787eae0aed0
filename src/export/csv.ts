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
 * Long digit strings (NIK, KK, phone numbers) are written as they are, in both styles: no
 * character is added to a cell. Excel and LibreOffice read a 16-digit NIK in a CSV file as a
 * number (15 significant digits: the 16th is lost) and drop leading zeros; a CSV cannot stop that
 * without changing the cell (a hidden TAB stays in the cell after a save and breaks lookups and
 * copy-paste; ="…" is a formula; a leading apostrophe is shown literally). The way to open NIKs in
 * a spreadsheet is `--format xlsx`, whose NIK cells are text cells (README: "Opening exports in
 * Excel"). Masked NIKs (6472********0001) are text anyway.
 */

export type Cell = string | number | null | undefined;

export interface CsvStyle {
  excel?: boolean;
}

const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@|\uff1d\uff0b\uff0d\uff20\uff5c\ufe62\ufe63\ufe66\ufe6b])/;

/** OWASP: a leading apostrophe stops a spreadsheet from evaluating the cell. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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

/** One cell as written: neutralised, quoted when needed. */
export function csvCell(value: Cell, style: CsvStyle = {}): string {
  const excel = !!style.excel;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, excel);
  return quote(neutralise(value), excel ? ';' : ',');
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
