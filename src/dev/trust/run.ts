/** Running the built CLI as a child process, with a time limit and a watch on the files it creates. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModeWatch } from './watch.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'uep.js');

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Killed by us after `killAfterMs` while still running. */
  killed: boolean;
  /** Still running at the time limit (then killed). */
  hung: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** SIGKILL after this many ms (a kill of the campaign, not a hang). */
  killAfterMs?: number;
  timeoutMs?: number;
  /** Folders whose new files' modes are recorded while the command runs. */
  watch?: ModeWatch;
}

export function runUep(args: string[], o: RunOptions): Promise<Outcome> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', CI: '', UEP_BUSY_TIMEOUT_MS: '20000', ...o.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let killed = false;
  let hung = false;
  const timers: NodeJS.Timeout[] = [];
  if (o.killAfterMs !== undefined) {
    timers.push(setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, o.killAfterMs));
  }
  timers.push(setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, o.timeoutMs ?? 120_000));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, killed, hung });
    });
  });
}
