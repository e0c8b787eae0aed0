import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, nik, tempDir, uepBin, delays } from '../helpers.js';
import { execSync } from 'node:child_process';

/** Rows for Samarinda; `variant` changes desil so a second file updates as well as inserts. */
function extract(path: string, from: number, count: number, variant: number): void {
  const lines = ['nik,nama,kabupaten,desil,alamat'];
  for (let i = from; i < from + count; i++) {
    lines.push(`${nik('6472', 1 + (i % 28), 1 + (i % 12), 70 + (i % 30), i % 10000)}${i >= 10000 ? '' : ''},Orang ${i},Samarinda,${1 + ((i + variant) % 10)},"Jl. ${i}, RT ${i % 20}"`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** A fingerprint of everything an import may change. */
function state(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const persons = db.prepare(`SELECT count(*) || ':' || total(desil) || ':' || total(length(nama)) FROM persons`).pluck().get();
    const batches = db.prepare(`SELECT count(*) FROM import_batches`).pluck().get();
    return `${persons}/${batches}`;
  } finally {
    db.close();
  }
}

/** Resolves once `count` imports have written their 'started' audit line: by then the running one handles Ctrl-C. */
async function importsStarted(path: string, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const db = new Database(path, { readonly: true });
    const n = db.prepare(`SELECT count(*) FROM audit_log WHERE command = 'import dtks' AND result_json ->> '$.status' = 'started'`).pluck().get() as number;
    db.close();
    if (n >= count) return;
    if (Date.now() > deadline) throw new Error('the import never started');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SIGKILL at any moment of an import', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('leaves the database as before the import or as after it, never in between', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.sqlite');
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    extract(first, 0, 6000, 0);
    extract(second, 3000, 6000, 1); // 3,000 updates, 3,000 inserts
    expect(uepBin(['import', 'dtks', first, '--db', base, '--quiet']).code).toBe(0);
    const before = state(base);
    const done = join(dir, 'done.sqlite');
    copyFileSync(base, done);
    const started = Date.now();
    expect(uepBin(['import', 'dtks', second, '--db', done, '--quiet']).code).toBe(0);
    const fullMs = Date.now() - started;
    const after = state(done);
    expect(after).not.toBe(before);

    const kills = 12;
    const seen = { before: 0, after: 0 };
    const delay = delays(42, fullMs + 100);
    for (let k = 0; k < kills; k++) {
      const db = join(dir, `kill-${k}.sqlite`);
      copyFileSync(base, db);
      const child = spawn(process.execPath, [BIN, 'import', 'dtks', second, '--db', db, '--quiet'], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      const wait = delay.next().value as number;
      await new Promise((r) => setTimeout(r, wait));
      child.kill('SIGKILL');
      await exited;
      const s = state(db);
      expect([before, after], `kill ${k} after ${wait} ms`).toContain(s);
      expect(readdirSync(dir).filter((f) => f.startsWith('.') && f.endsWith('.tmp'))).toEqual([]);
      seen[s === before ? 'before' : 'after']++;
    }
    expect(seen.before + seen.after).toBe(kills);
  });
});

describe('Ctrl-C (SIGINT) during a long import', () => {
  it('stops cleanly with a one-line message, exit 130, database unchanged', async () => {
    const dir = tempDir();
    const db = join(dir, 'int.sqlite');
    const big = join(dir, 'big.csv');
    extract(big, 0, 150000, 0);
    const small = join(dir, 'small.csv');
    extract(small, 0, 10, 0);
    expect(uepBin(['import', 'dtks', small, '--db', db, '--quiet']).code).toBe(0);
    const before = state(db);
    const child = spawn(process.execPath, [BIN, 'import', 'dtks', big, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, UEP_LANG: 'en' } });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    // Not a fixed delay: on a loaded machine node may not even have started by then.
    await importsStarted(db, 2);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^uep: import of big\.csv interrupted after \d+ rows; the database is unchanged\n$/);
    expect(state(db)).toBe(before);
  });
});
