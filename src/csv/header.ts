/**
 * What an error about a file's first line may say about it. A header is echoed to help (the
 * columns found); a first line that looks like a person's row (a file saved without its header)
 * is never echoed: it holds a NIK, a name, a phone number.
 */
import { displayValue } from '../fsutil/display.js';
import { t } from '../i18n/index.js';

/** At most this many columns are named in a message. */
const SHOWN = 30;

/**
 * A header cell never holds 8 digits in a row, nor is it a number of 8 or more digits; a data row
 * has one (a NIK, a KK number, a phone number, a date written 1980-05-01), also when a wrong
 * delimiter left the whole row in one cell.
 */
export function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((cell) => {
    const t = cell.trim().replace(/^'/, '');
    return /\d{8}/.test(t) || (/^\+?[\d\s.\-/()]+$/.test(t) && t.replace(/\D/g, '').length >= 8);
  });
}

/** "columns found: a, b, c" for a header (escaped, shortened), or that the first line looks like data. */
export function describeHeader(cells: readonly string[]): string {
  if (looksLikeData(cells)) return t('csv:header.looks_like_data');
  const shown = cells.slice(0, SHOWN).map((c) => displayValue(c)).join(', ');
  return t('csv:header.columns_found', { columns: `${shown || t('csv:header.no_columns')}${cells.length > SHOWN ? ', …' : ''}` });
}
