/**
 * The pool as uep loaded it before pkh_aktif became the one definition of active PKH (issue 10):
 * PKH only through the applicant's own active row or a PKH row carrying the same no_kk, and the
 * regency and desil read from persons rather than from the score. Kept for one job: to recognise
 * a run ranked that way (its inputs hash matches this pool) so that `allocate verify` can say why
 * it no longer recomputes. Never used to rank.
 */
import type { Db } from '../db/open.js';
import type { PoolRow } from './types.js';

type Raw = [number, string, string | null, string, number, number | null, string | null, string, 'L' | 'P' | null];

export function legacyPoolRows(db: Db, tahun: number): PoolRow[] {
  const activeNik = new Set(db.prepare(`SELECT nik FROM pkh_members WHERE aktif = 1`).pluck().all() as string[]);
  const activeKk = new Set(db.prepare(`SELECT no_kk FROM pkh_members WHERE aktif = 1 AND no_kk IS NOT NULL AND no_kk <> ''`).pluck().all() as string[]);
  const raws = db.prepare(`
    SELECT a.id, a.nik, p.no_kk, p.kode_kabupaten, s.total_score, p.desil, a.tanggal_daftar,
           COALESCE(asm.jenis_usaha_disepakati, a.jenis_usaha), p.jenis_kelamin
    FROM applications a
    JOIN scores s ON s.application_id = a.id AND s.eligible = 1
    JOIN persons p ON p.nik = a.nik
    LEFT JOIN assessments asm ON asm.application_id = a.id
    WHERE a.tahun = ?
    ORDER BY a.id`).raw().all(tahun) as Raw[];
  return raws.map(([application_id, nik, kk, kode_kabupaten, total_score, desil, tanggal, jenis_usaha, jenis_kelamin]): PoolRow => {
    const no_kk = kk && kk.trim() !== '' ? kk : null;
    return {
      application_id, nik, no_kk, kode_kabupaten, total_score, desil,
      pkh: activeNik.has(nik) || (no_kk !== null && activeKk.has(no_kk)),
      tanggal_daftar: tanggal && tanggal.trim() !== '' ? tanggal : null,
      jenis_usaha, jenis_kelamin,
    };
  });
}
