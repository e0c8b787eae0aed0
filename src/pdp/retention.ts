/**
 * How many records of each kind the database holds, and how many are past the office's retention
 * period (pdp config): counted, never deleted here. The event each period runs from:
 * - keluar_dtks: the import that found the person gone from DTKS (a snapshot);
 * - pendaftar_tidak_terpilih: the programme year of an application not selected in a final run;
 * - penerima: the programme year of a final run's beneficiary;
 * - kunjungan: the visit date;
 * - keberatan_temuan: the date an appeal, a finding or a duplicate decision was recorded;
 * - log_audit: the date of the entry (the log is append-only: `uep` never deletes from it).
 */
import type { Db } from '../db/open.js';
import { RETENTION_RULES, type RetentionRule } from './config.js';

export interface RetentionLine {
  rule: RetentionRule;
  years: number;
  /** Records held now. */
  held: number;
  /** Of those, past the period as of `now`. */
  due: number;
}

type Count = (db: Db, cutoffDate: string, cutoffYear: number) => { held: number; due: number };

const FINAL_SELECTED = `SELECT r.application_id FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id WHERE u.status = 'final' AND r.outcome = 'selected'`;

const COUNTS: Record<RetentionRule, Count> = {
  keluar_dtks: (db, date) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE b.started_at < ?) AS due
    FROM persons p LEFT JOIN import_batches b ON b.id = p.departed_batch_id WHERE p.in_dtks = 0`).get(date) as { held: number; due: number },
  pendaftar_tidak_terpilih: (db, _date, year) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE tahun < ?) AS due
    FROM applications WHERE id NOT IN (${FINAL_SELECTED})`).get(year) as { held: number; due: number },
  penerima: (db, _date, year) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE u.tahun < ?) AS due
    FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id WHERE u.status = 'final' AND r.outcome = 'selected'`).get(year) as { held: number; due: number },
  kunjungan: (db, date) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE tanggal_kunjungan < ?) AS due FROM visits`).get(date) as { held: number; due: number },
  keberatan_temuan: (db, date) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE at < ?) AS due FROM (
      SELECT recorded_at AS at FROM appeals UNION ALL SELECT recorded_at FROM registry_findings UNION ALL SELECT decided_at FROM duplicate_decisions)`)
    .get(date) as { held: number; due: number },
  log_audit: (db, date) => db.prepare(`SELECT count(*) AS held, count(*) FILTER (WHERE at < ?) AS due FROM audit_log`).get(date) as { held: number; due: number },
};

export function retention(db: Db, years: Record<RetentionRule, number>, now: Date): RetentionLine[] {
  return RETENTION_RULES.map((rule) => {
    const n = years[rule];
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - n);
    // A programme year is past its period once `n` whole years have followed it.
    const { held, due } = COUNTS[rule](db, cutoff.toISOString().slice(0, 10), now.getUTCFullYear() - n);
    return { rule, years: n, held, due };
  });
}
