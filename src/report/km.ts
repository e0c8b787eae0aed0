/**
 * Survival over months since the grant as a Kaplan–Meier curve: the share of businesses still
 * running, estimated so that beneficiaries not visited (yet, or not since some month) do not count
 * as failures. Pure functions over plain data.
 *
 * "Running" is the survival report's definition (RUNNING, judged at each person's last visit on or
 * before the reference date), read as a time to event:
 * - last visit found the business stopped (berhenti): an event, at the month of the first visit of
 *   that final run of berhenti visits (a business that closed and reopened is judged by its last
 *   visit, as the survival table does);
 * - last visit found it running: censored at the month of that visit (known to run until then);
 * - never visited by the reference date: no information; not in any risk set (counted apart).
 * Months are whole months since the grant (monthsBetween, as the survival table's month bands).
 * At each month, S(m) = S(m-1) × (1 − stopped(m) / at risk(m)); at risk(m) = everyone whose event or
 * censoring month is m or later (censored at m are still at risk at m, the usual convention).
 */
import { monthsBetween } from '../monitor/dates.js';
import { RUNNING } from '../monitor/visit-values.js';
import { groupBy, SURVIVAL_DIMENSIONS, type Subject, type VisitFact } from './survival.js';

export interface KmTime {
  bulan: number;
  berhenti: boolean;
}

export interface KmPoint {
  dimensi: string;
  kelompok: string;
  bulan: number;
  /** Businesses observed up to this month or later. */
  berisiko: number;
  /** Found stopped at this month. */
  berhenti: number;
  /** Last seen running at this month (no later visit by the reference date). */
  tersensor: number;
  /** Estimated share still running after this month, percent with one decimal. */
  persen: number;
}

/** Each visited person's event or censoring month, from their visits on or before `asOf`. */
export function kmTimes(visits: readonly VisitFact[], tanggalHibah: string, asOf: string): Map<string, KmTime> {
  const byNik = new Map<string, VisitFact[]>();
  for (const v of visits) {
    if (v.tanggal > asOf) continue;
    const list = byNik.get(v.nik) ?? [];
    list.push(v);
    byNik.set(v.nik, list);
  }
  const out = new Map<string, KmTime>();
  for (const [nik, list] of byNik) {
    list.sort((a, b) => (a.tanggal < b.tanggal ? -1 : a.tanggal > b.tanggal ? 1 : 0));
    let i = list.length - 1;
    const stopped = !RUNNING.has(list[i]!.status);
    if (stopped) while (i > 0 && !RUNNING.has(list[i - 1]!.status)) i--;
    out.set(nik, { bulan: Math.max(0, monthsBetween(tanggalHibah, list[i]!.tanggal)), berhenti: stopped });
  }
  return out;
}

/** The curve of one group: a point for every month from 0 to the last month observed. */
export function kmCurve(dimensi: string, kelompok: string, subjects: readonly Subject[], times: Map<string, KmTime>): KmPoint[] {
  const observed = subjects.map((s) => times.get(s.nik)).filter((x): x is KmTime => x !== undefined);
  if (observed.length === 0) return [];
  const last = Math.max(...observed.map((o) => o.bulan));
  const events = new Array<number>(last + 1).fill(0);
  const censored = new Array<number>(last + 1).fill(0);
  for (const o of observed) (o.berhenti ? events : censored)[o.bulan]! += 1;
  const points: KmPoint[] = [];
  let atRisk = observed.length;
  let s = 1;
  for (let m = 0; m <= last; m++) {
    if (atRisk > 0) s *= 1 - events[m]! / atRisk;
    points.push({ dimensi, kelompok, bulan: m, berisiko: atRisk, berhenti: events[m]!, tersensor: censored[m]!, persen: Math.round(s * 1000) / 10 });
    atRisk -= events[m]! + censored[m]!;
  }
  return points;
}

/** Curves overall and for each group of the survival table's dimensions (regency, business type, sex). */
export function kaplanMeier(subjects: readonly Subject[], visits: readonly VisitFact[], tanggalHibah: string, asOf: string): KmPoint[] {
  const times = kmTimes(visits, tanggalHibah, asOf);
  const points = kmCurve('semua', 'semua', subjects, times);
  for (const [dim, key] of SURVIVAL_DIMENSIONS) for (const [k, group] of groupBy(subjects, key)) points.push(...kmCurve(dim, k, group, times));
  return points;
}
