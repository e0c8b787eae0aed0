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
  /** `weight`: what the parsing thread counts against its limit; acknowledged when taken. */
  | { type: 'rows'; text: string; bytes: number; weight: number }
  | { type: 'end' }
  | { type: 'error'; message: string };

/** The rows of one message's text, through the same RowBuilder as rows parsed in this thread. */
export function decodeRows(text: string, builder: RowBuilder): SheetRow[] {
  // A scan by indexOf, not split: no array and few strings per cell.
  let at = text.indexOf(ROW);
  while (at !== -1) {
    const next = text.indexOf(ROW, at + 1);
    const end = next === -1 ? text.length : next;
    let cell = text.indexOf(CELL, at + 1);
    if (cell === -1 || cell > end) cell = end;
    builder.row(cell === at + 1 ? undefined : text.slice(at + 1, cell));
    while (cell < end) {
      const a = text.indexOf(FIELD, cell + 1);
      const b = text.indexOf(FIELD, a + 1);
      const c = text.indexOf(FIELD, b + 1);
      let stop = text.indexOf(CELL, c + 1);
      if (stop === -1 || stop > end) stop = end;
      builder.cell(text.slice(cell + 1, a), text.slice(a + 1, b), text.slice(b + 1, c), text.slice(c + 1, stop));
      cell = stop;
    }
    builder.endRow();
    at = next;
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
        worker.postMessage({ ack: m.weight });
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
