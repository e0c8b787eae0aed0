/**
 * The field work in numbers: for each field worker and each regency, the beneficiaries assigned,
 * the visits made since the grant, and the beneficiaries behind their visit plan (the overdue
 * rule of followup.ts). Pure functions over plain data.
 */
import type { Overdue, PlannedPerson } from './followup.js';
import type { VisitFact } from './survival.js';

export interface FieldWorkLine {
  /** Worker id, or kode_kabupaten for the regency lines; null: beneficiaries without a worker. */
  kelompok: string | null;
  penerima: number;
  /** Visits made since the grant, up to the reference date. */
  kunjungan: number;
  /** Beneficiaries with at least one planned visit overdue. */
  penerima_terlambat: number;
  /** Planned visits due and not made. */
  kunjungan_terlewat: number;
}

export interface FieldWork {
  petugas: (FieldWorkLine & { peran: string | null })[];
  kabupaten: FieldWorkLine[];
}

function tally(keys: Map<string, string | null>, visitsDone: Map<string, number>, overdue: readonly Overdue[]): FieldWorkLine[] {
  const lines = new Map<string | null, FieldWorkLine>();
  const line = (k: string | null) => {
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { kelompok: k, penerima: 0, kunjungan: 0, penerima_terlambat: 0, kunjungan_terlewat: 0 }));
    return l;
  };
  for (const [nik, k] of keys) {
    const l = line(k);
    l.penerima++;
    l.kunjungan += visitsDone.get(nik) ?? 0;
  }
  for (const o of overdue) {
    const l = line(keys.get(o.nik) ?? null);
    l.penerima_terlambat++;
    l.kunjungan_terlewat += o.terlewat;
  }
  return [...lines.values()].sort((a, b) => (a.kelompok ?? '\uffff').localeCompare(b.kelompok ?? '\uffff'));
}

export function fieldWork(
  people: readonly { nik: string; kode_kabupaten: string }[],
  assigned: readonly PlannedPerson[],
  roles: Map<string, string>,
  visits: readonly VisitFact[],
  overdue: readonly Overdue[],
  tanggalHibah: string,
  asOf: string,
): FieldWork {
  const visitsDone = new Map<string, number>();
  for (const v of visits) if (v.tanggal >= tanggalHibah && v.tanggal <= asOf) visitsDone.set(v.nik, (visitsDone.get(v.nik) ?? 0) + 1);
  const worker = new Map(assigned.map((a) => [a.nik, a.monitor_id]));
  const byWorker = new Map(people.map((p) => [p.nik, worker.get(p.nik) ?? null]));
  const byRegency = new Map(people.map((p) => [p.nik, p.kode_kabupaten]));
  return {
    petugas: tally(byWorker, visitsDone, overdue).map((l) => ({ ...l, peran: l.kelompok === null ? null : roles.get(l.kelompok) ?? null })),
    kabupaten: tally(byRegency, visitsDone, overdue),
  };
}
