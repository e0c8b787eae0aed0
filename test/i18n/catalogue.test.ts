import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, loadCatalogue, type Catalogue } from '../../src/i18n/catalogue.js';
import { ROOT } from '../helpers.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** `ns:key.path` → text, with plural forms folded onto their base key. */
function keysOf(catalogue: Catalogue): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [ns, messages] of Object.entries(catalogue)) {
    for (const [key, text] of flatten(messages)) {
      const base = `${ns}:${key.replace(PLURAL, '')}`;
      out.set(base, [...(out.get(base) ?? []), text]);
    }
  }
  return out;
}

const placeholders = (texts: string[]) =>
  [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!)))].filter((p) => p !== 'count').sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const id = keysOf(loadCatalogue('id'));
const en = keysOf(loadCatalogue('en'));

describe('message catalogues', () => {
  it('have the same keys in id and en', () => {
    expect([...id.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !id.has(k))).toEqual([]);
  });

  it('have the same placeholders for each key in both languages', () => {
    const differ = [...id.keys()].filter((k) => en.has(k) && placeholders(id.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(differ).toEqual([]);
  });

  it('have no empty message', () => {
    for (const [key, texts] of [...id, ...en]) expect(texts.every((t) => t.trim() !== ''), key).toBe(true);
  });

  // Keys are written literally in the source ('ns:path'), or as a family with a computed last
  // part (`ns:prefix.${code}`), whose members must each be a known code (checked where the codes live).
  const source = sourceFiles(join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
  // (Pause points of the tests, `pausePoint('import:staged')`, look like keys but are not.)
  const literal = new Set([...source.matchAll(/(?<!pausePoint\()['"`]([a-z_]+:[a-z0-9_]+(?:\.[a-z0-9_]+)*)['"`]/g)].map((m) => m[1]!));
  const families = [...source.matchAll(/`([a-z_]+:[a-z0-9_.]*\.)\$\{/g)].map((m) => m[1]!);

  it('has every key the source uses', () => {
    expect([...literal].filter((k) => !id.has(k) && k.split(':')[0]! in loadCatalogue('id'))).toEqual([]);
  });

  it('uses every key', () => {
    const unused = [...id.keys()].filter((k) => !literal.has(k) && !families.some((prefix) => k.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});
