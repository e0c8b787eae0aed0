/** Tie reports, and the equal sharing used when weights cannot tell regions apart. */

export type TieDivisor = 'dhondt' | 'webster' | 'huntington-hill' | 'adams' | 'dean';

/** What the tied regions were equal on, as data (people read it in their language; see tieReason for --json). */
export type TieBasis =
  | { kind: 'equal_shares'; slots: number; regions: number }
  | { kind: 'equal_remainder'; value: string; quota: 'Hare' | 'Droop' }
  | { kind: 'equal_priority'; value: string; method: TieDivisor }
  | { kind: 'first_slot'; method: TieDivisor }
  | { kind: 'zero_weight' };

const DIVISOR_LABEL: Record<TieDivisor, string> = {
  dhondt: "D'Hondt, weight/(slots+1)",
  webster: 'Webster/Sainte-Laguë, weight/(slots+½)',
  adams: 'Adams, weight/slots',
  dean: 'Dean, weight/harmonic mean',
  'huntington-hill': 'Huntington–Hill, weight/√(slots(slots+1))',
};

/**
 * The tie's `reason` as --json and stored runs have always carried it: a fixed English text that
 * never changes with the language (scripts may read it). People read `basis` in their language.
 */
export function tieReason(b: TieBasis): string {
  switch (b.kind) {
    case 'equal_shares': return `equal shares: ${b.slots} slots over ${b.regions} regions`;
    case 'equal_remainder': return `equal remainder ${b.value} (${b.quota} quota)`;
    case 'equal_priority': return `equal priority ${b.value} (${DIVISOR_LABEL[b.method]})`;
    case 'first_slot': return `each due a first slot with equal weight (${DIVISOR_LABEL[b.method]})`;
    case 'zero_weight': return 'zero weight: slots no weighted region could take are shared equally';
  }
}

/** Regions that had an exactly equal claim on the last slot(s); the tie-break is input order. */
export interface TieReport {
  /** 1-based numbers of the contested slots, in order of award (e.g. [435]: the last slot). */
  slots: number[];
  /** Every region with the same claim on them, in tie-break (input) order. */
  tied: string[];
  /** The regions that got them: the first `slots.length` of `tied`. */
  awarded: string[];
  /** What they tied on, e.g. "equal remainder 1/2 (Hare quota)": fixed English (tieReason). */
  reason: string;
  /** The same as data, for people in their language. */
  basis: TieBasis;
}

/** The last `count` slot numbers of `total`: contested slots are always the last ones handed out. */
export function lastSlots(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => total - count + 1 + k);
}

export function tie(total: number, names: readonly string[], tied: readonly number[], awarded: number, basis: TieBasis): TieReport {
  return {
    slots: lastSlots(total, awarded),
    tied: tied.map((i) => names[i]),
    awarded: tied.slice(0, awarded).map((i) => names[i]),
    reason: tieReason(basis),
    basis,
  };
}

/**
 * Hands `left` more slots over `candidates` (indices in tie-break order) one per region per
 * round, never past `hi`; a final round that cannot reach every open region is a tie.
 * Must be the last step of an apportionment: it numbers the contested slots from `total`.
 */
export function shareEqually(
  seats: number[],
  hi: readonly number[],
  candidates: readonly number[],
  left: number,
  total: number,
  names: readonly string[],
  basis: TieBasis,
): TieReport[] {
  const ties: TieReport[] = [];
  while (left > 0) {
    const open = candidates.filter((i) => seats[i] < hi[i]);
    if (open.length === 0) throw new Error(`internal error: no region can take the last ${left} slot(s)`);
    if (open.length <= left) {
      const rounds = Math.min(Math.floor(left / open.length), ...open.map((i) => hi[i] - seats[i]));
      for (const i of open) seats[i] += rounds;
      left -= rounds * open.length;
    } else {
      for (const i of open.slice(0, left)) seats[i] += 1;
      ties.push(tie(total, names, open, left, basis));
      left = 0;
    }
  }
  return ties;
}
