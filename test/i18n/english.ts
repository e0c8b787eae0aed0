/**
 * Finds English in text a person reads in Indonesian: any fragment of three words or more of an
 * `en` catalogue message (the parts between its placeholders) that the `id` catalogue does not
 * also use, and common English function-word phrases the catalogue may not know (a sentence
 * left in code). Used by the tests that run commands with --lang id.
 */
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';

function fragments(text: string): string[] {
  return text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/).map((f) => f.trim()).filter((f) => f.split(/\s+/).length >= 3);
}

function catalogueTexts(lang: 'id' | 'en'): string[] {
  return Object.values(loadCatalogue(lang)).flatMap((messages) => [...flatten(messages).values()]);
}

let known: string[] | undefined;
function englishFragments(): string[] {
  if (!known) {
    const indonesian = catalogueTexts('id').join('\n');
    known = [...new Set(catalogueTexts('en').flatMap(fragments))].filter((f) => !indonesian.includes(f));
  }
  return known;
}

/** Phrases no Indonesian sentence of ours contains; each matched on word boundaries, any case. */
const ENGLISH_PHRASES = [
  'the', 'of the', 'is not', 'are not', 'was not', 'cannot', 'must be', 'should be', 'run again', 'with the',
  'to the', 'in the', 'for the', 'and the', 'no such', 'expected', 'missing', 'unknown', 'invalid', 'please',
  'written to', 'rows read', 'rejected', 'warning', 'error', 'you must', 'hint',
];
const PHRASE = new RegExp(`\\b(${ENGLISH_PHRASES.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** The English found in `text` (empty when there is none). Codes in backticks or snake_case are not words. */
export function englishIn(text: string): string[] {
  const found = englishFragments().filter((f) => text.includes(f));
  const plain = text.replace(/`[^`]*`/g, ' ').replace(/\b\w+_\w+\b/g, ' ').replace(/--[\w-]+/g, ' ');
  for (const line of plain.split('\n')) {
    const m = PHRASE.exec(line);
    if (m) found.push(`${m[1]} (in: ${line.trim().slice(0, 120)})`);
  }
  return found;
}
