/**
 * Every applicant of an allocation run's pool with what the exports and reports show of them.
 * Desil, sex and active PKH are those the run ranked with (stored with each result; docs/facts.md),
 * so the annex's fairness table agrees with the ranking whatever the registry says later. Runs
 * stored before uep kept them show the registry now, active PKH by the one definition (pkhAktif).
 */
import type { Db } from '../db/open.js';
import { familyCardSql, loadPkhFamilies, pkhAktif, type PkhFamilies } from '../score/facts.js';

export interface AllocationRow {
  kode_kabupaten: string;
  rank: number;
  outcome: 'selected' | 'waitlist' | 'not_selected' | 'skipped' | 'replaced';
  nik: string;
  nama: string;
  no_kk: string | null;
  alamat: string | null;
  kecamatan: string | null;
  desa: string | null;
  jenis_usaha: string;
  package_value: number | null;
  jenis_kelamin: 'L' | 'P' | null;
  desil: number | null;
  /** Active PKH (the rubric's pkh_aktif) as the ranking used it. */
  pkh: boolean;
}

type Row = Omit<AllocationRow, 'pkh'> & { pkh: number | null; kk: string | null; status_pkh: number | null };

/** `selectedOnly`: the beneficiaries alone (a report of 1,500 need not read a pool of 200k). */
export function allocationRows(db: Db, runId: number, options: { selectedOnly?: boolean } = {}): AllocationRow[] {
  const rows = db.prepare(`
    SELECT r.kode_kabupaten, r.rank, r.outcome, r.nik, COALESCE(p.nama, '') AS nama, p.no_kk, p.alamat, p.kecamatan, p.desa,
           r.jenis_usaha, r.package_value,
           CASE WHEN r.pkh IS NULL THEN p.jenis_kelamin ELSE r.jenis_kelamin END AS jenis_kelamin,
           CASE WHEN r.pkh IS NULL THEN p.desil ELSE r.desil END AS desil,
           r.pkh, ${familyCardSql('p')} AS kk, p.status_pkh
    FROM allocation_results r LEFT JOIN persons p ON p.nik = r.nik
    WHERE r.run_id = ?${options.selectedOnly ? ` AND r.outcome = 'selected'` : ''}
    ORDER BY r.kode_kabupaten, r.rank, r.nik`).all(runId) as Row[];
  let families: PkhFamilies | undefined;
  return rows.map(({ kk, status_pkh, pkh, ...r }) => {
    if (pkh !== null) return { ...r, pkh: pkh === 1 };
    families ??= loadPkhFamilies(db);
    return { ...r, pkh: pkhAktif({ nik: r.nik, no_kk: kk, status_pkh }, families) };
  });
}
