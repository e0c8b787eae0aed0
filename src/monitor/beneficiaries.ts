/**
 * The people monitoring follows: those selected in a final allocation run, with what the field
 * worker needs to find them, and the grant date their visits count from.
 */
import type { Db } from '../db/open.js';
import { localDate } from '../dates.js';

export interface Beneficiary {
  run_id: number;
  application_id: number;
  nik: string;
  nama: string;
  alamat: string | null;
  desa: string | null;
  kecamatan: string | null;
  kode_kecamatan: string | null;
  kode_kabupaten: string;
  jenis_usaha: string;
  jenis_kelamin: 'L' | 'P' | null;
}

/** The selected of one run, ordered by kecamatan then NIK (the visit sheets' order). */
export function beneficiaries(db: Db, runId: number): Beneficiary[] {
  return db.prepare(`
    SELECT r.run_id, r.application_id, r.nik, COALESCE(p.nama, '') AS nama, p.alamat, p.desa, p.kecamatan, p.kode_kecamatan,
           r.kode_kabupaten, r.jenis_usaha, p.jenis_kelamin
    FROM allocation_results r LEFT JOIN persons p ON p.nik = r.nik
    WHERE r.run_id = ? AND r.outcome = 'selected'
    ORDER BY r.kode_kabupaten, p.kode_kecamatan, p.kecamatan, r.nik`).all(runId) as Beneficiary[];
}

/** The grant date of a run: the visit plan's, else the local date it was finalized; null for a draft without plan. */
export function grantDate(db: Db, runId: number): string | null {
  const planned = db.prepare(`SELECT tanggal_hibah FROM monitor_plans WHERE run_id = ?`).pluck().get(runId) as string | undefined;
  if (planned) return planned;
  const finalized = db.prepare(`SELECT finalized_at FROM allocation_runs WHERE id = ?`).pluck().get(runId) as string | null | undefined;
  return finalized ? localDate(new Date(finalized)) : null;
}

export interface BeneficiaryIndex {
  /** NIK → the earliest grant date among the final runs that selected them. */
  grantOf: Map<string, string | null>;
  /** Application id (the visit sheet's id_penerima) → NIK. */
  nikOfApplication: Map<number, string>;
}

/** Every beneficiary of every final run: who a visit report may be about. */
export function beneficiaryIndex(db: Db): BeneficiaryIndex {
  const rows = db.prepare(`
    SELECT r.run_id, r.application_id, r.nik FROM allocation_results r JOIN allocation_runs a ON a.id = r.run_id
    WHERE a.status = 'final' AND r.outcome = 'selected' ORDER BY r.run_id`).all() as { run_id: number; application_id: number; nik: string }[];
  const grants = new Map<number, string | null>();
  const grantOf = new Map<string, string | null>();
  const nikOfApplication = new Map<number, string>();
  for (const r of rows) {
    if (!grants.has(r.run_id)) grants.set(r.run_id, grantDate(db, r.run_id));
    const g = grants.get(r.run_id)!;
    const before = grantOf.get(r.nik);
    if (before === undefined || (g !== null && (before === null || g < before))) grantOf.set(r.nik, g);
    nikOfApplication.set(r.application_id, r.nik);
  }
  return { grantOf, nikOfApplication };
}
