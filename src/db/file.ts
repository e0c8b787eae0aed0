/**
 * The database path before SQLite sees it: a missing file, a folder or a device named by --db get a
 * clear message instead of SQLite's, and a new file is created readable by its owner only.
 */
import { accessSync, closeSync, constants, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseError } from '../errors.js';
import { t } from '../i18n/index.js';

/** (Db of open.ts, named here from better-sqlite3: open.ts imports this file.) */
type Db = Database.Database;

/** Where a newcomer finds a database to look at, and how one is made. */
export const missingHint = (): string => t('db:missing_hint');

/** Whether `path` is a regular file (undefined: it does not exist); refuses folders and devices. */
export function databaseFileExists(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw new DatabaseError(t('db:path_part_file', { path }), missingHint());
    if (code === 'EACCES') throw new DatabaseError(t('db:permission_denied', { path }), t('db:permission_hint'));
    if (code === 'ENAMETOOLONG') throw new DatabaseError(t('db:name_too_long', { path }), t('db:name_too_long_hint'));
    throw new DatabaseError(t('db:cannot_use', { path, reason: code ?? (err as Error).message }), missingHint());
  }
  if (stat.isDirectory()) {
    throw new DatabaseError(t('db:is_folder', { path }), t('db:point_at_file_hint', { example: join(path, 'uep.sqlite') }));
  }
  if (!stat.isFile()) throw new DatabaseError(t('db:not_regular', { path }), t('db:point_at_file_hint', { example: './uep.sqlite' }));
  return true;
}

/** The refusal for a command that reads a database that does not exist. */
export function missingDatabase(path: string): DatabaseError {
  return new DatabaseError(t('db:missing', { path }), missingHint());
}

/**
 * Creates an empty database file, mode 0600 from its first byte (it will hold personal data,
 * UU 27/2022; SQLite gives its -wal/-shm/-journal files the same mode). False if it already existed.
 */
export function createDatabaseFile(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx', 0o600));
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw new DatabaseError(t('db:create_no_folder', { path, folder: dirname(path) }), t('db:create_no_folder_hint'));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new DatabaseError(t('db:create_not_writable', { path, folder: dirname(path) }), t('db:create_not_writable_hint'));
    }
    throw new DatabaseError(t('db:create_failed', { path, reason: (err as Error).message }));
  }
}

/** A command that writes needs to write the file and, for its -wal/-journal files, its folder. */
export function checkWritable(path: string): void {
  for (const [target, message] of [[path, 'db:file_read_only'], [dirname(path), 'db:folder_read_only']] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new DatabaseError(t(message, { path }), t('db:read_only_hint'));
    }
  }
}

const identities = new WeakMap<Db, string>();

function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** Remembers which file a connection opened, for `assertSameFile`. */
export function rememberFile(db: Db, path: string): void {
  const id = identity(path);
  if (id) identities.set(db, id);
}

/**
 * Refuses to commit into a file that is no longer the database: one replaced under a running
 * command (moved or copied over by hand) would take the work with it, out of sight.
 */
export function assertSameFile(db: Db): void {
  const id = identities.get(db);
  if (id !== undefined && identity(db.name) !== id) {
    throw new DatabaseError(t('db:replaced', { path: db.name }), t('db:replaced_hint'));
  }
}
