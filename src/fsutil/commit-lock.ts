/**
 * A lock around the renames that publish a `--force` run's files into an existing folder. Without
 * it two runs that finish at once rename in turn, and the folder ends with some files of each (a
 * manifest that does not describe its neighbours). The lock is a file created exclusively, holding
 * the owner's process id: a lock whose owner no longer runs (killed mid-commit) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { COMMIT_LOCK_NAME, FILE_MODE, isRunning } from './atomic.js';

/** How long a run waits for another run's renames (a few file renames: far less than this). */
export const commitLockWait = { ms: 30_000 };

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Takes the lock of `dir`; returns its release, or undefined when another live run kept it past the wait. */
export function acquireCommitLock(dir: string): (() => void) | undefined {
  const path = join(dir, COMMIT_LOCK_NAME);
  const deadline = Date.now() + commitLockWait.ms;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', FILE_MODE);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = lockOwner(path);
    if (owner !== undefined && !isRunning(owner)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return undefined;
    Atomics.wait(sleeper, 0, 0, 25);
  }
}

/** The owner's pid; undefined while the owner has created the file but not yet written it. */
function lockOwner(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}
