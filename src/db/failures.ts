/**
 * SQLite's failures that are about the database file rather than about uep, told as one line that
 * names the file, what is wrong and the fix (never "unexpected error").
 */
import { dirname } from 'node:path';
import { DatabaseError } from '../errors.js';

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
    return new DatabaseError(`${path} is not a uep database (not an SQLite file)`, 'point --db (or UEP_DB) at a uep database');
  }
  if (isCorruption(err)) {
    return new DatabaseError(`${path} is damaged (${(err as Error).message})`,
      'restore the latest backup with `uep restore <file>`; `uep doctor` shows what is wrong');
  }
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT') {
    return new DatabaseError(`cannot use ${path}: SQLite needs its -wal and -shm files beside it, and this user may not create them in ${dirname(path)}`,
      'run as the user who owns the database, or let this user write to its folder');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError(`${path} is read-only for this user: uep cannot write to it`,
      'run as the user who owns it, or check the permissions of the file and of its folder');
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseError(`cannot open the database ${path} (or its -wal/-journal file beside it)`,
      'check that the file and its folder exist and that this user may write to the folder');
  }
  if (code === 'SQLITE_FULL') return new DatabaseError(`the disk holding ${path} is full`, 'free some space, then run the command again');
  if (code.startsWith('SQLITE_IOERR')) {
    return new DatabaseError(`reading or writing ${path} failed (${(err as Error).message})`, 'check the disk, then run `uep doctor`');
  }
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new DatabaseError(`access to ${path} was refused`, 'check the permissions of the file and of its folder');
  }
  return undefined;
}
