/**
 * A workbook written as a stream with exceljs's streaming WorkbookWriter: rows go out as they are
 * committed (inline strings, no shared-strings table held in memory), into any Writable — in uep
 * always a temporary file of src/fsutil (0600, renamed into place when complete). exceljs is
 * loaded on first use, so commands that write no workbook do not pay for loading it.
 */
import { once } from 'node:events';
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

/**
 * Waits until the zip stream has taken a sheet's rows so far: exceljs hands a sheet's XML to the
 * zip without waiting (its sheet stream ignores backpressure), so a writer that never waits holds
 * the whole sheet in memory. Then yields to the event loop.
 */
export async function drain(sheet?: Worksheet): Promise<void> {
  // The zip's side is a PassThrough of readable-stream 3 (archiver's), whose state is not behind getters.
  type Pipe = Writable & { _writableState?: { length: number; highWaterMark: number; needDrain: boolean } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } } | undefined)?.stream?.pipes ?? [];
  for (const pipe of pipes) {
    const state = pipe._writableState;
    if (state && state.needDrain && state.length >= state.highWaterMark) await once(pipe, 'drain');
  }
  await new Promise((resolve) => setImmediate(resolve));
}
