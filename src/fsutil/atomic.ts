/**
 * Files for users appear whole or not at all: written under a temporary name beside the target
 * (same folder, so the rename cannot cross file systems), flushed to disk, then renamed into
 * place. Created 0600: exports hold personal data (UU 27/2022).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

let counter = 0;

/** `.name.<pid>.<n>.tmp` in the target's folder: hidden, and unique within this process. */
export function tempPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

/** Our temporary names, so a folder holding only leftovers of a killed run counts as empty. */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
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
