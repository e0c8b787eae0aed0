/**
 * The formats of src/format in the language in use (`language()`), for text people read in the
 * terminal: 1.500, Rp4.750.000, 80,0%, 15-03-2026 in Indonesian. English keeps ISO dates, as its
 * timestamps do. --json and CSV never come through here.
 */
import { language } from '../i18n/index.js';
import { formatDate } from './date.js';
import { formatNumber, formatRupiah, intlLocale } from './number.js';
import { formatTimestamp } from './time.js';

export const num = (x: number, maximumFractionDigits = 2): string => formatNumber(x, language(), maximumFractionDigits);

export const rupiah = (x: number): string => formatRupiah(x, language());

const oneDecimal = new Map<string, Intl.NumberFormat>();
/** A value with exactly one decimal: 80.0 (en), 80,0 (id); with its sign when asked (+34,0; +0,0). */
export function decimal1(x: number, signed = false): string {
  let f = oneDecimal.get(language());
  if (!f) oneDecimal.set(language(), (f = new Intl.NumberFormat(intlLocale(language()), { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return `${signed && x >= 0 ? '+' : ''}${f.format(x)}`;
}

/** A percentage given as 0..100, one decimal: 80.0% (en), 80,0% (id); '–' when there is none. */
export const percent1 = (persen: number | null): string => (persen === null ? '–' : `${decimal1(persen)}%`);

/** A calendar date (YYYY-MM-DD): 15-03-2026 in Indonesian, ISO in English. */
export const day = (iso: string): string => formatDate(iso, language());

/** A stored instant in the local zone with its name, as the language writes it. */
export const moment = (stored: string, tz: string | undefined): string => formatTimestamp(stored, tz, language());
