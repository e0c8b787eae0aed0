/**
 * Rows of a sheet parsed in a worker thread (sheet-worker.ts), carried as one compact text per
 * message: each row is ROW + its number attribute, each cell CELL + reference, type, style and raw
 * value separated by FIELD. The separators are control characters that XML 1.0 cannot carry, so
 * no cell's text can contain them.
 */
import { Worker } from 'node:worker_threads';
import { RowBuilder, type SheetContext, type SheetRow } from './sheet.js';

export const ROW = '\u0003';
export const CELL = '\u0002';
export const FIELD = '\u0001';

export interface SheetWorkerInput {
  file: string;
  part: string;
}

export type SheetWorkerMessage =
  | { type: 'rows'; text: string; bytes: number }
  | { type: 'end' }
  | { type: 'error'; message: string };

/** The rows of one message's text, through the same RowBuilder as rows parsed in this thread. */
export function decodeRows(text: string, builder: RowBuilder): SheetRow[] {
  for (const row of text.split(ROW)) {
    if (row === '') continue;
    const cells = row.split(CELL);
    builder.row(cells[0] === '' ? undefined : cells[0]);
    for (let i = 1; i < cells.length; i++) {
      const cell = cells[i]!;
      const a = cell.indexOf(FIELD);
      const b = cell.indexOf(FIELD, a + 1);
      const c = cell.indexOf(FIELD, b + 1);
      builder.cell(cell.slice(0, a), cell.slice(a + 1, b), cell.slice(b + 1, c), cell.slice(c + 1));
    }
    builder.endRow();
  }
  return builder.take();
}

/**
 * Starts a worker thread parsing a sheet part at once (it runs ahead while this thread reads the
 * shared strings and the merged ranges); `rows` then takes what it parsed, `stop` ends it.
 */
export function startSheetWorker(workerFile: URL, input: SheetWorkerInput) {
  const worker = new Worker(workerFile, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 96 } });
  const inbox: SheetWorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: SheetWorkerMessage) => {
    inbox.push(m);
    arrive();
  });
  worker.on('error', (err) => {
    failure = err;
    arrive();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`xlsx worker stopped with code ${code}`);
    arrive();
  });
  const stop = () => worker.terminate().then(() => undefined);
  async function* rows(ctx: SheetContext, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]> {
    const builder = new RowBuilder(ctx);
    try {
      for (;;) {
        const m = inbox.shift();
        if (!m) {
          if (failure) throw failure;
          await new Promise<void>((r) => (wake = r));
          continue;
        }
        if (m.type === 'end') return;
        if (m.type === 'error') throw new Error(m.message);
        worker.postMessage({ ack: m.text.length });
        onBytes?.(m.bytes);
        const batch = decodeRows(m.text, builder);
        if (batch.length > 0) yield batch;
      }
    } finally {
      await stop();
    }
  }
  return { rows, stop };
}
