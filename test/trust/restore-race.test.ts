/**
 * Issue 11.1: a restore during an import silently lost the import. Each interleaving is forced
 * with pause points (src/db/pause.ts), not hoped for with timers.
 */
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, nik, tempDir, uepBin } from '../helpers.js';
import { hasOpen, paused, release, start, until } from './processes.js';

function people(path: string, from: number, count: number): void {
  const lines = ['nik,nama,kabupaten'];
  for (let i = from; i < from + count; i++) lines.push(`${nik('6472', 1 + (i % 28), 1 + (i % 12), 80, i)},Orang ${i},Samarinda`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

const persons = (path: string) => count(path, 'SELECT count(*) FROM persons');

/** A database with 100 persons, its backup, and a file of 50 new persons to import. */
function setUp(): { dir: string; db: string; backup: string; extra: string } {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const first = join(dir, 'first.csv');
  people(first, 0, 100);
  expect(uepBin(['import', 'dtks', first, '--db', db, '--quiet']).code).toBe(0);
  const backup = join(dir, 'backup.sqlite');
  expect(uepBin(['backup', backup, '--db', db, '--quiet']).code).toBe(0);
  const extra = join(dir, 'extra.csv');
  people(extra, 100, 50);
  return { dir, db, backup, extra };
}

describe('restore while an import runs (forced interleavings)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('a restore while an import is between staging and merge refuses, naming the import; the import then lands', async () => {
    const { dir, db, backup, extra } = setUp();
    const imp = start(['import', 'dtks', extra, '--db', db, '--operator', 'analis1'], { pause: { points: ['import:staged'], dir } });
    await paused(dir, 'import:staged', imp);
    const restore = uepBin(['restore', backup, '--db', db], { env: { UEP_BUSY_TIMEOUT_MS: '300' } });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(new RegExp(`^uep: cannot restore ${db} while another command uses it: \`uep import dtks\` \\(started by analis1 at [^)]+\\) is still running\\n  hint: wait for it`));
    expect(restore.stderr).not.toContain('unexpected');
    release(dir, 'import:staged');
    const r = await imp.done;
    expect(r.code, r.stderr).toBe(0);
    expect(persons(db)).toBe(150);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('a restore that waits for the import: the import is kept in the file set aside, with its audit lines', async () => {
    const { dir, db, backup, extra } = setUp();
    const imp = start(['import', 'dtks', extra, '--db', db, '--json'], { pause: { points: ['import:staged'], dir } });
    await paused(dir, 'import:staged', imp);
    const restore = start(['restore', backup, '--db', db, '--json']);
    // The restore cannot finish while the import holds the database open, however long it is held.
    await new Promise((r) => setTimeout(r, 1000));
    if (restore.exited()) expect.fail(`the restore ended while the import held the database: ${JSON.stringify(await restore.done)}`);
    release(dir, 'import:staged');
    const i = await imp.done;
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({ inserted: 50 });
    const r = await restore.done;
    expect(r.code, r.stderr).toBe(0);
    const { keptAside } = JSON.parse(r.stdout);
    expect(persons(db)).toBe(100); // the backup's content
    expect(persons(keptAside)).toBe(150); // the import is not lost: it is in the file kept aside
    expect(count(keptAside, `SELECT count(*) FROM audit_log WHERE command = 'import dtks' AND result_json ->> '$.status' = 'done'`)).toBe(2);
    expect(count(keptAside, 'PRAGMA integrity_check') as unknown).toBe('ok');
    expect(count(db, 'PRAGMA integrity_check') as unknown).toBe('ok');
  });

  it('an import started while the restore holds the database waits and lands in the restored database', async () => {
    const { dir, db, backup, extra } = setUp();
    people(join(dir, 'more.csv'), 200, 10);
    expect(uepBin(['import', 'dtks', join(dir, 'more.csv'), '--db', db, '--quiet']).code).toBe(0); // 110 now; the backup has 100
    const restore = start(['restore', backup, '--db', db, '--json'], { pause: { points: ['restore:locked'], dir } });
    await paused(dir, 'restore:locked', restore);
    const imp = start(['import', 'dtks', extra, '--db', db, '--json']);
    await until(() => hasOpen(imp, db) || imp.exited(), 'the import to open the database');
    await new Promise((r) => setTimeout(r, 500));
    expect(imp.exited()).toBe(false); // it waits for the restore
    release(dir, 'restore:locked');
    const r = await restore.done;
    expect(r.code, r.stderr).toBe(0);
    const i = await imp.done;
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({ inserted: 50 });
    expect(persons(db)).toBe(150); // the restored 100 plus the import
    expect(persons(JSON.parse(r.stdout).keptAside)).toBe(110);
  });

  it('a database file moved over by hand under a running import: the import refuses to report success', async () => {
    const { dir, db, backup, extra } = setUp();
    const imp = start(['import', 'dtks', extra, '--db', db], { pause: { points: ['import:staged'], dir } });
    await paused(dir, 'import:staged', imp);
    copyFileSync(backup, join(dir, 'replacement.sqlite'));
    renameSync(join(dir, 'replacement.sqlite'), db); // what an officer might do instead of `uep restore`
    release(dir, 'import:staged');
    const r = await imp.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`uep: ${db} was replaced by another file while this command ran; nothing was written\n  hint: run the command again (it now works on the file that is there)\n`);
    expect(persons(db)).toBe(100);
  });
});
