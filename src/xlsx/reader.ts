/**
 * An .xlsx workbook opened for streaming: its sheets, and the rows of one sheet with merged
 * ranges filled. Never the whole workbook in memory: the shared strings are held compactly
 * (string-table.ts) and the rows of a sheet are parsed as its part is inflated.
 */
import { readSharedStrings } from './shared-strings.js';
import { mergeFiller, scanMerges, type MergeRange } from './merges.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSheetRows, type SheetContext, type SheetRow } from './sheet.js';
import { startSheetWorker } from './sheet-compact.js';
import type { StringTable } from './string-table.js';
import { parseStyles, type Styles } from './styles.js';
import { readWorkbook, type SheetInfo } from './workbook.js';
import { openXlsxZip, type XlsxZip } from './zip.js';

export type { SheetInfo } from './workbook.js';
export type { CellValue, SheetRow } from './sheet.js';
export type { MergeRange } from './merges.js';

export interface XlsxReader {
  sheets: SheetInfo[];
  /** Inflated size of a sheet's part, for progress. */
  size(sheet: SheetInfo): number;
  /** The merged ranges of a sheet (read once, in a first pass over its part). */
  merges(sheet: SheetInfo): Promise<MergeRange[]>;
  /** The rows of a sheet in batches, merged ranges filled; `onBytes` counts inflated bytes parsed. */
  rows(sheet: SheetInfo, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]>;
  close(): void;
}

/** The first bytes of a zip file (an .xlsx is one). */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
}

const WORKER = new URL('./sheet-worker.js', import.meta.url);
/** Sheets with at least this much XML are parsed in a worker thread (the built tool only). */
const WORKER_MIN_BYTES = 8 << 20;

export interface XlsxOpenOptions {
  /** Parse big sheets in a worker thread (default: when the built worker exists). */
  worker?: boolean;
  /** What counts as big (default 8 MB of XML). */
  workerMinBytes?: number;
}

export async function openXlsx(file: string, options: XlsxOpenOptions = {}): Promise<XlsxReader> {
  const useWorker = options.worker ?? existsSync(fileURLToPath(WORKER));
  const zip: XlsxZip = await openXlsxZip(file);
  try {
    const book = await readWorkbook(zip);
    const styles: Styles = parseStyles(book.styles ? await zip.text(book.styles) : undefined);
    let strings: Promise<StringTable | undefined> | undefined;
    const sharedStrings = () => (strings ??= book.sharedStrings ? zip.stream(book.sharedStrings).then(readSharedStrings) : Promise.resolve(undefined));
    const merges = new Map<string, Promise<MergeRange[]>>();
    // Parsing threads still running: closing the workbook ends them, whoever stopped reading early
    // (a header refused after the first rows); a thread left running would keep the process alive.
    const running = new Set<{ stop: () => Promise<void> }>();
    const mergesOf = (sheet: SheetInfo) => {
      let m = merges.get(sheet.part);
      if (!m) merges.set(sheet.part, (m = zip.stream(sheet.part).then(scanMerges)));
      return m;
    };
    return {
      sheets: book.sheets,
      merges: mergesOf,
      size: (sheet) => zip.size(sheet.part),
      async *rows(sheet, onBytes) {
        // A big sheet's parser starts first: it runs while this thread finds merges and strings.
        const worker = useWorker && zip.size(sheet.part) >= (options.workerMinBytes ?? WORKER_MIN_BYTES) ? startSheetWorker(WORKER, { file, part: sheet.part }) : undefined;
        if (worker) running.add(worker);
        try {
          const fill = mergeFiller(await mergesOf(sheet));
          const ctx: SheetContext = { strings: await sharedStrings(), styles, date1904: book.date1904 };
          const rows = worker ? worker.rows(ctx, onBytes) : readSheetRows(await zip.stream(sheet.part), ctx, onBytes);
          for await (const batch of rows) {
            for (const row of batch) fill(row);
            yield batch;
          }
        } finally {
          if (worker) running.delete(worker);
          await worker?.stop();
        }
      },
      close: () => {
        for (const worker of running) void worker.stop();
        running.clear();
        zip.close();
      },
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}
