import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMIT_LOCK_NAME } from '../../src/fsutil/atomic.js';
import { commitLockWait } from '../../src/fsutil/commit-lock.js';
import { OutputDir } from '../../src/fsutil/outdir.js';
import { tempDir } from '../helpers.js';

/** A process standing for another `--force` run in the middle of its renames: it holds the lock. */
function otherRunHoldingLock(dir: string): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(join(dir, COMMIT_LOCK_NAME))}, String(process.pid)); setTimeout(() => {}, 60000)`], { stdio: 'ignore' });
  for (let i = 0; i < 400 && !existsSync(join(dir, COMMIT_LOCK_NAME)); i++) spawnSync('sleep', ['0.025']);
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

function forced(dir: string, tag: string): OutputDir {
  const out = OutputDir.open(dir, { force: true });
  out.add('penerima.csv', `${tag}\n`);
  out.add('manifest.json', `{"run":"${tag}"}\n`);
  return out;
}

describe('two --force runs into one existing folder', () => {
  const wait = commitLockWait.ms;
  afterEach(() => {
    commitLockWait.ms = wait;
  });

  it('a run does not rename its files while another run is renaming: it waits, and refuses once the wait is over', () => {
    const dir = tempDir();
    forced(dir, 'first').commit();
    const other = otherRunHoldingLock(dir);
    try {
      commitLockWait.ms = 300;
      const second = forced(dir, 'second');
      expect(() => second.commit()).toThrow(/is being written by another uep command.*nothing of this run was kept/);
      // The folder still holds one run's files only, and nothing of the refused run is left.
      expect(readFileSync(join(dir, 'penerima.csv'), 'utf8')).toBe('first\n');
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('{"run":"first"}\n');
      expect(readdirSync(dir).sort()).toEqual([COMMIT_LOCK_NAME, 'manifest.json', 'penerima.csv']);
    } finally {
      other.stop();
    }
  });

  it('takes over the lock of a run that was killed mid-commit, and removes it afterwards', () => {
    const dir = tempDir();
    forced(dir, 'first').commit();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, COMMIT_LOCK_NAME), dead.stdout);
    forced(dir, 'second').commit();
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('{"run":"second"}\n');
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'penerima.csv']);
  });

  it('a lock left in a folder does not count as a file of it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, COMMIT_LOCK_NAME), '999999999');
    expect(() => OutputDir.open(dir)).not.toThrow();
  });
});
