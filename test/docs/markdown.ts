/** Small readers for the project's Markdown docs: fenced blocks, headings, links, `uep …` invocations. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface Fence {
  lang: string;
  body: string;
}

export function readDoc(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function fences(text: string): Fence[] {
  return [...text.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

/** The text outside fenced blocks (headings and prose). */
export function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '');
}

/** Each heading as "level title", in order. */
export function headings(text: string): string[] {
  return [...prose(text).matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => `${m[1]!.length} ${m[2]}`);
}

/** GitHub's anchor for a heading title. */
export function slug(title: string): string {
  return title.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** The command lines of sh/crontab blocks, comments and trailing blanks removed (they may differ by language). */
export function commandLines(text: string, lang: 'sh' | 'crontab'): string[] {
  return fences(text)
    .filter((f) => f.lang === lang)
    .flatMap((f) => f.body.split('\n'))
    .map((line) => line.replace(/(^|\s+)#.*$/, '').trimEnd())
    .filter((line) => line !== '');
}

/** Every `uep …` invocation: lines of sh/crontab blocks, `$ uep` lines of output blocks, inline code in prose. */
export function invocations(text: string): string[] {
  const places: string[] = [];
  for (const f of fences(text)) {
    if (f.lang === 'sh' || f.lang === 'crontab') places.push(...f.body.split('\n').map((l) => l.replace(/(^|\s+)#.*$/, '')));
    else if (f.lang === 'text') places.push(...f.body.split('\n').filter((l) => l.startsWith('$ ')));
  }
  places.push(...[...prose(text).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));
  return places.flatMap((p) => [...p.matchAll(/(?<![\w/.-])uep(?:\.js)?[ \t]+([^|&;\n]*)/g)].map((m) => m[1]!.trim()));
}

/** Shell-like words: quotes kept together with what they touch. */
export function words(args: string): string[] {
  return args.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
}

/** Markdown links [text](target) outside code, with their targets. */
export function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}
