/** `--quiet` silences talk (stderr), never the result: every command that prints a result still prints it. */
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/audit.js';
import { uep } from '../helpers.js';
import { freshDb } from '../export/builders.js';
import { A, cohort } from '../report/history.js';

function world() {
  const { db, dir, path } = freshDb();
  cohort(db);
  recordAudit(db, { operator: 'analis1', command: 'score', params: {}, changes: 6, result: { status: 'done' } });
  db.close();
  return { dir, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

/** Commands whose result is text for people on stdout. */
const LISTINGS: string[][] = [
  ['status'],
  ['applicants', 'list', '--tahun', '2025'],
  ['explain', A],
  ['report', 'summary', '--as-of', '2026-03-15'],
  ['report', 'monitoring', '--as-of', '2026-03-15'],
  ['audit'],
  ['allocate', 'list'],
  ['doctor'],
  ['quota', '--slots', '10'],
];

describe('--quiet', () => {
  it.each(LISTINGS.map((args) => [args.join(' '), args]))('uep %s --quiet prints the same result on stdout, and no talk on stderr', async (_name, args) => {
    const { run } = world();
    const loud = await run(...(args as string[]));
    const quiet = await run(...(args as string[]), '--quiet');
    expect(loud.code).toBe(0);
    expect(loud.stdout.trim()).not.toBe('');
    expect(quiet).toEqual({ code: 0, stdout: loud.stdout, stderr: '' });
    expect((await run(...(args as string[]), '-q')).stdout).toBe(loud.stdout);
  });

  it('with --out, the files are the result: report monitoring and export allocation stay silent for cron', async () => {
    const { run } = world();
    expect(await run('report', 'monitoring', '--as-of', '2026-03-15', '--out', 'laporan', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run('export', 'allocation', '--out', 'lampiran', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
