/**
 * A workbook written as a stream with exceljs's streaming WorkbookWriter: rows go out as they are
 * committed (inline strings, no shared-strings table held in memory), into any Writable — in uep
 * always a temporary file of src/fsutil (0600, renamed into place when complete). exceljs is
 * loaded on first use, so commands that write no workbook do not pay for loading it.
 */
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

export type Excel = typeof ExcelJS;
export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
export type Worksheet = ExcelJS.Worksheet;

let excel: Excel | undefined;

export function exceljs(): Excel {
  excel ??= createRequire(import.meta.url)('exceljs') as Excel;
  return excel;
}

export interface Book {
  writer: WorkbookWriter;
  /** Commits every sheet and the workbook's parts; resolves once the sink has every byte. */
  finish(): Promise<void>;
}

export function openBook(sink: Writable): Book {
  const writer = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: sink, useStyles: true, useSharedStrings: false });
  writer.creator = 'uep';
  return {
    writer,
    finish: async () => {
      await writer.commit();
    },
  };
}

/** Yields to the event loop so the zip stream drains: memory stays flat however many rows are written. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
