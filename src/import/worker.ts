/**
 * Validator thread: parses and validates spans of whole records that the main thread cut from the
 * file (csv/reader.ts `spans`), while the main thread writes earlier batches. Several run at once;
 * each answers every span with its batch, tagged with the span's sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UepError, DataError } from '../errors.js';
import { setLanguage, type Lang } from '../i18n/index.js';
import { CsvParser, type CsvRecord } from '../csv/parser.js';
import { spanText, type CsvSpan } from '../csv/spans.js';
import type { HeaderMapping } from './headers.js';
import { WORKER_KINDS } from './registry.js';
import { validateRecords, type ValidatedBatch } from './validated.js';

export interface WorkerInput {
  kind: string;
  options: Record<string, unknown>;
  delimiter: string;
  header: string[];
  index: [string, number][];
  unknown: HeaderMapping['unknown'];
  /** The language of the run: a thread's messages (a CSV syntax error) are in it too. */
  lang: Lang;
}

/** A span to validate; or, with `want`, only the cells of those lines (the rejects of duplicates). */
export interface SpanMessage extends CsvSpan {
  seq: number;
  want?: number[];
}

export type WorkerMessage =
  | { type: 'batch'; seq: number; batch: ValidatedBatch }
  | { type: 'cells'; seq: number; cells: [number, string[]][] }
  | { type: 'error'; seq: number; error: { name: string; message: string; hint?: string; file?: string; line?: number; field?: string; exitCode?: number } };

const port = parentPort!;
const input = workerData as WorkerInput;
setLanguage(input.lang);
const mapping: HeaderMapping = { header: input.header, index: new Map(input.index), unknown: input.unknown };
const validate = WORKER_KINDS[input.kind]!.validator(mapping, input.options as never, null as never);

port.on('message', (span: SpanMessage) => {
  try {
    const parser = new CsvParser(input.delimiter, 1 << 20, span.line);
    const records: CsvRecord[] = [];
    parser.push(spanText(span), records);
    parser.end(records);
    if (span.want) {
      const want = new Set(span.want);
      const cells = records.filter((r) => want.has(r.line)).map((r): [number, string[]] => [r.line, r.fields]);
      port.postMessage({ type: 'cells', seq: span.seq, cells } satisfies WorkerMessage);
      return;
    }
    port.postMessage({ type: 'batch', seq: span.seq, batch: validateRecords(records, validate, input.header.length) } satisfies WorkerMessage);
  } catch (err) {
    const e = err as Error & Partial<DataError> & { hint?: string; exitCode?: number };
    port.postMessage({
      type: 'error',
      seq: span.seq,
      error: {
        name: err instanceof DataError ? 'DataError' : err instanceof UepError ? 'UepError' : 'Error',
        message: e.message, hint: e.hint, file: e.file, line: e.line, field: e.field, exitCode: e.exitCode,
      },
    } satisfies WorkerMessage);
  }
});
