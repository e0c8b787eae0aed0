/**
 * Calendar dates for people: short 02-12-2026 in Indonesian, 2026-12-02 in English (the day-first
 * order reads as month-first to many English readers; ISO is unambiguous), or long 2 Desember 2026
 * in running text. --json and CSV keep ISO dates.
 */
import type { Lang } from '../i18n/language.js';
import { intlLocale } from './number.js';

const long = new Map<Lang, Intl.DateTimeFormat>();

/** YYYY-MM-DD (or any ISO timestamp: its calendar date as written) → 02-12-2026 / 2026-12-02, or 2 Desember 2026. */
export function formatDate(iso: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (style === 'short') return lang === 'id' ? `${d}-${mo}-${y}` : `${y}-${mo}-${d}`;
  let f = long.get(lang);
  if (!f) long.set(lang, (f = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))));
}
