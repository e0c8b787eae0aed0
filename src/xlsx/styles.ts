/**
 * Which cell styles show a number as a date: a date cell is stored as a serial number, and only
 * its number format (styles.xml: cellXfs → numFmtId → built-in id or custom formatCode) says so.
 */
import { SaxesParser } from 'saxes';

/** Built-in formats that are dates (14–17, 22) or locale dates (27–36, 50–58; East Asian calendars). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date (not a time of day alone, not a number). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '') // quoted text
    .replace(/\\./g, '') // escaped characters
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales [$-421], elapsed [h]
    .replace(/[_*]./g, ''); // padding
  if (/^(general|standard|@)?$/i.test(bare.trim())) return false;
  if (/[dy]/i.test(bare)) return true;
  // m is a month unless hours or seconds (also elapsed: [h], [ss]) make it minutes.
  return /m/i.test(bare) && !/[hs]/i.test(bare) && !/\[(h+|s+)\]/i.test(code);
}

export interface Styles {
  /** Per cellXfs index: whether a number in that style is a date. */
  dateStyle: boolean[];
}

export function parseStyles(xml: string | undefined): Styles {
  const dateStyle: boolean[] = [];
  if (!xml) return { dateStyle };
  const custom = new Map<number, string>();
  const xfNumFmts: number[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) xfNumFmts.push(Number(tag.attributes.numFmtId ?? 0));
  });
  parser.on('closetag', (tag) => {
    if (tag.name.slice(tag.name.indexOf(':') + 1) === 'cellXfs') inCellXfs = false;
  });
  parser.write(xml).close();
  for (const id of xfNumFmts) {
    const code = custom.get(id);
    dateStyle.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
  }
  return { dateStyle };
}
