/**
 * Spreadsheet date serials → ISO text. In the 1900 system (Excel's default, LibreOffice's .xlsx)
 * day 1 is 1900-01-01 and day 60 is 29 February 1900, a day that never was (Lotus 1-2-3's leap-year
 * bug, kept for compatibility): from day 61 on, day n is 1899-12-30 + n. In the 1904 system (old
 * Mac workbooks, `date1904` in workbook.xml) day 0 is 1904-01-01.
 */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, with ` HH:MM:SS` when the serial has a time of day; undefined when out of range. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) return undefined;
  let day = Math.floor(serial);
  // Seconds of the day, rounded: 0.999999 of a day is the next midnight.
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds === 86_400) {
    day++;
    seconds = 0;
  }
  let iso: string;
  if (!date1904 && day === 60) iso = '1900-02-29';
  else {
    const ms = date1904 ? EPOCH_1904 + day * DAY_MS : EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS;
    const d = new Date(ms);
    iso = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (seconds === 0) return iso;
  return `${iso} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
