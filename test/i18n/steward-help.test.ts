/** Issue 12 for issue 16's commands: every help in Indonesian without English, the same options in English. */
import { describe, expect, it } from 'vitest';
import { uep } from '../helpers.js';
import { englishIn } from './english.js';

const COMMANDS = [
  ['review'], ['review', 'duplicates'], ['review', 'list'], ['review', 'decide'], ['usulan'], ['usulan', 'record'], ['export', 'usulan'],
  ['appeal'], ['appeal', 'record'], ['appeal', 'list'], ['appeal', 'decide'], ['report', 'pdp'],
];

describe('help of review, usulan, appeal and report pdp', () => {
  it.each(COMMANDS.map((c) => [c.join(' ')]))('uep %s --help: Indonesian without English, English on request', async (command) => {
    const args = [...command.split(' '), '--help'];
    const id = await uep(args, { env: { UEP_LANG: 'id' } });
    const en = await uep(args, { env: { UEP_LANG: 'en' } });
    expect([id.code, en.code]).toEqual([0, 0]);
    expect(id.stdout).toMatch(/^Cara pakai: uep /);
    expect(englishIn(id.stdout)).toEqual([]);
    expect(en.stdout).toMatch(/^Usage: uep /);
    const flags = (text: string) => [...text.matchAll(/^\s+(-[\w-]+(?:, --[\w-]+)?|--[\w-]+)/gm)].map((m) => m[1]);
    expect(flags(id.stdout)).toEqual(flags(en.stdout));
  });
});
