/**
 * What the field work needs next: overdue visits, obstacles by frequency, referrals made.
 * Pure functions over plain data.
 *
 * Overdue: the k-th planned visit (grant + bulan[k] months) is due once its date has passed; it
 * counts as done when the person has had at least k visits since the grant (visits come early or
 * late, so they are counted, not matched by date). One line per person: their first missing visit.
 */
import { percent } from '../export/run.js';
import { addMonths, daysBetween } from '../monitor/dates.js';
import { KENDALA, RUJUKAN } from '../monitor/visit-values.js';
import type { VisitFact } from './survival.js';

export interface PlannedPerson {
  nik: string;
  monitor_id: string | null;
}

export interface Overdue {
  nik: string;
  monitor_id: string | null;
  kunjungan_ke: number;
  tanggal_rencana: string;
  hari_terlambat: number;
  /** Planned visits due and not made. */
  terlewat: number;
}

export function overdueVisits(people: readonly PlannedPerson[], visits: readonly VisitFact[], tanggalHibah: string, bulan: readonly number[], asOf: string): Overdue[] {
  const done = new Map<string, number>();
  for (const v of visits) if (v.tanggal >= tanggalHibah && v.tanggal <= asOf) done.set(v.nik, (done.get(v.nik) ?? 0) + 1);
  const due = bulan.map((m) => addMonths(tanggalHibah, m)).filter((d) => d < asOf);
  const out: Overdue[] = [];
  for (const p of people) {
    const made = done.get(p.nik) ?? 0;
    if (made >= due.length) continue;
    const first = due[made]!;
    out.push({ nik: p.nik, monitor_id: p.monitor_id, kunjungan_ke: made + 1, tanggal_rencana: first, hari_terlambat: daysBetween(first, asOf), terlewat: due.length - made });
  }
  return out.sort((a, b) => b.hari_terlambat - a.hari_terlambat || (a.monitor_id ?? '').localeCompare(b.monitor_id ?? '') || (a.nik < b.nik ? -1 : 1));
}

export interface KendalaLine {
  kendala: string;
  /** Beneficiaries whose last visit reported it. */
  penerima: number;
  /** Share of the visited beneficiaries, percent. */
  persen: number | null;
  /** Visits (all, up to the reference date) that reported it. */
  kunjungan: number;
}

export function obstacles(last: Map<string, VisitFact>, visits: readonly VisitFact[], asOf: string): KendalaLine[] {
  return KENDALA.map((k) => ({
    kendala: k,
    penerima: [...last.values()].filter((v) => v.kendala.includes(k)).length,
    persen: percent([...last.values()].filter((v) => v.kendala.includes(k)).length, last.size),
    kunjungan: visits.filter((v) => v.tanggal <= asOf && v.kendala.includes(k)).length,
  })).sort((a, b) => b.penerima - a.penerima || b.kunjungan - a.kunjungan || a.kendala.localeCompare(b.kendala));
}

export interface RujukanLine {
  rujukan: string;
  /** Distinct beneficiaries referred. */
  penerima: number;
  kunjungan: number;
}

export function referrals(visits: readonly VisitFact[], asOf: string): RujukanLine[] {
  return RUJUKAN.map((r) => {
    const with_ = visits.filter((v) => v.tanggal <= asOf && v.rujukan.includes(r));
    return { rujukan: r, penerima: new Set(with_.map((v) => v.nik)).size, kunjungan: with_.length };
  });
}
