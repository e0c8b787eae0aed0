/**
 * The database path before SQLite sees it: a missing file, a folder or a device named by --db get a
 * clear message instead of SQLite's, and a new file is created readable by its owner only.
 */
import { accessSync, closeSync, constants, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseError } from '../errors.js';

/** (Db of open.ts, named here from better-sqlite3: open.ts imports this file.) */
type Db = Database.Database;

/** Where a newcomer finds a database to look at, and how one is made. */
export const MISSING_HINT = 'check --db or UEP_DB (the demo\'s database is demo-output/uep.sqlite); a command that imports data creates a new one';

/** Whether `path` is a regular file (undefined: it does not exist); refuses folders and devices. */
export function databaseFileExists(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw new DatabaseError(`cannot use ${path} as the database: part of that path is a file, not a folder`, MISSING_HINT);
    if (code === 'EACCES') throw new DatabaseError(`cannot open the database ${path}: permission denied`, 'run as the user who owns it, or check the permissions of its folders');
    if (code === 'ENAMETOOLONG') throw new DatabaseError(`cannot use ${path} as the database: the name is too long`, 'point --db (or UEP_DB) at a shorter path');
    throw new DatabaseError(`cannot use ${path} as the database (${code ?? (err as Error).message})`, MISSING_HINT);
  }
  if (stat.isDirectory()) {
    throw new DatabaseError(`${path} is a folder, not a database file`, `point --db (or UEP_DB) at a file, e.g. ${join(path, 'uep.sqlite')}`);
  }
  if (!stat.isFile()) throw new DatabaseError(`${path} is not a regular file and cannot hold a database`, 'point --db (or UEP_DB) at a file, e.g. ./uep.sqlite');
  return true;
}

/** The refusal for a command that reads a database that does not exist. */
export function missingDatabase(path: string): DatabaseError {
  return new DatabaseError(`no database at ${path}`, MISSING_HINT);
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
    if (code === 'ENOENT') throw new DatabaseError(`cannot create the database ${path}: the folder ${dirname(path)} does not exist`, 'create the folder first, or check --db / UEP_DB');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new DatabaseError(`cannot create the database ${path}: the folder ${dirname(path)} is not writable`, 'choose a folder you can write to, or check --db / UEP_DB');
    }
    throw new DatabaseError(`cannot create the database ${path}: ${(err as Error).message}`);
  }
}

/** A command that writes needs to write the file and, for its -wal/-journal files, its folder. */
export function checkWritable(path: string): void {
  for (const [target, what] of [[path, 'the file'], [dirname(path), 'its folder']] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new DatabaseError(`${path} is read-only for this user (${what} is not writable): uep cannot write to it`,
        'run as the user who owns it, or check the permissions of the file and of its folder');
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
    throw new DatabaseError(`${db.name} was replaced by another file while this command ran; nothing was written`,
      'run the command again (it now works on the file that is there)');
  }
}
