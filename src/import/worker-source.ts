import { Worker } from 'node:worker_threads';
import { openCsv } from '../csv/reader.js';
import type { CsvSpan } from '../csv/spans.js';
import { UepError, UsageError } from '../errors.js';
import { language, t } from '../i18n/index.js';
import type { ImportKind } from './kind.js';
import type { ImportOptions } from './summary.js';
import { prepareFile, type ValidatedBatch, type ValidatedSource } from './validated.js';
import type { SpanMessage, WorkerInput, WorkerMessage } from './worker.js';

/** Turns an error sent by a worker back into the typed error the CLI knows how to report. */
function revive(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  if (e.name === 'Error') return new Error(e.message);
  // DataError's message already names file, line and field; keep it as it was built.
  const err = e.exitCode === 2 ? new UsageError(e.message, e.hint) : new UepError(e.message, e.hint);
  return Object.assign(err, { file: e.file, line: e.line, field: e.field });
}

/** Strips what cannot cross a thread boundary (callbacks, signals) from the options. */
function plainOptions(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function' && !(v instanceof AbortSignal)));
}

/** Worker threads answering span messages, each answer matched to its message by sequence number. */
function workerPool(workerData: WorkerInput, threads: number) {
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  // A worker that died fails every answer still owed, and every later one: nothing waits forever.
  let failure: Error | undefined;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData,
      // Bounded memory whatever the file size: a worker only ever holds a span or two.
      resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
    });
    worker.on('message', (m: WorkerMessage) => {
      const w = waiting.get(m.seq);
      waiting.delete(m.seq);
      if (m.type === 'error') w?.reject(revive(m.error));
      else w?.resolve(m.type === 'batch' ? m.batch : m.cells);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(t('import:error.worker_stopped', { code })));
    });
    return worker;
  });
  let seq = 0;
  return {
    send<T>(span: CsvSpan, want?: number[]): Promise<T> {
      const n = seq++;
      const answer = new Promise<T>((resolve, reject) => {
        if (failure) reject(failure);
        else waiting.set(n, { resolve: resolve as (v: unknown) => void, reject });
      });
      answer.catch(() => {}); // rejections are taken when the answer's turn comes
      workers[n % threads]!.postMessage({ seq: n, ...span, want } satisfies SpanMessage);
      return answer;
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/** A sent span's answer to come (boxed: an async generator would wait for a bare promise it yields). */
interface Job<T> {
  answer: Promise<T>;
}

/**
 * Answers in the order of their spans, keeping every worker busy with a span or two (of ~64 KB)
 * while this thread handles the oldest answer.
 */
async function* inOrder<T>(jobs: AsyncIterable<Job<T>>, inFlight: number): AsyncGenerator<T> {
  const queue: Promise<T>[] = [];
  const iterator = jobs[Symbol.asyncIterator]();
  let done = false;
  for (;;) {
    while (!done && queue.length < inFlight) {
      const next = await iterator.next();
      if (next.done) done = true;
      else queue.push(next.value.answer);
    }
    const oldest = queue.shift();
    if (!oldest) return;
    yield await oldest;
  }
}

/**
 * The same ValidatedSource as openValidated, with the work spread over threads: this thread reads
 * the file and cuts it into spans of whole records (cheap), `threads` workers parse and validate
 * them (the CPU-heavy part), and batches come back in file order while this thread writes.
 */
export async function openValidatedInWorkers<O extends ImportOptions>(
  file: string, kind: ImportKind<O>, options: O, threads: number,
): Promise<ValidatedSource> {
  const { name, source, mapping, hash, options: settled, decided } = await prepareFile(file, kind, options);
  const workerData: WorkerInput = {
    kind: kind.kind, options: plainOptions(settled), delimiter: source.delimiter, lang: language(),
    header: source.header, index: [...mapping.index], unknown: mapping.unknown,
  };
  let digest = '';

  async function* batches(): AsyncGenerator<ValidatedBatch> {
    const pool = workerPool(workerData, threads);
    const spans = source.spans();
    async function* jobs() {
      for await (const span of spans) yield { answer: pool.send<ValidatedBatch>(span) };
    }
    try {
      for await (const batch of inOrder(jobs(), 2 * threads)) {
        batch.bytesRead = source.bytesRead();
        yield batch;
      }
      digest = hash.digest('hex');
    } finally {
      await spans.return(undefined);
      await pool.close();
    }
  }

  /** The file read again; only the spans holding wanted lines go to the workers, which parse them. */
  async function cellsOfLines(lines: number[], take: (line: number, cells: string[]) => void): Promise<void> {
    const wanted = [...lines].sort((a, b) => a - b);
    const again = await openCsv(file, { encoding: options.encoding, delimiter: source.delimiter });
    const pool = workerPool(workerData, threads);
    const spans = again.spans();
    // A span holds the lines from its first up to the next span's first.
    async function* jobs() {
      let w = 0;
      let previous: CsvSpan | undefined;
      const flush = (upTo: number) => {
        const want: number[] = [];
        while (w < wanted.length && wanted[w]! < upTo) want.push(wanted[w++]!);
        return want.length > 0 && previous ? { answer: pool.send<[number, string[]][]>(previous, want) } : undefined;
      };
      for await (const span of spans) {
        const job = flush(span.line);
        if (job) yield job;
        previous = span;
      }
      const last = flush(Infinity);
      if (last) yield last;
    }
    try {
      for await (const cells of inOrder(jobs(), 2 * threads)) for (const [line, fields] of cells) take(line, fields);
    } finally {
      await spans.return(undefined);
      await pool.close();
    }
  }

  return { file: name, header: source.header, mapping, totalBytes: source.totalBytes, batches, cellsOfLines, sha256: () => digest, decided };
}
