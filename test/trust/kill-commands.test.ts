import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir, uepBin, delays } from '../helpers.js';

const SAMPLE = join(ROOT, 'data', 'sample');

/**
 * What scoring and allocation may change, plus an integrity check. The audit log is checked apart:
 * a killed command leaves its 'started' line (shown as interrupted).
 */
function state(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return String(db.prepare(`SELECT (SELECT count(*) || ':' || total(total_score) FROM scores) || '/' ||
      (SELECT count(*) FROM allocation_runs) || ':' || (SELECT count(*) FROM allocation_results)`).pluck().get());
  } finally {
    db.close();
  }
}


async function killAfter(args: string[], ms: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, ms));
  child.kill('SIGKILL');
  await exited;
}

describe('SIGKILL during scoring, allocation and export', () => {
  it('leaves the database before or after the command, and never a partial export', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.sqlite');
    for (const args of [
      ['import', 'dtks', join(SAMPLE, 'dtks.csv')], ['import', 'pkh', join(SAMPLE, 'pkh.csv')],
      ['applicants', 'import', join(SAMPLE, 'pendaftar.csv'), '--tahun', '2026'],
      ['assess', 'import', join(SAMPLE, 'asesmen.csv'), '--tahun', '2026'],
    ]) expect(uepBin([...args, '--db', base, '--quiet']).code).toBe(0);

    const steps: { args: string[]; kills: number }[] = [
      { args: ['score', '--tahun', '2026'], kills: 6 },
      { args: ['allocate', '--tahun', '2026', '--slots', '1500'], kills: 6 },
    ];
    for (const step of steps) {
      const before = state(base);
      const done = join(dir, 'done.sqlite');
      copyFileSync(base, done);
      const t0 = Date.now();
      expect(uepBin([...step.args, '--db', done, '--quiet']).code).toBe(0);
      const fullMs = Date.now() - t0;
      const after = state(done);
      expect(after).not.toBe(before);
      const d = delays(step.kills * 31 + fullMs, fullMs + 100);
      for (let k = 0; k < step.kills; k++) {
        const db = join(dir, `k-${step.args[0]}-${k}.sqlite`); // fresh names: a stale -wal must not meet another file
        copyFileSync(base, db);
        const wait = d.next().value as number;
        await killAfter([...step.args, '--db', db, '--quiet'], wait);
        expect([before, after], `${step.args[0]} killed after ${wait} ms`).toContain(state(db));
      }
      copyFileSync(done, base); // the next step builds on this one
    }

    // Export: a killed export leaves either no output folder or a complete one (manifest and files).
    expect(uepBin(['allocate', 'finalize', '1', '--db', base, '--quiet']).code).toBe(0);
    const t0 = Date.now();
    expect(uepBin(['export', 'allocation', '--out', join(dir, 'full'), '--db', base, '--quiet']).code).toBe(0);
    const fullMs = Date.now() - t0;
    const complete = readdirSync(join(dir, 'full')).sort();
    const d = delays(99, fullMs + 100);
    for (let k = 0; k < 6; k++) {
      const out = join(dir, `export-${k}`);
      await killAfter(['export', 'allocation', '--out', out, '--db', base, '--quiet'], d.next().value as number);
      if (existsSync(out)) {
        expect(readdirSync(out).sort()).toEqual(complete);
        expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files.length).toBeGreaterThan(0);
      }
    }
    // What a killed export left behind is hidden, and the next export to the same place clears it.
    for (let k = 0; k < 6; k++) {
      expect(uepBin(['export', 'allocation', '--out', join(dir, `export-${k}`), '--db', base, '--quiet', '--force']).code).toBe(0);
    }
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
