/**
 * Issues 11.2 and 11.8: backup temp files readable by others while written and left by a killed
 * backup; two backups to one name where the later silently replaced the earlier.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, nik, tempDir, uepBin } from '../helpers.js';
import { paused, release, start, until } from './processes.js';

/** A database of `count` persons with long addresses (a backup of it takes a while). */
function database(dir: string, count: number): string {
  const db = join(dir, 'uep.sqlite');
  const lines = ['nik,nama,kabupaten,alamat'];
  for (let i = 0; i < count; i++) lines.push(`${nik('6472', 1 + (i % 28), 1 + (i % 12), 60 + (i % 40), i % 10000)},Orang ${i},Samarinda,Jl. ${'x'.repeat(300)} ${i}`);
  writeFileSync(join(dir, 'p.csv'), `${lines.join('\n')}\n`);
  expect(uepBin(['import', 'dtks', join(dir, 'p.csv'), '--db', db, '--quiet']).code).toBe(0);
  return db;
}

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp'));

describe('backup: exclusive names, private temp files, nothing left behind', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('two backups to one name at once: the later one is refused, the first stays whole', async () => {
    const dir = tempDir();
    const db = database(dir, 50);
    const target = join(dir, 'x.sqlite');
    const first = start(['backup', target, '--db', db], { pause: { points: ['backup:written'], dir } });
    await paused(dir, 'backup:written', first);
    // Meanwhile another backup writes the same name (and the database changes in between).
    writeFileSync(join(dir, 'q.csv'), `nik,nama,kabupaten\n${nik('6472', 3, 3, 70, 9999)},Baru,Samarinda\n`);
    expect(uepBin(['import', 'dtks', join(dir, 'q.csv'), '--db', db, '--quiet']).code).toBe(0);
    const second = uepBin(['backup', target, '--db', db]);
    expect(second.code).toBe(0);
    const written = readFileSync(target);
    release(dir, 'backup:written');
    const r = await first.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`uep: ${target} already exists\n  hint: choose another file, or add --force to replace it\n`);
    expect(readFileSync(target).equals(written)).toBe(true);
    const h = new Database(target, { readonly: true });
    expect(h.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(51);
    h.close();
    expect(tempFiles(dir)).toEqual([]);
  });

  it('every file a backup writes is 0600 from its first byte; a killed backup leaves nothing readable, and the next run clears it', async () => {
    const dir = tempDir();
    const db = database(dir, 20000);
    const out = join(dir, 'out');
    execSync(`mkdir -m 755 ${out}`);
    const modes = new Map<string, number>();
    const backup = start(['backup', join(out, 'b1.sqlite'), '--db', db]);
    // Watch the folder as fast as we can: the first look at each file is its mode at creation.
    await until(() => {
      for (const f of readdirSync(out)) {
        try {
          if (!modes.has(f)) modes.set(f, statSync(join(out, f)).mode & 0o777);
        } catch {
          // gone between the listing and the stat
        }
      }
      return [...modes.keys()].some((f) => f.endsWith('.tmp-journal')) || backup.exited();
    }, 'the backup journal', 60_000);
    backup.process.kill('SIGKILL');
    await backup.done;
    expect([...modes.keys()].some((f) => f.endsWith('.tmp-journal')), 'the backup was killed while writing').toBe(true);
    for (const [f, mode] of modes) expect(mode, f).toBe(0o600);
    const left = readdirSync(out);
    expect(left.length).toBeGreaterThan(0);
    for (const f of left) expect(statSync(join(out, f)).mode & 0o777, f).toBe(0o600);
    // The next backup into the folder (another name) clears what the dead process left.
    const next = uepBin(['backup', join(out, 'b2.sqlite'), '--db', db]);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['b2.sqlite']);
    expect(statSync(join(out, 'b2.sqlite')).mode & 0o777).toBe(0o600);
  });
});
