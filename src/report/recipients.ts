/**
 * Figures of an allocation run the decree annex does not hold yet: quotas against what each
 * regency could use and got (from the run's stored quotas and the export's rows), and the
 * beneficiaries' ages in bands. Read by `uep report summary --json` and the HTML report.
 */
import type { Db } from '../db/open.js';
import type { AllocationRow } from '../export/allocation-rows.js';
import { kabupatenNama } from '../export/run.js';
import { ageAt } from '../score/age.js';

export interface RegencyAllocation {
  kode_kabupaten: string;
  kabupaten: string;
  /** Slots first apportioned by the method. */
  kuota_awal: number;
  /** Slots after re-apportionment. */
  kuota: number;
  /** kuota − kuota_awal: slots moved by re-apportionment. */
  perubahan: number;
  /** Applicants ranked in the run's pool (eligible). */
  eligible: number;
  terpilih: number;
  cadangan: number;
}

/** One line per regency of the run: stored quotas, counts from the same rows the exports write. */
export function regencyAllocation(db: Db, runId: number, rows: readonly AllocationRow[]): RegencyAllocation[] {
  const quotas = db.prepare(`SELECT kode_kabupaten, initial_quota, quota FROM allocation_quotas WHERE run_id = ? ORDER BY kode_kabupaten`)
    .all(runId) as { kode_kabupaten: string; initial_quota: number; quota: number }[];
  const lines = new Map(quotas.map((q): [string, RegencyAllocation] => [q.kode_kabupaten, {
    kode_kabupaten: q.kode_kabupaten, kabupaten: kabupatenNama(q.kode_kabupaten), kuota_awal: q.initial_quota, kuota: q.quota,
    perubahan: q.quota - q.initial_quota, eligible: 0, terpilih: 0, cadangan: 0,
  }]));
  for (const r of rows) {
    let l = lines.get(r.kode_kabupaten);
    if (!l) {
      l = { kode_kabupaten: r.kode_kabupaten, kabupaten: kabupatenNama(r.kode_kabupaten), kuota_awal: 0, kuota: 0, perubahan: 0, eligible: 0, terpilih: 0, cadangan: 0 };
      lines.set(r.kode_kabupaten, l);
    }
    l.eligible++;
    if (r.outcome === 'selected') l.terpilih++;
    if (r.outcome === 'waitlist') l.cadangan++;
  }
  return [...lines.values()].sort((a, b) => (a.kode_kabupaten < b.kode_kabupaten ? -1 : 1));
}

/** Age bands of the beneficiaries (the rubric admits 18 to 60 at the assessment). */
export const AGE_BANDS = ['<30', '30-39', '40-49', '50-59', '60+', 'tidak_diketahui'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number | null): AgeBand {
  if (age === null) return 'tidak_diketahui';
  return age < 30 ? '<30' : age < 40 ? '30-39' : age < 50 ? '40-49' : age < 60 ? '50-59' : '60+';
}

export interface AgeLine {
  kode_kabupaten: string;
  kelompok_umur: AgeBand;
  penerima: number;
}

/**
 * The selected of a run by regency and age band, age on `at` (YYYY-MM-DD: the allocation date) from
 * the DTKS birth date, else the NIK (ageAt, as scoring reads it). Every band of every regency with a
 * beneficiary is listed, zeros included.
 */
export function ageBands(db: Db, runId: number, at: string): AgeLine[] {
  const rows = db.prepare(`SELECT r.kode_kabupaten, r.nik, p.tanggal_lahir FROM allocation_results r LEFT JOIN persons p ON p.nik = r.nik
    WHERE r.run_id = ? AND r.outcome = 'selected'`).raw().all(runId) as [string, string, string | null][];
  const counts = new Map<string, Map<AgeBand, number>>();
  for (const [kode, nik, lahir] of rows) {
    const bands = counts.get(kode) ?? new Map(AGE_BANDS.map((b) => [b, 0]));
    const band = ageBand(ageAt(lahir, nik, at));
    bands.set(band, bands.get(band)! + 1);
    counts.set(kode, bands);
  }
  return [...counts.keys()].sort().flatMap((kode) => AGE_BANDS.map((b) => ({ kode_kabupaten: kode, kelompok_umur: b, penerima: counts.get(kode)!.get(b)! })));
}
