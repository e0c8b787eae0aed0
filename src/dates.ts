/** Calendar dates: what "today" is, and days in a month. Defined once, used by every command and check. */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date (YYYY-MM-DD) of an instant in the process's time zone: `localDate(new Date())`
 * is "today" for every rule that needs it (no assessment or visit after today, {date} in --out,
 * the monitoring report's default reference date). Cron sets TZ=Asia/Makassar: today in WITA.
 */
export function localDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Days in a month (1–12) of a four-digit year, leap years included. */
export function daysInMonth(month: number, year: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
