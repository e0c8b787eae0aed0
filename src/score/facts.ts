/**
 * The registry facts of applicants (see Facts): read once per scoring run into sets, so that
 * 200k applicants cost one pass over PKH and the recipient lists, not a query each.
 * PKH is a household programme: the applicant's family counts as PKH when anyone on the same KK
 * (the member's own no_kk, else the KK DTKS gives for their NIK) is an active member.
 */
import type { Db } from '../db/open.js';
import { ageAt } from './age.js';
import type { Facts } from './types.js';

export interface Households {
  pkhNik: Set<string>;
  pkhKk: Set<string>;
  rentanNik: Set<string>;
  rentanKk: Set<string>;
  /** NIK → latest year before the programme year in which they received a package. */
  recipients: Map<string, number>;
}

/** Loads the sets for a programme year; `only` narrows them to one person and their KK. */
export function loadHouseholds(db: Db, tahun: number, only?: { nik: string; kk: string | null }): Households {
  const h: Households = { pkhNik: new Set(), pkhKk: new Set(), rentanNik: new Set(), rentanKk: new Set(), recipients: new Map() };
  const filter = only ? `AND (m.nik = @nik OR COALESCE(NULLIF(m.no_kk, ''), p.no_kk) = @kk)` : '';
  const pkh = db.prepare(`
    SELECT m.nik, COALESCE(NULLIF(m.no_kk, ''), p.no_kk) AS kk, (COALESCE(m.disabilitas, 0) > 0 OR COALESCE(m.lansia, 0) > 0) AS rentan
    FROM pkh_members m LEFT JOIN persons p ON p.nik = m.nik
    WHERE m.aktif = 1 ${filter}`).raw();
  for (const [nik, kk, rentan] of pkh.iterate(only ? { nik: only.nik, kk: only.kk ?? '' } : {}) as Iterable<[string, string | null, number]>) {
    h.pkhNik.add(nik);
    if (kk) h.pkhKk.add(kk);
    if (rentan) {
      h.rentanNik.add(nik);
      if (kk) h.rentanKk.add(kk);
    }
  }
  const recipients = db.prepare(`
    SELECT nik, max(tahun) FROM (
      SELECT nik, tahun FROM recipients WHERE tahun < @tahun ${only ? 'AND nik = @nik' : ''}
      UNION ALL
      SELECT r.nik, u.tahun FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id
      WHERE u.status = 'final' AND r.outcome = 'selected' AND u.tahun < @tahun ${only ? 'AND r.nik = @nik' : ''}
    ) GROUP BY nik`).raw();
  for (const [nik, year] of recipients.iterate({ tahun, ...(only ? { nik: only.nik } : {}) }) as Iterable<[string, number]>) h.recipients.set(nik, year);
  return h;
}

/** The columns of persons (and the application count) facts are computed from. */
export interface PersonRow {
  nik: string;
  in_dtks: number;
  kode_kabupaten: string | null;
  desil: number | null;
  jenis_kelamin: string | null;
  hubungan_keluarga: string | null;
  tanggal_lahir: string | null;
  no_kk: string | null;
  status_pkh: number | null;
  applications: number;
}

export const PERSON_FACT_COLUMNS = 'p.nik, p.in_dtks, p.kode_kabupaten, p.desil, p.jenis_kelamin, p.hubungan_keluarga, p.tanggal_lahir, p.no_kk, p.status_pkh';

/** The facts of one applicant at the assessment date (YYYY-MM-DD). */
export function factsOf(p: PersonRow, h: Households, tanggal: string): Facts {
  const kk = p.no_kk && p.no_kk.trim() !== '' ? p.no_kk : null;
  return {
    in_dtks: p.in_dtks === 1,
    kode_kabupaten: p.kode_kabupaten,
    age: ageAt(p.tanggal_lahir, p.nik, tanggal),
    desil: p.desil,
    pkh_aktif: p.status_pkh === 1 || h.pkhNik.has(p.nik) || (kk !== null && h.pkhKk.has(kk)),
    wrse: p.jenis_kelamin === 'P' && p.hubungan_keluarga === 'kepala_keluarga',
    rentan_pkh: h.rentanNik.has(p.nik) || (kk !== null && h.rentanKk.has(kk)),
    earlier_recipient: h.recipients.get(p.nik) ?? null,
    applications: p.applications,
  };
}

/** The facts of one person for a year's application (interview preview, explain). */
export function personFacts(db: Db, nik: string, tahun: number, tanggal: string): Facts | undefined {
  const p = db.prepare(`
    SELECT ${PERSON_FACT_COLUMNS}, (SELECT count(*) FROM applications b WHERE b.nik = p.nik AND b.tahun = @tahun) AS applications
    FROM persons p WHERE p.nik = @nik`).get({ nik, tahun }) as PersonRow | undefined;
  if (!p) return undefined;
  return factsOf(p, loadHouseholds(db, tahun, { nik, kk: p.no_kk }), tanggal);
}
