import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseKind } from '../db/application.js';
import { isCorruption } from '../db/failures.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import type { Db } from '../db/open.js';
import { DatabaseError, UepError } from '../errors.js';

export interface CheckedBackup {
  schemaVersion: number;
  integrity: string;
}

const HINT = 'choose a file written by `uep backup`';

function notABackup(file: string, why: string): DatabaseError {
  return new DatabaseError(`${file} is not a uep backup (${why})`, HINT);
}

/** SQLite's failures, named as the backup's (not the database's). */
function backupFailure(err: unknown, file: string): UepError {
  if ((err as { code?: string }).code === 'SQLITE_NOTADB') return notABackup(file, 'not an SQLite file');
  if (isCorruption(err)) return new DatabaseError(`${file} is damaged (${(err as Error).message}): not restored`, HINT);
  return new DatabaseError(`${file} cannot be read (${(err as Error).message}): not restored`, HINT);
}

function checkKind(src: Db, file: string): void {
  try {
    if (databaseKind(src, file) === 'empty') throw notABackup(file, 'it is empty');
  } catch (err) {
    if (err instanceof UepError && !(err.message.includes('not a uep backup'))) throw notABackup(file, 'it holds another application\'s data');
    throw err;
  }
}

/** Refuses a file that is not an intact uep database this version can use. */
export function checkBackup(file: string): CheckedBackup {
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UepError(`no backup file at ${file}`, 'check the path; `uep backup <file>` writes one');
    throw new UepError(`cannot read the backup ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'check the path and its permissions');
  }
  if (!stat.isFile()) throw notABackup(file, 'it is a folder or a device, not a file');
  let src: Db | undefined;
  try {
    src = new Database(file, { readonly: true, fileMustExist: true });
    checkKind(src, file);
    const integrity = (src.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') throw new DatabaseError(`${file} fails the integrity check (${integrity.slice(0, 200)}): not restored`, HINT);
    const schemaVersion = src.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > SCHEMA_VERSION) {
      throw new DatabaseError(`${file} was written by a newer uep (schema version ${schemaVersion}; this uep knows up to ${SCHEMA_VERSION})`, 'upgrade uep first');
    }
    return { schemaVersion, integrity };
  } catch (err) {
    throw err instanceof UepError ? err : backupFailure(err, file);
  } finally {
    src?.close();
  }
}
