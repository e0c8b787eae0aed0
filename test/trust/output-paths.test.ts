/**
 * Every path uep writes to fails cleanly (issue 10 §2.4, issue 11.10, 11.11, 11.13): `--rejects`
 * of every import and `--out` of every export, with a missing folder, a folder or file in the
 * way, the file being imported (also through links), the database, a device, /proc/1, escapes.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UepError } from '../../src/errors.js';
import { displayPath } from '../../src/fsutil/display.js';
import { OutputDir } from '../../src/fsutil/outdir.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { freshDb, smallWorld } from '../export/builders.js';
import { BIN, openDb, tempDir, uep, writeFile } from '../helpers.js';
import { expectRefusal, IMPORT_COMMANDS, importInputs, uepProcess } from './path-helpers.js';

describe('--rejects of every import', () => {
  it('a missing folder, a folder, an existing file without --force, a device: refused before any work', async () => {
    const dir = tempDir();
    const db = join(dir, 'uep.sqlite');
    const inputs = importInputs(dir);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const existing = writeFile(dir, 'old-rejects.csv', 'keep me\n');
    for (const { kind, args, rejects } of IMPORT_COMMANDS) {
      if (!rejects) continue;
      const cases: [string, string[], string, RegExp][] = [
        ['missing folder', [join(dir, 'no-folder', 'r.csv')], join(dir, 'no-folder', 'r.csv'), /: the folder .*no-folder does not exist$/],
        ['folder', [folder, '--force'], folder, /: it is a folder, not a file$/],
        ['exists', [existing], existing, /: it already exists$/],
        ['device', ['/dev/null', '--force'], '/dev/null', /: it is not a regular file \(a device or pipe\)$/],
        ['escapes', [join(dir, 'no\u001b]0;owned\u0007folder', 'r.csv')], join(dir, 'no\u001b]0;owned\u0007folder', 'r.csv'), /does not exist$/],
      ];
      for (const [label, rejectsArgs, path, problem] of cases) {
        const r = await uep([...args(inputs[kind]!), '--rejects', ...rejectsArgs, '--db', db], { cwd: dir });
        expectRefusal(r, `--rejects ${displayPath(path)}`, problem, `${kind} --rejects (${label})`);
      }
    }
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('never the file being imported, also through a symbolic or hard link, nor the database: refused even with --force', async () => {
    const dir = tempDir();
    const db = join(dir, 'uep.sqlite');
    const inputs = importInputs(dir);
    for (const { kind, args, rejects } of IMPORT_COMMANDS) {
      if (!rejects) continue;
      const input = inputs[kind]!;
      const before = readFileSync(input);
      const symlink = join(dir, `${kind}-symlink.csv`);
      const hardlink = join(dir, `${kind}-hardlink.csv`);
      symlinkSync(input, symlink);
      linkSync(input, hardlink);
      for (const [label, target, what] of [['itself', input, 'the file being imported'], ['symlink', symlink, 'the file being imported'],
        ['hard link', hardlink, 'the file being imported'], ['database', db, 'the database'], ['WAL', `${db}-wal`, 'a file of the database']] as const) {
        if (label === 'WAL') writeFileSync(`${db}-wal`, ''); // stands for the WAL of a database in use
        const r = await uep([...args(input), '--rejects', target, '--force', '--db', db], { cwd: dir });
        expectRefusal(r, `--rejects ${target}`, new RegExp(`: it is ${what}$`), `${kind} (${label})`);
        expect(readFileSync(input), `${kind} (${label})`).toEqual(before);
      }
    }
    const h = openDb(db);
    expect(h.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBeGreaterThan(0);
    h.close();
  });
});

describe('--out of every export', () => {
  async function world() {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    await importMonitors(db, writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']));
    db.close();
    return { dir, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
  }
  const EXPORTS = [['export', 'allocation'], ['monitor', 'plan', '--tanggal-hibah', '2025-03-01'], ['report', 'monitoring', '--as-of', '2025-06-01']];

  it('a file in the way, a file as a parent, /proc/1, escapes in the name: one clean refusal each', async () => {
    const { dir, run } = await world();
    const file = writeFile(dir, 'a-file', 'x');
    const escaped = writeFile(dir, 'out\u001b[8mhidden', 'x');
    for (const command of EXPORTS) {
      const cases: [string, string, RegExp][] = [
        ['a file', file, /: it is a file, not a folder$/],
        ['under a file', join(file, 'sub'), /: a part of the path is a file, not a folder$/],
        ['/proc/1', '/proc/1/x', /: (permission denied: you may not write in \/proc\/1|cannot create anything in \/proc\/1 .*)$/],
        ['escapes', escaped, /: it is a file, not a folder$/],
      ];
      for (const [label, path, problem] of cases) {
        expectRefusal(await run(...command, '--out', path), `--out ${displayPath(path)}`, problem, `${command.join(' ')} (${label})`);
      }
    }
  });

  it('two exports into the same new folder at once: the one finishing second is refused in one line, the first kept whole', async () => {
    const { dir } = await world();
    const target = join(dir, 'same');
    // The interleaving, forced: one export has made its work folder and is writing…
    const slower = OutputDir.open(target);
    slower.add('penerima-6472-samarinda.csv', 'from the slower run\n');
    // …while another uep process runs start to end and puts its folder in place.
    const faster = await uepProcess(['export', 'allocation', '--out', target, '--db', join(dir, 'uep.sqlite'), '--quiet'], { cwd: dir });
    expect([faster.code, faster.stderr]).toEqual([0, '']);
    let refusal: unknown;
    try {
      slower.commit();
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(UepError);
    expect((refusal as UepError).message).toBe(`output folder ${target} was written by another uep command while this one ran (it holds 7 file(s)): nothing of this run was kept`);
    expect((refusal as UepError).hint).toBe('run it again with --force to replace those files, or choose another --out');
    // The folder is the faster run's, whole; nothing of the slower one is left, not even hidden.
    const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    expect(readdirSync(target).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    expect(readFileSync(join(target, 'penerima-6472-samarinda.csv'), 'utf8')).not.toContain('slower');
    expect(readdirSync(dir).filter((n) => n.startsWith('.same'))).toEqual([]);
  });

  it('a missing parent folder is created (reports/{date}/…), the new folders 0700', async () => {
    const { dir, run } = await world();
    const r = await run('export', 'allocation', '--out', 'reports/2025/lampiran', '--quiet');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(statSync(join(dir, 'reports')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'reports', '2025', 'lampiran')).mode & 0o777).toBe(0o700);
  });
});

describe('stale temporary files of a killed import', () => {
  it('are removed the next time the same --rejects file is written, when their process is gone', async () => {
    const dir = tempDir();
    const { dtks } = importInputs(dir);
    // A process id that no longer runs, and one that does (this test's own, seen from the subprocess).
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    const stale = writeFile(dir, `.rejects.csv.${dead}.1.tmp`, 'line,reason\n2,nik_format,6472…,SITI\n');
    const live = writeFile(dir, `.rejects.csv.${process.pid}.1.tmp`, 'another import still writing\n');
    const other = writeFile(dir, `.other.csv.${dead}.1.tmp`, 'not ours to remove\n');
    const r = execFileSync(process.execPath, [BIN, 'import', 'dtks', dtks, '--rejects', join(dir, 'rejects.csv'), '--db', join(dir, 'uep.sqlite'), '--quiet'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1', UEP_LANG: 'en' } });
    expect(r.toString()).toBe('');
    expect(() => statSync(stale)).toThrow();
    expect(readFileSync(live, 'utf8')).toBe('another import still writing\n');
    expect(readFileSync(other, 'utf8')).toBe('not ours to remove\n');
    expect(statSync(join(dir, 'rejects.csv')).mode & 0o777).toBe(0o600);
  });
});
