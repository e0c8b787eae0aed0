import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';
import { UEP_APPLICATION_ID } from '../../src/db/application.js';
import { tempDir, uep, writeFile } from '../helpers.js';

describe('openDatabase', () => {
  it('migrates a new database to the current schema with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(tempDir(), 'x.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    db.close();
  });

  it('refuses a database written by a newer uep, leaving it untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.sqlite');
    const raw = new Database(path);
    raw.pragma(`application_id = ${UEP_APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE from_the_future (x)');
    raw.close();
    for (const args of [['status'], ['migrate']]) {
      const r = await uep([...args, '--db', path]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`was written by a newer uep (schema version ${SCHEMA_VERSION + 5}; this uep knows up to ${SCHEMA_VERSION})`);
    }
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    again.close();
  });

  it('says so when the file is not a database', async () => {
    const dir = tempDir();
    const r = await uep(['status', '--db', writeFile(dir, 'notes.txt', 'hello, this is not sqlite at all, just some text....')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a uep database');
  });

  it('uses $UEP_DB, else uep.sqlite in the current directory', async () => {
    const dir = tempDir();
    expect((await uep(['migrate'], { cwd: dir, env: { UEP_DB: join(dir, 'env.sqlite') } })).code).toBe(0);
    const viaEnv = await uep(['status', '--json'], { cwd: dir, env: { UEP_DB: join(dir, 'env.sqlite') } });
    expect(viaEnv.code).toBe(0);
    expect((await uep(['migrate'], { cwd: dir })).code).toBe(0);
    const viaCwd = await uep(['status'], { cwd: dir });
    expect(viaCwd.stdout).toContain(`Database ${join(dir, 'uep.sqlite')}`);
  });
});
