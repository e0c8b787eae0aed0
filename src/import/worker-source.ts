import { Worker } from 'node:worker_threads';
import { UepError, UsageError } from '../errors.js';
import type { ImportKind } from './kind.js';
import type { ImportOptions } from './pipeline.js';
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

/**
 * The same ValidatedSource as openValidated, with the work spread over threads: this thread reads
 * the file and cuts it into spans of whole records (cheap), `threads` workers parse and validate
 * them (the CPU-heavy part), and batches come back in file order while this thread writes.
 */
export async function openValidatedInWorkers<O extends ImportOptions>(
  file: string, kind: ImportKind<O>, options: O, threads: number,
): Promise<ValidatedSource> {
  const { name, source, mapping, hash } = await prepareFile(file, kind, options);
  const workerData: WorkerInput = {
    kind: kind.kind, options: plainOptions(options), delimiter: source.delimiter,
    header: source.header, index: [...mapping.index], unknown: mapping.unknown,
  };
  let digest = '';

  async function* batches(): AsyncGenerator<ValidatedBatch> {
    const waiting = new Map<number, { resolve(b: ValidatedBatch): void; reject(e: Error): void }>();
    // A worker that died fails every batch still owed, and every later one: nothing waits forever.
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
        else w?.resolve(m.batch);
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        if (code !== 0) failAll(new Error(`import worker stopped with code ${code}`));
      });
      return worker;
    });
    const spans = source.spans();
    const queue: Promise<ValidatedBatch>[] = [];
    let seq = 0;
    let spansDone = false;
    try {
      for (;;) {
        // Keep every worker busy with a span or two (of ~64 KB) while the oldest batch is being written.
        while (!spansDone && queue.length < 2 * threads) {
          const next = await spans.next();
          if (next.done) {
            spansDone = true;
            break;
          }
          const span = next.value;
          const n = seq++;
          const result = new Promise<ValidatedBatch>((resolve, reject) => {
            if (failure) reject(failure);
            else waiting.set(n, { resolve, reject });
          });
          result.catch(() => {}); // rejections are taken when the batch's turn comes
          workers[n % threads]!.postMessage({ seq: n, ...span } satisfies SpanMessage);
          queue.push(result);
        }
        const oldest = queue.shift();
        if (!oldest) break;
        const batch = await oldest;
        batch.bytesRead = source.bytesRead();
        yield batch;
      }
      digest = hash.digest('hex');
    } finally {
      await spans.return(undefined);
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }

  return { file: name, header: source.header, mapping, totalBytes: source.totalBytes, batches, sha256: () => digest };
}
