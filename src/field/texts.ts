/**
 * Texts of a phone form in both its languages at once (a form carries Indonesian and English
 * whatever language uep runs in), from the same catalogues as every other message.
 */
import { loadCatalogue, type Catalogue, type Messages } from '../i18n/catalogue.js';
import type { Text } from './model.js';

let catalogues: { id: Catalogue; en: Catalogue } | undefined;

function lookup(catalogue: Catalogue, key: string): string {
  const [ns, path] = key.split(':') as [string, string];
  let node: string | Messages | undefined = catalogue[ns];
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  return node;
}

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The message `key` (`field:form.…`) in Indonesian and in English. */
export function formText(key: string, params: Record<string, string | number> = {}): Text {
  catalogues ??= { id: loadCatalogue('id'), en: loadCatalogue('en') };
  return { id: fill(lookup(catalogues.id, key), params), en: fill(lookup(catalogues.en, key), params) };
}
