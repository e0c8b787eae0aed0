/** Parsers for the value spellings found in real extracts. Each returns undefined when unreadable. */

export type JenisKelamin = 'L' | 'P';

const SEX: Record<string, JenisKelamin> = {
  l: 'L', lk: 'L', laki: 'L', lakilaki: 'L', pria: 'L', m: 'L', '1': 'L',
  p: 'P', pr: 'P', perempuan: 'P', wanita: 'P', f: 'P', w: 'P', '2': 'P',
};

export function parseJenisKelamin(raw: string): JenisKelamin | undefined {
  return SEX[raw.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined; // 31-02 and the like
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD (a time part is ignored) → YYYY-MM-DD. */
export function parseTanggal(raw: string): string | undefined {
  const value = raw.trim().split(/[ T]/, 1)[0] ?? '';
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Desil: an integer 1–10. "" → null (unknown); anything else unreadable → undefined. */
export function parseDesil(raw: string): number | null | undefined {
  const value = raw.trim();
  if (value === '') return null;
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 10 ? n : undefined;
}

/** Yes/no flags: 1/0, ya/tidak, y/t, aktif/tidak aktif, ada/tidak ada, true/false; BDT's 2 means no. */
export function parseFlag(raw: string): boolean | undefined {
  const v = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
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

export function parseHubunganKeluarga(raw: string): string | null {
  const v = raw.trim();
  if (v === '') return null;
  return HUBUNGAN[v.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? v.toLowerCase();
}
