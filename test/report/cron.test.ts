import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/dates.js';
import { ROOT, uepBin } from '../helpers.js';
import { freshDb, smallWorld } from '../export/builders.js';
import { cohort } from './history.js';

// The built binary with no terminal and no stdin, the way cron runs the scheduled exports.
describe('scheduled exports from cron', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'export', 'allocation.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('export allocation and report monitoring: nothing on stdout or stderr with --quiet, files in reports/{date}', () => {
    const { db, dir, path } = freshDb();
    cohort(db);
    db.close();
    const env = { UEP_DB: path };
    const exp = uepBin(['export', 'allocation', '--out', 'reports/{date}/lampiran', '--excel', '--quiet'], { cwd: dir, env });
    expect([exp.code, exp.stdout, exp.stderr]).toEqual([0, '', '']);
    const rep = uepBin(['report', 'monitoring', '--out', 'reports/{date}/monitoring', '--quiet'], { cwd: dir, env });
    expect([rep.code, rep.stdout, rep.stderr]).toEqual([0, '', '']);
    const day = join(dir, 'reports', localDate(new Date()));
    expect(readdirSync(day).sort()).toEqual(['lampiran', 'monitoring']);
    expect(readdirSync(join(day, 'monitoring'))).toContain('kelangsungan.csv');
  });

  it('a failure is one line on stderr and exit 1, and leaves no partial folder', () => {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    db.close();
    const env = { UEP_DB: path };
    expect(uepBin(['export', 'allocation', '--out', 'out', '--quiet'], { cwd: dir, env }).code).toBe(0);
    const again = uepBin(['export', 'allocation', '--out', 'out', '--quiet'], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const noRun = uepBin(['export', 'allocation', '--run', '42', '--out', 'other', '--quiet'], { cwd: dir, env });
    expect([noRun.code, noRun.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(existsSync(join(dir, 'other'))).toBe(false);
  });

  it('never prompts: monitor record exits 2 without a terminal', () => {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    db.close();
    const r = uepBin(['monitor', 'record', '6472014507850001'], { cwd: dir, env: { UEP_DB: path } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('every new command has help', () => {
    for (const args of [['export', 'allocation'], ['monitor', 'plan'], ['monitor', 'import'], ['monitor', 'record'], ['monitor', 'monitors', 'import'],
      ['report', 'monitoring'], ['report', 'summary']]) {
      const h = uepBin([...args, '--help']);
      expect(h.code, args.join(' ')).toBe(0);
      expect(h.stdout, args.join(' ')).toMatch(/Usage: uep /);
    }
  });
});
