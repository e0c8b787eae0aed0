/**
 * The pool of a year, read from the database: applicants whose latest score says eligible, with
 * what ranking needs. Sorted by application id so that equal databases give equal pools.
 * The registry facts the ranking uses (regency of residence, desil, active PKH) are the ones
 * stored with the score (src/score/facts.ts, docs/facts.md): the tie-break is the same pkh_aktif
 * that gave the score its points and that explain shows. New registry data count after `uep score`.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { familyCardSql } from '../score/facts.js';
import type { PoolRow } from './types.js';

/** The business type a package is for: the one agreed at the assessment, else the one applied for. */
export const packageJenisSql = (application: string, assessment: string) => `COALESCE(${assessment}.jenis_usaha_disepakati, ${application}.jenis_usaha)`;

export interface Pool {
  tahun: number;
  rows: PoolRow[];
  /** The rubric all scores come from (null when the pool is empty). */
  rubric: { version: string; sha256: string } | null;
}

type Raw = [number, string, string | null, string | null, number, number | null, number | null, string | null, string, 'L' | 'P' | null];

export function loadPool(db: Db, tahun: number): Pool {
  const rubrics = db.prepare(`
    SELECT DISTINCT s.rubric_version AS version, s.rubric_sha256 AS sha256
    FROM applications a JOIN scores s ON s.application_id = a.id AND s.eligible = 1
    WHERE a.tahun = ? ORDER BY 1, 2`).all(tahun) as { version: string; sha256: string }[];
  if (rubrics.length > 1) {
    throw new UepError(t('allocate:pool.rubrics', { tahun, n: rubrics.length, versions: rubrics.map((r) => r.version).join(', ') }),
      t('allocate:pool.rubrics_hint'));
  }
  // Raw arrays, not objects: the pool can hold 200k rows.
  const raws = db.prepare(`
    SELECT a.id, a.nik, ${familyCardSql('p')}, s.kode_kabupaten, s.total_score, s.desil, s.pkh_aktif, a.tanggal_daftar,
           ${packageJenisSql('a', 'asm')}, p.jenis_kelamin
    FROM applications a
    JOIN scores s ON s.application_id = a.id AND s.eligible = 1
    JOIN persons p ON p.nik = a.nik
    LEFT JOIN assessments asm ON asm.application_id = a.id
    WHERE a.tahun = ?
    ORDER BY a.id`).raw().all(tahun) as Raw[];
  const rows = raws.map(([application_id, nik, no_kk, kode_kabupaten, total_score, desil, pkh, tanggal, jenis_usaha, jenis_kelamin]): PoolRow => {
    if (kode_kabupaten === null || pkh === null) {
      throw new UepError(t('allocate:pool.no_facts', { application: application_id, tahun }), t('allocate:pool.no_facts_hint', { tahun }));
    }
    return {
      application_id, nik, no_kk, kode_kabupaten, total_score, desil, pkh: pkh === 1,
      tanggal_daftar: tanggal && tanggal.trim() !== '' ? tanggal : null,
      jenis_usaha, jenis_kelamin,
    };
  });
  return { tahun, rows, rubric: rubrics[0] ?? null };
}
