import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { runningCommand } from '../audit/audit.js';
import { databaseKind, type DatabaseKind } from '../db/application.js';
import { describeDatabaseFailure, isBusy, isCorruption } from '../db/failures.js';
import { databaseFileExists } from '../db/file.js';
import type { Db } from '../db/open.js';
import { pausePoint } from '../db/pause.js';
import { DatabaseError } from '../errors.js';
import { t } from '../i18n/index.js';
import { checkBackup, type CheckedBackup } from './check-backup.js';
import { copyContent } from './copy-content.js';
import { claimTemp, clearStaleTemps, folderError, publish, removeTemp } from './temp-files.js';

export { checkBackup, type CheckedBackup } from './check-backup.js';

export interface RestoreOptions {
  now?: Date;
  /** How long to wait for the other commands using the database to finish (default 30 s). */
  busyTimeoutMs?: number;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Replaces the database with a checked backup. The restore waits until no other connection has the
 * database open, then holds it alone (an exclusive lock) while it keeps the current content aside
 * (returned) and writes the backup's content into the same file in one transaction: an import
 * that was running either finished before (and is in the file kept aside) or starts after (on the
 * restored content); a kill leaves the database as before or as after.
 */
export async function restoreDatabase(dbPath: string, backupFile: string, options: RestoreOptions = {}): Promise<{ keptAside: string | null } & CheckedBackup> {
  const checked = checkBackup(backupFile);
  const exists = databaseFileExists(dbPath);
  if (exists && sameFile(dbPath, backupFile)) throw new DatabaseError(t('maintenance:restore.is_database', { file: backupFile }), t('maintenance:restore.is_database_hint'));
  clearStaleTemps(dirname(dbPath));
  const copy = claimTemp(dbPath, 'restore', 'maintenance:what.restored');
  try {
    // A consistent, checked copy first: the backup file itself is never opened for writing.
    const src = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      await src.backup(copy);
    } catch (err) {
      throw folderError(err, dbPath, 'maintenance:what.restored');
    } finally {
      src.close();
    }
    if (!exists) {
      try {
        publish(copy, dbPath, false);
        return { keptAside: null, ...checked };
      } catch (err) {
        // Created meanwhile by another command: restore over it like over any database.
        if (!existsSync(dbPath)) throw err;
      }
    }
    const keptAside = await replaceContent(dbPath, copy, options);
    return { keptAside, ...checked };
  } finally {
    removeTemp(copy);
  }
}

function sameFile(a: string, b: string): boolean {
  const x = statSync(a);
  const y = statSync(b);
  return x.ino === y.ino && x.dev === y.dev;
}

/** The content of `copy` into the database file; returns where the previous content was kept (null: it was empty). */
async function replaceContent(dbPath: string, copy: string, options: RestoreOptions): Promise<string | null> {
  refuseForeign(dbPath);
  const current = new Database(dbPath, { timeout: options.busyTimeoutMs ?? 30_000, fileMustExist: true });
  try {
    const found = lockAlone(current, dbPath, copy);
    await pausePoint('restore:locked');
    const keptAside = found === 'empty' ? null : await keepAside(current, dbPath, options.now ?? new Date(), found === 'damaged');
    if (found !== 'damaged') {
      try {
        current.exec('BEGIN');
        copyContent(current);
        current.exec('COMMIT');
        return keptAside;
      } catch (err) {
        if (!isCorruption(err)) throw describeDatabaseFailure(err, dbPath) ?? err;
        if (current.inTransaction) current.exec('ROLLBACK');
      }
    }
    // A damaged file cannot take the content through SQLite: the checked copy replaces the file.
    for (const suffix of SIDE_FILES) rmSync(dbPath + suffix, { force: true });
    renameSync(copy, dbPath);
    return keptAside;
  } finally {
    if (current.inTransaction) current.exec('ROLLBACK');
    current.close();
  }
}

/**
 * Another application's file is refused before anything changes in it (leaving WAL mode would). A
 * connection of its own: once this one has read a WAL database, leaving WAL mode no longer waits.
 */
function refuseForeign(dbPath: string): void {
  let probe: Db | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true });
    databaseKind(probe, dbPath);
  } catch (err) {
    if (!isCorruption(err) && !isBusy(err)) throw describeDatabaseFailure(err, dbPath) ?? err;
  } finally {
    probe?.close();
  }
}

/**
 * Takes the database for this connection alone: leaving WAL mode waits until every other connection
 * has closed it (each holds a shared lock while open), and the exclusive locking mode keeps the lock
 * until this connection closes. 'damaged' when the file is too damaged for SQLite to lock it.
 */
function lockAlone(db: Db, dbPath: string, copy: string): DatabaseKind | 'damaged' {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH ? AS src').run(copy);
    // In the exclusive locking mode the lock outlives the transaction that took it.
    db.exec('BEGIN EXCLUSIVE');
    const kind = databaseKind(db, dbPath);
    db.exec('COMMIT');
    return kind;
  } catch (err) {
    if (isBusy(err)) {
      const holder = runningCommand(dbPath);
      throw new DatabaseError(t(holder ? 'maintenance:restore.busy_holder' : 'maintenance:restore.busy', { path: dbPath, holder }), t('maintenance:restore.busy_hint'));
    }
    if (isCorruption(err)) return 'damaged';
    throw describeDatabaseFailure(err, dbPath) ?? err;
  }
}

/** The current content as `<db>.before-restore-<time>`, complete or not at all. */
async function keepAside(db: Db, dbPath: string, now: Date, damaged: boolean): Promise<string> {
  const aside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  const tmp = claimTemp(aside, 'aside', 'maintenance:what.aside');
  try {
    if (damaged) {
      copyBytes(dbPath, tmp);
      if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) {
        const wal = claimTemp(`${aside}-wal`, 'aside', 'maintenance:what.aside');
        copyBytes(`${dbPath}-wal`, wal);
        renameSync(wal, `${aside}-wal`);
      }
    } else {
      await db.backup(tmp);
    }
    renameSync(tmp, aside);
    return aside;
  } finally {
    removeTemp(tmp);
  }
}

/** Copies a file's bytes into an existing file, keeping the target's mode (copyFile would give it the source's). */
function copyBytes(from: string, to: string): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'w');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(src, buf, 0, buf.length, null)) > 0;) writeSync(dst, buf, 0, n);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}
