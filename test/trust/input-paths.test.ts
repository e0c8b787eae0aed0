/**
 * Every option and argument naming a file uep reads fails cleanly (issue 10 §2.4, issue 11.9):
 * missing, a folder, binary, a device that never ends (/dev/zero), a pipe, too large for its
 * content, a name holding terminal escapes. Unreadable files are in eacces.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/fsutil/display.js';
import { tempDir, uep, writeFile } from '../helpers.js';
import { expectRefusal, IMPORT_COMMANDS, importInputs, SETTINGS_OPTIONS, uepProcess } from './path-helpers.js';

/** Bytes no text file holds: NUL and invalid UTF-8 among letters and commas. */
const BINARY = Buffer.from(Array.from({ length: 3000 }, (_, i) => [0x00, 0x41, 0x2c, 0xff, 0x0a, 0x1b, 0x80][i % 7]!));

function setup() {
  const dir = tempDir();
  const good = importInputs(dir);
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const db = join(dir, 'uep.sqlite');
  return {
    dir, good, folder, db,
    missing: join(dir, 'not-there.csv'),
    binary: writeFile(dir, 'binary.csv', BINARY),
    escaped: join(dir, 'evil\u001b[2J\u001b[31mname.csv'),
    run: (args: string[]) => uep([...args, '--db', db], { cwd: dir }),
  };
}

describe('files uep reads', () => {
  it('settings files (--weights, --paket, --rubric): missing, folder, binary, too large, escapes in the name', async () => {
    const t = setup();
    // Text, but far more than a weights, package or rubric file holds.
    const huge = writeFile(t.dir, 'huge.csv', `region,weight\n${'Samarinda,1\n'.repeat(200_000)}`);
    for (const { option, args } of SETTINGS_OPTIONS) {
      const cases: [string, string, RegExp][] = [
        ['missing', t.missing, /: no such file$/],
        ['folder', t.folder, /: it is a folder, not a file$/],
        // --paket is read by the CSV reader, which names the file and line
        ['binary', t.binary, /(: it is not a text file \(it holds NUL bytes\)|binary\.csv line 1: contains a NUL byte: this is not a text CSV file)$/],
        ['too large', huge, /: it is 2(\.\d)? MB, too large for a [a-z ]+ \(at most 1 MB\)$/],
        ['escapes', t.escaped, /: no such file$/],
      ];
      for (const [label, path, problem] of cases) {
        const r = await t.run(args(path, t.good));
        expectRefusal(r, displayPath(basename(path)), problem, `${args('FILE', t.good).join(' ')} (${label})`);
        expect(r.stderr).toContain(label === 'binary' ? basename(path) : displayPath(path));
        if (label !== 'binary') expect(r.stderr).toContain(option);
      }
    }
  });

  it('import files of every import command: missing, folder, binary, escapes in the name', async () => {
    const t = setup();
    for (const { args } of IMPORT_COMMANDS) {
      const cases: [string, string, string, RegExp][] = [
        ['missing', t.missing, displayPath(t.missing), /^uep: cannot read .*: no such file$/],
        ['folder', t.folder, displayPath(t.folder), /^uep: cannot read .*: it is a folder, not a file$/],
        ['binary', t.binary, basename(t.binary), /: contains a NUL byte: this is not a text CSV file$/],
        ['escapes', t.escaped, displayPath(t.escaped), /: no such file$/],
      ];
      for (const [label, path, named, problem] of cases) {
        expectRefusal(await t.run(args(path)), named, problem, `${args('FILE').join(' ')} (${label})`);
      }
    }
  });

  it('a device that never ends (/dev/zero) is refused at once by every settings option', async () => {
    const t = setup();
    // The database first: run side by side, a reading command could otherwise meet it missing or not yet migrated.
    expect((await t.run(['migrate', '--quiet'])).code).toBe(0);
    // As subprocesses with a deadline: before the fix --weights /dev/zero read forever, memory growing.
    const runs = SETTINGS_OPTIONS.map(({ args }) => args('/dev/zero', t.good));
    // The database exists first: reading commands refuse a missing one before they read any option's file.
    expect((await uepProcess(['migrate', '--db', t.db], { cwd: t.dir, timeoutMs: 30_000 })).code).toBe(0);
    const results = await Promise.all(runs.map((args) => uepProcess([...args, '--db', t.db], { cwd: t.dir, timeoutMs: 30_000 })));
    runs.forEach((args, i) => expectRefusal(results[i]!, '/dev/zero', /: it is a device, not a file$/, args.join(' ')));
  }, 60_000);

  it('import files: a device and a pipe are refused (an import reads its file twice)', async () => {
    const t = setup();
    const fifo = join(t.dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    for (const { args } of IMPORT_COMMANDS) {
      expectRefusal(await t.run(args('/dev/zero')), '/dev/zero', /^uep: cannot read \/dev\/zero: it is a device, not a file$/, args('/dev/zero').join(' '));
      expectRefusal(await t.run(args(fifo)), fifo, /: it is a pipe, not a file$/, args(fifo).join(' '));
    }
  });
});
