/**
 * Every applicant of an allocation run's pool with what the exports show of them. Reads
 * allocation_results, persons and pkh_members only.
 * PKH family: the person, or anyone on the same KK, is an active PKH member (as the pool counts it).
 */
import type { Db } from '../db/open.js';

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
  pkh: boolean;
}

/** `selectedOnly`: the beneficiaries alone (a report of 1,500 need not read a pool of 200k). */
export function allocationRows(db: Db, runId: number, options: { selectedOnly?: boolean } = {}): AllocationRow[] {
  const rows = db.prepare(`
    SELECT r.kode_kabupaten, r.rank, r.outcome, r.nik, COALESCE(p.nama, '') AS nama, p.no_kk, p.alamat, p.kecamatan, p.desa,
           r.jenis_usaha, r.package_value, p.jenis_kelamin, p.desil,
           EXISTS (SELECT 1 FROM pkh_members m WHERE m.aktif = 1 AND (m.nik = r.nik OR (p.no_kk IS NOT NULL AND p.no_kk <> ''
             AND m.nik IN (SELECT q.nik FROM persons q WHERE q.no_kk = p.no_kk)))) AS pkh
    FROM allocation_results r LEFT JOIN persons p ON p.nik = r.nik
    WHERE r.run_id = ?${options.selectedOnly ? ` AND r.outcome = 'selected'` : ''}
    ORDER BY r.kode_kabupaten, r.rank, r.nik`).all(runId) as (Omit<AllocationRow, 'pkh'> & { pkh: number })[];
  return rows.map((r) => ({ ...r, pkh: r.pkh === 1 }));
}
