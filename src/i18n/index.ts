/**
 * Text for people comes from here: `t('import:summary.departed', { n: 144 })`.
 * i18next holds the catalogues (plurals by Intl.PluralRules, `{{n, number}}` interpolation);
 * the CLI picks the language once per run with `setLanguage`, before building its help.
 * The core calls `t` for the messages of its errors, as a program calls gettext: it never
 * decides the language itself. Codes, --json keys and CSV columns never pass through here.
 */
import i18next, { type i18n } from 'i18next';
import { loadCatalogue } from './catalogue.js';
import { formatDate } from '../format/date.js';
import { formatNumber, formatPercent, formatRupiah } from '../format/number.js';
import { isLang, type Lang } from './language.js';

export type { Lang } from './language.js';
export { chooseLanguage, langFlag, isLang, LANGUAGES } from './language.js';

let current: { lang: Lang; instance: i18n } | undefined;

function create(lang: Lang): i18n {
  const instance = i18next.createInstance();
  const resources = loadCatalogue(lang);
  void instance.init({
    lng: lang,
    resources: { [lang]: resources },
    ns: Object.keys(resources),
    defaultNS: 'common',
    fallbackLng: false,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  } as Parameters<i18n['init']>[0]);
  const as = (l: string): Lang => (isLang(l) ? l : lang);
  const f = instance.services.formatter!;
  f.add('number', (value, l) => formatNumber(Number(value), as(l ?? lang)));
  f.add('rupiah', (value, l) => formatRupiah(Number(value), as(l ?? lang)));
  f.add('percent', (value, l) => formatPercent(Number(value), as(l ?? lang)));
  f.add('date', (value, l) => formatDate(String(value), as(l ?? lang)));
  f.add('longdate', (value, l) => formatDate(String(value), as(l ?? lang), 'long'));
  return instance;
}

/** Chooses the language of every later `t`. Loading a catalogue reads a few small JSON files. */
export function setLanguage(lang: Lang): void {
  if (current?.lang !== lang) current = { lang, instance: create(lang) };
}

/** The language in use (Indonesian until someone chooses). */
export function language(): Lang {
  return (current ??= { lang: 'id', instance: create('id') }).lang;
}

/** The message `key` (`namespace:path.in.file`) with its placeholders filled. */
export function t(key: string, params?: Record<string, unknown>): string {
  language();
  return current!.instance.t(key, params ?? {}) as string;
}

/** Whether the catalogue of the language in use has `key` (for optional explanations). */
export function hasMessage(key: string): boolean {
  language();
  return current!.instance.exists(key);
}
