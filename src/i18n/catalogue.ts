/**
 * The message catalogues: `locales/<lang>/<namespace>.json`, plain JSON that a person at the
 * office can correct without touching code. One namespace per capability keeps files short.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from './language.js';

/** locales/ at the package root: two levels up from both src/i18n and dist/i18n. */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export type Messages = { [key: string]: string | Messages };
export type Catalogue = Record<string, Messages>;

export function loadCatalogue(lang: Lang, dir: string = LOCALES_DIR): Catalogue {
  const catalogue: Catalogue = {};
  for (const file of readdirSync(`${dir}/${lang}`).sort()) {
    if (!file.endsWith('.json')) continue;
    catalogue[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(`${dir}/${lang}/${file}`, 'utf8')) as Messages;
  }
  return catalogue;
}

/** Every message of a namespace as `key.path → text` (used by the catalogue tests). */
export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
