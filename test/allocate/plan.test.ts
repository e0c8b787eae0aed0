import { describe, expect, it } from 'vitest';
import { planAllocation } from '../../src/allocate/plan.js';
import { meritOrder, tieBreakHash } from '../../src/allocate/rank.js';
import type { PoolRow } from '../../src/allocate/types.js';
import { KODES, params, poolRow } from './builders.js';

/** `n` applicants per regency, scores descending within each. */
function pool(counts: Record<string, number>): PoolRow[] {
  const rows: PoolRow[] = [];
  for (const [kode, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) rows.push(poolRow(rows.length, { kode_kabupaten: kode, total_score: 100 - i * 0.1 }));
  }
  return rows;
}
const everywhere = (n: number) => Object.fromEntries(KODES.map((k) => [k, n]));
const selected = (plan: ReturnType<typeof planAllocation>, kode: string) => plan.regencies.find((r) => r.kode === kode)!.selected;

describe('planAllocation', () => {
  it('splits 1,500 evenly: 150 per regency, 15 waitlisted each, cut-off the 150th score', () => {
    const plan = planAllocation(pool(everywhere(200)), params());
    expect(plan.regencies.map((r) => [r.quota, r.selected, r.waitlisted])).toEqual(KODES.map(() => [150, 150, 15]));
    expect(plan.regencies[0]!.cutoff_score).toBeCloseTo(100 - 149 * 0.1);
    expect(plan.totals).toMatchObject({ slots: 1500, selected: 1500, waitlisted: 150, unused: 0, package_total: 1500 * 4_750_000 });
    expect(plan.moves).toEqual([]);
    expect(plan.ties).toEqual([]);
  });

  it('a regency short of applicants gets them all; its unused slots are re-apportioned and reported', () => {
    const plan = planAllocation(pool({ ...everywhere(300), '6411': 60 }), params());
    expect(selected(plan, '6411')).toBe(60);
    for (const k of KODES.filter((k) => k !== '6411')) expect(selected(plan, k)).toBe(160);
    expect(plan.totals.selected).toBe(1500);
    expect(plan.moves).toEqual([{
      round: 1, capped: [{ kode: '6411', quota: 150, capacity: 60, released: 90 }], released: 90, unused: 0,
      to: KODES.filter((k) => k !== '6411').map((kode) => ({ kode, slots: 10 })),
    }]);
    expect(plan.regencies.find((r) => r.kode === '6411')).toMatchObject({ initial_quota: 150, quota: 60, waitlisted: 0 });
  });

  it('re-apportions again when the receivers run short too, and reports slots nobody can use', () => {
    const plan = planAllocation(pool({ '6401': 1000, '6402': 155, '6411': 10 }), params({ slots: 1500 }));
    expect([selected(plan, '6401'), selected(plan, '6402'), selected(plan, '6411')]).toEqual([1000, 155, 10]);
    expect(plan.totals).toMatchObject({ selected: 1165, unused: 335 });
    expect(plan.moves.at(-1)!.unused).toBe(335);
  });

  it('ranks ties by lower desil, then active PKH, then earlier registration, then the seeded hash', () => {
    const base = { kode_kabupaten: '6472', total_score: 70 };
    const rows = [
      poolRow(0, { ...base, desil: 2 }),
      poolRow(1, { ...base, desil: 1, pkh: false, tanggal_daftar: '2026-01-05' }),
      poolRow(2, { ...base, desil: 1, pkh: true, tanggal_daftar: '2026-03-01' }),
      poolRow(3, { ...base, desil: 1, pkh: false, tanggal_daftar: '2026-01-02' }),
      poolRow(4, { ...base, desil: 1, pkh: false, tanggal_daftar: '2026-01-02' }),
      poolRow(5, { ...base, total_score: 71, desil: 4 }),
    ];
    const order = meritOrder(rows, 's').map((r) => r.application_id);
    const [a, b] = tieBreakHash('s', rows[3]!.nik) < tieBreakHash('s', rows[4]!.nik) ? [4, 5] : [5, 4];
    expect(order).toEqual([6, 3, a, b, 2, 1]);
  });

  it('the seed decides exact ties, and only them', () => {
    const rows = Array.from({ length: 40 }, (_, i) => poolRow(i, { kode_kabupaten: '6472', total_score: 60 }));
    const one = planAllocation(rows, params({ slots: 10, seed: 'a' })).results;
    const two = planAllocation(rows, params({ slots: 10, seed: 'b' })).results;
    expect(one).toEqual(planAllocation(rows, params({ slots: 10, seed: 'a' })).results);
    expect(one.map((r) => r.application_id)).not.toEqual(two.map((r) => r.application_id));
  });

  it('one package per family card: a lower-ranked member is skipped as same_kk and the next applicant selected', () => {
    const rows = pool({ '6472': 5 });
    rows[3]!.no_kk = rows[1]!.no_kk;
    const plan = planAllocation(rows, params({ slots: 3, regions: [{ kode: '6472', weight: '1' }], waitlist: { count: 1 } }));
    expect(plan.results.map((r) => [r.rank, r.outcome, r.reason])).toEqual([
      [1, 'selected', 'quota'], [2, 'selected', 'quota'], [3, 'selected', 'quota'], [4, 'skipped', 'same_kk'], [5, 'waitlist', 'waitlist'],
    ]);
  });

  it('across regencies too: a family keeps its best-ranked member, whatever the regency order', () => {
    const rows = pool({ '6401': 3, '6472': 3 });
    rows[4]!.no_kk = rows[0]!.no_kk; // 6472's 2nd shares a KK with 6401's 1st, who ranks higher
    rows[4]!.total_score = 99.95;
    rows[0]!.total_score = 99.99;
    const plan = planAllocation(rows, params({ slots: 4, regions: [{ kode: '6401', weight: '1' }, { kode: '6472', weight: '1' }] }));
    const outcome = (id: number) => plan.results.find((r) => r.application_id === id)!;
    expect(outcome(1).outcome).toBe('selected');
    expect(outcome(5)).toMatchObject({ outcome: 'skipped', reason: 'same_kk' });
    expect(plan.totals.selected).toBe(4);
  });

  it('waitlist: a count per regency, or a percentage of the quota rounded up', () => {
    const rows = pool({ '6472': 200 });
    const regions = [{ kode: '6472', weight: '1' }];
    expect(planAllocation(rows, params({ slots: 101, regions })).totals.waitlisted).toBe(11);
    expect(planAllocation(rows, params({ slots: 101, regions, waitlist: { percent: '12.5' } })).totals.waitlisted).toBe(13);
    expect(planAllocation(rows, params({ slots: 101, regions, waitlist: { count: 7 } })).totals.waitlisted).toBe(7);
    const plan = planAllocation(rows, params({ slots: 10, regions, waitlist: { count: 3 } }));
    expect(plan.results.filter((r) => r.outcome === 'waitlist').map((r) => [r.rank, r.waitlist_pos])).toEqual([[11, 1], [12, 2], [13, 3]]);
  });

  it('with weights, applicants of regencies outside the file are not_selected with the reason', () => {
    const plan = planAllocation(pool({ '6401': 5, '6472': 5 }), params({ slots: 4, method: 'hamilton', regions: [{ kode: '6472', weight: '3' }] }));
    expect(plan.results.filter((r) => r.kode_kabupaten === '6401').every((r) => r.reason === 'region_not_in_weights')).toBe(true);
    expect(selected(plan, '6472')).toBe(4);
  });

  it('package values come from the business type; a type without a value is refused', () => {
    const rows = [poolRow(0, { jenis_usaha: 'bengkel' }), poolRow(1, { jenis_usaha: 'gorengan' })];
    expect(planAllocation(rows, params()).totals.package_total).toBe(9_500_000);
    expect(() => planAllocation(rows, params({ paket: { bengkel: 5_000_000 } }))).toThrow(/no package value for jenis_usaha "gorengan"/);
  });

  it('reports shares of women and PKH families among the selected', () => {
    const rows = pool({ '6472': 4 }).map((r, i) => ({ ...r, jenis_kelamin: i < 3 ? 'P' as const : 'L' as const, pkh: i === 0 }));
    const r = planAllocation(rows, params({ slots: 4, regions: [{ kode: '6472', weight: '1' }] })).regencies[0]!;
    expect([r.women_share, r.pkh_share]).toEqual([0.75, 0.25]);
  });
});
