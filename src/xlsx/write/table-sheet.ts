/**
 * A sheet holding one table, as every data workbook of uep has it: the header row bold, frozen and
 * with an autofilter, columns as wide as their content, typed cells (columns.ts), and optional
 * drop-down lists (data validation) on columns a person fills in.
 */
import type ExcelJS from 'exceljs';
import { drain, type Book, type Worksheet } from './book.js';
import { cellValue, fittedWidth, numberFormat, type ColumnSpec, type WriteValue } from './columns.js';

export interface DropDown {
  /** The column's header name. */
  column: string;
  /** The values offered. */
  values: string[];
  /** Refuse anything else (else warn and let the person keep it: a cell that may name several codes). */
  strict: boolean;
}

export interface TableSheet {
  name: string;
  columns: ColumnSpec[];
  rows: Iterable<readonly WriteValue[]> | AsyncIterable<readonly WriteValue[]>;
  dropDowns?: DropDown[];
  /** Columns a person types dates into: the spreadsheet accepts only a date there. */
  dateEntry?: string[];
  /** Widths from these rows (default: `rows` when it is an array; else the header). */
  widthsFrom?: readonly (readonly WriteValue[])[];
}

/** "A", …, "Z", "AA", … for 0, 1, … */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows committed between pauses that let the zip stream drain. */
const ROWS_PER_PAUSE = 2000;

/** A table sheet being written row by row (rows of unknown number: a rejects file). */
export interface OpenTableSheet {
  add(row: readonly WriteValue[]): void;
  /** Waits until the rows added so far went to the zip (memory stays flat). */
  drain(): Promise<void>;
  /** Rows added so far. */
  readonly rows: number;
  /** Adds the validations and closes the sheet. */
  close(): void;
}

export function openTableSheet(book: Book, sheet: Omit<TableSheet, 'rows'>, sample: readonly (readonly WriteValue[])[] = []): OpenTableSheet {
  const ws = book.writer.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    width: fittedWidth(c, sample.map((r) => r[i])),
    style: numberFormat(c.kind) ? { numFmt: numberFormat(c.kind) } : {},
  }));
  ws.autoFilter = `A1:${columnLetter(Math.max(sheet.columns.length - 1, 0))}1`;
  const header = ws.addRow(sheet.columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  return {
    add(row) {
      ws.addRow(sheet.columns.map((c, i) => cellValue(row[i], c.kind))).commit();
      written++;
    },
    drain: () => drain(ws),
    get rows() {
      return written;
    },
    close() {
      addValidations(ws, sheet, Math.max(written, 1) + 1);
      ws.commit();
    },
  };
}

export async function addTableSheet(book: Book, sheet: TableSheet): Promise<number> {
  const sample = sheet.widthsFrom ?? (Array.isArray(sheet.rows) ? (sheet.rows as readonly (readonly WriteValue[])[]) : []);
  const open = openTableSheet(book, sheet, sample);
  for await (const row of sheet.rows) {
    open.add(row);
    if (open.rows % ROWS_PER_PAUSE === 0) await open.drain();
  }
  open.close();
  return open.rows;
}

/** exceljs's streaming sheet has validations; its type declarations leave them out. */
type Validations = { add(range: string, rule: ExcelJS.DataValidation): void };

function addValidations(ws: Worksheet, sheet: Omit<TableSheet, 'rows'>, lastRow: number): void {
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const range = (column: string) => {
    const index = sheet.columns.findIndex((c) => c.name === column);
    return index < 0 ? undefined : `${columnLetter(index)}2:${columnLetter(index)}${lastRow}`;
  };
  for (const d of sheet.dropDowns ?? []) {
    const at = range(d.column);
    if (at) validations.add(at, {
      type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: d.strict ? 'stop' : 'warning', formulae: [`"${d.values.join(',')}"`],
    });
  }
  for (const column of sheet.dateEntry ?? []) {
    const at = range(column);
    const from = new Date(Date.UTC(2000, 0, 1));
    const to = new Date(Date.UTC(2099, 11, 31));
    if (at) validations.add(at, { type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true, formulae: [from, to] });
  }
}
