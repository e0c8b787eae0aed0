import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/dates.js';
import { openDb, uep } from '../helpers.js';
import { freshDb, SITI, smallWorld } from './builders.js';

function world() {
  const { db, dir, path } = freshDb();
  smallWorld(db);
  db.close();
  return { dir, path, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

describe('uep export allocation', () => {
  it('runs unattended: {date} in --out, clean stdout with --quiet, masked by default', async () => {
    const { dir, run } = world();
    const r = await run('export', 'allocation', '--out', 'reports/{date}', '--quiet');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const out = join(dir, 'reports', localDate(new Date()));
    expect(readdirSync(out)).toContain('penerima-6472-samarinda.csv');
    expect(readFileSync(join(out, 'penerima-6472-samarinda.csv'), 'utf8')).toContain('6472********0001,Siti Aminah');
  });

  it('refuses to overwrite an earlier export without --force, in one line', async () => {
    const { run } = world();
    expect((await run('export', 'allocation', '--out', 'out', '--quiet')).code).toBe(0);
    const again = await run('export', 'allocation', '--out', 'out', '--quiet');
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^uep: output folder .*out already holds 7 file\(s\): add --force/)]);
    expect((await run('export', 'allocation', '--out', 'out', '--quiet', '--force')).code).toBe(0);
  });

  it('--json reports the files; --no-mask-nik writes NIKs in full and the audit log records the export', async () => {
    const { dir, path, run } = world();
    const r = await run('export', 'allocation', '--out', 'full', '--no-mask-nik', '--excel', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ nik_masked: false, selected: 4, waitlisted: 1, nilai_total: 19500000 });
    expect(r.stdout + r.stderr).not.toContain(SITI);
    expect(r.stderr).toContain('NIK NOT masked');
    expect(readFileSync(join(dir, 'full', 'penerima-6472-samarinda.csv'), 'utf8')).toContain(`;${SITI};`);
    const db = openDb(path);
    expect(db.prepare(`SELECT command, changes FROM audit_log`).all()).toEqual([{ command: 'export allocation', changes: 0 }]);
    db.close();
  });

  it('usage errors exit 2 and name the flag', async () => {
    const { dir, run } = world();
    const cases: [string[], RegExp][] = [
      [['export', 'allocation'], /--out <dir> is required/],
      [['export', 'allocation', '--out', 'x', '--format', 'ods'], /--format ods: expected one of csv, json, xlsx/],
      [['export', 'allocation', '--out', 'x', '--sk-nomor', '1/2026'], /--sk, --sk-nomor and --sk-tanggal belong to the decree annex/],
      [['export', 'allocation', '--out', 'x', '--format', 'json', '--excel'], /--excel applies to CSV files only/],
      [['export', 'allocation', '--out', 'x', '--run', 'abc'], /--run abc/],
      [['export', 'allocation', '--out', 'x/{week}'], /unknown placeholder \{week\}/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const missing = await run('export', 'allocation', '--out', 'y', '--run', '99');
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'uep: no allocation run 99 (see `uep allocate list`)']);
  });
});
