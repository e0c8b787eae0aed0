/**
 * Every path uep writes to (`--rejects`, `--out`) is checked here before any work is done: its
 * folder exists (or, for a folder, can be created) and may be written in, the target is not a
 * folder or a device, and it is not a file uep is reading (the import file, the database). Errors
 * while writing become the same one-line messages naming the path and the fix.
 */
import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayPath } from './display.js';
import { errnoCode, fsReason } from './fs-errors.js';

export interface OutputSpec {
  /** What is written, for hints: "rejects file", "output folder". */
  what: string;
  /** The option naming the path: every message starts with it. */
  flag: string;
}

export const OUT_FOLDER: OutputSpec = { what: 'output folder', flag: '--out' };

/** A file the output must never replace, and what it is, as a catalogue key ('files:protected.import_file'). */
export interface ProtectedFile {
  path: string;
  what: string;
}

export function outputError(path: string, spec: OutputSpec, problem: string, hint?: string): UepError {
  return new UepError(t('files:output.error', { flag: spec.flag, path: displayPath(path), problem }), hint);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An operating-system error while preparing or writing `path`, in words: `folder` is the folder in
 * which uep was creating something when it failed.
 */
export function outputFsError(err: unknown, path: string, spec: OutputSpec, folder = dirname(path)): Error {
  const code = errnoCode(err);
  if (!code) return err as Error;
  const words = { folder: displayPath(folder), flag: spec.flag, reason: fsReason(err) };
  const elsewhere = t('files:output.elsewhere_hint', words);
  switch (code) {
    case 'ENOENT':
      return exists(folder)
        ? outputError(path, spec, t('files:output.cannot_create_in', words), elsewhere)
        : outputError(path, spec, t('files:output.folder_missing', words), t('files:output.create_first_hint', words));
    case 'ENOTDIR':
      return outputError(path, spec, t('files:output.path_part_file'), elsewhere);
    case 'EACCES':
    case 'EPERM':
      return outputError(path, spec, t('files:output.permission_denied', words), t('files:output.permission_hint', words));
    case 'EROFS':
      return outputError(path, spec, t('files:output.read_only', words), elsewhere);
    case 'ENOSPC':
    case 'EDQUOT':
      return outputError(path, spec, t('files:output.cannot_write', words), t('files:output.free_space_hint', words));
    default:
      return outputError(path, spec, t('files:output.cannot_write', words), elsewhere);
  }
}

/** The same file, also through a symbolic or hard link. */
function sameFile(st: Stats, path: string, other: string): boolean {
  const o = statSync(other, { throwIfNoEntry: false });
  if (!o) return false;
  if (st.ino !== 0 && st.dev === o.dev && st.ino === o.ino) return true;
  try {
    return realpathSync(path) === realpathSync(other);
  } catch {
    return false;
  }
}

/** The files of a database that an output must never replace (the database, its WAL, shared memory, journal). */
export function databaseFiles(dbPath: string | undefined): ProtectedFile[] {
  if (!dbPath || dbPath === ':memory:' || dbPath === '') return [];
  return [
    { path: dbPath, what: 'files:protected.database' },
    ...['-wal', '-shm', '-journal'].map((s) => ({ path: dbPath + s, what: 'files:protected.database_file' })),
  ];
}

/** The folder may be written in (a file created, renamed, removed). */
function checkWritableFolder(folder: string, path: string, spec: OutputSpec): void {
  let st: Stats;
  try {
    st = statSync(folder);
  } catch (err) {
    throw outputFsError(err, path, spec, folder);
  }
  if (!st.isDirectory()) throw outputError(path, spec, t('files:output.folder_is_file', { folder: displayPath(folder) }), t('files:output.elsewhere_hint', { flag: spec.flag }));
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw outputFsError(err, path, spec, folder);
  }
}

/**
 * Checks a file about to be written whole (written beside it and renamed into place): not a file
 * being read, not a folder or device, not an existing file unless `overwrite`, in a folder that
 * exists and may be written in.
 */
export function prepareOutputFile(path: string, spec: OutputSpec, options: { overwrite: boolean; protect: ProtectedFile[] }): void {
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw outputFsError(err, path, spec);
  }
  if (st) {
    const kept = options.protect.find((p) => sameFile(st, path, p.path));
    if (kept) throw outputError(path, spec, t('files:output.is_protected', { what: t(kept.what) }), t('files:output.protected_hint', { flag: spec.flag, what: t(kept.what) }));
    if (st.isDirectory()) {
      throw outputError(path, spec, t('files:output.is_folder'), t('files:output.name_file_hint', { flag: spec.flag, example: displayPath(join(path, 'rejects.csv')) }));
    }
    if (!st.isFile()) throw outputError(path, spec, t('files:output.not_regular'), t('files:output.elsewhere_hint', { flag: spec.flag }));
    if (!options.overwrite) throw outputError(path, spec, t('files:output.exists'), t('files:output.exists_hint', { flag: spec.flag }));
  }
  checkWritableFolder(dirname(path), path, spec);
}

/** The nearest folder of `path` that exists: where a missing folder would be created. */
export function nearestExisting(path: string): string {
  let p = path;
  while (!exists(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/**
 * Checks a folder about to be filled: an existing folder may be written in; a missing one can be
 * created (its nearest existing parent is a folder that may be written in).
 */
export function prepareOutputFolder(dir: string, spec: OutputSpec = OUT_FOLDER): { exists: boolean } {
  let st: Stats | undefined;
  try {
    st = statSync(dir);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw outputFsError(err, dir, spec);
  }
  if (st && !st.isDirectory()) throw outputError(dir, spec, t('files:output.is_file'), t('files:output.elsewhere_hint', { flag: spec.flag }));
  checkWritableFolder(st ? dir : nearestExisting(dirname(dir)), dir, spec);
  return { exists: !!st };
}
