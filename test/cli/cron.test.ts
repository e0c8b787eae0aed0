import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, uepBin, writeFile, nik } from '../helpers.js';

// The built binary, with no terminal and no stdin: the way cron runs it.
describe('the uep binary without a TTY', () => {
  beforeAll(() => {
    // `npm test` builds first (pretest); this covers running vitest alone on a fresh clone.
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('imports with a clean --json stdout, no colour and no progress bar', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'd.csv', ['nik,nama,kabupaten', `${nik('6472', 5, 7, 85, 1, true)},Siti,Samarinda`]);
    const r = uepBin(['import', 'dtks', file, '--json'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1 });
    expect(r.stderr).not.toMatch(/\u001b\[/);
    expect(r.stderr).toContain('Imported d.csv (DTKS)');
    const quiet = uepBin(['import', 'dtks', file, '--quiet'], { cwd: dir });
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });

  it('exits 2 on a usage error and 1 with one clear line on a failure', () => {
    const dir = tempDir();
    expect(uepBin(['import', 'dtks'], { cwd: dir }).code).toBe(2);
    expect(uepBin(['no-such-command'], { cwd: dir }).code).toBe(2);
    const r = uepBin(['import', 'dtks', join(dir, 'missing.csv'), '--quiet'], { cwd: dir });
    expect(r.code).toBe(1);
    // One line naming the file and what is wrong, and at most one line with the fix.
    expect(r.stderr).toMatch(/^uep: cannot read \S*missing\.csv: no such file\n( {2}hint: [^\n]+\n)?$/);
  });

  it('prints help for every command', () => {
    const help = uepBin(['--help']);
    expect(help.code).toBe(0);
    const section = help.stdout.slice(help.stdout.indexOf('Commands:'));
    const commands = [...section.matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['import', 'status']));
    for (const c of commands) {
      const h = uepBin([c, '--help']);
      expect(h.code, c).toBe(0);
      expect(h.stdout, c).toMatch(/Usage: uep /);
    }
  });
});
