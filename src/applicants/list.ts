import type { Db } from '../db/open.js';
import { kabupatenByKode } from '../regions/resolve.js';

/** Where an application stands: registered → assessed → scored eligible or ineligible. */
export const APPLICANT_STATUSES = ['registered', 'assessed', 'eligible', 'ineligible'] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

export interface ApplicantRow {
  application_id: number;
  nik: string;
  nama: string;
  kode_kabupaten: string;
  kabupaten: string;
  jenis_usaha: string;
  tanggal_daftar: string | null;
  status: ApplicantStatus;
  jenis_usaha_disepakati: string | null;
  total_score: number | null;
}

export interface ListOptions {
  tahun: number;
  /** Kemendagri regency code. */
  kabupaten?: string;
  status?: ApplicantStatus;
  /** Only this person. */
  nik?: string;
}

const STATUS_SQL = `CASE WHEN s.application_id IS NOT NULL THEN (CASE WHEN s.eligible = 1 THEN 'eligible' ELSE 'ineligible' END)
  WHEN asm.id IS NOT NULL THEN 'assessed' ELSE 'registered' END`;

/** Applications of a year in registration order (date, then id), with their person and status. */
export function listApplicants(db: Db, o: ListOptions): ApplicantRow[] {
  const rows = db.prepare(`
    SELECT a.id AS application_id, a.nik, p.nama, p.kode_kabupaten, a.jenis_usaha, a.tanggal_daftar,
           ${STATUS_SQL} AS status, asm.jenis_usaha_disepakati, s.total_score
    FROM applications a
    JOIN persons p ON p.nik = a.nik
    LEFT JOIN assessments asm ON asm.application_id = a.id
    LEFT JOIN scores s ON s.application_id = a.id
    WHERE a.tahun = @tahun
      AND (@kabupaten IS NULL OR p.kode_kabupaten = @kabupaten)
      AND (@nik IS NULL OR a.nik = @nik)
      AND (@status IS NULL OR ${STATUS_SQL} = @status)
    ORDER BY a.tanggal_daftar IS NULL, a.tanggal_daftar, a.id`).all({
    tahun: o.tahun, kabupaten: o.kabupaten ?? null, status: o.status ?? null, nik: o.nik ?? null,
  }) as Omit<ApplicantRow, 'kabupaten'>[];
  return rows.map((r) => ({ ...r, kabupaten: kabupatenByKode(r.kode_kabupaten)?.nama ?? r.kode_kabupaten }));
}

/** The year to work on when none is given: the latest year with applications, else this year. */
export function latestTahun(db: Db, now: Date = new Date()): number {
  return (db.prepare(`SELECT max(tahun) FROM applications`).pluck().get() as number | null) ?? now.getFullYear();
}

export function statusCounts(rows: ApplicantRow[]): Record<ApplicantStatus, number> {
  const counts = Object.fromEntries(APPLICANT_STATUSES.map((s) => [s, 0])) as Record<ApplicantStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}
