/**
 * Parsers for the value spellings found in real extracts. Each returns undefined when unreadable.
 * The ones for low-cardinality columns are memoised by the raw text: a column holds a handful of
 * spellings repeated on every row.
 */
import { daysInMonth } from '../dates.js';
import { memoByString } from '../memo.js';

export type JenisKelamin = 'L' | 'P';

const SEX: Record<string, JenisKelamin> = {
  l: 'L', lk: 'L', laki: 'L', lakilaki: 'L', pria: 'L', m: 'L', '1': 'L',
  p: 'P', pr: 'P', perempuan: 'P', wanita: 'P', f: 'P', w: 'P', '2': 'P',
};

/**
 * DTSEN writes coded answers as "code. label" ("1. Laki-laki", "2. Istri/Suami"): the label is read
 * (it says what the code means), in CSV and .xlsx alike.
 */
export function codedLabel(raw: string): string {
  const m = /^\s*\d{1,2}\s*[.)]\s*(\S.*)$/.exec(raw);
  return m ? m[1]! : raw;
}

function parseJenisKelaminUncached(raw: string): JenisKelamin | undefined {
  return SEX[codedLabel(raw).toLowerCase().replace(/[^a-z0-9]/g, '')];
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  return d <= daysInMonth(m, y); // 31-02 and the like are refused
}

function isoDate(y: number, m: number, d: number): string | undefined {
  if (!validDate(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The digit at `at` as a number, or NaN when it is not a digit (NaN fails every later check). */
function digit(s: string, at: number): number {
  const c = s.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD (a time part is ignored) → YYYY-MM-DD. */
export function parseTanggal(raw: string): string | undefined {
  // The two spellings of nearly every row, read without regexes or copies.
  if (raw.length === 10) {
    const sep = raw.charCodeAt(2);
    if (raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
      const y = digit(raw, 0) * 1000 + digit(raw, 1) * 100 + digit(raw, 2) * 10 + digit(raw, 3);
      if (validDate(y, digit(raw, 5) * 10 + digit(raw, 6), digit(raw, 8) * 10 + digit(raw, 9))) return raw;
    } else if ((sep === 45 || sep === 47 || sep === 46) && raw.charCodeAt(5) === sep) {
      const y = digit(raw, 6) * 1000 + digit(raw, 7) * 100 + digit(raw, 8) * 10 + digit(raw, 9);
      if (validDate(y, digit(raw, 3) * 10 + digit(raw, 4), digit(raw, 0) * 10 + digit(raw, 1))) {
        return `${raw.slice(6, 10)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`;
      }
    }
  }
  return parseTanggalSlow(raw);
}

function parseTanggalSlow(raw: string): string | undefined {
  const value = raw.trim().split(/[ T]/, 1)[0] ?? '';
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Desil: an integer 1–10. "" → null (unknown); anything else unreadable → undefined. */
function parseDesilUncached(raw: string): number | null | undefined {
  const value = raw.trim();
  if (value === '') return null;
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 10 ? n : undefined;
}

/** Yes/no flags: 1/0, ya/tidak, y/t, aktif/tidak aktif, ada/tidak ada, true/false; BDT's 2 means no. */
function parseFlagUncached(raw: string): boolean | undefined {
  const v = codedLabel(raw).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (v === '') return undefined;
  if (['1', 'ya', 'y', 'yes', 'aktif', 'ada', 'true', 'benar'].includes(v)) return true;
  if (['0', '2', 'tidak', 't', 'no', 'n', 'tidakaktif', 'nonaktif', 'tidakada', 'false', 'bukan'].includes(v)) return false;
  return undefined;
}

/** BDT Hub_KRT codes and their spelled-out forms, normalised. Unknown text is kept in lower case. */
const HUBUNGAN: Record<string, string> = {
  '1': 'kepala_keluarga', kepalakeluarga: 'kepala_keluarga', kepalarumahtangga: 'kepala_keluarga', krt: 'kepala_keluarga', kk: 'kepala_keluarga',
  '2': 'pasangan', istri: 'pasangan', suami: 'pasangan', istrisuami: 'pasangan', suamiistri: 'pasangan', pasangan: 'pasangan',
  '3': 'anak', anak: 'anak',
  '4': 'menantu', menantu: 'menantu',
  '5': 'cucu', cucu: 'cucu',
  '6': 'orang_tua', orangtua: 'orang_tua', orangtuamertua: 'orang_tua', mertua: 'orang_tua',
  '7': 'pembantu', pembantu: 'pembantu', pembanturumahtangga: 'pembantu',
  '8': 'lainnya', lainnya: 'lainnya', famililain: 'lainnya',
};

function parseHubunganKeluargaUncached(raw: string): string | null {
  const v = codedLabel(raw).trim();
  if (v === '') return null;
  return HUBUNGAN[v.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? v.toLowerCase();
}

export const parseJenisKelamin = memoByString(parseJenisKelaminUncached);
export const parseDesil = memoByString(parseDesilUncached);
export const parseFlag = memoByString(parseFlagUncached);
export const parseHubunganKeluarga = memoByString(parseHubunganKeluargaUncached);

/** Trims and turns every run of whitespace into one space. A clean ASCII name comes back as it is. */
export function collapseSpaces(raw: string): string {
  const collapsed = () => raw.trim().replace(/\s+/g, ' ');
  let afterSpace = true; // a leading space is not clean
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return collapsed();
      afterSpace = true;
    } else if (c < 32 || c > 126) return collapsed();
    else afterSpace = false;
  }
  return afterSpace && raw.length > 0 ? collapsed() : raw;
}
