import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync } from 'node:fs';
import { DatabaseError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

const PAGE_SIZE = 65536;

export interface OpenOptions {
  /** Milliseconds to wait for another writer (a cron job, an officer's session) before giving up. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens (creating and migrating on first use) a uep database. A new file is created readable by
 * its owner only: it holds personal data (UU 27/2022). SQLite gives the -wal/-shm files the same mode.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !existsSync(path) && !options.readonly) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseError(`cannot create database ${path}: ${(err as Error).message}`);
      }
    }
  }
  let db: Db;
  try {
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 30_000, readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new DatabaseError(`cannot open database ${path}: ${(err as Error).message}`);
  }
  try {
    // Big pages for a new file (an existing one keeps its own): a 1M-row import writes, checkpoints
    // and sorts a sixteenth of the pages it would at 4 KB, for half the system time. Set before
    // WAL mode, which fixes the size. The cache is then counted in KiB, not in pages.
    if (!options.readonly) db.pragma(`page_size = ${PAGE_SIZE}`);
    // Both caches in KiB: the temp schema (staging tables, sorts) otherwise keeps up to a default
    // count of pages, which at 64 KB a page is hundreds of MB held in memory.
    db.pragma('cache_size = -4096');
    db.pragma('temp.cache_size = -4096');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseError(`${path} is not a uep database (not an SQLite file)`);
    throw err;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, path: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new DatabaseError(
      `${path} was written by a newer uep (schema version ${current}; this uep knows up to ${SCHEMA_VERSION})`,
      'upgrade uep before using this database; it was left untouched',
    );
  }
  if (current === SCHEMA_VERSION) return;
  if (db.readonly) throw new DatabaseError(`${path} needs a schema upgrade; open it once without read-only`);
  // One transaction for all pending steps: a failure leaves the previous version intact.
  // Read the version again under the write lock: another process may have migrated meanwhile.
  db.transaction(() => {
    for (let v = schemaVersion(db); v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
