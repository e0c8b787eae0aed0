/**
 * Regency quotas with re-apportionment. The method splits the slots; a regency that cannot use
 * its quota (fewer eligible families, or --max) is fixed at what it can use, and the slots left
 * are apportioned again by the same method, from scratch, over the regencies not fixed — round
 * after round until every quota fits or no regency can take more. The result is the method with
 * each regency's capacity as its upper bound; under a divisor method (and `equal`) no regency
 * ever loses slots in a round, and one more slot never takes a slot from anyone.
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
  const { regions, method, min, max } = params;
  const split = (over: readonly { kode: string; weight: string }[], slots: number) =>
    apportion(over.map((r) => ({ region: r.kode, weight: r.weight })), slots, { method, min, max });
  const first = split(regions, params.slots);
  const quotas = new Map(first.rows.map((r) => [r.region, r.quota]));
  const initial = new Map(quotas);
  const ties: PlanTie[] = first.ties.map((t) => ({ ...t, round: 0 }));
  const cap = (kode: string) => Math.min(capacity.get(kode) ?? 0, max ?? Infinity);
  // To a proportional method a zero weight means "nothing here beyond --min": never re-apportioned to.
  const exact = exactWeights(regions.map((r) => ({ region: r.kode, weight: r.weight })));
  const frozen = new Set(method === 'equal' ? [] : regions.filter((_, i) => exact[i] === 0n).map((r) => r.kode));
  const fixed = new Set<string>();
  const moves: QuotaMove[] = [];
  let unused = 0;

  for (let round = 1; ; round++) {
    const capped = regions
      .filter((r) => !fixed.has(r.kode) && quotas.get(r.kode)! > cap(r.kode))
      .map((r) => ({ kode: r.kode, quota: quotas.get(r.kode)!, capacity: cap(r.kode), released: quotas.get(r.kode)! - cap(r.kode) }));
    if (capped.length === 0) break;
    for (const c of capped) {
      fixed.add(c.kode);
      quotas.set(c.kode, c.capacity);
    }
    const rest = regions.filter((r) => !fixed.has(r.kode) && !frozen.has(r.kode));
    const before = new Map(rest.map((r) => [r.kode, quotas.get(r.kode)!]));
    let remaining = params.slots - [...quotas].reduce((s, [kode, q]) => s + (before.has(kode) ? 0 : q), 0);
    const move: QuotaMove = { round, capped, released: capped.reduce((s, c) => s + c.released, 0), to: [], unused: 0 };
    const room = max === undefined ? Infinity : max * rest.length;
    if (remaining > room || rest.length === 0) {
      move.unused = remaining - (rest.length === 0 ? 0 : room);
      unused += move.unused;
      remaining -= move.unused;
    }
    if (rest.length > 0) {
      const next = split(rest, remaining);
      for (const row of next.rows) {
        quotas.set(row.region, row.quota);
        const delta = row.quota - before.get(row.region)!;
        if (delta !== 0) move.to.push({ kode: row.region, slots: delta });
      }
      ties.push(...next.ties.map((t) => ({ ...t, round })));
    }
    moves.push(move);
  }
  return { initial, quotas, moves, ties, unused };
}
