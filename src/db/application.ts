/**
 * Which SQLite files are uep databases. uep marks its files with an application id ('UEP1' in the
 * header, `PRAGMA application_id`), so another application's database is recognised exactly and
 * never taken over; files from before the mark are recognised by their tables and marked when a
 * writing command next opens them.
 */
import type Database from 'better-sqlite3';
import { DatabaseError } from '../errors.js';
import { t } from '../i18n/index.js';

/** (Db of open.ts, named here from better-sqlite3: open.ts imports this file.) */
type Db = Database.Database;

/** 'UEP1' as a 32-bit big-endian integer. */
export const UEP_APPLICATION_ID = 0x55455031;

export type DatabaseKind = 'uep' | 'empty';

/** 'uep', 'empty' (a new file: nothing in it yet), or a refusal naming the file. */
export function databaseKind(db: Db, path: string): DatabaseKind {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === UEP_APPLICATION_ID) return 'uep';
  const objects = db.prepare(`SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  if (id === 0 && objects.length === 0 && db.pragma('user_version', { simple: true }) === 0) return 'empty';
  if (id === 0 && objects.includes('persons') && objects.includes('audit_log') && objects.includes('import_batches')) return 'uep';
  throw new DatabaseError(t('db:other_application', { path }), t('db:other_application_hint'));
}

export function markAsUep(db: Db): void {
  db.pragma(`application_id = ${UEP_APPLICATION_ID}`);
}
