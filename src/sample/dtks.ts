import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { foreignNames, NIK_CAPACITY, personHousehold, regency, REGENCIES, syntheticPerson, village, type Person } from './people.js';
import { Random, weightedPicker } from './random.js';

/**
 * Writes a synthetic DTKS (or older BDT-style) extract, streaming, with a seeded share of the dirt
 * real extracts have. Row i of the file is person startIndex + i (skipping people outside
 * onlyKabupaten); whether and how a row is dirty is a function of (seed, index) alone, see dtksRowFate.
 */

export const REJECT_KINDS = ['nik_scientific', 'nik_format', 'nik_missing', 'nik_date', 'nama_missing', 'region_unknown', 'desil_invalid', 'nik_duplicate'] as const;
export const WARNING_KINDS = ['sex_mismatch', 'birthdate_mismatch', 'kecamatan_unknown', 'desa_unknown', 'tanggal_lahir_invalid', 'nik_outside_province'] as const;
export type RejectKind = (typeof REJECT_KINDS)[number];
export type WarningKind = (typeof WARNING_KINDS)[number];
export type DirtKind = RejectKind | WarningKind;
export const DIRT_KINDS: readonly DirtKind[] = [...REJECT_KINDS, ...WARNING_KINDS];

export const DEFAULT_DIRT = 0.03;

export const DTKS_HEADER = ['NIK', 'NO KK', 'NAMA LENGKAP', 'JENIS KELAMIN', 'TGL LAHIR', 'ALAMAT', 'KABUPATEN/KOTA', 'KECAMATAN', 'DESA/KELURAHAN', 'DESIL NASIONAL', 'HUBUNGAN_KELUARGA', 'STATUS_PKH', 'PEKERJAAN', 'DISABILITAS', 'LANSIA', 'NO_HP', 'KETERANGAN'];
export const BDT_HEADER = ['KDPROP', 'KDKAB', 'KDKEC', 'KDDESA', 'NIK', 'NoKK', 'Nama', 'JnsKel', 'TglLahir', 'Alamat', 'Hub_KRT', 'Ada_pkh', 'DESIL', 'Pekerjaan'];

export interface DtksOptions {
  rows: number;
  seed: number;
  style?: 'dtks' | 'bdt';
  /** Fraction of rows given one kind of dirt; default 0.03, 0 = clean. */
  dirt?: number;
  startIndex?: number;
  /** Kemendagri regency codes; people living elsewhere are skipped. */
  onlyKabupaten?: string[];
}

export interface DtksResult {
  rows: number;
  bytes: number;
  /** Rows per kind, every kind present (0 when none). nik_outside_province counts the ~3% of people
   * whose documents come from another province: they are there even when dirt is 0. */
  dirty: Record<DirtKind, number>;
}

/** Dirt assigned to a row: never nik_outside_province, which is a fact of the person, not dirt. */
export interface RowFate {
  kind: Exclude<DirtKind, 'nik_outside_province'> | null;
  /** For nik_duplicate: the earlier (clean) index whose person the row repeats. */
  source?: number;
}

type Assignable = Exclude<DirtKind, 'nik_outside_province'>;
const ASSIGNABLE: Assignable[] = ['nik_scientific', 'nik_format', 'nik_missing', 'nik_date', 'nama_missing', 'region_unknown', 'desil_invalid', 'nik_duplicate', 'sex_mismatch', 'birthdate_mismatch', 'kecamatan_unknown', 'desa_unknown', 'tanggal_lahir_invalid'];
const pickKind = weightedPicker(ASSIGNABLE, [2, 1.5, 1, 1, 1, 1, 1, 1.5, 1, 1, 1, 1, 1]);
const REJECTS = new Set<string>(REJECT_KINDS);
const SALT_DIRT = 0xd1a7;
const SALT_ROW = 0x120e;

export function isReject(kind: DirtKind | null): boolean {
  return kind !== null && REJECTS.has(kind);
}

function assigned(seed: number, index: number, dirt: number): Assignable | null {
  if (dirt <= 0) return null;
  const rng = Random.for(seed, index, SALT_DIRT);
  return rng.next() < dirt ? pickKind(rng) : null;
}

/**
 * What the writer does with the person at `index` (same seed, dirt, startIndex and onlyKabupaten as
 * the file). People with documents from another province never get dirt (they are counted as
 * nik_outside_province only); a duplicate repeats an earlier row that is itself clean.
 */
export function dtksRowFate(seed: number, index: number, options: { dirt?: number; startIndex?: number; onlyKabupaten?: readonly string[] } = {}): RowFate {
  const dirt = options.dirt ?? DEFAULT_DIRT;
  const kind = assigned(seed, index, dirt);
  if (kind === null) return { kind: null };
  const home = personHousehold(seed, index);
  if (home.outsideProvince) return { kind: null };
  if (kind === 'kecamatan_unknown' && !home.village.uniqueInRegency) return { kind: null };
  if (kind !== 'nik_duplicate') return { kind };
  const start = options.startIndex ?? 0;
  const only = options.onlyKabupaten;
  const span = Math.min(index - start, 2000);
  if (span <= 0) return { kind: null };
  const rng = Random.for(seed, index, SALT_DIRT, 1);
  let j = index - 1 - Math.floor(rng.next() * span);
  for (let tries = 0; j >= start && tries < 20000; j--, tries++) {
    const h = personHousehold(seed, j);
    if (h.outsideProvince || (only && !only.includes(h.village.kabupaten))) continue;
    if (assigned(seed, j, dirt) === null) return { kind, source: j };
  }
  return { kind: null };
}

// ---------------------------------------------------------------- cells

const KETERANGAN = ['verval 2024', 'usulan baru', 'data lama', 'pindah RT', 'cek lapangan'];
const HUB_KRT: Record<Person['hubungan_keluarga'], string> = {
  'kepala keluarga': '1', istri: '2', suami: '2', anak: '3', menantu: '4', cucu: '5', 'orang tua': '6', pembantu: '7', 'famili lain': '8',
};

const foreign = new Map<string, string[]>();
function foreignName(rng: Random, kabupaten: string, what: 'kecamatan' | 'desa'): string {
  const key = `${kabupaten}|${what}`;
  let names = foreign.get(key);
  if (!names) foreign.set(key, (names = foreignNames(kabupaten, what)));
  return rng.pick(names);
}

function formatDate(iso: string, rng: Random, formats: readonly string[]): string {
  const f = rng.pick(formats);
  return f === 'iso' ? iso : iso.slice(8, 10) + f + iso.slice(5, 7) + f + iso.slice(0, 4);
}

/** Another valid date: a different day (1–28) or an earlier year, so DDMMYY no longer matches the NIK. */
function otherDate(iso: string, rng: Random): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (rng.chance(0.5) && !(m === 2 && d === 29)) return `${y - rng.int(1, 3)}-${iso.slice(5)}`;
  const day = d <= 28 ? ((d - 1 + rng.int(1, 27)) % 28) + 1 : rng.int(1, 28);
  return `${iso.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

function dirtyNik(nik: string, kind: Assignable | null, rng: Random): string {
  switch (kind) {
    case 'nik_scientific': {
      const [mantissa] = Number(nik).toPrecision(6).split('e');
      const m = mantissa!.replace(/\.?0+$/, '');
      return `${rng.chance(0.5) ? m : m.replace('.', ',')}E+15`;
    }
    case 'nik_format': {
      const x = rng.int(0, 3);
      if (x === 0) return nik.slice(0, 15);
      if (x === 1) return nik + rng.digits(1);
      if (x === 2) return `${nik.slice(0, 4)}********${nik.slice(12)}`;
      const at = rng.int(4, 15);
      return `${nik.slice(0, at)}O${nik.slice(at + 1)}`;
    }
    case 'nik_missing':
      return '';
    case 'nik_date': {
      const women = Number(nik.slice(6, 8)) > 40 ? 40 : 0;
      const x = rng.int(0, 2);
      if (x === 0) return `${nik.slice(0, 8)}13${nik.slice(10)}`;
      if (x === 1) return `${nik.slice(0, 8)}00${nik.slice(10)}`;
      return `${nik.slice(0, 6)}${35 + women}${nik.slice(8)}`;
    }
    default:
      return nik;
  }
}

function invalidDate(iso: string, rng: Random): string {
  return rng.pick([`31-02-${iso.slice(0, 4)}`, `30-02-${iso.slice(0, 4)}`, 'kemarin']);
}

function dtksCells(p: Person, kind: Assignable | null, rng: Random): string[] {
  const kab = regency(p.kabupaten);
  const v = village(p.kode_desa);
  const variant = (name: string, prefix: string) => {
    const x = rng.next();
    return x < 0.18 ? name.toUpperCase() : x < 0.22 ? prefix + name : name;
  };
  let sex = p.jenis_kelamin;
  if (kind === 'sex_mismatch') sex = sex === 'L' ? 'P' : 'L';
  const longSex = rng.chance(0.3);
  const flag = (b: boolean) => (b ? 'YA' : 'TIDAK');
  let tanggal = formatDate(kind === 'birthdate_mismatch' ? otherDate(p.tanggal_lahir, rng) : p.tanggal_lahir, rng, ['-', '-', '/', 'iso']);
  if (kind === 'tanggal_lahir_invalid') tanggal = invalidDate(p.tanggal_lahir, rng);
  let kabupaten = rng.pick(kab.spellings);
  if (kind === 'region_unknown') kabupaten = rng.pick(['Jakarta Selatan', 'JAKARTA SELATAN', '']);
  const kecamatan = kind === 'kecamatan_unknown' ? foreignName(rng, p.kabupaten, 'kecamatan') : variant(p.kecamatan, 'Kec. ');
  const desa = kind === 'desa_unknown' ? foreignName(rng, p.kabupaten, 'desa') : kind === 'kecamatan_unknown' ? p.desa : variant(p.desa, v.kelurahan ? 'Kel. ' : 'Desa ');
  const upper = rng.chance(0.45);
  const pkh = rng.chance(0.6) ? flag(p.pkh) : p.pkh ? '1' : '0';
  return [
    dirtyNik(p.nik, kind, rng),
    p.no_kk,
    kind === 'nama_missing' ? '' : upper ? p.nama.toUpperCase() : p.nama,
    longSex ? (sex === 'L' ? 'LAKI-LAKI' : 'PEREMPUAN') : sex,
    tanggal,
    p.alamat,
    kabupaten,
    kecamatan,
    desa,
    kind === 'desil_invalid' ? rng.pick(['11', 'x', '0']) : String(p.desil),
    p.hubungan_keluarga.toUpperCase(),
    pkh,
    p.pekerjaan,
    flag(p.disabilitas),
    flag(p.lansia),
    p.no_hp,
    rng.chance(0.1) ? rng.pick(KETERANGAN) : '',
  ];
}

function bdtCells(p: Person, kind: Assignable | null, rng: Random): string[] {
  const v = village(p.kode_desa);
  let kdprop = '64';
  let kdkab = regency(p.kabupaten).bps.slice(2);
  if (kind === 'region_unknown') [kdprop, kdkab] = rng.chance(0.5) ? ['31', '74'] : ['64', ''];
  let sex = p.jenis_kelamin;
  if (kind === 'sex_mismatch') sex = sex === 'L' ? 'P' : 'L';
  let tanggal = formatDate(kind === 'birthdate_mismatch' ? otherDate(p.tanggal_lahir, rng) : p.tanggal_lahir, rng, ['/', 'iso']);
  if (kind === 'tanggal_lahir_invalid') tanggal = invalidDate(p.tanggal_lahir, rng);
  return [
    kdprop,
    kdkab,
    v.bpsKecamatan.slice(4),
    v.bpsDesa.slice(7),
    dirtyNik(p.nik, kind, rng),
    p.no_kk,
    kind === 'nama_missing' ? '' : rng.chance(0.85) ? p.nama.toUpperCase() : p.nama,
    sex === 'L' ? '1' : '2',
    tanggal,
    rng.chance(0.5) ? p.alamat.toUpperCase() : p.alamat,
    HUB_KRT[p.hubungan_keluarga],
    p.pkh ? '1' : '0',
    kind === 'desil_invalid' ? rng.pick(['11', 'x', '0']) : String(p.desil),
    p.pekerjaan,
  ];
}

// ---------------------------------------------------------------- writing

/** RFC 4180 quoting: only fields holding the delimiter, a quote or a line break. */
const SPECIAL: Record<string, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/, '|': /["|\r\n]/ };

export function csvLine(fields: readonly string[], delimiter: string, eol: string): string {
  const special = SPECIAL[delimiter];
  if (!special) throw new RangeError(`unsupported delimiter ${JSON.stringify(delimiter)}`);
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i > 0) line += delimiter;
    line += special.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }
  return line + eol;
}

/** Streams string chunks to a file with back-pressure; returns the bytes written. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  let bytes = 0;
  function* counted() {
    for (const c of chunks) {
      const b = Buffer.from(c, 'utf8'); // encoded once, here: counting bytes costs nothing more
      bytes += b.length;
      yield b;
    }
  }
  await pipeline(Readable.from(counted()), createWriteStream(path, { highWaterMark: 1 << 20 }));
  return bytes;
}

const CHUNK_CHARS = 1 << 16;

export async function writeDtksCsv(path: string, options: DtksOptions): Promise<DtksResult> {
  const { rows, seed } = options;
  const style = options.style ?? 'dtks';
  const dirt = options.dirt ?? DEFAULT_DIRT;
  const start = options.startIndex ?? 0;
  const only = options.onlyKabupaten;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`startIndex must be a non-negative integer, got ${start}`);
  if (!(dirt >= 0 && dirt <= 1)) throw new RangeError(`dirt must be between 0 and 1, got ${dirt}`);
  if (style !== 'dtks' && style !== 'bdt') throw new RangeError(`style must be 'dtks' or 'bdt', got ${String(style)}`);
  for (const k of only ?? []) if (!REGENCIES.some((r) => r.kode === k)) throw new RangeError(`onlyKabupaten: ${k} is not a Kemendagri regency code of Kalimantan Timur`);
  if (only && only.length === 0 && rows > 0) throw new RangeError('onlyKabupaten is empty');

  const delimiter = style === 'bdt' ? ';' : ',';
  const eol = style === 'bdt' ? '\r\n' : '\n';
  const dirty = Object.fromEntries(DIRT_KINDS.map((k) => [k, 0])) as Record<DirtKind, number>;
  let written = 0;

  function* chunks(): Generator<string> {
    let buf = (style === 'bdt' ? '\uFEFF' : '') + csvLine(style === 'bdt' ? BDT_HEADER : DTKS_HEADER, delimiter, eol);
    for (let index = start; written < rows; index++) {
      if (index >= NIK_CAPACITY) throw new RangeError(`index ${index} is beyond the ${NIK_CAPACITY} people with unique NIKs`);
      if (only && !only.includes(personHousehold(seed, index).village.kabupaten)) continue;
      const fate = dtksRowFate(seed, index, { dirt, startIndex: start, onlyKabupaten: only });
      const person = syntheticPerson(seed, fate.source ?? index);
      const rng = Random.for(seed, index, SALT_ROW);
      let kind = fate.kind;
      // BDT has only KDKEC/KDDESA codes, which the importer keeps as extra columns: no such warnings.
      if (style === 'bdt' && (kind === 'kecamatan_unknown' || kind === 'desa_unknown')) kind = null;
      const cells = style === 'bdt' ? bdtCells(person, kind, rng) : dtksCells(person, kind, rng);
      if (kind) dirty[kind]++;
      else if (person.nik_luar_provinsi) dirty.nik_outside_province++;
      buf += csvLine(cells, delimiter, eol);
      written++;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }

  const bytes = await writeChunks(path, chunks());
  return { rows: written, bytes, dirty };
}
