import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { pausePoint } from '../db/pause.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { alreadyExists, claimTemp, clearStaleTemps, folderError, publish, removeTemp } from './temp-files.js';

export interface BackupResult {
  file: string;
  pages: number;
}

/** Refuses a target that is a folder, the database itself, or (without `overwrite`) an existing file. */
function checkTarget(target: string, dbPath: string, overwrite: boolean): void {
  let stat;
  try {
    stat = statSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw folderError(err, target, 'maintenance:what.backup');
  }
  if (stat.isDirectory()) throw new UepError(t('maintenance:backup.is_folder', { target }), t('maintenance:backup.is_folder_hint', { example: `${target}/uep-backup.sqlite` }));
  const db = statSync(dbPath);
  if (stat.ino === db.ino && stat.dev === db.dev) throw new UepError(t('maintenance:backup.is_database', { target }), t('maintenance:backup.is_database_hint'));
  if (!overwrite) throw alreadyExists(target);
}

/**
 * A consistent copy while others keep using the database (SQLite's online backup), written to a
 * temporary name (0600 from the first byte) and then given its name: a backup file that exists is
 * always complete. Without `overwrite` an existing file is never replaced, not even one another
 * backup wrote while this one ran.
 */
export async function backupDatabase(db: Db, target: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  checkTarget(target, db.name, !!options.overwrite);
  clearStaleTemps(dirname(target));
  const tmp = claimTemp(target, 'backup', 'maintenance:what.backup');
  try {
    let totalPages: number;
    try {
      ({ totalPages } = await db.backup(tmp));
      // One self-contained file (no -wal beside it), whatever the mode of the database it copies.
      const copy = new Database(tmp);
      copy.pragma('journal_mode = DELETE');
      copy.close();
    } catch (err) {
      throw folderError(err, target, 'maintenance:what.backup');
    }
    await pausePoint('backup:written');
    publish(tmp, target, !!options.overwrite);
    return { file: target, pages: totalPages };
  } finally {
    removeTemp(tmp);
  }
}
