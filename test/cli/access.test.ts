import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DB_ACCESS } from '../../src/cli/access.js';
import { buildProgram } from '../../src/cli/main.js';

/** Every command that runs an action: "import dtks", "allocate", "allocate finalize" … */
function commandsWithActions(cmd: Command, prefix: string[] = []): string[] {
  const found: string[] = [];
  for (const sub of cmd.commands) {
    const path = [...prefix, sub.name()];
    if ((sub as unknown as { _actionHandler: unknown })._actionHandler) found.push(path.join(' '));
    found.push(...commandsWithActions(sub, path));
  }
  return found;
}

describe('which commands write', () => {
  it('every command declares what it does with the database, once, and nothing else is declared', () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {}, cwd: '/' };
    const commands = commandsWithActions(buildProgram(io, { exitCode: 0 }));
    expect(commands.length).toBeGreaterThan(25);
    expect(Object.keys(DB_ACCESS).sort()).toEqual([...commands].sort());
  });
});
