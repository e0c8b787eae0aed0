import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPORTION_METHODS } from '../../src/allocate/apportion.js';
import { planAllocation } from '../../src/allocate/plan.js';
import { regencyQuotas } from '../../src/allocate/reapportion.js';
import type { AllocationParams, PoolRow } from '../../src/allocate/types.js';
import { KODES, params, poolRow } from './builders.js';

const JENIS = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'];

/** Pools with many exact ties, missing desil/dates, families (sometimes spread over regencies), empty regencies. */
const rowArb = fc.record({
  kode: fc.constantFrom(...KODES.slice(0, 6)),
  score: fc.integer({ min: 0, max: 8 }),
  desil: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  pkh: fc.boolean(),
  tanggal: fc.option(fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01'), { nil: null }),
  kk: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  jenis: fc.constantFrom(...JENIS),
});
const poolArb = (crossFamilies: boolean) => fc.array(rowArb, { maxLength: 250 }).map((rows) => rows.map((r, i): PoolRow => poolRow(i, {
  kode_kabupaten: r.kode, total_score: r.score * 10, desil: r.desil, pkh: r.pkh, tanggal_daftar: r.tanggal, jenis_usaha: r.jenis,
  no_kk: r.kk === null ? null : crossFamilies ? `kk${r.kk}` : `${r.kode}-kk${r.kk}`,
})));
const paramsArb: fc.Arbitrary<AllocationParams> = fc.record({
  slots: fc.integer({ min: 0, max: 300 }),
  method: fc.constantFrom(...APPORTION_METHODS),
  weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 10, maxLength: 10 }),
  waitlist: fc.oneof(fc.integer({ min: 0, max: 5 }).map((count) => ({ count })), fc.constantFrom('0', '10', '33.3').map((percent) => ({ percent }))),
  seed: fc.string({ maxLength: 6 }),
}).map((p) => params({ ...p, regions: KODES.map((kode, i) => ({ kode, weight: String(p.weights[i]) })) }));

const families = (rows: PoolRow[]) => new Set(rows.map((r) => r.no_kk ?? `nik:${r.nik}`)).size;

describe('allocation invariants (generated pools)', () => {
  it('every applicant once; no NIK or KK selected twice; no regency above its eligible count or quota', () => {
    fc.assert(fc.property(poolArb(true), paramsArb, (pool, p) => {
      const plan = planAllocation(pool, p);
      expect(plan.results).toHaveLength(pool.length);
      expect(new Set(plan.results.map((r) => r.nik)).size).toBe(pool.length);
      const chosen = plan.results.filter((r) => r.outcome === 'selected');
      const kk = chosen.map((r) => pool.find((x) => x.application_id === r.application_id)!.no_kk).filter((k) => k !== null);
      expect(new Set(kk).size).toBe(kk.length);
      for (const r of plan.regencies) {
        expect(r.selected).toBeLessThanOrEqual(Math.min(r.eligible_kk, r.quota));
        expect(r.eligible_kk).toBeLessThanOrEqual(r.eligible_applicants);
        expect(r.selected + r.waitlisted).toBeLessThanOrEqual(r.eligible_applicants);
      }
      expect(plan.totals.selected + plan.totals.unused).toBe(p.slots);
    }), { numRuns: 150 });
  });

  it('total = slots whenever the pool allows (families within one regency)', () => {
    fc.assert(fc.property(poolArb(false), paramsArb, (pool, p) => {
      expect(planAllocation(pool, p).totals.selected).toBe(Math.min(p.slots, families(pool)));
    }), { numRuns: 150 });
  });

  it('within a regency, the selected outrank the waitlist, who outrank the rest', () => {
    fc.assert(fc.property(poolArb(true), paramsArb, (pool, p) => {
      const plan = planAllocation(pool, p);
      for (const kode of KODES) {
        const rows = plan.results.filter((r) => r.kode_kabupaten === kode);
        const ranks = (o: string) => rows.filter((r) => r.outcome === o).map((r) => r.rank);
        const worstSelected = Math.max(0, ...ranks('selected'));
        const waitlist = ranks('waitlist');
        expect(waitlist.every((w) => w > worstSelected)).toBe(true);
        const lastWait = Math.max(worstSelected, ...waitlist);
        expect(rows.filter((r) => r.reason === 'below_cutoff').every((r) => r.rank > lastWait)).toBe(true);
        expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
      }
    }), { numRuns: 100 });
  });

  it('does not depend on the order of the pool rows', () => {
    fc.assert(fc.property(poolArb(true), paramsArb, fc.integer(), (pool, p, salt) => {
      const shuffled = [...pool].sort((a, b) => ((a.application_id * 7919 + salt) % 101) - ((b.application_id * 7919 + salt) % 101));
      expect(planAllocation(shuffled, p)).toEqual(planAllocation(pool, p));
    }), { numRuns: 100 });
  });

  it('re-apportionment never takes slots from a regency, and one more slot never takes one away (equal and divisor methods, under caps)', () => {
    const capacityArb = fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 10, maxLength: 10 });
    fc.assert(fc.property(paramsArb, capacityArb, fc.constantFrom('equal', 'webster', 'huntington-hill', 'dhondt', 'adams', 'dean' as const), (p, caps, method) => {
      const capacity = new Map(KODES.map((k, i) => [k, caps[i]!]));
      const q = regencyQuotas({ ...p, method }, capacity);
      const next = regencyQuotas({ ...p, method, slots: p.slots + 1 }, capacity);
      for (const k of KODES) {
        expect(q.quotas.get(k)!).toBeLessThanOrEqual(capacity.get(k)!);
        expect(q.quotas.get(k)!).toBeGreaterThanOrEqual(Math.min(q.initial.get(k)!, capacity.get(k)!));
        expect(next.quotas.get(k)!).toBeGreaterThanOrEqual(q.quotas.get(k)!);
      }
    }), { numRuns: 300 });
  });
});
