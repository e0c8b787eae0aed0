/**
 * The pool of a year, read from the database: applicants whose latest score says eligible, with
 * what ranking needs. Sorted by application id so that equal databases give equal pools.
 * Active PKH: the applicant or anyone on the same KK is an active member in pkh_members.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import type { PoolRow } from './types.js';

export interface Pool {
  tahun: number;
  rows: PoolRow[];
  /** The rubric all scores come from (null when the pool is empty). */
  rubric: { version: string; sha256: string } | null;
}

interface Raw extends Omit<PoolRow, 'pkh'> {
  rubric_version: string;
  rubric_sha256: string;
}

export function loadPool(db: Db, tahun: number): Pool {
  const raws = db.prepare(`
    SELECT a.id AS application_id, a.nik, p.no_kk, p.kode_kabupaten, s.total_score, p.desil,
           a.tanggal_daftar, COALESCE(asm.jenis_usaha_disepakati, a.jenis_usaha) AS jenis_usaha,
           p.jenis_kelamin, s.rubric_version, s.rubric_sha256
    FROM applications a
    JOIN scores s ON s.application_id = a.id AND s.eligible = 1
    JOIN persons p ON p.nik = a.nik
    LEFT JOIN assessments asm ON asm.application_id = a.id
    WHERE a.tahun = ?
    ORDER BY a.id`).all(tahun) as Raw[];
  const rubrics = new Map<string, { version: string; sha256: string }>();
  for (const r of raws) rubrics.set(r.rubric_sha256, { version: r.rubric_version, sha256: r.rubric_sha256 });
  if (rubrics.size > 1) {
    const versions = [...rubrics.values()].map((r) => r.version).sort().join(', ');
    throw new UepError(`the ${tahun} scores come from ${rubrics.size} different rubrics (${versions}): they cannot be ranked together`,
      'score every application of the year again with one rubric, then allocate');
  }
  const activeNik = new Set(db.prepare(`SELECT nik FROM pkh_members WHERE aktif = 1`).pluck().all() as string[]);
  const activeKk = new Set(db.prepare(`SELECT no_kk FROM pkh_members WHERE aktif = 1 AND no_kk IS NOT NULL AND no_kk <> ''`).pluck().all() as string[]);
  const rows = raws.map(({ rubric_version: _v, rubric_sha256: _s, ...r }): PoolRow => ({
    ...r,
    no_kk: r.no_kk && r.no_kk.trim() !== '' ? r.no_kk : null,
    tanggal_daftar: r.tanggal_daftar && r.tanggal_daftar.trim() !== '' ? r.tanggal_daftar : null,
    pkh: activeNik.has(r.nik) || (r.no_kk !== null && activeKk.has(r.no_kk)),
  }));
  return { tahun, rows, rubric: rubrics.values().next().value ?? null };
}

/** The year to allocate when none is given: the latest year with applications, else this year. */
export function defaultTahun(db: Db, now: Date = new Date()): number {
  return (db.prepare(`SELECT max(tahun) FROM applications`).pluck().get() as number | null) ?? now.getFullYear();
}
