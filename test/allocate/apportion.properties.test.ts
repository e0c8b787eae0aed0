import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPORTION_METHODS, apportion, type ApportionMethod } from '../../src/allocate/apportion.js';
import { claim, compareClaims, type DivisorMethod } from '../../src/allocate/divisor.js';

const DIVISOR: DivisorMethod[] = ['webster', 'huntington-hill', 'dhondt', 'adams', 'dean'];

const weightsArb = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0));
const toRegions = (ws: number[]) => ws.map((weight, i) => ({ region: `r${i}`, weight }));
const quotas = (ws: number[], slots: number, method: ApportionMethod, min?: number, max?: number) =>
  apportion(toRegions(ws), slots, { method, min, max }).rows.map((r) => r.quota);

/** A feasible problem: weights, slots, and bounds with n·min ≤ slots ≤ n·max. */
const boundedArb = weightsArb.chain((ws) =>
  fc.record({
    ws: fc.constant(ws),
    min: fc.integer({ min: 0, max: 4 }),
    extra: fc.integer({ min: 0, max: 30 }),
  }).chain(({ ws, min, extra }) => {
    const max = min + extra;
    return fc.record({
      ws: fc.constant(ws),
      min: fc.constant(min),
      max: fc.constant(max),
      slots: fc.integer({ min: min * ws.length, max: Math.min(max * ws.length, min * ws.length + 150) }),
    });
  }),
);

/** Textbook bounded divisor method: start at min, hand out slots one by one, no jump start. */
function referenceDivisor(method: DivisorMethod, ws: number[], slots: number, min = 0, max = slots): number[] {
  const seats = ws.map(() => min);
  for (let given = min * ws.length; given < slots; given++) {
    let best = -1;
    for (let i = 0; i < ws.length; i++) {
      if (seats[i]! >= max || ws[i] === 0) continue;
      if (best < 0 || compareClaims(claim(method, BigInt(ws[i]!), seats[i]!), claim(method, BigInt(ws[best]!), seats[best]!)) > 0) best = i;
    }
    if (best < 0) {
      // Only zero-weight regions can take it: the one with fewest slots, earliest first.
      for (let i = 0; i < ws.length; i++) {
        if (ws[i] === 0 && seats[i]! < max && (best < 0 || seats[i]! < seats[best]!)) best = i;
      }
    }
    seats[best]! += 1;
  }
  return seats;
}

describe('apportionment properties', () => {
  it('quotas add up to the slots, for every method', () => {
    fc.assert(fc.property(weightsArb, fc.integer({ min: 0, max: 500 }), fc.constantFrom(...APPORTION_METHODS), (ws, slots, method) => {
      expect(quotas(ws, slots, method).reduce((a, b) => a + b, 0)).toBe(slots);
    }), { numRuns: 400 });
  });

  it('Hamilton gives each region the floor or the ceiling of its exact share', () => {
    fc.assert(fc.property(weightsArb, fc.integer({ min: 0, max: 500 }), (ws, slots) => {
      const P = BigInt(ws.reduce((a, b) => a + b, 0));
      quotas(ws, slots, 'hamilton').forEach((q, i) => {
        const exact = BigInt(ws[i]!) * BigInt(slots); // share = exact / P
        expect(BigInt(q) * P > exact - P && BigInt(q) * P < exact + P).toBe(true);
      });
    }), { numRuns: 300 });
  });

  it('divisor methods match the one-slot-at-a-time textbook procedure (with bounds)', () => {
    fc.assert(fc.property(boundedArb, fc.constantFrom(...DIVISOR), fc.boolean(), ({ ws, min, max, slots }, method, bounded) => {
      const got = bounded ? quotas(ws, slots, method, min, max) : quotas(ws, slots, method);
      expect(got).toEqual(bounded ? referenceDivisor(method, ws, slots, min, max) : referenceDivisor(method, ws, slots));
    }), { numRuns: 400 });
  });

  it('divisor methods are house monotone: one more slot never takes a slot away', () => {
    fc.assert(fc.property(boundedArb, fc.constantFrom(...DIVISOR), ({ ws, min, max, slots }, method) => {
      fc.pre(slots < max * ws.length);
      const before = quotas(ws, slots, method, min, max);
      const after = quotas(ws, slots + 1, method, min, max);
      after.forEach((q, i) => expect(q).toBeGreaterThanOrEqual(before[i]!));
      const free = quotas(ws, slots, method);
      quotas(ws, slots + 1, method).forEach((q, i) => expect(q).toBeGreaterThanOrEqual(free[i]!));
    }), { numRuns: 400 });
  });

  it('min and max are respected, for every method', () => {
    fc.assert(fc.property(boundedArb, fc.constantFrom(...APPORTION_METHODS), ({ ws, min, max, slots }, method) => {
      const got = quotas(ws, slots, method, min, max);
      expect(got.reduce((a, b) => a + b, 0)).toBe(slots);
      for (const q of got) {
        expect(q).toBeGreaterThanOrEqual(min);
        expect(q).toBeLessThanOrEqual(max);
      }
    }), { numRuns: 600 });
  });

  it('is deterministic: the same input gives the same output, ties included', () => {
    fc.assert(fc.property(boundedArb, fc.constantFrom(...APPORTION_METHODS), ({ ws, min, max, slots }, method) => {
      const a = apportion(toRegions(ws), slots, { method, min, max });
      const b = apportion(toRegions([...ws]), slots, { method, min, max });
      expect(b).toEqual(a);
    }), { numRuns: 200 });
  });

  it('ties report exactly the slots whose award depended on input order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(...APPORTION_METHODS), (ws, slots, method) => {
        const { rows, ties } = apportion(toRegions(ws), slots, { method });
        // Reversing the regions changes who wins only where a tie was reported.
        const reversed = apportion(toRegions(ws).reverse(), slots, { method }).rows;
        const moved = rows.filter((r) => reversed.find((x) => x.region === r.region)!.quota !== r.quota).map((r) => r.region);
        const tied = ties.flatMap((t) => t.tied);
        for (const region of moved) expect(tied).toContain(region);
        for (const t of ties) expect(t.awarded).toEqual(t.tied.slice(0, t.slots.length));
      }), { numRuns: 300 });
  });
});
