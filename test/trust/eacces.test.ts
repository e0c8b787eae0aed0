/**
 * Permission denied on a file uep reads, a `--rejects` folder or an `--out` folder (issue 11.11):
 * one clean refusal each, never "unexpected error". Root may read and write anything, so as root
 * (CI) uep runs as `nobody` against files and folders of root's, or, when `nobody` cannot reach
 * this checkout (say under /root), as root without the capabilities that override permissions
 * (setpriv) against files and folders of nobody's. As another user it runs as itself against
 * files it has made unreadable for itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb, smallWorld } from '../export/builders.js';
import { BIN, tempDir, writeFile } from '../helpers.js';
import { expectRefusal, IMPORT_COMMANDS, importInputs, SETTINGS_OPTIONS, uepProcess, type Run } from './path-helpers.js';

const NO_OVERRIDE = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'];

/**
 * How uep is run, and who owns what it must not read or write: `runAs` is spawn's uid/gid (or a
 * command prefix), `owner` the owner given to forbidden files (undefined: ours, with no permissions).
 */
let runner: { runAs: { uid?: number; gid?: number; wrap?: string[] }; owner?: { uid: number; gid: number }; workOwner?: { uid: number; gid: number } };

beforeAll(() => {
  if (process.getuid?.() !== 0) {
    runner = { runAs: {} };
    return;
  }
  const nobody = { uid: Number(execFileSync('id', ['-u', 'nobody'])), gid: Number(execFileSync('id', ['-g', 'nobody'])) };
  if (spawnSync(process.execPath, [BIN, '--version'], { ...nobody, stdio: 'ignore' }).status === 0) {
    runner = { runAs: nobody, workOwner: nobody };
  } else if (spawnSync(NO_OVERRIDE[0]!, [...NO_OVERRIDE.slice(1), process.execPath, BIN, '--version'], { stdio: 'ignore' }).status === 0) {
    runner = { runAs: { wrap: NO_OVERRIDE }, owner: nobody };
  } else {
    throw new Error('as root, permission denied can be tested only when nobody can run bin/uep.js or setpriv (util-linux) is installed');
  }
});

/** A folder the runner may use: its database lives here. */
function workspace(): { dir: string; work: string; db: string } {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  const work = join(dir, 'work');
  mkdirSync(work, { mode: 0o755 });
  if (runner.workOwner) chownSync(work, runner.workOwner.uid, runner.workOwner.gid);
  return { dir, work, db: join(work, 'uep.sqlite') };
}

/** Hands the database files to the runner. */
function giveDb(db: string): void {
  const to = runner.workOwner;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) if (to && existsSync(f)) chownSync(f, to.uid, to.gid);
}

/** A file the runner may not read: 0600 of another user, or one with no permissions at all for ourselves. */
function unreadable(dir: string, name: string, content: string): string {
  const path = writeFile(dir, name, content);
  if (runner.owner) chownSync(path, runner.owner.uid, runner.owner.gid);
  chmodSync(path, process.getuid?.() === 0 ? 0o600 : 0o000);
  return path;
}

/** A folder the runner may not write in (it holds one file). */
function unwritable(dir: string, name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFile(path, 'earlier.csv', 'x\n');
  if (runner.owner) chownSync(path, runner.owner.uid, runner.owner.gid);
  chmodSync(path, process.getuid?.() === 0 ? 0o755 : 0o555);
  return path;
}

async function runAll(jobs: { args: string[]; cwd: string }[], parallel = 4): Promise<Run[]> {
  const results: Run[] = [];
  for (let i = 0; i < jobs.length; i += parallel) {
    results.push(...await Promise.all(jobs.slice(i, i + parallel).map((j) => uepProcess(j.args, { cwd: j.cwd, ...runner.runAs }))));
  }
  return results;
}

describe('permission denied', () => {
  it('on the file of every import and every settings option', async () => {
    const { dir, work, db } = workspace();
    const good = importInputs(dir);
    const secret = unreadable(dir, 'secret.csv', 'nik,nama,kabupaten\n');
    const jobs = [
      ...IMPORT_COMMANDS.map(({ args }) => args(secret)),
      // One command per option: each option has one reader.
      ...SETTINGS_OPTIONS.filter((o, i) => SETTINGS_OPTIONS.findIndex((p) => p.option === o.option) === i).map(({ args }) => args(secret, good)),
    ].map((args) => ({ args: [...args, '--db', db], cwd: work }));
    const results = await runAll(jobs);
    jobs.forEach((j, i) => expectRefusal(results[i]!, secret, /^uep: cannot read .*secret\.csv: permission denied$/, j.args.join(' ')));
    expect(results[0]!.stderr).toContain('hint: ask the owner of the file for read access');
  }, 120_000);

  it('on the folder of --rejects, for every import', async () => {
    const { dir, work, db } = workspace();
    const inputs = importInputs(dir);
    const closed = unwritable(dir, 'closed');
    const target = join(closed, 'rejects.csv');
    const jobs = IMPORT_COMMANDS.filter((c) => c.rejects).map(({ kind, args }) => ({ args: [...args(inputs[kind]!), '--rejects', target, '--db', db], cwd: work }));
    const results = await runAll(jobs);
    jobs.forEach((j, i) => expectRefusal(results[i]!, `--rejects ${target}`, /: permission denied: you may not write in .*closed$/, j.args.join(' ')));
    expect(readdirSync(closed)).toEqual(['earlier.csv']);
  }, 120_000);

  it('on an --out folder, new or existing (--force), for every export', async () => {
    const { dir, work, db } = workspace();
    const { db: h } = freshDb(work);
    smallWorld(h);
    h.close();
    giveDb(db);
    const closed = unwritable(dir, 'closed');
    const commands = [['export', 'allocation'], ['monitor', 'plan', '--tanggal-hibah', '2025-03-01'], ['report', 'monitoring', '--as-of', '2025-06-01']];
    const jobs = [
      { args: [...commands[0]!, '--out', join(closed, 'new'), '--db', db], cwd: work, out: join(closed, 'new') },
      ...commands.map((c) => ({ args: [...c, '--out', closed, '--force', '--db', db], cwd: work, out: closed })),
    ];
    const results = await runAll(jobs);
    jobs.forEach((j, i) => expectRefusal(results[i]!, `--out ${j.out}`, /: permission denied: you may not write in .*closed$/, j.args.join(' ')));
    expect(readdirSync(closed)).toEqual(['earlier.csv']);
  }, 120_000);
});
