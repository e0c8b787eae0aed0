/**
 * Candidate pairs of likely duplicates among the persons of the registry, without comparing all
 * pairs. Each person gets a few blocking keys; only people sharing a key are compared:
 * - `d:` the desa and birth year (titles, spellings, swapped names, NIK typos within a village);
 * - `n:` the birth date and each of the two longest name tokens (a family that moved: another
 *   desa, another NIK, the same name and birth date);
 * - `a:` the NIK's first 12 digits, `b:` its last 10 (a slip in the serial, or in the region
 *   code: two NIKs one digit apart share one of the two).
 * A block larger than MAX_BLOCK (a city ward's popular birth year) is searched by sorted
 * neighbourhood instead: its people sorted by name, each compared with the next WINDOW.
 *
 * The persons are read once into columns of numbers (people-table.ts, ~70 bytes a person); the
 * keys are hashed and packed with the person's id into one typed array (8 bytes a key) and
 * sorted there; how common each name is comes from a count-min sketch (two 8 MB arrays).
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { comparePersons, type PersonRecord } from './compare.js';
import { nameKeys } from './names.js';
import { readPeople } from './people-table.js';
import { DEFAULT_MIN_SCORE, type PairReason } from './reasons.js';

export const MAX_BLOCK = 400;
export const WINDOW = 25;
/** Ids take the low 23 bits of a packed key (see pack). */
export const MAX_PERSONS = 2 ** 23 - 1;

export interface ScanOptions {
  /** Only pairs in which at least one record applied in this year. */
  tahun?: number;
  minScore?: number;
  signal?: AbortSignal;
}

export interface FoundPair {
  nik_a: string;
  nik_b: string;
  score: number;
  reasons: PairReason[];
}

export interface ScanStats {
  persons: number;
  keys: number;
  /** Blocks of two or more people that were compared. */
  blocks: number;
  /** Blocks searched by sorted neighbourhood (over MAX_BLOCK people). */
  large_blocks: number;
  comparisons: number;
}

export interface ScanResult extends ScanStats {
  pairs: FoundPair[];
}

/** FNV-1a, 32 bits. */
function fnv(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A key and a person id in one exactly representable number: 30 bits of hash above 23 bits of id. */
const pack = (key: string, id: number) => (fnv(key) >>> 2) * 2 ** 23 + id;
const hashOf = (packed: number) => Math.floor(packed / 2 ** 23);
const idOf = (packed: number) => packed % 2 ** 23;

/** How many carry a name, never under-counted (a count-min sketch: the smaller of two hashed counters). */
class NameCounts {
  private readonly a = new Uint16Array(1 << 22);
  private readonly b = new Uint16Array(1 << 22);
  add(name: string): void {
    const i = fnv(name) >>> 10;
    const j = fnv(name, 0x9747b28c) >>> 10;
    if (this.a[i]! < 0xffff) this.a[i]!++;
    if (this.b[j]! < 0xffff) this.b[j]!++;
  }
  get = (name: string): number => Math.min(this.a[fnv(name) >>> 10]!, this.b[fnv(name, 0x9747b28c) >>> 10]!);
}

/** A growable Float64Array of packed keys. */
class Keys {
  data = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.data.subarray(0, this.length).sort();
  }
}

export class ScanInterrupted extends UepError {
  override readonly exitCode = 130;
  constructor() {
    super(t('review:scan.interrupted'));
  }
}

/** Finds the candidate pairs scoring at least minScore. Reads the database; writes nothing. */
export function scanDuplicates(db: Db, options: ScanOptions = {}, now: Date = new Date()): ScanResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const onlyApplicants = options.tahun !== undefined;
  const names = new NameCounts();
  const keys = new Keys();
  const people = readPeople(db, options.tahun, now.getFullYear(), ({ id, nik, tokens, lahir, desa }) => {
    names.add(tokens.length > 1 ? [...tokens].sort().join(' ') : tokens.join(' '));
    keys.push(pack(`a:${nik.slice(0, 12)}`, id));
    keys.push(pack(`b:${nik.slice(6)}`, id));
    if (lahir !== null) {
      if (desa !== null) keys.push(pack(`d:${desa}:${Math.floor(lahir / 10000)}`, id));
      for (const k of nameKeys(tokens)) keys.push(pack(`n:${lahir}:${k}`, id));
    }
  });
  if (people.size > MAX_PERSONS) throw new UepError(t('review:scan.over_limit', { n: people.size, max: MAX_PERSONS }));
  const sorted = keys.sorted();
  const stats: ScanStats = { persons: people.size, keys: sorted.length, blocks: 0, large_blocks: 0, comparisons: 0 };
  const found = new Map<string, FoundPair>();
  const applicant = people.applicant;

  const consider = (x: PersonRecord, y: PersonRecord, xa: boolean, ya: boolean) => {
    if (onlyApplicants && !xa && !ya) return;
    stats.comparisons++;
    const s = comparePersons(x, y);
    if (!s || s.score < minScore) return;
    const [a, b] = x.nik < y.nik ? [x, y] : [y, x];
    const id = `${a.nik}:${b.nik}`;
    if (!found.has(id)) found.set(id, { nik_a: a.nik, nik_b: b.nik, score: s.score, reasons: s.reasons });
  };
  /**
   * A block: only people whose names share a token head (first two letters) can match, so pairs
   * are taken within each head's list, and a person is rebuilt only when they are in such a pair.
   * Over MAX_BLOCK people, each head's list is searched by sorted neighbourhood instead.
   */
  const block = (ids: number[]) => {
    if (ids.length < 2 || (onlyApplicants && !ids.some((id) => applicant[id] === 1))) return;
    stats.blocks++;
    const byHead = new Map<number, number[]>();
    ids.forEach((id, i) => {
      for (const h of new Set(people.heads(id))) {
        const list = byHead.get(h);
        if (list) list.push(i);
        else byHead.set(h, [i]);
      }
    });
    const large = ids.length > MAX_BLOCK;
    if (large) stats.large_blocks++;
    const records: (PersonRecord | undefined)[] = new Array(ids.length);
    const rec = (i: number) => (records[i] ??= people.record(ids[i]!, names.get));
    const done = new Set<number>();
    for (const list of byHead.values()) {
      if (list.length < 2) continue;
      if (large) list.sort((x, y) => (rec(x).name.sorted < rec(y).name.sorted ? -1 : rec(x).name.sorted > rec(y).name.sorted ? 1 : 0));
      for (let p = 0; p < list.length; p++) {
        const end = large ? Math.min(list.length, p + 1 + WINDOW) : list.length;
        for (let q = p + 1; q < end; q++) {
          const [i, j] = list[p]! < list[q]! ? [list[p]!, list[q]!] : [list[q]!, list[p]!];
          const pair = i * ids.length + j;
          if (done.has(pair)) continue;
          done.add(pair);
          consider(rec(i), rec(j), applicant[ids[i]!] === 1, applicant[ids[j]!] === 1);
        }
      }
    }
  };
  for (let i = 0; i < sorted.length;) {
    const h = hashOf(sorted[i]!);
    let j = i + 1;
    while (j < sorted.length && hashOf(sorted[j]!) === h) j++;
    if (j - i >= 2) {
      // Two keys of one person may hash alike: each person once per block.
      block([...new Set(Array.from(sorted.subarray(i, j), idOf))]);
      if (options.signal?.aborted) throw new ScanInterrupted();
    }
    i = j;
  }
  const pairs = [...found.values()].sort((x, y) => y.score - x.score || (x.nik_a < y.nik_a ? -1 : x.nik_a > y.nik_a ? 1 : x.nik_b < y.nik_b ? -1 : 1));
  return { ...stats, pairs };
}
