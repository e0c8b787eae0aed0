/**
 * One pair of records, compared: the reasons they may be one person and the score those reasons
 * add up to (src/review/reasons.ts). A pure function of the two records; the scan
 * (src/review/scan.ts) decides which pairs are compared at all.
 */
import { nameSimilarity, type PreparedName } from './names.js';
import { PAIR_REASONS, type PairReason } from './reasons.js';

/** A person as the comparison sees them (the scan builds it from `persons`). */
export interface PersonRecord {
  nik: string;
  /** Family card; null when blank. */
  kk: string | null;
  /** The name's tokens (nameTokens), prepared. */
  name: PreparedName;
  /** How many persons of the registry carry this name (its tokens in any order); 1 when unknown. */
  nameCount: number;
  /** Birth date as YYYYMMDD, or null when unknown. */
  lahir: number | null;
  sex: 'L' | 'P' | null;
  /** The desa (its code, or an id standing for it); null when unknown. */
  desa: string | number | null;
  kecamatan: string | number | null;
  /** Address words (addressWords), or ids standing for them. */
  alamat: readonly (string | number)[];
}

export interface PairScore {
  score: number;
  reasons: PairReason[];
}

/** Positions at which two 16-digit numbers differ; 'transposed' for two neighbours swapped. */
export function digitDistance(a: string, b: string): number | 'transposed' {
  if (a.length !== b.length) return Infinity;
  const at: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      at.push(i);
      if (at.length > 2) return at.length;
    }
  }
  if (at.length === 2 && at[1] === at[0]! + 1 && a[at[0]!] === b[at[1]!] && a[at[1]!] === b[at[0]!]) return 'transposed';
  return at.length;
}

const ADDRESS_NOISE = new Set(['JL', 'JALAN', 'GG', 'GANG', 'NO', 'NOMOR', 'RT', 'RW', 'DUSUN', 'DSN', 'KM', 'BLOK', 'KEL', 'DESA', 'KEC']);

/** The words and numbers of an address that tell two addresses apart (RT 007 → 7). */
export function addressWords(raw: string | null): string[] {
  if (!raw) return [];
  const words = raw.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== '' && !ADDRESS_NOISE.has(w));
  return [...new Set(words.map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w)))];
}

function jaccard<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let both = 0;
  for (const w of b) if (set.has(w)) both++;
  return both / (a.length + b.length - both);
}

/** Near family-card numbers: one or two digits apart (typed twice, or a digit slipped). */
function kkNear(a: string, b: string): boolean {
  const d = digitDistance(a, b);
  return d === 'transposed' || (typeof d === 'number' && d >= 1 && d <= 2);
}

/**
 * The pair's reasons and score, or null when the names are not alike (below 0.8 after
 * normalisation): without a similar name nothing else makes two records one person.
 */
export function comparePersons(a: PersonRecord, b: PersonRecord): PairScore | null {
  if (a.nik === b.nik) return null;
  const name = nameSimilarity(a.name, b.name);
  if (!name.match) return null;
  const reasons: PairReason[] = [`name_${name.match}`];
  const namePoints = name.match === 'similar' ? PAIR_REASONS.name_similar + Math.round(((name.score - 0.8) / 0.2) * 15) : PAIR_REASONS[`name_${name.match}`];
  let score = namePoints;
  // A common name says less: others carrying it (the pair itself aside) take points back.
  const others = Math.max(a.nameCount, b.nameCount) - (a.name.sorted === b.name.sorted ? 2 : 1);
  if (others >= 1) {
    reasons.push('name_common');
    score -= Math.min(namePoints, Math.round(-PAIR_REASONS.name_common * Math.log2(others + 1)));
  }

  const add = (reason: PairReason) => {
    reasons.push(reason);
    score += PAIR_REASONS[reason];
  };
  if (a.lahir !== null && b.lahir !== null) {
    if (a.lahir === b.lahir) add('birth_date_equal');
    else if (Math.floor(a.lahir / 10000) === Math.floor(b.lahir / 10000)) add('birth_year_equal');
  }
  if (a.desa !== null && a.desa === b.desa) add('desa_equal');
  else if (a.kecamatan !== null && a.kecamatan === b.kecamatan) add('kecamatan_equal');
  const nik = digitDistance(a.nik, b.nik);
  if (nik === 'transposed') add('nik_transposed');
  else if (nik === 1) add('nik_one_digit');
  else if (nik === 2) add('nik_two_digits');
  if (a.kk !== null && b.kk !== null) {
    if (a.kk === b.kk) add(reasons.includes('birth_date_equal') && (name.match === 'similar' || name.match === 'partial') ? 'kk_twins' : 'kk_equal');
    else if (kkNear(a.kk, b.kk)) add('kk_near');
  }
  if (jaccard(a.alamat, b.alamat) >= 0.6) add('address_similar');
  if (a.sex !== null && b.sex !== null && a.sex !== b.sex) add('sex_differs');
  return { score: Math.max(0, Math.min(100, score)), reasons };
}
