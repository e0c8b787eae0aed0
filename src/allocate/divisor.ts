/**
 * Divisor (highest averages) methods, exactly: each next slot goes to the region with the highest
 * priority weight / d(slots held). Bounds make it the bounded divisor method: a region starts at
 * `lo` and stops at `hi`, i.e. slots = median(lo, divisor rounding, hi).
 */
import { compareBig, formatFraction, sum } from './exact.js';
import { shareEqually, tie, type TieBasis, type TieDivisor, type TieReport } from './ties.js';

export type DivisorMethod = TieDivisor;

/** A region's priority for its next slot as the fraction num/den; den 0 means infinite. */
interface Claim {
  num: bigint;
  den: bigint;
}

/**
 * Priority of weight p holding s slots. Divisors d(s): D'Hondt s+1, Webster s+½, Adams s,
 * Dean 2s(s+1)/(2s+1) (harmonic mean), Huntington–Hill √(s(s+1)) (geometric mean) — the last is
 * compared squared, p²/(s(s+1)), so that everything stays rational.
 */
export function claim(method: DivisorMethod, p: bigint, s: number): Claim {
  const n = BigInt(s);
  switch (method) {
    case 'dhondt':
      return { num: p, den: n + 1n };
    case 'webster':
      return { num: 2n * p, den: 2n * n + 1n };
    case 'adams':
      return { num: p, den: n };
    case 'dean':
      return { num: p * (2n * n + 1n), den: 2n * n * (n + 1n) };
    case 'huntington-hill':
      return { num: p * p, den: n * (n + 1n) };
  }
}

/**
 * Sign of a − b. Zero weight means no claim at all; an infinite claim (a first slot under Adams,
 * Dean or Huntington–Hill) beats any finite one, and among infinite ones the larger weight wins.
 */
export function compareClaims(a: Claim, b: Claim): number {
  if (a.num === 0n || b.num === 0n) return compareBig(a.num, b.num);
  if (a.den === 0n || b.den === 0n) {
    if (a.den !== 0n) return -1;
    if (b.den !== 0n) return 1;
    return compareBig(a.num, b.num);
  }
  return compareBig(a.num * b.den, b.num * a.den);
}

function describeClaim(method: DivisorMethod, c: Claim): TieBasis {
  if (c.den === 0n) return { kind: 'first_slot', method };
  const value = formatFraction(c.num, c.den);
  return { kind: 'equal_priority', value: method === 'huntington-hill' ? `√(${value})` : value, method };
}

interface Entry {
  i: number;
  claim: Claim;
}

/** Highest claim first; equal claims in input order. */
class ClaimHeap {
  private readonly items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  private before(a: Entry, b: Entry): boolean {
    const c = compareClaims(a.claim, b.claim);
    return c > 0 || (c === 0 && a.i < b.i);
  }
  peek(): Entry | undefined {
    return this.items[0];
  }
  push(e: Entry): void {
    const h = this.items;
    h.push(e);
    for (let k = h.length - 1; k > 0; ) {
      const parent = (k - 1) >> 1;
      if (!this.before(h[k], h[parent])) break;
      [h[k], h[parent]] = [h[parent], h[k]];
      k = parent;
    }
  }
  pop(): Entry | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < h.length && this.before(h[l], h[best])) best = l;
        if (r < h.length && this.before(h[r], h[best])) best = r;
        if (best === k) break;
        [h[k], h[best]] = [h[best], h[k]];
        k = best;
      }
    }
    return top;
  }
}

/**
 * Bounded divisor apportionment of `total` slots. Ties for the last slots go to the earliest
 * regions and are reported. Slots no weighted region can take (all at `hi`) are shared equally
 * among zero-weight regions.
 */
export function divisorApportion(
  method: DivisorMethod,
  weights: readonly bigint[],
  names: readonly string[],
  total: number,
  lo: readonly number[],
  hi: readonly number[],
): { seats: number[]; ties: TieReport[] } {
  const n = weights.length;
  const P = sum(weights);
  const seats = lo.slice();
  // Jump start, provably at or below the result for every region (all divisors lie in [s, s+1]):
  // slots ≥ clamp(⌊p·x/P⌋ − 1, lo, hi) with x = total − Σlo − n. Only the last few are stepped.
  const x = BigInt(Math.max(0, total - lo.reduce((a, b) => a + b, 0) - n));
  if (P > 0n && x > 0n) {
    for (let i = 0; i < n; i++) {
      const guess = Number((weights[i] * x) / P) - 1;
      seats[i] = Math.min(hi[i], Math.max(lo[i], guess));
    }
  }
  let given = seats.reduce((a, b) => a + b, 0);
  if (given > total) throw new Error('internal error: divisor jump start overshot');

  const heap = new ClaimHeap();
  for (let i = 0; i < n; i++) {
    if (weights[i] > 0n && seats[i] < hi[i]) heap.push({ i, claim: claim(method, weights[i], seats[i]) });
  }
  const ties: TieReport[] = [];
  while (given < total && heap.size > 0) {
    const top = heap.pop()!;
    const group = [top];
    while (heap.size > 0 && compareClaims(heap.peek()!.claim, top.claim) === 0) group.push(heap.pop()!);
    const left = total - given;
    if (group.length > left) {
      for (const e of group.slice(0, left)) seats[e.i] += 1;
      ties.push(tie(total, names, group.map((e) => e.i), left, describeClaim(method, top.claim)));
      given = total;
      break;
    }
    for (const e of group) {
      seats[e.i] += 1;
      given += 1;
      if (seats[e.i] < hi[e.i]) heap.push({ i: e.i, claim: claim(method, weights[e.i], seats[e.i]) });
    }
  }
  if (given < total) {
    const zero = weights.flatMap((w, i) => (w === 0n ? [i] : []));
    ties.push(...shareEqually(seats, hi, zero, total - given, total, names, { kind: 'zero_weight' }));
  }
  return { seats, ties };
}
