import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseKind } from '../db/application.js';
import { isCorruption } from '../db/failures.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import type { Db } from '../db/open.js';
import { DatabaseError, UepError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface CheckedBackup {
  schemaVersion: number;
  integrity: string;
}

const hint = () => t('maintenance:restore.not_backup_hint');

/** `why`: the catalogue key of the reason. */
function notABackup(file: string, why: string): DatabaseError {
  return new DatabaseError(t('maintenance:restore.not_backup', { file, why: t(why) }), hint());
}

/** SQLite's failures, named as the backup's (not the database's). */
function backupFailure(err: unknown, file: string): UepError {
  if ((err as { code?: string }).code === 'SQLITE_NOTADB') return notABackup(file, 'maintenance:restore.why_not_sqlite');
  if (isCorruption(err)) return new DatabaseError(t('maintenance:restore.damaged', { file, reason: (err as Error).message }), hint());
  return new DatabaseError(t('maintenance:restore.unreadable', { file, reason: (err as Error).message }), hint());
}

function checkKind(src: Db, file: string): void {
  let kind;
  try {
    kind = databaseKind(src, file);
  } catch (err) {
    if (err instanceof UepError) throw notABackup(file, 'maintenance:restore.why_other_application');
    throw err;
  }
  if (kind === 'empty') throw notABackup(file, 'maintenance:restore.why_empty');
}

/** Refuses a file that is not an intact uep database this version can use. */
export function checkBackup(file: string): CheckedBackup {
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UepError(t('maintenance:restore.no_file', { file }), t('maintenance:restore.no_file_hint'));
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UepError(t('maintenance:restore.cannot_read', { file, reason }), t('maintenance:restore.cannot_read_hint'));
  }
  if (!stat.isFile()) throw notABackup(file, 'maintenance:restore.why_not_file');
  let src: Db | undefined;
  try {
    src = new Database(file, { readonly: true, fileMustExist: true });
    checkKind(src, file);
    const integrity = (src.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') throw new DatabaseError(t('maintenance:restore.integrity', { file, detail: integrity.slice(0, 200) }), hint());
    const schemaVersion = src.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > SCHEMA_VERSION) {
      throw new DatabaseError(t('maintenance:restore.newer', { file, version: schemaVersion, known: SCHEMA_VERSION }), t('maintenance:restore.newer_hint'));
    }
    return { schemaVersion, integrity };
  } catch (err) {
    throw err instanceof UepError ? err : backupFailure(err, file);
  } finally {
    src?.close();
  }
}
