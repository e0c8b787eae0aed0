import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../src/audit/audit.js';
import { openDb, tempDir, uep, writeFile, nik } from '../helpers.js';

function people(n: number, offset = 0): string[] {
  return ['nik,nama,kabupaten', ...Array.from({ length: n }, (_, i) => `${nik('6472', 1 + (i % 28), 1 + (i % 12), 80, offset + i)},Orang ${offset + i},Samarinda`)];
}

describe('audit log', () => {
  it('records every data-changing command with operator, params and counts, and no personal data', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    const file = writeFile(dir, 'd.csv', people(3));
    await uep(['import', 'dtks', file, '--db', db, '--operator', 'analis1', '--map', `nama=nama`]);
    await uep(['import', 'dtks', file, '--db', db, '--dry-run']); // an import that changed nothing
    await uep(['status', '--db', db]); // reads only: no line
    const r = await uep(['audit', '--db', db, '--json']);
    const entries = JSON.parse(r.stdout);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      operator: 'analis1', command: 'import dtks', changes: 3,
      params: { file: '(not logged)', map: ['nama=nama'], kode: 'kemendagri' },
      result: { kind: 'dtks', inserted: 3, read: 3, batch_id: 1, status: 'done' },
    });
    expect(entries[1]).toMatchObject({ command: 'import dtks', changes: 0, params: { dryRun: true }, result: { status: 'done', dry_run: true } });
    const h = openDb(db);
    // A command killed after its 'started' line and before its last one shows as interrupted.
    recordAudit(h, { operator: 'x', command: 'score', params: {}, changes: 0, result: { status: 'started' } });
    expect(listAudit(h).at(-1)).toMatchObject({ command: 'score', result: { status: 'interrupted' } });
    expect(() => h.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => h.prepare(`UPDATE audit_log SET operator = 'x'`).run()).toThrow(/append-only/);
    const all = JSON.stringify(h.prepare('SELECT * FROM audit_log').all());
    h.close();
    expect(all.replace(/[0-9a-f]{64}/g, '')).not.toMatch(/\d{16}/); // sha256 digests are kept whole
    expect(all).not.toContain('d.csv');
    expect(all).not.toContain('Orang');
  });

  it('--since filters by date and rejects a bad date', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    await uep(['import', 'dtks', writeFile(dir, 'd.csv', people(1)), '--db', db]);
    expect(JSON.parse((await uep(['audit', '--db', db, '--json', '--since', '2099-01-01'])).stdout)).toEqual([]);
    expect((await uep(['audit', '--db', db, '--since', 'yesterday'])).code).toBe(2);
  });
});

describe('backup, restore, doctor', () => {
  it('backs up a consistent copy (0600), restores it keeping the old file aside', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    await uep(['import', 'dtks', writeFile(dir, 'a.csv', people(5)), '--db', db]);
    const backup = join(dir, 'backup.sqlite');
    expect((await uep(['backup', backup, '--db', db])).code).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect((await uep(['backup', backup, '--db', db])).code).toBe(1); // exists, no --force
    await uep(['import', 'dtks', writeFile(dir, 'b.csv', people(4, 100)), '--db', db]);
    const r = await uep(['restore', backup, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const { keptAside } = JSON.parse(r.stdout);
    expect(existsSync(keptAside)).toBe(true);
    const h = openDb(db);
    expect(h.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(5);
    h.close();
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const old = openDb(keptAside);
    expect(old.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(9);
    old.close();
  });

  it('refuses to restore something that is not an intact uep database', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    await uep(['import', 'dtks', writeFile(dir, 'a.csv', people(2)), '--db', db]);
    const junk = writeFile(dir, 'junk.sqlite', 'not a database at all, really not, no, just text '.repeat(20));
    const r = await uep(['restore', junk, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^uep: .*junk\.sqlite is not a uep backup \(not an SQLite file\)\n/);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('doctor passes on a healthy database and flags loose permissions', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    await uep(['import', 'dtks', writeFile(dir, 'a.csv', people(2)), '--db', db]);
    const ok = await uep(['doctor', '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    const { chmodSync } = await import('node:fs');
    chmodSync(db, 0o644);
    const bad = await uep(['doctor', '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).checks).toContainEqual({ check: 'permissions database', ok: false, detail: '0644 — others can read personal data: chmod 600' });
    writeFileSync(join(dir, 'unused'), '');
  });
});
