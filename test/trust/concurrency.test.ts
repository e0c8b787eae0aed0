import { execSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, nik, tempDir } from '../helpers.js';

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, UEP_LANG: 'en' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function extract(path: string, kab: string, name: string, count: number): void {
  const lines = ['nik,nama,kabupaten'];
  for (let i = 0; i < count; i++) lines.push(`${nik(kab, 1 + (i % 28), 1 + (i % 12), 60 + (i % 40), i % 10000)},Orang ${i},${name}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('concurrent use', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('two imports and a reader at once: all succeed, no "database is locked"', async () => {
    const dir = tempDir();
    const db = join(dir, 'shared.sqlite');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    extract(a, '6472', 'Samarinda', 20000);
    extract(b, '6471', 'Balikpapan', 20000);
    expect((await run(['migrate', '--db', db, '--quiet'])).code).toBe(0); // status and backup refuse a database that does not exist
    const results = await Promise.all([
      run(['import', 'dtks', a, '--db', db, '--quiet']),
      run(['import', 'dtks', b, '--db', db, '--quiet']),
      run(['status', '--db', db, '--quiet']),
      run(['backup', join(dir, 'during.sqlite'), '--db', db, '--quiet']),
    ]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const h = new Database(db, { readonly: true });
    expect(h.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(40000);
    expect(h.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(2);
    h.close();
  });

  it('a writer that waits too long gets a clear message naming the cause, exit 1', async () => {
    const dir = tempDir();
    const db = join(dir, 'locked.sqlite');
    const a = join(dir, 'a.csv');
    extract(a, '6472', 'Samarinda', 10);
    expect((await run(['import', 'dtks', a, '--db', db, '--quiet'])).code).toBe(0);
    const holder = new Database(db, { timeout: 0 });
    // The holder plays a long `uep score` run by another officer: its 'started' line is committed.
    const { recordAudit } = await import('../../src/audit/audit.js');
    recordAudit(holder, { operator: 'analis2', command: 'score', params: {}, changes: 0, result: { status: 'started' } });
    holder.exec('BEGIN IMMEDIATE');
    try {
      const { runCli } = await import('../../src/cli/main.js');
      let stderr = '';
      const code = await runCli(['import', 'dtks', a, '--db', db], {
        stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, stdinIsTTY: false, env: { UEP_BUSY_TIMEOUT_MS: '200', UEP_LANG: 'en' }, cwd: dir,
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^uep: the database is busy: `uep score` \(started by analis2 at [\d-]+ [\d:]+ (?:WIB|WITA|WIT|[+-]\d\d:\d\d)\) has been writing to it for too long\n/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
