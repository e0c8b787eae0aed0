import { Worker } from 'node:worker_threads';
import { UepError, UsageError } from '../errors.js';
import type { ValidatedBatch, ValidatedSource } from './validated.js';
import type { WorkerInput, WorkerMessage } from './worker.js';

/** Turns an error sent by the worker back into the typed error the CLI knows how to report. */
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
 * The same ValidatedSource as openValidated, produced by a worker thread: parsing and validation
 * (the CPU-heavy part) overlap with the main thread's writes.
 */
export async function openValidatedInWorker(kind: string, file: string, options: object): Promise<ValidatedSource> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: { kind, file, options: plainOptions(options) } satisfies WorkerInput,
    // Bounded memory whatever the file size: the worker only ever holds a few batches.
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 },
  });
  const queue: WorkerMessage[] = [];
  let waiting: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    waiting?.();
  });
  worker.on('error', (err) => {
    failure = err;
    waiting?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`import worker stopped with code ${code}`);
    waiting?.();
  });
  async function next(): Promise<WorkerMessage> {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'error') throw revive(m.error);
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((r) => (waiting = r));
    }
  }

  let header: Extract<WorkerMessage, { type: 'header' }>;
  try {
    const first = await next();
    if (first.type !== 'header') throw new Error('import worker: expected the header first');
    header = first;
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  let digest = '';
  return {
    file: header.file,
    header: header.header,
    totalBytes: header.totalBytes,
    mapping: { index: new Map(header.index), unknown: header.unknown, header: header.header },
    sha256: () => digest,
    async *batches(): AsyncGenerator<ValidatedBatch> {
      try {
        for (;;) {
          const m = await next();
          if (m.type === 'end') {
            digest = m.sha256;
            return;
          }
          if (m.type === 'batch') {
            yield m.batch;
            worker.postMessage('ack'); // only once the batch is written: bounded memory
          }
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}
