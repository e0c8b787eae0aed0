/**
 * Times for people. The database stores instants as ISO UTC text; a person reads them in the
 * local time of the process (its TZ: the office runs in WITA) with the zone named, e.g.
 * "2026-03-02 07:30:05 WITA" in English, "02-03-2026 07.30.05 WITA" as Indonesians write it.
 * --json output keeps the stored UTC text.
 */
import type { Lang } from '../i18n/language.js';

/** Indonesia's zones by their own names; elsewhere the UTC offset names the zone. */
const LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone as the TZ variable spells it (":Asia/Makassar" too), if Intl knows it; else undefined (the process zone). */
export function knownZone(tz: string | undefined): string | undefined {
  const name = tz?.replace(/^:/, '').trim();
  if (!name) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZoneName: 'longOffset',
    });
    formatters.set(key, f);
  }
  return f;
}

/** WIB, WITA or WIT for Indonesia's zones; undefined elsewhere. */
export function zoneLabel(timeZone: string | undefined): string | undefined {
  const name = formatter(knownZone(timeZone)).resolvedOptions().timeZone;
  return LABELS[name];
}

/** The wall-clock parts of an instant in a zone, and the zone's offset then ("+08:00"). */
function wallClock(instant: Date, timeZone: string | undefined): { date: string; time: string; offset: string } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const gmt = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '');
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset: gmt === '' ? '+00:00' : gmt,
  };
}

/**
 * A stored timestamp (ISO UTC) as local time with its zone: "2026-03-02 07:30:05 WITA".
 * `tz` is the TZ of the process as the environment gives it; default the process's own zone.
 * Text that is not a timestamp is returned unchanged.
 */
export function formatTimestamp(stored: string, tz?: string, lang: Lang = 'en'): string {
  const instant = new Date(stored);
  if (Number.isNaN(instant.getTime())) return stored;
  const zone = knownZone(tz);
  const { date, time, offset } = wallClock(instant, zone);
  const label = zoneLabel(zone) ?? offset;
  if (lang === 'en') return `${date} ${time} ${label}`;
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y} ${time.replaceAll(':', '.')} ${label}`;
}

/** The instant (ISO UTC) at which a local calendar day (YYYY-MM-DD) begins in the zone. */
export function startOfLocalDay(day: string, tz?: string): string {
  const zone = knownZone(tz);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const offsetAt = (ms: number) => {
    const { offset } = wallClock(new Date(ms), zone);
    const sign = offset.startsWith('-') ? -1 : 1;
    const [hh, mm] = offset.slice(1).split(':').map(Number) as [number, number];
    return sign * (hh * 60 + (mm ?? 0)) * 60_000;
  };
  // The offset at the guess, then again at the result: right across a daylight-saving change too.
  const first = utcMidnight - offsetAt(utcMidnight);
  return new Date(utcMidnight - offsetAt(first)).toISOString();
}
