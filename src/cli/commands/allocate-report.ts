/** How allocation results read for people: the regency table, the moves, the ties, the outcomes, the comparison. */
import type { ChalkInstance } from 'chalk';
import type { TieBasis, TieReport } from '../../allocate/apportion.js';
import type { TieDivisor } from '../../allocate/ties.js';
import type { AllocationOutcomeInfo } from '../../allocate/outcome.js';
import type { AllocationPlan, Outcome, QuotaMove, WaitlistSpec } from '../../allocate/types.js';
import { num, rupiah } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { hasMessage, language, t } from '../../i18n/index.js';
import { kabupatenByKode } from '../../regions/resolve.js';
import { explained } from './score-format.js';

export const nama = (kode: string) => kabupatenByKode(kode)?.nama ?? kode;
const pct = (share: number | null) => (share === null ? null : Number((share * 100).toFixed(1)));
const score = (s: number | null) => (s === null ? null : Number(s.toFixed(2)));
const juta = (n: number) => Number((n / 1e6).toFixed(2));

/** draft or final, in the reader's words (the code stays in --json). */
export const runStatusText = (status: string) => (status === 'final' ? t('allocate:run_status.final') : t('allocate:run_status.draft'));

const OUTCOME: Record<Outcome, string> = {
  selected: 'allocate:outcome.selected', waitlist: 'allocate:outcome.waitlist', not_selected: 'allocate:outcome.not_selected',
  skipped: 'allocate:outcome.skipped', replaced: 'allocate:outcome.replaced',
};

/** An outcome code with its explanation: `waitlist — masuk daftar cadangan`. */
export const outcomeText = (outcome: Outcome) => explained(outcome, t(OUTCOME[outcome]));

/** A result's reason: a code with its explanation, or the officer's own words for a replacement. */
export function resultReasonText(reason: string): string {
  return hasMessage(`allocate:reason.${reason}`) ? explained(reason, t(`allocate:reason.${reason}`)) : reason;
}

/** What the allocation decided for one person (explain): outcome, reason, waitlist place, package. */
export function outcomeLines(c: ChalkInstance, a: AllocationOutcomeInfo): string[] {
  const lines = [t('allocate:result.outcome', { outcome: c.bold(outcomeText(a.outcome)) })];
  if (a.reason) lines.push(t('allocate:result.reason', { reason: resultReasonText(a.reason) }));
  if (a.waitlist_pos) lines.push(t('allocate:result.waitlist_pos', { pos: a.waitlist_pos }));
  if (a.package_value) lines.push(t('allocate:result.package', { value: rupiah(a.package_value) }));
  return lines;
}

function waitlistText(w: WaitlistSpec): string {
  return 'count' in w ? t('allocate:params.waitlist_count', { n: num(w.count) }) : t('allocate:params.waitlist_percent', { percent: num(Number(w.percent), 4) });
}

export function describeParams(plan: AllocationPlan): string[] {
  const p = plan.params;
  const lines = [t('allocate:params.head', { tahun: p.tahun, slots: num(p.slots), method: p.method, regions: p.regions.length, seed: p.seed })];
  if (p.min !== undefined && p.max !== undefined) lines.push(`  ${t('allocate:params.bounds', { min: num(p.min), max: num(p.max) })}`);
  else if (p.min !== undefined) lines.push(`  ${t('allocate:params.bound_min', { min: num(p.min) })}`);
  else if (p.max !== undefined) lines.push(`  ${t('allocate:params.bound_max', { max: num(p.max) })}`);
  lines.push(`  ${t('allocate:params.waitlist', { waitlist: waitlistText(p.waitlist) })}`, `  ${t('allocate:params.one_per_kk')}`);
  return lines;
}

const regencyHeadings = () => ({
  kabupaten: t('allocate:col.kabupaten'), quota: t('allocate:col.quota'), eligible_applicants: t('allocate:col.eligible_applicants'),
  eligible_kk: t('allocate:col.eligible_kk'), selected: t('allocate:col.selected'), waitlist: t('allocate:col.waitlist'),
  cutoff: t('allocate:col.cutoff'), women: t('allocate:col.women'), pkh: t('allocate:col.pkh'), juta: t('allocate:col.juta'),
  method: t('allocate:col.method'), unused: t('allocate:col.unused'), moves: t('allocate:col.moves'), ties: t('allocate:col.ties'),
});

export function regencyTable(plan: AllocationPlan): string {
  const rows: Record<string, unknown>[] = plan.regencies.map((r) => ({
    kabupaten: r.nama, quota: r.quota, eligible_applicants: r.eligible_applicants, eligible_kk: r.eligible_kk, selected: r.selected, waitlist: r.waitlisted,
    cutoff: score(r.cutoff_score), women: pct(r.women_share), pkh: pct(r.pkh_share), juta: juta(r.package_total),
  }));
  const tt = plan.totals;
  rows.push({
    kabupaten: t('allocate:table.total'), quota: tt.slots - tt.unused, eligible_applicants: tt.eligible_applicants, eligible_kk: tt.eligible_kk,
    selected: tt.selected, waitlist: tt.waitlisted, cutoff: null, women: pct(tt.women_share), pkh: pct(tt.pkh_share), juta: juta(tt.package_total),
  });
  return formatTable(rows, undefined, { headings: regencyHeadings(), lang: language() });
}

export function moveLines(moves: QuotaMove[], method: string): string[] {
  return moves.flatMap((m) => {
    const capped = m.capped.map((c) => t('allocate:move.capped', { name: nama(c.kode), capacity: num(c.capacity), quota: num(c.quota) })).join('; ');
    const to = m.to.map((x) => `${nama(x.kode)} ${x.slots > 0 ? '+' : ''}${num(x.slots)}`).join(', ');
    const lines = [to
      ? t('allocate:move.released', { round: m.round, capped, n: num(m.released), method, to })
      : t('allocate:move.released_nowhere', { round: m.round, capped, n: num(m.released) })];
    if (m.unused) lines.push(`  ${t('allocate:move.unused', { round: m.round, n: num(m.unused) })}`);
    return lines;
  });
}

const DIVISOR: Record<TieDivisor, string> = {
  dhondt: 'allocate:tie.divisor.dhondt', webster: 'allocate:tie.divisor.webster', 'huntington-hill': 'allocate:tie.divisor.huntington_hill',
  adams: 'allocate:tie.divisor.adams', dean: 'allocate:tie.divisor.dean',
};

/** What tied regions were equal on, in the reader's words. */
export function tieBasisText(b: TieBasis): string {
  switch (b.kind) {
    case 'equal_shares': return t('allocate:tie.equal_shares', { slots: num(b.slots), regions: num(b.regions) });
    case 'equal_remainder': return t('allocate:tie.equal_remainder', { value: b.value, quota: b.quota });
    case 'equal_priority': return t('allocate:tie.equal_priority', { value: b.value, method: t(DIVISOR[b.method]) });
    case 'first_slot': return t('allocate:tie.first_slot', { method: t(DIVISOR[b.method]) });
    case 'zero_weight': return t('allocate:tie.zero_weight');
  }
}

/** Ties for people; `name` turns region labels (Kemendagri codes in an allocation) into names. */
export function tieLines(ties: (TieReport & { round?: number })[], name: (label: string) => string = (x) => x): string[] {
  return ties.map((tie) => {
    const params = {
      tied: tie.tied.map(name).join(', '), awarded: tie.awarded.map(name).join(', '), basis: tieBasisText(tie.basis),
      round: tie.round, slots: tie.slots.join(', '), count: tie.slots.length,
    };
    return tie.round ? t('allocate:tie.in_round', params) : t('allocate:tie.for_slots', params);
  });
}

export function totalsLine(plan: AllocationPlan): string {
  const tt = plan.totals;
  const params = {
    selected: num(tt.selected), slots: num(tt.slots), unused: num(tt.unused), waitlisted: num(tt.waitlisted), skipped: num(tt.skipped_same_kk),
    total: rupiah(tt.package_total), budget: plan.params.budget === undefined ? undefined : rupiah(plan.params.budget),
  };
  return plan.params.budget === undefined ? t('allocate:totals.line', params) : t('allocate:totals.line_budget', params);
}

/** Two tables: selected per regency under each method, and the cut-off scores; then the totals by method. */
export function compareTables(plans: AllocationPlan[]): string {
  const kodes = plans[0]?.regencies.map((r) => r.kode) ?? [];
  const methods = plans.map((p) => p.params.method);
  const headings = { ...regencyHeadings(), ...Object.fromEntries(methods.map((m) => [`m:${m}`, m])) };
  const pick = (f: (p: AllocationPlan, i: number) => unknown) => kodes.map((kode, i) => ({
    kabupaten: nama(kode), eligible_applicants: plans[0]!.regencies[i]!.eligible_applicants, eligible_kk: plans[0]!.regencies[i]!.eligible_kk,
    ...Object.fromEntries(plans.map((p) => [`m:${p.params.method}`, f(p, i)])),
  }));
  const table = (rows: Record<string, unknown>[]) => formatTable(rows, undefined, { headings, lang: language() });
  const totals = plans.map((p) => ({
    method: p.params.method, selected: p.totals.selected, unused: p.totals.unused, moves: p.moves.length, ties: p.ties.length,
    juta: juta(p.totals.package_total),
  }));
  return [
    t('allocate:compare.selected'), table(pick((p, i) => p.regencies[i]!.selected)), '',
    t('allocate:compare.cutoff'), table(pick((p, i) => score(p.regencies[i]!.cutoff_score))), '',
    table(totals),
  ].join('\n');
}
