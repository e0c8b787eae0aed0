/**
 * Largest-remainder methods, exactly: each region gets the whole part of its quota, the slots
 * left go to the largest fractional remainders. Hare quota (Hamilton, Hare–Niemeyer): shares
 * weight·slots/total weight; Droop quota: ⌊total weight/(slots+1)⌋ + 1 (in the scaled integer
 * units when weights are decimals).
 *
 * Bounds: the exact shares are clamped to [lo, hi] with one common ratio t chosen so that they
 * still add up to the slots (regions fixed at a bound, the rest re-apportioned); the free regions
 * then round by their remainders, which keeps every region inside its bounds.
 */
import { compareBig, formatFraction, sum } from './exact.js';
import { shareEqually, tie, type TieReport } from './ties.js';

export type QuotaRule = 'hare' | 'droop';

interface Ratio {
  num: bigint;
  den: bigint;
}

/**
 * The ratio t with Σ clamp(p·t, lo, hi) = total, found by sweeping the breakpoints lo/p, hi/p.
 * Undefined when even every weighted region at `hi` falls short (zero-weight regions must help).
 */
export function boundedRatio(weights: readonly bigint[], total: number, lo: readonly number[], hi: readonly number[]): Ratio | undefined {
  let A = BigInt(lo.reduce((a, b) => a + b, 0));
  let B = 0n;
  const S = BigInt(total);
  if (A === S) return { num: 0n, den: 1n };
  const events: { t: Ratio; enter: boolean; i: number }[] = [];
  weights.forEach((p, i) => {
    if (p === 0n) return;
    events.push({ t: { num: BigInt(lo[i]), den: p }, enter: true, i });
    events.push({ t: { num: BigInt(hi[i]), den: p }, enter: false, i });
  });
  events.sort((a, b) => compareBig(a.t.num * b.t.den, b.t.num * a.t.den) || Number(b.enter) - Number(a.enter));
  for (const e of events) {
    if (A * e.t.den + B * e.t.num >= S * e.t.den) {
      if (B === 0n) throw new Error('internal error: bounded ratio on a flat step');
      return { num: S - A, den: B };
    }
    const p = weights[e.i];
    if (e.enter) {
      A -= BigInt(lo[e.i]);
      B += p;
    } else {
      A += BigInt(hi[e.i]);
      B -= p;
    }
  }
  return undefined;
}

/** Gives `count` extra slots to the largest remainders (ties to the earliest region, reported). */
function byRemainder(
  seats: number[],
  candidates: readonly number[],
  rem: readonly bigint[],
  den: bigint,
  count: number,
  total: number,
  names: readonly string[],
  quota: 'Hare' | 'Droop',
): TieReport[] {
  if (count === 0) return [];
  const order = [...candidates].sort((a, b) => compareBig(rem[b], rem[a]) || a - b);
  const v = rem[order[count - 1]];
  const above = order.filter((i) => rem[i] > v);
  const equal = order.filter((i) => rem[i] === v);
  const k = count - above.length;
  for (const i of [...above, ...equal.slice(0, k)]) seats[i] += 1;
  return equal.length > k ? [tie(total, names, equal, k, { kind: 'equal_remainder', value: formatFraction(v, den), quota })] : [];
}

/** Droop largest remainder over `free`, which must share `slots`. */
function droop(
  seats: number[],
  weights: readonly bigint[],
  free: readonly number[],
  slots: number,
  total: number,
  names: readonly string[],
): TieReport[] {
  const P = sum(free.map((i) => weights[i]));
  const Q = P / BigInt(slots + 1) + 1n;
  const rem: bigint[] = [];
  let left = slots;
  for (const i of free) {
    seats[i] = Number(weights[i] / Q);
    rem[i] = weights[i] % Q;
    left -= seats[i];
  }
  // Σ weight/Q < slots+1, so left ≥ 0; with fewer votes than slots it may exceed the regions.
  const rounds = Math.floor(left / free.length);
  for (const i of free) seats[i] += rounds;
  return byRemainder(seats, free, rem, Q, left - rounds * free.length, total, names, 'Droop');
}

export function largestRemainderApportion(
  rule: QuotaRule,
  weights: readonly bigint[],
  names: readonly string[],
  total: number,
  lo: readonly number[],
  hi: readonly number[],
): { seats: number[]; ties: TieReport[] } {
  const n = weights.length;
  const seats = lo.slice();
  const t = boundedRatio(weights, total, lo, hi);
  if (!t) {
    const zero: number[] = [];
    for (let i = 0; i < n; i++) {
      if (weights[i] > 0n) seats[i] = hi[i];
      else zero.push(i);
    }
    const left = total - seats.reduce((a, b) => a + b, 0);
    return { seats, ties: shareEqually(seats, hi, zero, left, total, names, { kind: 'zero_weight' }) };
  }
  const free: number[] = [];
  const rem: bigint[] = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++) {
    const share = weights[i] * t.num;
    if (share <= BigInt(lo[i]) * t.den) seats[i] = lo[i];
    else if (share >= BigInt(hi[i]) * t.den) seats[i] = hi[i];
    else {
      free.push(i);
      seats[i] = Number(share / t.den);
      rem[i] = share % t.den;
    }
  }
  if (rule === 'hare') {
    const left = total - seats.reduce((a, b) => a + b, 0);
    return { seats, ties: byRemainder(seats, free, rem, t.den, left, total, names, 'Hare') };
  }
  // Droop: re-apportion the free regions by Droop; fix any that then break a bound, and repeat.
  for (;;) {
    const isFree = new Set(free);
    const slots = total - seats.reduce((a, b, i) => a + (isFree.has(i) ? 0 : b), 0);
    if (free.length === 0) {
      if (slots !== 0) throw new Error('internal error: Droop bounds left slots over');
      return { seats, ties: [] };
    }
    const ties = droop(seats, weights, free, slots, total, names);
    const broken = free.filter((i) => seats[i] < lo[i] || seats[i] > hi[i]);
    if (broken.length === 0) return { seats, ties };
    for (const i of broken) {
      seats[i] = seats[i] < lo[i] ? lo[i] : hi[i];
      free.splice(free.indexOf(i), 1);
    }
  }
}
