import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { runCli } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { openDatabase, type Db } from '../src/db/open.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'uep.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A temporary directory removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'uep-test-'));
  dirs.push(dir);
  return dir;
}

/** Writes a file (string, or lines joined with `eol`) into `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Buffer | string[], eol = '\n'): string {
  const path = join(dir, name);
  writeFileSync(path, Array.isArray(content) ? content.join(eol) + eol : content);
  return path;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (fast), as if from a terminal-less shell in `cwd`. */
export async function uep(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: !!options.tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: !!options.tty },
    stdinIsTTY: !!options.tty,
    // English unless a test asks for Indonesian: most assertions were written against the en catalogue.
    env: { NO_COLOR: '1', UEP_LANG: 'en', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Runs the built binary as a subprocess with no TTY and no stdin, the way cron does. */
export function uepBin(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '', UEP_LANG: 'en', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Opens a database file for assertions. */
export function openDb(path: string): Db {
  return openDatabase(path);
}

/** A synthetic, valid NIK: regency code, birth date (women +40 on the day), serial. */
export function nik(kab: string, d: number, m: number, yy: number, serial: number, woman = false): string {
  const dd = woman ? d + 40 : d;
  return `${kab}01${String(dd).padStart(2, '0')}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

/** Deterministic pseudo-random delays, so a failure can be replayed. */
export function* delays(seed: number, maxMs: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield Math.floor((x / 2147483648) * maxMs);
  }
}
