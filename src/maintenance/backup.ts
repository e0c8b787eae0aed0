import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { DatabaseError, UepError } from '../errors.js';

export interface BackupResult {
  file: string;
  pages: number;
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * A consistent copy while others keep using the database (SQLite's online backup), written to a
 * temporary name and renamed: a backup file that exists is always complete. Mode 0600.
 */
export async function backupDatabase(db: Db, target: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  if (existsSync(target) && !options.overwrite) throw new UepError(`${target} already exists`, 'choose another file, or add --force');
  const tmp = tempBeside(target);
  rmSync(tmp, { force: true });
  try {
    const { totalPages } = await db.backup(tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, target);
    return { file: target, pages: totalPages };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export interface CheckedBackup {
  schemaVersion: number;
  integrity: string;
}

/** Refuses a file that is not an intact uep database this version can use. */
export function checkBackup(file: string): CheckedBackup {
  if (!existsSync(file)) throw new UepError(`${file}: no such file`);
  let src: Db;
  try {
    src = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DatabaseError(`${file} cannot be opened: ${(err as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      integrity = (src.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } catch (err) {
      throw new DatabaseError(`${file} is not a uep database: ${(err as Error).message}`);
    }
    if (integrity !== 'ok') throw new DatabaseError(`${file} fails the integrity check: ${integrity.slice(0, 200)}`);
    const schemaVersion = src.pragma('user_version', { simple: true }) as number;
    const hasPersons = src.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'persons'`).pluck().get() as number;
    if (schemaVersion < 1 || !hasPersons) throw new DatabaseError(`${file} is not a uep database`);
    if (schemaVersion > SCHEMA_VERSION) {
      throw new DatabaseError(`${file} was written by a newer uep (schema version ${schemaVersion}; this uep knows up to ${SCHEMA_VERSION})`);
    }
    return { schemaVersion, integrity };
  } finally {
    src.close();
  }
}

/**
 * Replaces the database with a checked backup. The current file is kept aside (returned) rather
 * than deleted; the copy goes through a temporary name, so the database path always holds a
 * complete database.
 */
export async function restoreDatabase(dbPath: string, backupFile: string, now = new Date()): Promise<{ keptAside: string | null } & CheckedBackup> {
  const checked = checkBackup(backupFile);
  const tmp = tempBeside(dbPath);
  rmSync(tmp, { force: true });
  const src = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(tmp);
  } finally {
    src.close();
  }
  chmodSync(tmp, 0o600);
  let keptAside: string | null = null;
  if (existsSync(dbPath)) {
    // Fold the WAL into the file first, and hold the write lock so nobody writes meanwhile.
    const current = new Database(dbPath, { timeout: 30_000 });
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
      keptAside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dbPath, keptAside);
      for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    } finally {
      current.close();
    }
  }
  renameSync(tmp, dbPath);
  return { keptAside, ...checked };
}
