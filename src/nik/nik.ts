import { daysInMonth } from '../dates.js';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits = 6-digit Kemendagri region (province, regency,
 * kecamatan) + DDMMYY birth date (day + 40 for women) + 4-digit serial.
 * Always handled as text: 16 digits are beyond a spreadsheet's float precision.
 */
export type NikReject = 'nik_missing' | 'nik_scientific' | 'nik_format' | 'nik_date';

export type NikResult = { ok: true; nik: string } | { ok: false; reason: NikReject };

/** What Excel makes of a long number: 6.47201E+15, or 6,47201E+15 in an Indonesian locale. */
const SCIENTIFIC = /^[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+$/;

/** Whether a cell holds a number in scientific notation: a NIK or KK a spreadsheet has rounded. */
export function looksScientific(raw: string): boolean {
  return SCIENTIFIC.test(raw.trim());
}

/** Cleans and validates a NIK as found in an extract. A leading apostrophe (Excel's "text" mark) is trimmed too. */
export function parseNik(raw: string | undefined): NikResult {
  // The common case first, without regexes or copies: exactly 16 digits.
  if (raw !== undefined && raw.length === 16 && allDigits(raw)) {
    return nikDateParts(raw) ? { ok: true, nik: raw } : { ok: false, reason: 'nik_date' };
  }
  const value = (raw ?? '').trim().replace(/^'/, '').trim();
  if (value === '') return { ok: false, reason: 'nik_missing' };
  if (SCIENTIFIC.test(value)) return { ok: false, reason: 'nik_scientific' };
  if (value.length !== 16 || !allDigits(value)) return { ok: false, reason: 'nik_format' };
  if (!nikDateParts(value)) return { ok: false, reason: 'nik_date' };
  return { ok: true, nik: value };
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Two ASCII digits at `at` as a number (the caller has checked they are digits). */
function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

export interface NikDate {
  day: number;
  month: number;
  /** Two-digit year: the century is not in a NIK. */
  yy: number;
  jenisKelamin: 'L' | 'P';
}


/** Digits 7–12 as a date, or undefined when they are not a valid DDMMYY (day 1–31, or 41–71 for women). */
export function nikDateParts(nik: string): NikDate | undefined {
  if (nik.length !== 16 || !allDigits(nik)) return undefined;
  let day = twoDigits(nik, 6);
  const month = twoDigits(nik, 8);
  const yy = twoDigits(nik, 10);
  let jenisKelamin: 'L' | 'P' = 'L';
  if (day > 40) {
    day -= 40;
    jenisKelamin = 'P';
  }
  if (month < 1 || month > 12 || day < 1) return undefined;
  // 29 February is valid when either century makes YY a leap year.
  const maxDay = Math.max(daysInMonth(month, 1900 + yy), daysInMonth(month, 2000 + yy));
  if (day > maxDay) return undefined;
  return { day, month, yy, jenisKelamin };
}

/** The 4-digit Kemendagri regency code in which the NIK was issued. */
export function nikKabupaten(nik: string): string {
  return nik.slice(0, 4);
}

export function nikProvinsi(nik: string): string {
  return nik.slice(0, 2);
}

/** Masks a NIK for the field: 6472********0001 keeps the region and the serial only. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '*'.repeat(nik.length);
}

/** Digit groups with single spaces, dots or hyphens between them: how a number is typed in a note. */
const DIGIT_CHAIN = /\d+(?:[ .\-\u00a0]\d+)*/g;
const GROUP_SEPARATOR = /[ .\-\u00a0]/;

/**
 * Masks every NIK- or KK-like number in free text (an address, a note, a name typed wrongly):
 * 16 digits in a row, or 16 digits in groups of two or more joined by one space, dot or hyphen
 * (6472 0145 0785 0001, 647201.450785.0001, 64-72-01-450785-0001). As in maskNik the first and
 * last four digits stay, and so do the separators. Longer digit runs (an 18-digit NIP) and
 * shorter ones (phone numbers, amounts, dates) are left as they are.
 */
export function maskNiksInText(text: string): string {
  return text.replace(DIGIT_CHAIN, (chain) => {
    if (chain.length < 16) return chain;
    const groups = chain.split(GROUP_SEPARATOR);
    const separators = chain.match(new RegExp(GROUP_SEPARATOR, 'g')) ?? [];
    for (let i = 0; i < groups.length;) {
      const end = nikWindowEnd(groups, i);
      if (end === undefined) {
        i++;
        continue;
      }
      let digit = 0;
      for (let g = i; g <= end; g++) {
        groups[g] = [...groups[g]!].map((d) => (digit++ >= 4 && digit <= 12 ? '*' : d)).join('');
      }
      i = end + 1;
    }
    return groups.map((g, k) => g + (separators[k] ?? '')).join('');
  });
}

/** The last group of a NIK-like number starting at group `i`: one group of 16, or groups of 2+ digits adding up to 16. */
function nikWindowEnd(groups: string[], i: number): number | undefined {
  if (groups[i]!.length === 16) return i;
  let total = 0;
  for (let j = i; j < groups.length; j++) {
    const n = groups[j]!.length;
    if (n < 2) return undefined;
    total += n;
    if (total === 16) return j > i ? j : undefined;
    if (total > 16) return undefined;
  }
  return undefined;
}
