/**
 * Issue 10 §2.1 (a database that does not exist), 11.4 (another application's SQLite file) and
 * 11.11 (ordinary failures of the database file): one clear line naming the path, exit 1.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UEP_APPLICATION_ID } from '../../src/db/application.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { DB_ACCESS } from '../../src/cli/access.js';
import { nik, tempDir, uep, writeFile } from '../helpers.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every command that reads, with arguments good enough to reach the database. */
const READERS: string[][] = [
  ['status'], ['explain', nik('6472', 1, 1, 80, 1)], ['applicants', 'list'], ['audit'], ['export', 'allocation', '--out', 'x'],
  ['report', 'summary'], ['report', 'html', '--out', 'x.html'], ['report', 'monitoring'], ['allocate', 'list'], ['allocate', 'verify', '1'],
  ['allocate', 'compare', '--method', 'equal,hamilton', '--slots', '10'], ['doctor'], ['backup', 'b.sqlite'],
  ['review', 'list'], ['export', 'usulan', '--out', 'x'], ['appeal', 'list'], ['report', 'pdp'],
  ['assess', 'form', '--out', 'x.xlsx'], ['monitor', 'form', '--out', 'x.xlsx'],
];

async function withPeople(dir: string, db = join(dir, 'uep.sqlite')): Promise<string> {
  const f = writeFile(dir, 'p.csv', ['nik,nama,kabupaten', `${nik('6472', 1, 1, 80, 1)},Siti,Samarinda`]);
  expect((await uep(['import', 'dtks', f, '--db', db, '--quiet'])).code).toBe(0);
  return db;
}

/** One line naming the path and a hint; never the catch-all. */
function expectClear(r: { code: number; stderr: string }, path: string, what: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/^uep: [^\n]+\n {2}hint: [^\n]+\n$/);
  expect(r.stderr).toContain(path);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).not.toContain('unexpected');
}

describe('a database that does not exist', () => {
  it('every reading command refuses it, naming the path, and creates nothing', async () => {
    const commands = READERS.map((a) => a.join(' '));
    expect(Object.entries(DB_ACCESS).filter(([, a]) => a === 'reads').map(([c]) => c).sort())
      .toEqual(commands.map((c) => c.replace(/ (\d{16}|1|x|b\.sqlite)$/, '').replace(/ --.*$/, '')).sort());
    for (const args of READERS) {
      const dir = tempDir();
      const r = await uep([...args, '--db', join(dir, 'typo.sqlite')], { cwd: dir });
      expectClear(r, join(dir, 'typo.sqlite'), /^uep: no database at \S+typo\.sqlite\n {2}hint: check --db or UEP_DB \(the demo's database is demo-output\/uep\.sqlite\)/);
      expect(readdirSync(dir), args.join(' ')).toEqual([]);
    }
  });

  it('an empty file made beforehand becomes a database readable by its owner only, -wal and -shm too', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'made-by-hand.sqlite', '');
    chmodSync(path, 0o644);
    expect((await uep(['import', 'dtks', writeFile(dir, 'p.csv', ['nik,nama,kabupaten', `${nik('6472', 1, 1, 80, 1)},Siti,Samarinda`]), '--db', path])).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const h = new Database(path); // keeps -wal and -shm in place to look at them
    h.prepare('SELECT count(*) FROM persons').get();
    for (const f of readdirSync(dir).filter((n) => n.startsWith('made-by-hand'))) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    h.close();
  });

  it('a writing command creates it and says so on stderr', async () => {
    const dir = tempDir();
    const r = await uep(['migrate', '--db', join(dir, 'new.sqlite')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`created new database ${join(dir, 'new.sqlite')}\n`);
    expect((await uep(['migrate', '--db', join(dir, 'new.sqlite')])).stderr).not.toContain('created');
  });
});

describe('another application\'s SQLite file', () => {
  it('is refused by reading and writing commands alike and left byte for byte as it was', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.db');
    const h = new Database(other);
    h.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)`);
    h.close();
    const backup = join(tempDir(), 'b.sqlite');
    expect((await uep(['backup', backup, '--db', await withPeople(tempDir())])).code).toBe(0);
    const before = sha(other);
    for (const args of [['status'], ['migrate'], ['import', 'dtks', writeFile(dir, 'p.csv', ['nik,nama,kabupaten'])], ['restore', backup]]) {
      const r = await uep([...args, '--db', other]);
      expectClear(r, other, /is not a uep database: it holds another application's data/);
    }
    expect(sha(other)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['other.db', 'p.csv']);
  });

  it('uep marks its databases; one from before the mark is recognised, and marked by the next writing command only', async () => {
    const dir = tempDir();
    const db = await withPeople(dir);
    const appId = () => {
      const h = new Database(db, { readonly: true });
      const id = h.pragma('application_id', { simple: true });
      h.close();
      return id;
    };
    expect(appId()).toBe(UEP_APPLICATION_ID);
    const h = new Database(db);
    h.pragma('application_id = 0'); // as written by an earlier uep
    h.close();
    expect((await uep(['status', '--db', db])).code).toBe(0);
    expect(appId()).toBe(0);
    expect((await uep(['migrate', '--db', db])).code).toBe(0);
    expect(appId()).toBe(UEP_APPLICATION_ID);
  });
});

describe('an older schema', () => {
  /** A uep database as the previous version of uep left it. */
  function olderDatabase(path: string): void {
    const h = new Database(path);
    for (const sql of MIGRATIONS.slice(0, SCHEMA_VERSION - 1)) h.exec(sql);
    h.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    h.close();
  }

  it('is never migrated by a reading command: they point to `uep migrate`; backup and doctor work on it', async () => {
    const dir = tempDir();
    const db = join(dir, 'old.sqlite');
    olderDatabase(db);
    const before = sha(db);
    const r = await uep(['status', '--db', db]);
    expectClear(r, db, new RegExp(`has schema version ${SCHEMA_VERSION - 1}; this uep needs version ${SCHEMA_VERSION}\\n {2}hint: upgrade it with \`uep migrate\``));
    expect((await uep(['backup', join(dir, 'b.sqlite'), '--db', db])).code).toBe(0);
    const doctor = await uep(['doctor', '--db', db, '--json']);
    expect(JSON.parse(doctor.stdout).checks).toContainEqual({ check: 'schema version', ok: false, detail: `${SCHEMA_VERSION - 1} (this uep: ${SCHEMA_VERSION})` });
    expect(sha(db)).toBe(before);
    expect((await uep(['migrate', '--db', db])).code).toBe(0);
    expect((await uep(['status', '--db', db])).code).toBe(0);
  });
});

describe('a database file that cannot be used', () => {
  it('truncated or overwritten in the middle: "damaged", with the fix', async () => {
    const dir = tempDir();
    const db = await withPeople(dir);
    for (let i = 0; i < 3; i++) await withPeople(dir, db); // some pages to lose
    const truncated = join(dir, 'truncated.sqlite');
    copyFileSync(db, truncated);
    truncateSync(truncated, 3 * 65536);
    const corrupt = join(dir, 'corrupt.sqlite');
    copyFileSync(db, corrupt);
    const bytes = readFileSync(corrupt);
    bytes.fill(0x5a, 65536, bytes.length); // every page but the first
    writeFileSync(corrupt, bytes);
    const backup = join(dir, 'backup.sqlite');
    expect((await uep(['backup', backup, '--db', db])).code).toBe(0);
    for (const path of [truncated, corrupt]) {
      for (const args of [['status'], ['import', 'dtks', join(dir, 'p.csv')], ['audit']]) {
        expectClear(await uep([...args, '--db', path]), path, /is damaged \(database disk image is malformed\)\n {2}hint: restore the latest backup with `uep restore <file>`/);
      }
      // The fix the hint gives works: the damaged content is kept aside (0600), the database is whole again.
      const damagedSize = statSync(path).size;
      chmodSync(path, 0o644);
      const r = await uep(['restore', backup, '--db', path, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const { keptAside } = JSON.parse(r.stdout);
      expect(statSync(keptAside).size).toBeGreaterThanOrEqual(damagedSize);
      expect(statSync(keptAside).mode & 0o777).toBe(0o600);
      const doctor = await uep(['doctor', '--db', path, '--json']);
      expect(JSON.parse(doctor.stdout).checks[0]).toEqual({ check: 'integrity', ok: true, detail: 'ok' });
      expect((await uep(['status', '--db', path])).stdout).toContain('Persons: 1 ');
    }
  });

  it('/dev/null, a folder, a path through a file: refused before SQLite sees them', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    writeFile(dir, 'plain', 'x');
    expectClear(await uep(['status', '--db', '/dev/null']), '/dev/null', /is not a regular file/);
    expectClear(await uep(['migrate', '--db', '/dev/null']), '/dev/null', /is not a regular file/);
    expectClear(await uep(['migrate', '--db', join(dir, 'folder')]), join(dir, 'folder'), /is a folder, not a database file\n {2}hint: point --db \(or UEP_DB\) at a file, e\.g\. \S+folder\/uep\.sqlite/);
    expectClear(await uep(['migrate', '--db', join(dir, 'plain', 'uep.sqlite')]), join(dir, 'plain'), /part of that path is a file/);
    expectClear(await uep(['migrate', '--db', join(dir, 'missing', 'uep.sqlite')]), join(dir, 'missing'), /the folder \S+missing does not exist/);
    for (const args of [['status'], ['migrate']]) {
      expectClear(await uep([...args, '--db', join(dir, `${'a'.repeat(300)}.sqlite`)]), 'aaaa', /the name is too long/);
    }
    expect(readdirSync('/dev').filter((f) => f.startsWith('null-'))).toEqual([]);
  });

  it('backup into a missing folder or onto a folder, restore from a missing or non-SQLite file', async () => {
    const dir = tempDir();
    const db = await withPeople(dir);
    expectClear(await uep(['backup', join(dir, 'nope', 'b.sqlite'), '--db', db]), join(dir, 'nope'), /cannot write the backup \S+: the folder \S+nope does not exist\n {2}hint: create it first/);
    expectClear(await uep(['backup', dir, '--db', db]), dir, /is a folder, not a backup file/);
    expectClear(await uep(['backup', db, '--db', db, '--force']), db, /is the database itself/);
    expectClear(await uep(['restore', join(dir, 'nope.sqlite'), '--db', db]), join(dir, 'nope.sqlite'), /no backup file at/);
    expectClear(await uep(['restore', writeFile(dir, 'notes.txt', 'not a database '.repeat(100)), '--db', db]), 'notes.txt', /is not a uep backup \(not an SQLite file\)/);
    expectClear(await uep(['restore', dir, '--db', db]), dir, /is not a uep backup \(it is a folder or a device, not a file\)/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.includes('before-restore'))).toEqual([]);
  });

  it('a database file this user may not write: reading works, writing is refused clearly', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    // Root may write anything: the commands run as `nobody`.
    const asNobody = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { uid: 65534, gid: 65534, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1', UEP_LANG: 'en' } });
    const probe = asNobody(['--version']);
    if (probe.status !== 0) throw new Error(`the user nobody cannot run ${BIN}: ${probe.stderr}`);
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const db = await withPeople(dir);
    chmodSync(db, 0o644);
    const read = asNobody(['status', '--db', db]);
    expect(read.status, read.stderr).toBe(0);
    const write = asNobody(['migrate', '--db', db]);
    expectClear({ code: write.status ?? -1, stderr: write.stderr }, db, /is read-only for this user \(the file is not writable\): uep cannot write to it/);
    // A folder this user may not write: SQLite cannot even read a WAL database without its -shm file.
    chmodSync(dir, 0o755);
    for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
    for (const args of [['status'], ['migrate']]) {
      const r = asNobody([...args, '--db', db]);
      expectClear({ code: r.status ?? -1, stderr: r.stderr }, db, /(this user may not create them in|is read-only for this user)/);
    }
  });
});
