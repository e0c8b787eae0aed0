/**
 * An output folder filled by one command (an export, visit sheets, a report). A new folder is
 * filled as a hidden sibling (`.name.<pid>.tmp`) and renamed into place at the end: even a process
 * killed half-way leaves no visible folder. Into an existing folder (`--force`) every file is
 * written under a hidden temporary name and all are renamed only when every one was written, the
 * manifest last. No half-written file is ever visible, and a folder with a manifest is complete.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UepError } from '../errors.js';
import { AtomicFile, DIR_MODE, isTempName, syncDir } from './atomic.js';

export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface OutputDirOptions {
  /** Replace files of the same names in a folder that already holds files. */
  force?: boolean;
}

export class OutputDir {
  private readonly pending: { file: AtomicFile; info: WrittenFile }[] = [];

  /** `work` is where files are written: the folder itself, or its hidden sibling until commit. */
  private constructor(readonly dir: string, private readonly work: string) {}

  /**
   * Creates the folder (0700, parents too) or checks the existing one: a folder that already holds
   * files is refused without `force`, so a scheduled export never silently overwrites an earlier one.
   */
  static open(dir: string, options: OutputDirOptions = {}): OutputDir {
    let existing: string[] = [];
    removeStaleSiblings(dir);
    try {
      if (!statSync(dir).isDirectory()) throw new UepError(`--out ${dir} is a file, not a folder`);
      existing = readdirSync(dir).filter((n) => !isTempName(n));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dirname(dir), { recursive: true, mode: DIR_MODE });
      const work = join(dirname(dir), `.${basename(dir)}.${process.pid}.tmp`);
      mkdirSync(work, { mode: DIR_MODE });
      return new OutputDir(dir, work);
    }
    if (existing.length > 0 && !options.force) {
      // One line, no hint: this is what cron mails when yesterday's folder is reused.
      throw new UepError(`output folder ${dir} already holds ${existing.length} file(s): add --force to replace them, or choose another --out`);
    }
    return new OutputDir(dir, dir);
  }

  /** Writes one file under its temporary name; it becomes visible at `commit`. */
  add(name: string, data: string | Uint8Array): WrittenFile {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad output file name ${name}`);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const file = new AtomicFile(join(this.work, name));
    const info: WrittenFile = { name, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
    this.pending.push({ file, info });
    file.write(buf);
    file.finish();
    return info;
  }

  get files(): WrittenFile[] {
    return this.pending.map((p) => p.info);
  }

  /** Renames every file into place, in the order added. */
  commit(): WrittenFile[] {
    try {
      for (const p of this.pending) p.file.rename();
      if (this.work !== this.dir) renameSync(this.work, this.dir);
    } catch (err) {
      this.abort();
      throw err;
    }
    syncDir(this.dir);
    syncDir(dirname(this.dir));
    return this.files;
  }

  /** Removes every temporary file not yet renamed. */
  abort(): void {
    for (const p of this.pending) p.file.abort();
    if (this.work !== this.dir) rmSync(this.work, { recursive: true, force: true });
  }

  /** Runs `fill`, then commits; on any failure nothing of this run is left visible. */
  static write<T>(dir: string, options: OutputDirOptions, fill: (out: OutputDir) => T): { result: T; files: WrittenFile[] } {
    const out = OutputDir.open(dir, options);
    let result: T;
    try {
      result = fill(out);
    } catch (err) {
      out.abort();
      throw err;
    }
    return { result, files: out.commit() };
  }
}

/** Hidden work folders of `dir` left by a process that was killed: removed when no longer running. */
function removeStaleSiblings(dir: string): void {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
