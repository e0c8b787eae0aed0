/**
 * Who gets a package, in two passes over the order of merit (best first, all regencies merged):
 * 1. selection: the best applicants of each regency up to its quota, at most one per family card
 *    (no_kk) across the whole allocation — a family member of someone already selected, in any
 *    regency, is skipped (`same_kk`) and the next applicant takes the place;
 * 2. waitlist: the next best of each regency, up to its waitlist size, one per family.
 * Merging the regencies' rankings by merit means a family spread over two regencies keeps its
 * best-ranked member, whatever the order of the regency codes.
 */
import type { PoolRow, ResultRow } from './types.js';

export interface SelectionInput {
  /** The pool in order of merit (meritOrder). */
  ordered: readonly PoolRow[];
  /** Rank in its regency of each row of `ordered` (regencyRanks). */
  ranks: Int32Array;
  quotas: ReadonlyMap<string, number>;
  waitlistSize: (kode: string, quota: number) => number;
  paket: Readonly<Record<string, number>>;
}

/** Results in order of merit; regencies without a quota entry are outside the allocation. */
export function selectBeneficiaries(input: SelectionInput): ResultRow[] {
  const { ordered, ranks, quotas, paket } = input;
  const selectedKk = new Set<string>();
  const selected = new Map<string, number>();
  const results: ResultRow[] = ordered.map((row, i) => ({
    application_id: row.application_id,
    nik: row.nik,
    kode_kabupaten: row.kode_kabupaten,
    rank: ranks[i]!,
    outcome: 'not_selected',
    reason: quotas.has(row.kode_kabupaten) ? 'below_cutoff' : 'region_not_in_weights',
    jenis_usaha: row.jenis_usaha,
    package_value: paket[row.jenis_usaha]!,
    total_score: row.total_score,
    waitlist_pos: null,
  }));
  const kk = (row: PoolRow) => (row.no_kk && row.no_kk.trim() !== '' ? row.no_kk : undefined);

  // A family member is `skipped` only where they would otherwise have had the place: lower down
  // they are simply below the cut-off.
  ordered.forEach((row, i) => {
    const quota = quotas.get(row.kode_kabupaten);
    const n = selected.get(row.kode_kabupaten) ?? 0;
    if (quota === undefined || n >= quota) return;
    const family = kk(row);
    if (family !== undefined && selectedKk.has(family)) {
      results[i]!.outcome = 'skipped';
      results[i]!.reason = 'same_kk';
      return;
    }
    selected.set(row.kode_kabupaten, n + 1);
    if (family !== undefined) selectedKk.add(family);
    results[i]!.outcome = 'selected';
    results[i]!.reason = 'quota';
  });

  const waitlistedKk = new Set<string>();
  const waitlisted = new Map<string, number>();
  ordered.forEach((row, i) => {
    const r = results[i]!;
    if (r.outcome !== 'not_selected' || r.reason !== 'below_cutoff') return;
    const n = waitlisted.get(row.kode_kabupaten) ?? 0;
    if (n >= input.waitlistSize(row.kode_kabupaten, quotas.get(row.kode_kabupaten)!)) return;
    const family = kk(row);
    if (family !== undefined && (selectedKk.has(family) || waitlistedKk.has(family))) {
      r.outcome = 'skipped';
      r.reason = selectedKk.has(family) ? 'same_kk' : 'same_kk_waitlist';
      return;
    }
    waitlisted.set(row.kode_kabupaten, n + 1);
    if (family !== undefined) waitlistedKk.add(family);
    r.outcome = 'waitlist';
    r.reason = 'waitlist';
    r.waitlist_pos = n + 1;
  });
  return results;
}
