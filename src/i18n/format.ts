/**
 * Numbers, money, shares, dates and times as a person of the chosen language writes them:
 * `1.500`, `Rp4.750.000`, `71,9%`, `02-12-2026`, `2 Desember 2026`, `02-12-2026 20.05 WITA`.
 * Only for text people read: --json and CSV keep machine formats (ISO dates, plain numbers).
 * Times are shown in the process's time zone (TZ), so cron with TZ=Asia/Makassar shows WITA.
 */
import type { Lang } from './language.js';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return cached(`n${lang}${maximumFractionDigits}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits })).format(value);
}

/** Rupiah without decimals, written as the office writes it: Rp4.750.000. */
export function formatRupiah(value: number, lang: Lang): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}Rp${formatNumber(Math.abs(Math.round(value)), lang, 0)}`;
}

/** A share given as a ratio (0.719) → 71,9% (id) or 71.9% (en). */
export function formatPercent(ratio: number, lang: Lang, maximumFractionDigits = 1): string {
  return cached(`p${lang}${maximumFractionDigits}`, () => new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits })).format(ratio);
}

/** YYYY-MM-DD (or any ISO timestamp: its calendar date as written) → 02-12-2026 or 2 Desember 2026. */
export function formatDate(iso: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (style === 'short') return `${d}-${mo}-${y}`;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return cached(`dl${lang}`, () => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** Indonesia's three zones are named as Indonesians name them, in both languages. */
const INDONESIAN_ZONES: Record<string, string> = { 'GMT+7': 'WIB', 'GMT+8': 'WITA', 'GMT+9': 'WIT' };
const INDONESIAN_TZ = /^Asia\/(Jakarta|Pontianak|Makassar|Ujung_Pandang|Jayapura)$/;

/** The zone label of an instant in the process's time zone: WITA, UTC, GMT+1 … */
function zoneLabel(date: Date): string {
  const zone = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' });
  const name = zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
  return INDONESIAN_TZ.test(zone.resolvedOptions().timeZone) ? (INDONESIAN_ZONES[name] ?? name) : name;
}

/** A stored UTC timestamp (ISO 8601) → local date and time with its zone: 02-12-2026 20.05 WITA. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) return iso;
  // Not cached: the zone is the process's TZ, which tests (and long-lived callers) may change.
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = lang === 'id' ? `${part('hour')}.${part('minute')}` : `${part('hour')}:${part('minute')}`;
  return `${part('day')}-${part('month')}-${part('year')} ${time} ${zoneLabel(date)}`;
}
