/**
 * The prompt library's own words in the reader's language. @inquirer/prompts 8 writes a few
 * English texts of its own: the key-help line under a list ("↑↓ navigate • ⏎ select"), the
 * confirm prompt's Yes/No, and some validation errors ("No results found" …). Every prompt gets
 * this theme: the help line and Yes/No come from the catalogue, and each error passes through
 * `style.error`, where the library's sentences are replaced by ours. Number prompts are not used
 * at all (their "You must provide a valid numeric value" cannot be themed): see prompts.ts.
 */
import { styleText } from 'node:util';
import { t } from '../i18n/index.js';

/** The actions named in the library's help lines (select, checkbox, search). */
const ACTIONS: Record<string, string> = {
  navigate: 'prompt:keys.navigate',
  select: 'prompt:keys.select',
  submit: 'prompt:keys.submit',
  all: 'prompt:keys.all',
  invert: 'prompt:keys.invert',
};
const KEYS: Record<string, string> = { space: 'prompt:keys.space' };

/** The library's error sentences (exact texts of @inquirer 8) → ours. */
const LIBRARY_ERRORS: Record<string, string> = {
  'No results found': 'prompt:library.no_results',
  'You must provide a value': 'prompt:library.required',
  'You must provide a valid value': 'prompt:library.invalid_value',
  'You must select a valid value': 'prompt:library.invalid_choice',
  'At least one choice must be selected': 'prompt:library.none_chosen',
  'You must provide a valid numeric value': 'prompt:number.not_whole',
};

/** A library error in the reader's language; our own messages pass unchanged. */
export function libraryError(text: string): string {
  const key = LIBRARY_ERRORS[text];
  if (key) return t(key);
  const range = /^Value must be between (\S+) and (\S+)$/.exec(text);
  return range ? t('prompt:number.out_of_range', { min: range[1], max: range[2] }) : text;
}

/** The help line under a list, e.g. "↑↓ pindah • spasi pilih • ⏎ kirim". */
export function keysHelp(keys: [string, string][]): string {
  return keys
    .map(([key, action]) => {
      const k = KEYS[key] ? t(KEYS[key]) : key;
      const a = ACTIONS[action] ? t(ACTIONS[action]) : action;
      return `${styleText('bold', k)} ${styleText('dim', a)}`;
    })
    .join(styleText('dim', ' • '));
}

/** The theme every prompt is given (built per prompt: the language is chosen before the first one). */
export function promptTheme() {
  return {
    style: {
      keysHelpTip: keysHelp,
      error: (text: string) => styleText('red', `> ${libraryError(text)}`),
    },
    i18n: { disabledError: t('prompt:library.disabled') },
  };
}

/** The confirm prompt's words: Ya/Tidak (y and n are still accepted, as the library always does). */
export function confirmTheme() {
  const yes = t('prompt:confirm.yes');
  const no = t('prompt:confirm.no');
  return {
    ...promptTheme(),
    keywords: { yes, no, error: () => t('prompt:confirm.invalid', { yes, no }) },
  };
}
