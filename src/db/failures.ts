/**
 * SQLite's failures that are about the database file rather than about uep, told as one line that
 * names the file, what is wrong and the fix (never "unexpected error").
 */
import { dirname } from 'node:path';
import { DatabaseError } from '../errors.js';
import { t } from '../i18n/index.js';

function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : '';
}

export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ';
}

export function isBusy(err: unknown): boolean {
  return sqliteCode(err).startsWith('SQLITE_BUSY') || sqliteCode(err).startsWith('SQLITE_LOCKED');
}

/** A DatabaseError for `err` about the database `path`, or undefined when it is not such a failure. */
export function describeDatabaseFailure(err: unknown, path: string): DatabaseError | undefined {
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseError(t('db:not_sqlite', { path }), t('db:not_sqlite_hint'));
  }
  if (isCorruption(err)) {
    return new DatabaseError(t('db:damaged', { path, reason: (err as Error).message }), t('db:damaged_hint'));
  }
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT') {
    return new DatabaseError(t('db:wal_folder', { path, folder: dirname(path) }), t('db:wal_folder_hint'));
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError(t('db:read_only', { path }), t('db:read_only_hint'));
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseError(t('db:cannot_open', { path }), t('db:cannot_open_hint'));
  }
  if (code === 'SQLITE_FULL') return new DatabaseError(t('db:disk_full', { path }), t('db:disk_full_hint'));
  if (code.startsWith('SQLITE_IOERR')) {
    return new DatabaseError(t('db:io', { path, reason: (err as Error).message }), t('db:io_hint'));
  }
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new DatabaseError(t('db:refused', { path }), t('db:refused_hint'));
  }
  return undefined;
}
