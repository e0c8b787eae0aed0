/**
 * Issue 12: the help of every command the program has — walked from the program itself, so a new
 * command is checked the day it is added — is Indonesian without English by default, and English
 * with the same options on request.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { uep } from '../helpers.js';
import { englishIn } from './english.js';

/** uep itself, every group and every command: [] , ['import'], ['import', 'dtks'] … */
function everyCommand(cmd: Command, prefix: string[] = []): string[][] {
  return [prefix, ...cmd.commands.flatMap((sub) => everyCommand(sub, [...prefix, sub.name()]))];
}

const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {}, cwd: '/' };
const COMMANDS = everyCommand(buildProgram(io, { exitCode: 0 }));
const flags = (text: string) => [...text.matchAll(/^\s+(-[\w-]+(?:, --[\w-]+)?|--[\w-]+)/gm)].map((m) => m[1]);

describe('help of every command', () => {
  it('walks the whole program', () => {
    expect(COMMANDS.length).toBeGreaterThan(50);
  });

  it.each(COMMANDS.map((c) => [c.join(' ') || '(uep itself)', c]))('uep %s --help: Indonesian without English, English on request', async (_, command) => {
    const args = [...command, '--help'];
    const id = await uep(args, { env: { UEP_LANG: 'id' } });
    const en = await uep(args, { env: { UEP_LANG: 'en' } });
    expect([id.code, en.code]).toEqual([0, 0]);
    expect(id.stdout).toMatch(/^Cara pakai: uep/);
    expect(englishIn(id.stdout)).toEqual([]);
    expect(en.stdout).toMatch(/^Usage: uep/);
    // The same options in both: only the words change.
    expect(flags(id.stdout)).toEqual(flags(en.stdout));
    expect(id.stdout).not.toBe(en.stdout);
  });
});
