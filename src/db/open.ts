import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseError } from '../errors.js';
import { t } from '../i18n/index.js';
import { databaseKind, markAsUep, UEP_APPLICATION_ID, type DatabaseKind } from './application.js';
import { describeDatabaseFailure } from './failures.js';
import { checkWritable, createDatabaseFile, databaseFileExists, missingDatabase, missingHint, rememberFile } from './file.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

const PAGE_SIZE = 65536;

export interface OpenOptions {
  /** Milliseconds to wait for another writer (a cron job, an officer's session) before giving up. */
  busyTimeoutMs?: number;
  /**
   * For commands that only read: the file must exist and hold a uep database of this version, and
   * nothing in it changes (no migration, no WAL switch).
   */
  readonly?: boolean;
  /** Read-only: accept a database of an older schema too (backup and doctor work on it as it is). */
  olderSchema?: boolean;
  /** Read-write: create the file when it does not exist (default true). */
  create?: boolean;
  /** Told when a new, empty database file was created. */
  onCreate?: (path: string) => void;
}

/**
 * Opens a uep database: read-only for commands that only read, else read-write, created (0600) and
 * migrated on first use. Another application's SQLite file is refused and left untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const memory = path === ':memory:';
  let created = false;
  if (!memory && !databaseFileExists(path)) {
    if (options.readonly || options.create === false) throw missingDatabase(path);
    created = createDatabaseFile(path);
  }
  if (!memory && !options.readonly) checkWritable(path);
  let db: Db;
  try {
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 30_000, readonly: !!options.readonly, fileMustExist: !memory });
  } catch (err) {
    throw describeDatabaseFailure(err, path) ?? new DatabaseError(t('db:cannot_open_reason', { path, reason: (err as Error).message }));
  }
  try {
    const kind = databaseKind(db, path);
    if (options.readonly) {
      checkReadable(db, path, kind, !!options.olderSchema);
    } else {
      // Big pages for a new file (an existing one keeps its own): a 1M-row import writes, checkpoints
      // and sorts a sixteenth of the pages it would at 4 KB, for half the system time. Set before
      // WAL mode, which fixes the size.
      if (kind === 'empty') {
        // A new database, even in a file someone made beforehand: its owner's alone before any
        // personal data (or a -wal, which takes the file's mode) is written.
        if (!memory) chmodSync(path, 0o600);
        db.pragma(`page_size = ${PAGE_SIZE}`);
      }
      db.pragma('journal_mode = WAL');
    }
    // Both caches in KiB: the temp schema (staging tables, sorts) otherwise keeps up to a default
    // count of pages, which at 64 KB a page is hundreds of MB held in memory.
    db.pragma('cache_size = -4096');
    db.pragma('temp.cache_size = -4096');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, path);
  } catch (err) {
    db.close();
    throw describeDatabaseFailure(err, path) ?? err;
  }
  if (!memory) rememberFile(db, path);
  if (created) options.onCreate?.(path);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function newerSchema(path: string, version: number): DatabaseError {
  return new DatabaseError(t('db:newer', { path, version, known: SCHEMA_VERSION }), t('db:newer_hint'));
}

/** A reading command needs a uep database of this version (or an older one, for backup and doctor). */
function checkReadable(db: Db, path: string, kind: DatabaseKind, olderSchema: boolean): void {
  if (kind === 'empty') throw new DatabaseError(t('db:empty', { path }), missingHint());
  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) throw newerSchema(path, version);
  if (version < SCHEMA_VERSION && !olderSchema) {
    throw new DatabaseError(t('db:older', { path, version, needed: SCHEMA_VERSION }), t('db:older_hint'));
  }
}

/** Brings a uep database (or a new, empty one) to the current schema and marks it as uep's. */
function migrate(db: Db, path: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) throw newerSchema(path, current);
  if (current === SCHEMA_VERSION && db.pragma('application_id', { simple: true }) === UEP_APPLICATION_ID) return;
  // One transaction for all pending steps: a failure leaves the previous version intact.
  // Read the version again under the write lock: another process may have migrated meanwhile.
  db.transaction(() => {
    databaseKind(db, path);
    for (let v = schemaVersion(db); v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    markAsUep(db);
  }).immediate();
}
