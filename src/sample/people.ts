import { hash32, Random, weightedPicker } from './random.js';
import { type Etnis, ETNIS, GIVEN, personName } from './names.js';
import { type Village, POPULATION, REGENCIES, VILLAGES_BY_REGENCY } from './geo.js';
export { REGENCIES, foreignNames, regency, village, regionKey, VILLAGES_BY_REGENCY } from './geo.js';
export type { Regency, Village } from './geo.js';

/**
 * Synthetic people of Kalimantan Timur: deterministic per (seed, index), so every generator (DTKS,
 * PKH, applicants) can refer to the same person by index without keeping anyone in memory.
 * Nobody here is real; only the region names are (from data/regions/).
 *
 * Families: indices come in blocks of ten, each split into families of 1–5 consecutive people
 * sharing a KK, region and address; the first of a family is the kepala keluarga.
 * NIKs are unique for index < NIK_CAPACITY (see serial() and snapDay() below).
 */

export type Hubungan = 'kepala keluarga' | 'istri' | 'suami' | 'anak' | 'menantu' | 'cucu' | 'orang tua' | 'pembantu' | 'famili lain';

export interface Person {
  index: number;
  nik: string;
  no_kk: string;
  nama: string;
  jenis_kelamin: 'L' | 'P';
  /** YYYY-MM-DD */
  tanggal_lahir: string;
  alamat: string;
  /** Kemendagri code of the residence regency (not necessarily the NIK's, see nik_luar_provinsi). */
  kabupaten: string;
  kecamatan: string;
  kode_kecamatan: string;
  desa: string;
  kode_desa: string;
  desil: number;
  hubungan_keluarga: Hubungan;
  /** The family's PKH membership (a household programme). */
  pkh: boolean;
  pekerjaan: string;
  disabilitas: boolean;
  /** 60 or older on the reference date, 1 January 2025. */
  lansia: boolean;
  /** '' when none. */
  no_hp: string;
  /** The NIK and KK were issued in another province (about 3% of families). */
  nik_luar_provinsi: boolean;
  /** Index of the kepala keluarga and the family size. */
  kk_index: number;
  kk_size: number;
}

// ---------------------------------------------------------------- dates

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const REFERENCE_DAY = daysFromCivil(2025, 1, 1);
const OLDEST = daysFromCivil(1935, 1, 1); // under 100 years: DDMMYY stays unambiguous
const YOUNGEST = daysFromCivil(2024, 12, 31);
const LANSIA_BORN_BY = daysFromCivil(1965, 1, 1);

const ZEROS = '0000000000';
const pad = (n: number, width: number) => {
  const s = String(n);
  return s.length >= width ? s : ZEROS.slice(0, width - s.length) + s;
};

/**
 * Uniqueness by construction: the serial encodes index mod 9999 (scrambled) and the birth date's
 * day number, mod 1024, encodes floor(index / 9999) (plus a hash of the serial, to spread dates), so
 * two indices below NIK_CAPACITY never share region, date and serial. Dates move by ±512 days at most.
 */
const DATE_MODULUS = 1024;
export const NIK_CAPACITY = 9999 * DATE_MODULUS;

let serialSeed = NaN;
let serialOffset = 0;

function serial(seed: number, n: number): string {
  if (seed !== serialSeed) [serialSeed, serialOffset] = [seed, hash32(seed, 0x5e1a1) % 9999];
  return pad(((n % 9999) * 7919 + serialOffset) % 9999 + 1, 4);
}

function snapDay(seed: number, target: number, n: number, lo: number, hi: number): number {
  // Any function of n mod 9999 (the serial) may be added: the pair still determines n.
  const want = (Math.floor(n / 9999) + hash32(seed, n % 9999, 0xda7e)) % DATE_MODULUS;
  let d = target - ((((target - want) % DATE_MODULUS) + DATE_MODULUS) % DATE_MODULUS);
  if (target - d > DATE_MODULUS / 2) d += DATE_MODULUS;
  while (d > hi) d -= DATE_MODULUS;
  while (d < lo) d += DATE_MODULUS;
  return d;
}

function ddmmyy(days: number, plus: number): string {
  const [y, m, d] = civilFromDays(days);
  return pad(d + plus, 2) + pad(m, 2) + pad(y % 100, 2);
}

// ---------------------------------------------------------------- families

const STREETS = ['Pangeran Antasari', 'Juanda', 'Jenderal Sudirman', 'Ahmad Yani', 'Slamet Riyadi', 'Cendana', 'Pangeran Suryanata', 'Gatot Subroto', 'MT Haryono', 'Soekarno-Hatta', 'Pramuka', 'Kadrie Oening', 'Mulawarman', 'Awang Long', 'Imam Bonjol', 'KH Wahid Hasyim', 'Dr. Sutomo', 'Pahlawan', 'Merdeka', 'Sultan Hasanuddin', 'Diponegoro', 'RE Martadinata', 'Letjen Suprapto', 'Padat Karya', 'Ruhui Rahayu', 'Siradj Salman', 'Anggrek', 'Kenanga', 'Flamboyan'];
const GANG = ['Damai', 'Mawar', 'Melati', 'Rukun', 'Sepakat', 'Harapan', 'Keluarga', 'Masjid', 'Langgar', 'Swadaya', 'Karya Bersama'];
const DUSUN = ['I', 'II', 'III', 'IV', 'Suka Maju', 'Sumber Rejo', 'Karya Jaya', 'Mekar Sari', 'Sido Mulyo', 'Tanjung'];
/** Where the ~3% of families with documents from another province come from, and who they are. */
const ORIGINS: [string, Etnis][] = [['6171', 'dayak'], ['3578', 'jawa'], ['3573', 'jawa'], ['6371', 'banjar'], ['6372', 'banjar'], ['7371', 'bugis'], ['7372', 'bugis']];

function address(rng: Random, v: Village): string {
  const rt = rng.int(1, 40);
  const n = rng.int(1, 120);
  const street = rng.pick(STREETS);
  const gang = rng.pick(GANG);
  const x = rng.next();
  if (x < 0.015) return `Gg. "${gang}" No. ${n} RT ${pad(rt, 2)}`;
  if (x < 0.02) return `Jl. ${street} No. ${n}\nRT ${pad(rt, 2)}`;
  if (x < 0.07) return `Jl. ${street}, Gg. ${gang} No. ${n}`;
  if (x < 0.1) return `Jl. ${street} No. ${n}, RT ${pad(rt, 2)}`;
  if (!v.kelurahan) {
    if (x < 0.45) return `Dusun ${rng.pick(DUSUN)} RT ${pad(rt, 2)}`;
    if (x < 0.75) return `Jl. Poros ${v.nama} KM ${rng.int(1, 40)} RT ${pad(rt, 2)}`;
  }
  if (x < 0.6) return `Jl. ${street} No. ${n} RT ${pad(rt, 2)}`;
  if (x < 0.8) return `Jl. ${street} RT ${pad(rt, 3)} RW ${pad(rng.int(1, 12), 3)}`;
  return `Gg. ${gang} No. ${n} RT ${pad(rt, 2)}`;
}

interface Family {
  seed: number;
  first: number;
  size: number;
  village: Village;
  luar: boolean;
  region6: string;
  etnis: Etnis;
  surname: string;
  desil: number;
  pkh: boolean;
  alamat: string;
  kepalaL: boolean;
  kepalaAge: number;
  spouse: boolean;
  noKk: string;
}

const pickRegency = weightedPicker(REGENCIES.map((r) => r.kode), REGENCIES.map((r) => POPULATION[r.kode] ?? 0));
const pickDesil = weightedPicker([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [20, 18, 16, 14, 8, 6, 5, 5, 4, 4]);
const pickKepalaAge = weightedPicker([[22, 29], [30, 39], [40, 49], [50, 59], [60, 69], [70, 86]], [12, 25, 25, 20, 12, 6]);
const pickSize = [1, 2, 3, 4, 5];
const sizeWeights = [10, 18, 26, 26, 20];
const pickFamilySize = weightedPicker(pickSize, sizeWeights);
/** Indices are split into families within blocks of this many. */
const GROUP = 10;
const ETNIS_WEIGHTS: Record<string, number[]> = { '6411': [5, 5, 8, 2, 80], '6407': [15, 10, 20, 10, 45], '6402': [25, 20, 25, 25, 5] };
const pickEtnis = new Map(REGENCIES.map((r) => [r.kode, weightedPicker(ETNIS, ETNIS_WEIGHTS[r.kode] ?? [28, 22, 30, 10, 10])]));

const SALT_GROUP = 0x67a0b1;
const SALT_FAMILY = 0xfa3111;
const SALT_PERSON = 0x9e450a;

let cache: Family | undefined;

function familyOf(seed: number, index: number): Family {
  if (cache && cache.seed === seed && index >= cache.first && index < cache.first + cache.size) return cache;
  const groupStart = index - (index % GROUP);
  const g = Random.for(seed, groupStart / GROUP, SALT_GROUP);
  let first = groupStart;
  let size = 0;
  for (;;) {
    const left = groupStart + GROUP - first;
    size = left === 1 ? 1 : left >= 5 ? pickFamilySize(g) : g.weighted(pickSize.slice(0, left), sizeWeights.slice(0, left));
    if (index < first + size) break;
    first += size;
  }
  const rng = Random.for(seed, first, SALT_FAMILY);
  const kab = pickRegency(rng);
  const village = rng.pick(VILLAGES_BY_REGENCY.get(kab)!);
  const luar = rng.chance(0.03);
  const origin = rng.pick(ORIGINS);
  const etnis = luar ? origin[1] : pickEtnis.get(kab)!(rng);
  const region6 = luar ? origin[0] + pad(rng.int(1, 15), 2) : village.kodeKecamatan;
  const desil = pickDesil(rng);
  const pkh = rng.chance(desil <= 2 ? 0.55 : desil <= 4 ? 0.35 : 0.1);
  const kepalaL = rng.chance(0.58);
  const [lo, hi] = pickKepalaAge(rng)!;
  const kepalaAge = rng.int(lo!, hi!);
  const issued = snapDay(seed, daysFromCivil(2008, 1, 1) + rng.int(0, 16 * 365), first, daysFromCivil(2005, 1, 1), YOUNGEST);
  cache = {
    seed, first, size, village, luar, region6, etnis, desil, pkh, kepalaL, kepalaAge,
    surname: rng.pick(GIVEN.dayak.second),
    alamat: address(rng, village),
    spouse: size > 1 && rng.chance(kepalaL ? 0.85 : 0.1),
    noKk: region6 + ddmmyy(issued, 0) + serial(seed, first),
  };
  return cache;
}

export interface Household {
  kk_index: number;
  kk_size: number;
  village: Village;
  /** NIKs and KK issued outside Kalimantan Timur. */
  outsideProvince: boolean;
  pkh: boolean;
  desil: number;
}

/** The household facts of a person, much cheaper than building the whole person. */
export function personHousehold(seed: number, index: number): Household {
  const f = familyOf(seed, index);
  return { kk_index: f.first, kk_size: f.size, village: f.village, outsideProvince: f.luar, pkh: f.pkh, desil: f.desil };
}

// ---------------------------------------------------------------- people

const pickRole = weightedPicker<Hubungan>(['anak', 'cucu', 'orang tua', 'menantu', 'famili lain', 'pembantu'], [78, 6, 5, 5, 5, 1]);
const pickWork = weightedPicker(
  ['PETANI/PEKEBUN', 'BURUH HARIAN LEPAS', 'WIRASWASTA', 'PEDAGANG', 'NELAYAN/PERIKANAN', 'KARYAWAN SWASTA', 'BURUH TANI/PERKEBUNAN', 'SOPIR', 'TUKANG KAYU', 'TUKANG BATU', 'KARYAWAN HONORER', 'BELUM/TIDAK BEKERJA'],
  [20, 18, 12, 8, 5, 8, 8, 3, 2, 3, 2, 8],
);
const HP_PREFIX = ['11', '12', '13', '21', '22', '52', '53', '57', '77', '78', '95', '96'];

function work(rng: Random, age: number, sex: 'L' | 'P'): string {
  if (age < 6) return 'BELUM/TIDAK BEKERJA';
  if (age <= 18) return rng.chance(0.9) ? 'PELAJAR/MAHASISWA' : 'BELUM/TIDAK BEKERJA';
  if (age <= 22 && rng.chance(0.25)) return 'PELAJAR/MAHASISWA';
  if (age >= 65 && rng.chance(0.5)) return rng.chance(0.1) ? 'PENSIUNAN' : 'BELUM/TIDAK BEKERJA';
  if (sex === 'P' && rng.chance(0.45)) return 'MENGURUS RUMAH TANGGA';
  return pickWork(rng);
}

export function syntheticPerson(seed: number, index: number): Person {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, got ${index}`);
  const f = familyOf(seed, index);
  const rng = Random.for(seed, index, SALT_PERSON);
  const pos = index - f.first;
  const k = f.kepalaAge;
  let role: Hubungan;
  let sex: 'L' | 'P';
  let age: number;
  let etnis = f.etnis;
  if (pos === 0) {
    role = 'kepala keluarga';
    sex = f.kepalaL ? 'L' : 'P';
    age = k;
  } else if (pos === 1 && f.spouse) {
    role = f.kepalaL ? 'istri' : 'suami';
    sex = f.kepalaL ? 'P' : 'L';
    age = Math.max(17, Math.min(88, k + (f.kepalaL ? rng.int(-10, 3) : rng.int(-3, 8))));
    if (rng.chance(0.2)) etnis = rng.pick(ETNIS);
  } else {
    role = pickRole(rng);
    if (role === 'cucu' && k < 45) role = 'anak';
    if (role === 'menantu' && k < 42) role = 'anak';
    if (role === 'orang tua' && k > 62) role = 'famili lain';
    age = role === 'anak' ? rng.int(0, Math.max(0, Math.min(k - 17, 45)))
      : role === 'cucu' ? rng.int(0, Math.min(k - 40, 20))
      : role === 'menantu' ? rng.int(18, k - 17)
      : role === 'orang tua' ? Math.min(88, k + rng.int(18, 30))
      : role === 'pembantu' ? rng.int(18, 55)
      : rng.int(5, 70);
    sex = rng.chance(role === 'orang tua' || role === 'menantu' ? 0.7 : 0.62) ? 'P' : 'L';
  }
  const born = snapDay(seed, REFERENCE_DAY - Math.floor(age * 365.25) - rng.int(1, 364), index, OLDEST, YOUNGEST);
  const [y, m, d] = civilFromDays(born);
  const realAge = Math.floor((REFERENCE_DAY - born) / 365.25);
  const v = f.village;
  return {
    index,
    nik: f.region6 + ddmmyy(born, sex === 'P' ? 40 : 0) + serial(seed, index),
    no_kk: f.noKk,
    nama: personName(rng, etnis, sex, realAge, f.surname),
    jenis_kelamin: sex,
    tanggal_lahir: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`,
    alamat: f.alamat,
    kabupaten: v.kabupaten,
    kecamatan: v.kecamatan,
    kode_kecamatan: v.kodeKecamatan,
    desa: v.nama,
    kode_desa: v.kode,
    desil: f.desil,
    hubungan_keluarga: role,
    pkh: f.pkh,
    pekerjaan: work(rng, realAge, sex),
    disabilitas: rng.chance(realAge >= 60 ? 0.06 : 0.02),
    lansia: born <= LANSIA_BORN_BY,
    no_hp: realAge >= 17 && rng.chance(0.55) ? `08${rng.pick(HP_PREFIX)}${pad(rng.int(0, 999999999), 9).slice(rng.int(0, 2))}` : '',
    nik_luar_provinsi: f.luar,
    kk_index: f.first,
    kk_size: f.size,
  };
}
