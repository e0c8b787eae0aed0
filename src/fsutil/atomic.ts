/**
 * Files for users appear whole or not at all: written under a temporary name beside the target
 * (same folder, so the rename cannot cross file systems), flushed to disk, then renamed into
 * place. Created 0600 from the first byte (the mode is given to open, never set after): exports
 * and rejects hold personal data (UU 27/2022). Temporary files a killed process left are removed
 * the next time the same target is written.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
/** The lock a `--force` run holds while it renames its files into a folder (see commit-lock.ts). */
export const COMMIT_LOCK_NAME = '.uep-commit.lock';

let counter = 0;

/** `.name.<pid>.<n>.tmp` in the target's folder: hidden, and unique within this process. */
export function tempPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

/** Our temporary names, so a folder holding only leftovers of a killed run counts as empty. */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name) || name === COMMIT_LOCK_NAME;
}

/** Whether a process of that id runs (one we may not signal runs too). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files and work folders of `path` (`.name.<pid>.tmp`, `.name.<pid>.<n>.tmp`)
 * left by processes that no longer run: a killed import or export leaves no personal data behind
 * for longer than until the next run that writes the same target.
 */
export function removeStaleTemps(path: string): void {
  const parent = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)(?:\.\d+)?\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Makes a rename durable: fsync of the folder (not possible on every platform; then skipped). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file being written: `write` as often as needed, then `commit` (rename into place) or `abort`. */
export class AtomicFile {
  readonly tmp: string;
  private fd: number | undefined;
  bytes = 0;

  constructor(readonly path: string) {
    removeStaleTemps(path);
    this.tmp = tempPathFor(path);
    this.fd = openSync(this.tmp, 'wx', FILE_MODE);
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path}: write after commit or abort`);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    this.bytes += buf.length;
  }

  /** Flushes and closes the temporary file; it stays hidden until `rename`. */
  finish(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Moves the finished file into place (replacing any file of that name). */
  rename(): void {
    this.finish();
    renameSync(this.tmp, this.path);
  }

  commit(): void {
    this.rename();
    syncDir(dirname(this.path));
  }

  /** Removes the temporary file; the target is untouched. Safe to call more than once. */
  abort(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(data);
    file.commit();
  } catch (err) {
    file.abort();
    throw err;
  }
}
