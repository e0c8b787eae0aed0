/** Running the built CLI as child processes that a test can pause, release and kill. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from '../helpers.js';

export interface Child {
  process: ChildProcess;
  /** Resolves with the exit code (null when killed) and what the process wrote. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  exited: () => boolean;
}

/** Starts `uep args` with no TTY; `pause` arms pause points (see src/db/pause.ts) in folder `dir`. */
export function start(args: string[], options: { env?: Record<string, string>; pause?: { points: string[]; dir: string } } = {}): Child {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CI: '', UEP_LANG: 'en', ...options.env };
  if (options.pause) env.UEP_TEST_PAUSE = `${options.pause.points.join(',')}@${options.pause.dir}`;
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      exited = true;
      resolve({ code, stdout, stderr });
    });
  });
  return { process: child, done, exited: () => exited };
}

/** Waits until `check` holds (polling every 5 ms), failing after `ms`. */
export async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until a process is held at `point` (it wrote `<point>.paused` in `dir`). */
export function paused(dir: string, point: string, child?: Child): Promise<void> {
  return until(() => {
    if (child?.exited()) throw new Error(`the process exited before reaching ${point}`);
    return existsSync(join(dir, `${point}.paused`));
  }, `pause point ${point}`);
}

/** Lets a process held at `point` go on. */
export function release(dir: string, point: string): void {
  writeFileSync(join(dir, `${point}.go`), '');
}

/** Whether the process has `path` open (Linux: its /proc/<pid>/fd links): it started working on it. */
export function hasOpen(child: Child, path: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${child.process.pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${child.process.pid}/fd/${fd}`) === path;
    } catch {
      return false;
    }
  });
}
