/**
 * Regency quotas with re-apportionment: the method splits the slots; a regency that cannot use
 * its quota keeps what it can use, and the slots it releases are apportioned by the same method
 * (same weights) over the regencies that can still take more, round after round, until every
 * slot is placed or no regency can take any. Quotas only ever grow after the first round.
 */
import { apportion } from './apportion.js';
import { exactWeights } from './exact.js';
import type { AllocationParams, PlanTie, QuotaMove } from './types.js';

export interface QuotaResult {
  /** By Kemendagri code, in the order of params.regions. */
  initial: Map<string, number>;
  quotas: Map<string, number>;
  moves: QuotaMove[];
  ties: PlanTie[];
  unused: number;
}

type QuotaParams = Pick<AllocationParams, 'regions' | 'slots' | 'method' | 'min' | 'max'>;

/** `capacity`: how many slots each regency can use (distinct eligible families); absent = 0. */
export function regencyQuotas(params: QuotaParams, capacity: ReadonlyMap<string, number>): QuotaResult {
  const { regions, method } = params;
  const first = apportion(regions.map((r) => ({ region: r.kode, weight: r.weight })), params.slots, {
    method, min: params.min, max: params.max,
  });
  const quotas = new Map(first.rows.map((r) => [r.region, r.quota]));
  const initial = new Map(quotas);
  const ties: PlanTie[] = first.ties.map((t) => ({ ...t, round: 0 }));
  const cap = (kode: string) => Math.min(capacity.get(kode) ?? 0, params.max ?? Infinity);
  // A zero weight means "none here" to a proportional method: such regencies take no released slots.
  const exact = exactWeights(regions.map((r) => ({ region: r.kode, weight: r.weight })));
  const zero = new Set(regions.filter((_, i) => exact[i] === 0n).map((r) => r.kode));
  const canReceive = (r: { kode: string }) => method === 'equal' || !zero.has(r.kode);
  const moves: QuotaMove[] = [];
  let unused = 0;

  for (let round = 1; ; round++) {
    const capped = regions
      .filter((r) => quotas.get(r.kode)! > cap(r.kode))
      .map((r) => ({ kode: r.kode, quota: quotas.get(r.kode)!, capacity: cap(r.kode), released: quotas.get(r.kode)! - cap(r.kode) }));
    if (capped.length === 0) break;
    for (const c of capped) quotas.set(c.kode, c.capacity);
    const released = capped.reduce((s, c) => s + c.released, 0);
    const open = regions.filter((r) => quotas.get(r.kode)! < cap(r.kode) && canReceive(r));
    const move: QuotaMove = { round, capped, released, to: [], unused: 0 };
    if (open.length === 0) {
      move.unused = released;
      unused += released;
    } else {
      const next = apportion(open.map((r) => ({ region: r.kode, weight: r.weight })), released, { method });
      for (const row of next.rows) {
        if (row.quota === 0) continue;
        quotas.set(row.region, quotas.get(row.region)! + row.quota);
        move.to.push({ kode: row.region, slots: row.quota });
      }
      ties.push(...next.ties.map((t) => ({ ...t, round })));
    }
    moves.push(move);
  }
  return { initial, quotas, moves, ties, unused };
}
