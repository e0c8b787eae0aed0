/**
 * Temporary files of backup and restore, beside their target so that the final rename stays on one
 * file system: `.<name>.<pid>.<purpose>.tmp`. Each is created 0600 before SQLite writes a byte (its
 * -journal then gets the same mode), removed when the command fails, and cleared by a later run
 * when the process that made it is gone (a killed backup would otherwise leave personal data).
 */
import { closeSync, linkSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isRunning } from '../fsutil/atomic.js';

export type TempPurpose = 'backup' | 'restore' | 'aside';

const TEMP_NAME = /^\..+\.(\d+)\.(backup|restore|aside)\.tmp(-journal|-wal|-shm)?$/;
const SQLITE_SIDE_FILES = ['-journal', '-wal', '-shm'];

/** Creates the temporary file for `target`, empty and 0600; `what` names the target in messages (a key, 'maintenance:what.backup'). */
export function claimTemp(target: string, purpose: TempPurpose, what: string): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${purpose}.tmp`);
  removeTemp(tmp);
  try {
    closeSync(openSync(tmp, 'wx', 0o600));
  } catch (err) {
    throw folderError(err, target, what);
  }
  return tmp;
}

/** Removes a temporary file and the -journal/-wal/-shm SQLite may have put beside it. */
export function removeTemp(tmp: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(tmp + suffix, { force: true });
}

/** Removes the temporary files in `dir` left by processes that no longer run; returns their names. */
export function clearStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Gives the finished temporary file its final name without ever replacing a file another process
 * put there meanwhile (a hard link fails if the name exists); with `overwrite`, a plain rename.
 */
export function publish(tmp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(tmp, target);
    return;
  }
  try {
    linkSync(tmp, target);
    rmSync(tmp, { force: true });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
  }
  // No hard links on this file system: claim the name exclusively, then rename over the claim.
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(target);
    throw err;
  }
  renameSync(tmp, target);
}

export function alreadyExists(target: string): UepError {
  return new UepError(t('maintenance:write.already_exists', { target }), t('maintenance:write.already_exists_hint'));
}

/** One line for a folder that cannot take the file: missing, not a folder, or not writable. `what`: a catalogue key. */
export function folderError(err: unknown, target: string, what: string): UepError {
  const dir = dirname(target);
  const words = { what: t(what), target, dir, reason: (err as Error).message };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UepError(t('maintenance:write.no_folder', words), t('maintenance:write.no_folder_hint', words));
  if (code === 'ENOTDIR') return new UepError(t('maintenance:write.not_folder', words), t('maintenance:write.other_path_hint'));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UepError(t('maintenance:write.not_writable', words), t('maintenance:write.not_writable_hint'));
  }
  if (code === 'ENAMETOOLONG') return new UepError(t('maintenance:write.name_too_long', words), t('maintenance:write.name_too_long_hint'));
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new UepError(t('maintenance:write.disk_full', words), t('maintenance:write.disk_full_hint'));
  return new UepError(t('maintenance:write.failed', words));
}
