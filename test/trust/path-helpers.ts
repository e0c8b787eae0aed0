/**
 * Shared by the path tests: the commands with a file option or argument, small valid files for
 * each import, and the check that a refusal is one clean message with a hint.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT, writeFile } from '../helpers.js';
import { SITI } from '../export/builders.js';

/** Header and first row of a shipped sample: a file every import of that kind accepts as a start. */
function sampleHead(name: string): string {
  return readFileSync(join(ROOT, 'data', 'sample', name), 'utf8').split('\n').slice(0, 2).join('\n') + '\n';
}

/** Files an import of each kind reads without a header error, written into `dir`. */
export function importInputs(dir: string): Record<string, string> {
  return {
    dtks: writeFile(dir, 'dtks.csv', sampleHead('dtks.csv')),
    pkh: writeFile(dir, 'pkh.csv', sampleHead('pkh.csv')),
    recipients: writeFile(dir, 'penerima.csv', sampleHead('penerima-sebelumnya.csv')),
    applicants: writeFile(dir, 'pendaftar.csv', sampleHead('pendaftar.csv')),
    assess: writeFile(dir, 'asesmen.csv', sampleHead('asesmen.csv')),
    visits: writeFile(dir, 'kunjungan.csv', ['nik,tanggal_kunjungan,petugas,status_usaha', `${SITI},2025-05-01,PSM-01,berjalan`]),
    monitors: writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']),
  };
}

/** Every import command, its file argument in place of `file`. */
export const IMPORT_COMMANDS: { kind: string; args: (file: string) => string[]; rejects: boolean }[] = [
  { kind: 'dtks', args: (f) => ['import', 'dtks', f], rejects: true },
  { kind: 'pkh', args: (f) => ['import', 'pkh', f], rejects: true },
  { kind: 'recipients', args: (f) => ['import', 'recipients', f, '--tahun', '2025'], rejects: true },
  { kind: 'applicants', args: (f) => ['applicants', 'import', f, '--tahun', '2026'], rejects: true },
  { kind: 'assess', args: (f) => ['assess', 'import', f, '--tahun', '2026'], rejects: true },
  { kind: 'visits', args: (f) => ['monitor', 'import', f], rejects: true },
  { kind: 'monitors', args: (f) => ['monitor', 'monitors', 'import', f], rejects: false },
];

/** Every option naming a small settings file, the path in place of `file`. */
export const SETTINGS_OPTIONS: { option: string; args: (file: string, good: Record<string, string>) => string[] }[] = [
  { option: '--weights', args: (f) => ['quota', '--slots', '10', '--weights', f] },
  { option: '--weights', args: (f) => ['allocate', '--tahun', '2026', '--weights', f] },
  { option: '--weights', args: (f) => ['allocate', 'compare', '--method', 'equal,hamilton', '--weights', f] },
  { option: '--paket', args: (f) => ['allocate', '--tahun', '2026', '--paket', f] },
  { option: '--rubric', args: (f) => ['score', '--tahun', '2026', '--rubric', f] },
  { option: '--rubric', args: (f) => ['explain', SITI, '--rubric', f] },
  { option: '--rubric', args: (f, good) => ['assess', 'import', good.assess!, '--tahun', '2026', '--rubric', f] },
];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a subprocess, killed after `timeoutMs` (code null): for inputs that
 * made uep read forever (/dev/zero) the test must end either way.
 */
export function uepProcess(args: string[], options: { cwd: string; timeoutMs?: number; uid?: number; gid?: number; wrap?: string[] }): Promise<Run> {
  const [command, ...prefix] = [...(options.wrap ?? []), process.execPath, BIN];
  return new Promise((resolve) => {
    const child = spawn(command!, [...prefix, ...args], {
      cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', CI: '', UEP_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A refusal as the issue asks: exit 1, one message line naming the file (escaped) with what is
 * wrong, one hint line with the fix; never an unexpected error, never a raw control character.
 */
export function expectRefusal(r: Run, named: string, problem: RegExp, label: string): void {
  expect(r.code, `${label}\n${r.stderr}`).toBe(1);
  expect(r.stderr, label).toMatch(/^uep: [^\n]+\n {2}hint: [^\n]+\n$/);
  expect(r.stderr, label).not.toContain('unexpected error');
  expect(r.stderr, label).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  expect(r.stderr.split('\n')[0], label).toContain(named);
  expect(r.stderr.split('\n')[0], label).toMatch(problem);
}
