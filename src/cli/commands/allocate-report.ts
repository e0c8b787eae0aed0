/** How allocation results read for people: the regency table, the moves, the ties, the comparison. */
import { describeWaitlist } from '../../allocate/waitlist.js';
import type { TieReport } from '../../allocate/apportion.js';
import type { AllocationPlan, QuotaMove } from '../../allocate/types.js';
import { kabupatenByKode } from '../../regions/resolve.js';
import { formatTable } from '../../format/table.js';

export const nama = (kode: string) => kabupatenByKode(kode)?.nama ?? kode;
export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const pct = (share: number | null) => (share === null ? null : Number((share * 100).toFixed(1)));
const score = (s: number | null) => (s === null ? null : Number(s.toFixed(2)));
const juta = (n: number) => Number((n / 1e6).toFixed(2));

export function describeParams(plan: AllocationPlan): string {
  const p = plan.params;
  const bounds = [p.min !== undefined ? `min ${p.min}` : '', p.max !== undefined ? `max ${p.max}` : ''].filter(Boolean).join(', ');
  return `Allocation ${p.tahun}: ${p.slots.toLocaleString('en-US')} slots, method ${p.method} over ${p.regions.length} regencies` +
    `${bounds ? ` (${bounds})` : ''}, seed "${p.seed}", waitlist ${describeWaitlist(p.waitlist)}; ` +
    'one package per family card (no_kk) across the whole allocation, so a regency\'s quota counts its eligible KK (family cards), not its eligible applicants.';
}

export function regencyTable(plan: AllocationPlan): string {
  const rows: Record<string, unknown>[] = plan.regencies.map((r) => ({
    kabupaten: r.nama, quota: r.quota, 'eligible applicants': r.eligible_applicants, 'eligible KK': r.eligible_kk, selected: r.selected, waitlist: r.waitlisted,
    'cut-off': score(r.cutoff_score), 'women %': pct(r.women_share), 'PKH %': pct(r.pkh_share), 'Rp juta': juta(r.package_total),
  }));
  const t = plan.totals;
  rows.push({
    kabupaten: 'TOTAL', quota: t.slots - t.unused, 'eligible applicants': t.eligible_applicants, 'eligible KK': t.eligible_kk, selected: t.selected, waitlist: t.waitlisted, 'cut-off': null,
    'women %': pct(t.women_share), 'PKH %': pct(t.pkh_share), 'Rp juta': juta(t.package_total),
  });
  return formatTable(rows);
}

export function moveLines(moves: QuotaMove[], method: string): string[] {
  return moves.map((m) => {
    const capped = m.capped.map((c) => `${nama(c.kode)} can use ${c.capacity} of ${c.quota}`).join('; ');
    const to = m.to.map((x) => `${nama(x.kode)} ${x.slots > 0 ? '+' : ''}${x.slots}`).join(', ');
    return `re-apportionment round ${m.round}: ${capped} — ${m.released} slot(s) released` +
      (to ? `, re-apportioned by ${method}: ${to}` : '') + (m.unused ? `; ${m.unused} unused: no regency has an eligible family card (KK) left` : '');
  });
}

/** Ties for people; `name` turns region labels (Kemendagri codes in an allocation) into names. */
export function tieLines(ties: (TieReport & { round?: number })[], name: (label: string) => string = (x) => x): string[] {
  return ties.map((t) => {
    const where = t.round ? `re-apportionment round ${t.round}` : `slot${t.slots.length > 1 ? 's' : ''} ${t.slots.join(', ')}`;
    return `tie for ${where}: ${t.tied.map(name).join(', ')} — ${t.reason}; given to ${t.awarded.map(name).join(', ')} (earlier in the list)`;
  });
}

export function totalsLine(plan: AllocationPlan): string {
  const t = plan.totals;
  return `Selected ${t.selected} of ${t.slots} slots (${t.unused} unused), waitlisted ${t.waitlisted}, skipped as same family ${t.skipped_same_kk}; ` +
    `packages ${rupiah(t.package_total)}${plan.params.budget !== undefined ? ` of a budget of ${rupiah(plan.params.budget)}` : ''}.`;
}

/** Two tables: selected per regency under each method, and the cut-off scores. */
export function compareTables(plans: AllocationPlan[]): string {
  const kodes = plans[0]?.regencies.map((r) => r.kode) ?? [];
  const pick = (f: (p: AllocationPlan, i: number) => unknown) => kodes.map((kode, i) => ({
    kabupaten: nama(kode), 'eligible applicants': plans[0]!.regencies[i]!.eligible_applicants, 'eligible KK': plans[0]!.regencies[i]!.eligible_kk,
    ...Object.fromEntries(plans.map((p) => [p.params.method, f(p, i)])),
  }));
  const selected = pick((p, i) => p.regencies[i]!.selected);
  const cutoff = pick((p, i) => score(p.regencies[i]!.cutoff_score));
  const totals = plans.map((p) => ({
    method: p.params.method, selected: p.totals.selected, unused: p.totals.unused, moves: p.moves.length, ties: p.ties.length,
    'Rp juta': juta(p.totals.package_total),
  }));
  return ['Selected per regency:', formatTable(selected), '', 'Cut-off score per regency:', formatTable(cutoff), '', formatTable(totals)].join('\n');
}
