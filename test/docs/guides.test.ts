import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { englishIn } from '../i18n/english.js';
import { commandLines, fences, headings, invocations, links, prose, readDoc, slug, words } from './markdown.js';

/** Each Indonesian doc and its English twin: the same sections, the same commands. */
const PAIRS = [
  ['docs/panduan.md', 'docs/guide.md'],
  ['docs/rubrik.md', 'docs/rubric.md'],
] as const;
const GUIDES = ['README.md', ...PAIRS.flat()];
const ALL_DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function program(): Command {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {}, cwd: '/' };
  return buildProgram(io, { exitCode: 0 });
}

/** What is wrong with `uep <args>` for this program: an unknown command, subcommand or option; '' when fine. */
function problemWith(root: Command, args: string): string {
  const ws = words(args);
  let cmd = root;
  const chain = [root];
  let positional = false;
  const where = () => ['uep', ...chain.slice(1).map((c) => c.name())].join(' ');
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (w.startsWith('-')) {
      const flag = w.split('=')[0]!;
      if (flag === '--help' || flag === '-h') continue; // commander adds these to every command
      const opt = chain.flatMap((c) => c.options).find((o) => o.long === flag || o.short === flag);
      if (!opt) return `${flag} is not an option of "${where()}"`;
      if ((opt.required || opt.optional) && !w.includes('=')) i++;
      continue;
    }
    if (positional || cmd.commands.length === 0 || !/^[a-z][a-z-]*$/.test(w)) {
      positional = true;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === w);
    if (!sub) return `"${w}" is not a subcommand of "${where()}"`;
    cmd = sub;
    chain.push(sub);
  }
  return '';
}

describe('the user guides', () => {
  it.each(PAIRS)('%s and %s have the same sections, code blocks and commands, and link to each other at the top', (id, en) => {
    const [idText, enText] = [readDoc(id), readDoc(en)];
    const levels = (t: string) => headings(t).map((h) => h.split(' ')[0]);
    expect(levels(idText)).toEqual(levels(enText));
    expect(headings(idText).length).toBeGreaterThan(3);
    expect(fences(idText).map((f) => f.lang)).toEqual(fences(enText).map((f) => f.lang));
    expect(commandLines(idText, 'sh')).toEqual(commandLines(enText, 'sh'));
    expect(commandLines(idText, 'crontab')).toEqual(commandLines(enText, 'crontab'));
    const jsonBlocks = (t: string) => fences(t).filter((f) => f.lang === 'json').map((f) => f.body);
    expect(jsonBlocks(idText)).toEqual(jsonBlocks(enText));
    const top = (t: string) => t.split('\n').slice(0, 4).join('\n');
    expect(top(idText)).toContain(`](${en.replace('docs/', '')})`);
    expect(top(enText)).toContain(`](${id.replace('docs/', '')})`);
  });

  it.each(['docs/panduan.md', 'docs/rubrik.md'])('%s holds no English sentence of the catalogue, in its text or its output', (doc) => {
    const text = readDoc(doc);
    // The "hint:" label of an error is src/cli/main.ts's, checked with it (test/i18n); the hint itself is checked here.
    const outputs = fences(text).filter((f) => f.lang === 'text').map((f) => f.body.replace(/^ {2}hint: /gm, '  ')).join('\n');
    expect(englishIn(prose(text) + '\n' + outputs)).toEqual([]);
    expect(englishIn('Rows are rejected with a reason code')).not.toEqual([]);
  });

  it('the user guide shows the tour, the crontab and the maintenance commands in both languages', () => {
    for (const doc of ['docs/panduan.md', 'docs/guide.md']) {
      const sh = commandLines(readDoc(doc), 'sh').join('\n');
      for (const cmd of ['uep import dtks', 'uep assess import', 'uep score', 'uep allocate finalize', 'uep export allocation', 'uep monitor plan', 'uep report html', 'uep audit', 'uep backup', 'uep restore', 'uep doctor']) {
        expect(sh, `${doc}: ${cmd}`).toContain(cmd);
      }
      expect(commandLines(readDoc(doc), 'crontab').join('\n')).toContain("--out 'laporan/{date}/lampiran-sk'");
    }
  });

  it('every `uep <command> <subcommand>` and option the docs name exists in the program', () => {
    const root = program();
    const problems: string[] = [];
    let checked = 0;
    for (const doc of GUIDES) {
      for (const args of invocations(readDoc(doc))) {
        checked++;
        const problem = problemWith(root, args);
        if (problem) problems.push(`${doc}: uep ${args}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('the check catches a command, subcommand or option the program does not have', () => {
    const root = program();
    expect(problemWith(root, 'allocate finalize 1')).toBe('');
    expect(problemWith(root, "report html --out 'x-{tahun}.html' --lang en")).toBe('');
    expect(problemWith(root, 'import dtks x.csv --map nama="NAMA KTP"')).toBe('');
    expect(problemWith(root, 'allocate finalise 1')).toContain('"finalise" is not a subcommand');
    expect(problemWith(root, 'sync')).toContain('"sync" is not a subcommand of "uep"');
    expect(problemWith(root, 'score --year 2026')).toContain('--year is not an option');
    expect(invocations('Run `uep status`.\n\n```sh\nuep audit --limit 5   # comment\n```\n\n```text\n$ uep score\nuep: uep assess needs a terminal\n```\n'))
      .toEqual(['audit --limit 5', 'score', 'status']);
  });

  it("the README's first code block is exactly the two commands, and it links to both guides and both rubrics", () => {
    const readme = readDoc('README.md');
    expect(fences(readme)[0]).toEqual({ lang: 'sh', body: 'npm install && npm run demo\nnpm test\n' });
    for (const target of ['docs/panduan.md', 'docs/guide.md', 'docs/rubrik.md', 'docs/rubric.md']) expect(links(readme)).toContain(target);
  });

  it('every link between the docs resolves to an existing file, and every #anchor to a heading', () => {
    const broken: string[] = [];
    for (const doc of ALL_DOCS) {
      for (const link of links(readDoc(doc))) {
        if (/^[a-z]+:/.test(link)) continue;
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path === '' ? doc : normalize(join(dirname(doc), path));
        if (!existsSync(join(ROOT, target))) broken.push(`${doc}: ${link} (no file ${target})`);
        else if (anchor && target.endsWith('.md') && !headings(readDoc(target)).some((h) => slug(h.replace(/^\d+ /, '')) === anchor)) {
          broken.push(`${doc}: ${link} (no heading #${anchor} in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
