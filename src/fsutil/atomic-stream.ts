/**
 * A Writable over an AtomicFile, for writers that stream (the .xlsx writer): every chunk goes
 * straight to the temporary file (0600 from the first byte), optionally seen by `onChunk` (a
 * hash). The caller commits or aborts the AtomicFile once the stream has finished.
 */
import { Writable } from 'node:stream';
import type { AtomicFile } from './atomic.js';

export function atomicWritable(file: AtomicFile, onChunk?: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        file.write(chunk);
        onChunk?.(chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
