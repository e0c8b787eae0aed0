/** Tie reports, and the equal sharing used when weights cannot tell regions apart. */

/** Regions that had an exactly equal claim on the last slot(s); the tie-break is input order. */
export interface TieReport {
  /** 1-based numbers of the contested slots, in order of award (e.g. [435]: the last slot). */
  slots: number[];
  /** Every region with the same claim on them, in tie-break (input) order. */
  tied: string[];
  /** The regions that got them: the first `slots.length` of `tied`. */
  awarded: string[];
  /** What they tied on, for people, e.g. "equal remainder 1/2 (Hare quota)". */
  reason: string;
}

/** The last `count` slot numbers of `total`: contested slots are always the last ones handed out. */
export function lastSlots(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => total - count + 1 + k);
}

export function tie(total: number, names: readonly string[], tied: readonly number[], awarded: number, reason: string): TieReport {
  return {
    slots: lastSlots(total, awarded),
    tied: tied.map((i) => names[i]),
    awarded: tied.slice(0, awarded).map((i) => names[i]),
    reason,
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
  reason: string,
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
      ties.push(tie(total, names, open, left, reason));
      left = 0;
    }
  }
  return ties;
}
