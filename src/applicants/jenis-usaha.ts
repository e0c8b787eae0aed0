/** The six business packages of UEP, as stored (codes) and as people write them (labels). */
export const JENIS_USAHA = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'] as const;
export type JenisUsaha = (typeof JENIS_USAHA)[number];

/**
 * How registration forms spell the six types (read by the import, and written by the sample
 * generator). Not for people to read: uep shows types with jenisLabel (the catalogue, both languages).
 */
export const JENIS_USAHA_LABEL: Record<JenisUsaha, string> = {
  makanan: 'Makanan',
  minuman: 'Minuman',
  gorengan: 'Gorengan',
  ternak_ayam: 'Ternak Ayam',
  pengolahan_kue: 'Pengolahan Kue',
  bengkel: 'Bengkel',
};

/** Spellings seen on registration forms beyond the code and the label. */
const ALSO: Record<string, JenisUsaha> = {
  usahamakanan: 'makanan', warungmakan: 'makanan', kuliner: 'makanan',
  usahaminuman: 'minuman', es: 'minuman',
  usahagorengan: 'gorengan',
  ternak: 'ternak_ayam', peternakanayam: 'ternak_ayam', ayam: 'ternak_ayam', beternakayam: 'ternak_ayam',
  kue: 'pengolahan_kue', olahankue: 'pengolahan_kue', pembuatankue: 'pengolahan_kue', kuekue: 'pengolahan_kue',
  bengkelmotor: 'bengkel', bengkelsepedamotor: 'bengkel', bengkelsepeda: 'bengkel',
};

const key = (raw: string) => raw.toLowerCase().replace(/[^a-z]/g, '');
const BY_KEY = new Map<string, JenisUsaha>([
  ...JENIS_USAHA.map((j) => [key(j), j] as const),
  ...JENIS_USAHA.map((j) => [key(JENIS_USAHA_LABEL[j]), j] as const),
  ...Object.entries(ALSO),
]);

/** "Ternak Ayam", "ternak_ayam", "PENGOLAHAN KUE" → the code; undefined when not one of the six. */
export function parseJenisUsaha(raw: string): JenisUsaha | undefined {
  return BY_KEY.get(key(raw));
}

export function isJenisUsaha(value: unknown): value is JenisUsaha {
  return typeof value === 'string' && (JENIS_USAHA as readonly string[]).includes(value);
}
