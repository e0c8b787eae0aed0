/**
 * Worker thread: reads, parses and validates an extract while the main thread writes the previous
 * batches. Batches wait for an acknowledgement, so at most a few are in memory at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UepError, DataError } from '../errors.js';
import { WORKER_KINDS } from './registry.js';
import { openValidated } from './validated.js';

const MAX_IN_FLIGHT = 4;

export interface WorkerInput {
  kind: string;
  file: string;
  options: Record<string, unknown>;
}

export type WorkerMessage =
  | { type: 'header'; file: string; header: string[]; totalBytes: number; index: [string, number][]; unknown: { name: string; index: number }[] }
  | { type: 'batch'; batch: import('./validated.js').ValidatedBatch }
  | { type: 'end'; sha256: string }
  | { type: 'error'; error: { name: string; message: string; hint?: string; file?: string; line?: number; field?: string; exitCode?: number } };

const port = parentPort!;
const input = workerData as WorkerInput;
let inFlight = 0;
let wake: (() => void) | undefined;
let stopped = false;
port.on('message', (m: string) => {
  if (m === 'ack') inFlight--;
  if (m === 'stop') stopped = true;
  wake?.();
});

async function main(): Promise<void> {
  const source = await openValidated(null, input.file, WORKER_KINDS[input.kind]!, input.options as never);
  port.postMessage({
    type: 'header', file: source.file, header: source.header, totalBytes: source.totalBytes,
    index: [...source.mapping.index], unknown: source.mapping.unknown,
  } satisfies WorkerMessage);
  for await (const batch of source.batches()) {
    if (stopped) return;
    port.postMessage({ type: 'batch', batch } satisfies WorkerMessage);
    inFlight++;
    while (inFlight >= MAX_IN_FLIGHT && !stopped) await new Promise<void>((r) => (wake = r));
  }
  port.postMessage({ type: 'end', sha256: source.sha256() } satisfies WorkerMessage);
}

main().catch((err: unknown) => {
  const e = err as Error & Partial<DataError> & { hint?: string; exitCode?: number };
  port.postMessage({
    type: 'error',
    error: {
      name: err instanceof DataError ? 'DataError' : err instanceof UepError ? 'UepError' : 'Error',
      message: e.message, hint: e.hint, file: e.file, line: e.line, field: e.field, exitCode: e.exitCode,
    },
  } satisfies WorkerMessage);
});
