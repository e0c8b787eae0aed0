/**
 * Numbers, money and shares as a person of the chosen language writes them: `1.500`,
 * `Rp4.750.000`, `71,9%` in Indonesian. Only for text people read: --json and CSV keep plain numbers.
 */
import type { Lang } from '../i18n/language.js';

export const intlLocale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return cached(`n${lang}${maximumFractionDigits}`, () => new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits })).format(value);
}

/** Rupiah without decimals, written as the office writes it: Rp4.750.000. */
export function formatRupiah(value: number, lang: Lang): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}Rp${formatNumber(Math.abs(Math.round(value)), lang, 0)}`;
}

/** A share given as a ratio (0.719) → 71,9% (id) or 71.9% (en). */
export function formatPercent(ratio: number, lang: Lang, maximumFractionDigits = 1): string {
  return cached(`p${lang}${maximumFractionDigits}`, () => new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits })).format(ratio);
}
