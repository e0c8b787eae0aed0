/**
 * An output folder filled by one command (an export, visit sheets, a report). A new folder is
 * filled as a hidden sibling (`.name.<pid>.<n>.tmp`) and renamed into place at the end: even a
 * process killed half-way leaves no visible folder, and of two runs at once the later rename fails
 * (the folder is no longer empty), so the second is refused as if it had started after the first. Into an existing folder (`--force`) every file is
 * written under a hidden temporary name and all are renamed only when every one was written, the
 * manifest last. No half-written file is ever visible, and a folder with a manifest is complete.
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UepError } from '../errors.js';
import { atomicWritable } from './atomic-stream.js';
import { t } from '../i18n/index.js';
import { AtomicFile, DIR_MODE, isTempName, removeStaleTemps, syncDir, tempPathFor } from './atomic.js';
import { displayPath } from './display.js';
import { acquireCommitLock } from './commit-lock.js';
import { nearestExisting, OUT_FOLDER, outputFsError, prepareOutputFolder } from './output.js';

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
    removeStaleTemps(dir);
    if (prepareOutputFolder(dir, OUT_FOLDER).exists) {
      let existing: string[];
      try {
        existing = readdirSync(dir).filter((n) => !isTempName(n));
      } catch (err) {
        throw outputFsError(err, dir, OUT_FOLDER, dir);
      }
      if (existing.length > 0 && !options.force) throw alreadyHolds(dir, existing.length);
      return new OutputDir(dir, dir);
    }
    // A new folder is filled under a name of this run's own and renamed into place at the end.
    const work = tempPathFor(dir);
    try {
      mkdirSync(dirname(dir), { recursive: true, mode: DIR_MODE });
      mkdirSync(work, { mode: DIR_MODE });
    } catch (err) {
      throw outputFsError(err, dir, OUT_FOLDER, nearestExisting(dirname(dir)));
    }
    return new OutputDir(dir, work);
  }

  /** Writes one file under its temporary name; it becomes visible at `commit`. */
  add(name: string, data: string | Uint8Array): WrittenFile {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad output file name ${name}`);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const info: WrittenFile = { name, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
    try {
      const file = new AtomicFile(join(this.work, name));
      this.pending.push({ file, info });
      file.write(buf);
      file.finish();
    } catch (err) {
      throw outputFsError(err, this.dir, OUT_FOLDER, this.folder);
    }
    return info;
  }

  /**
   * A file written as a stream (an .xlsx workbook): `stream` takes its bytes; `finish` once the
   * stream has ended gives its record. It becomes visible at `commit`, like every other file.
   */
  addStream(name: string): { stream: Writable; finish: () => WrittenFile } {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad output file name ${name}`);
    const hash = createHash('sha256');
    let file: AtomicFile;
    try {
      file = new AtomicFile(join(this.work, name));
    } catch (err) {
      throw outputFsError(err, this.dir, OUT_FOLDER, this.folder);
    }
    const info: WrittenFile = { name, bytes: 0, sha256: '' };
    this.pending.push({ file, info });
    const stream = atomicWritable(file, (chunk) => hash.update(chunk));
    stream.on('error', () => file.abort());
    return {
      stream,
      finish: () => {
        try {
          file.finish();
        } catch (err) {
          throw outputFsError(err, this.dir, OUT_FOLDER, this.folder);
        }
        info.bytes = file.bytes;
        info.sha256 = hash.digest('hex');
        return info;
      },
    };
  }

  /** The folder named in messages: the target, or for a new one its parent (never the hidden work folder). */
  private get folder(): string {
    return this.work === this.dir ? this.dir : dirname(this.dir);
  }

  get files(): WrittenFile[] {
    return this.pending.map((p) => p.info);
  }

  /** Renames every file into place, in the order added. */
  commit(): WrittenFile[] {
    let release: (() => void) | undefined;
    try {
      if (this.work === this.dir) {
        // Into an existing folder: one run's renames at a time, so the folder holds one run's files.
        release = acquireCommitLock(this.dir);
        if (!release) throw busyFolder(this.dir);
      }
      for (const p of this.pending) p.file.rename();
      // The rename is the exclusive create: it fails when another run put a folder there meanwhile.
      if (this.work !== this.dir) renameSync(this.work, this.dir);
    } catch (err) {
      this.abort();
      if (err instanceof UepError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw writtenMeanwhile(this.dir);
      throw outputFsError(err, this.dir, OUT_FOLDER, this.folder);
    } finally {
      release?.();
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

/** `write` for fillers that await (streamed workbooks). */
export async function writeOutputDir<T>(dir: string, options: OutputDirOptions, fill: (out: OutputDir) => Promise<T>): Promise<{ result: T; files: WrittenFile[] }> {
  const out = OutputDir.open(dir, options);
  let result: T;
  try {
    result = await fill(out);
  } catch (err) {
    out.abort();
    throw err;
  }
  return { result, files: out.commit() };
}

function alreadyHolds(dir: string, files: number): UepError {
  // One line, no hint: this is what cron mails when yesterday's folder is reused.
  return new UepError(t('files:out.already_holds', { dir: displayPath(dir), files }));
}

function busyFolder(dir: string): UepError {
  return new UepError(t('files:out.busy', { dir: displayPath(dir) }), t('files:out.busy_hint'));
}

function writtenMeanwhile(dir: string): UepError {
  let files = 0;
  try {
    files = readdirSync(dir).filter((n) => !isTempName(n)).length;
  } catch {
    // named without a count
  }
  return new UepError(t(files ? 'files:out.written_meanwhile_files' : 'files:out.written_meanwhile', { dir: displayPath(dir), files }),
    t('files:out.written_meanwhile_hint'));
}
