/** A command group without its subcommand is a usage error (exit 2, help on stderr), as a missing argument is. */
import { describe, expect, it } from 'vitest';
import { uep } from '../helpers.js';
import { buildProgram } from '../../src/cli/main.js';
import type { Command } from 'commander';

/** Every command that only groups subcommands, found in the program itself (so a new group is tested too). */
function groups(): string[][] {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {}, cwd: process.cwd() };
  const found: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      const here = [...path, sub.name()];
      const hasAction = (sub as unknown as { _actionHandler: unknown })._actionHandler !== null;
      if (sub.commands.length > 0 && !hasAction) found.push(here);
      walk(sub, here);
    }
  };
  walk(buildProgram(io, { exitCode: 0 }), []);
  return found;
}

describe('command groups', () => {
  it('are found: import, applicants, monitor, monitor monitors, export, report, review, usulan, appeal', () => {
    expect(groups().map((g) => g.join(' ')).sort()).toEqual(['appeal', 'applicants', 'export', 'import', 'monitor', 'monitor monitors', 'report', 'review', 'usulan']);
  });

  it.each(groups().map((g) => [g.join(' '), g]))('uep %s alone: exit 2, its help on stderr, nothing on stdout', async (_name, group) => {
    const r = await uep(group as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Usage: uep ${(group as string[]).join(' ')} [options] [command]`);
  });

  it('uep alone is a usage error too; --help is not an error', async () => {
    const bare = await uep([]);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('Usage: uep [options] [command]');
    const help = await uep(['import', '--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('Usage: uep import [options] [command]');
    expect((await uep(['help', 'monitor'])).code).toBe(0);
  });
});
