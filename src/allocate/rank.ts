/**
 * The order of merit: total score (higher first), then lower desil, then active PKH, then earlier
 * registration, then sha256(seed + ':' + nik) as hex text — a tie-break nobody can steer without
 * changing the published seed. Unknown desil or date rank after known ones.
 */
import { createHash } from 'node:crypto';
import type { PoolRow } from './types.js';

export function tieBreakHash(seed: string, nik: string): string {
  return createHash('sha256').update(`${seed}:${nik}`).digest('hex');
}

interface Keyed {
  row: PoolRow;
  hash: string;
}

function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return cmp(a, b);
}

const byNumber = (x: number, y: number) => x - y;
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function compareKeyed(a: Keyed, b: Keyed): number {
  const x = a.row;
  const y = b.row;
  return (
    y.total_score - x.total_score ||
    compareNullable(x.desil, y.desil, byNumber) ||
    Number(y.pkh) - Number(x.pkh) ||
    compareNullable(x.tanggal_daftar, y.tanggal_daftar, byText) ||
    byText(a.hash, b.hash) ||
    x.application_id - y.application_id
  );
}

/** The pool sorted by merit, best first. Restricted to one regency it is that regency's ranking. */
export function meritOrder(pool: readonly PoolRow[], seed: string): PoolRow[] {
  const keyed = pool.map((row) => ({ row, hash: tieBreakHash(seed, row.nik) }));
  keyed.sort(compareKeyed);
  return keyed.map((k) => k.row);
}

/** 1-based rank of every application within its regency, from a merit order. */
export function regencyRanks(ordered: readonly PoolRow[]): Map<number, number> {
  const seen = new Map<string, number>();
  const ranks = new Map<number, number>();
  for (const row of ordered) {
    const r = (seen.get(row.kode_kabupaten) ?? 0) + 1;
    seen.set(row.kode_kabupaten, r);
    ranks.set(row.application_id, r);
  }
  return ranks;
}
