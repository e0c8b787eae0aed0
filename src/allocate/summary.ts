/** The per-regency table and totals of an allocation, from its result rows. */
import { kabupatenByKode } from '../regions/resolve.js';
import { familiesPerRegency, familyCount } from './families.js';
import type { QuotaResult } from './reapportion.js';
import type { AllocationParams, AllocationTotals, PoolRow, RegencyPlan, ResultRow } from './types.js';

export function summarise(
  pool: readonly PoolRow[],
  results: readonly ResultRow[],
  params: AllocationParams,
  quotas: Pick<QuotaResult, 'initial' | 'quotas' | 'unused'>,
): { regencies: RegencyPlan[]; totals: AllocationTotals } {
  const byId = new Map(pool.map((r) => [r.application_id, r]));
  const ranked = results.map((r) => byId.get(r.application_id)!);
  const families = familiesPerRegency(ranked);
  const regencies = new Map<string, RegencyPlan & { women: number; pkh: number }>();
  const entry = (kode: string) => {
    let e = regencies.get(kode);
    if (!e) {
      e = {
        kode, nama: kabupatenByKode(kode)?.nama ?? kode, quota: quotas.quotas.get(kode) ?? 0,
        initial_quota: quotas.initial.get(kode) ?? 0, eligible_applicants: 0, eligible_kk: families.get(kode) ?? 0, selected: 0, waitlisted: 0,
        cutoff_score: null, women_share: null, pkh_share: null, package_total: 0, women: 0, pkh: 0,
      };
      regencies.set(kode, e);
    }
    return e;
  };
  for (const r of params.regions) entry(r.kode);
  let skipped = 0;
  let women = 0;
  let pkh = 0;
  for (const r of results) {
    const e = entry(r.kode_kabupaten);
    e.eligible_applicants += 1;
    if (r.outcome === 'skipped' && r.reason === 'same_kk') skipped += 1;
    if (r.outcome === 'waitlist') e.waitlisted += 1;
    if (r.outcome !== 'selected') continue;
    const row = byId.get(r.application_id)!;
    e.selected += 1;
    e.package_total += r.package_value;
    if (row.jenis_kelamin === 'P') {
      e.women += 1;
      women += 1;
    }
    if (row.pkh) {
      e.pkh += 1;
      pkh += 1;
    }
    if (e.cutoff_score === null || r.total_score < e.cutoff_score) e.cutoff_score = r.total_score;
  }
  const list = [...regencies.values()].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0)).map(({ women, pkh, ...e }) => ({
    ...e,
    women_share: e.selected > 0 ? women / e.selected : null,
    pkh_share: e.selected > 0 ? pkh / e.selected : null,
  }));
  const sum = (f: (e: RegencyPlan) => number) => list.reduce((s, e) => s + f(e), 0);
  const selected = sum((e) => e.selected);
  return {
    regencies: list,
    totals: {
      slots: params.slots,
      eligible_applicants: sum((e) => e.eligible_applicants),
      eligible_kk: familyCount(ranked),
      selected,
      waitlisted: sum((e) => e.waitlisted),
      skipped_same_kk: skipped,
      unused: quotas.unused,
      package_total: sum((e) => e.package_total),
      women_share: selected > 0 ? women / selected : null,
      pkh_share: selected > 0 ? pkh / selected : null,
    },
  };
}
