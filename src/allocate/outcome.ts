/**
 * What an allocation decided for one person, for `uep explain <nik>`: the run (the year's final
 * run, else its latest draft), rank in the regency, the cut-off, the outcome and its reason, and
 * any replacement that involved them (with operator and time).
 */
import type { Db } from '../db/open.js';
import { maskNik } from '../nik/nik.js';
import { kabupatenByKode } from '../regions/resolve.js';
import type { ReplacementDetail } from './replace.js';
import { currentRun, latestTahunOf, runMoves } from './store.js';
import type { Outcome } from './types.js';

export interface ReplacementInfo {
  /** The other person of the replacement, masked; null when no one took the place. */
  other_application_id: number | null;
  other_nik_masked: string | null;
  reason: string;
  operator: string | null;
  at: string;
}

export interface AllocationOutcomeInfo {
  run_id: number;
  tahun: number;
  status: 'draft' | 'final';
  kode_kabupaten: string;
  nama_kabupaten: string;
  rank: number;
  /** Eligible applicants ranked in the regency (persons, not family cards: named so nobody misreads it). */
  eligible_applicants: number;
  quota: number;
  /** Score of the lowest-ranked selected applicant of the regency now. */
  cutoff_score: number | null;
  total_score: number;
  outcome: Outcome;
  reason: string | null;
  waitlist_pos: number | null;
  package_value: number | null;
  /** The tie-break keys the ranking used (after total score); null for runs stored before uep kept them. */
  ranked_with: { desil: number | null; pkh: boolean; tanggal_daftar: string | null } | null;
  /** Set when this person was replaced: who took the place. */
  replaced_by?: ReplacementInfo;
  /** Set when this person took someone's place. */
  replaces?: ReplacementInfo;
}

interface Row {
  application_id: number;
  kode_kabupaten: string;
  rank: number;
  outcome: Outcome;
  reason: string | null;
  waitlist_pos: number | null;
  package_value: number | null;
  total_score: number;
  desil: number | null;
  pkh: number | null;
  tanggal_daftar: string | null;
  quota: number;
  eligible: number;
  cutoff_score: number | null;
}

/** Null when the person is in no allocation run (of that year). */
export function allocationOutcome(db: Db, nik: string, tahun?: number): AllocationOutcomeInfo | null {
  const year = tahun ?? latestTahunOf(db, nik);
  if (year === null) return null;
  const run = currentRun(db, year);
  if (!run) return null;
  const row = db.prepare(`
    SELECT x.application_id, x.kode_kabupaten, x.rank, x.outcome, x.reason, x.waitlist_pos, x.package_value, x.total_score,
           x.desil, x.pkh, x.tanggal_daftar, q.quota, q.eligible, q.cutoff_score
    FROM applications a
    JOIN allocation_results x ON x.run_id = ? AND x.application_id = a.id
    LEFT JOIN allocation_quotas q ON q.run_id = x.run_id AND q.kode_kabupaten = x.kode_kabupaten
    WHERE a.nik = ? AND a.tahun = ?`).get(run.id, nik, year) as Row | undefined;
  if (!row) return null;
  const info: AllocationOutcomeInfo = {
    run_id: run.id, tahun: run.tahun, status: run.status, kode_kabupaten: row.kode_kabupaten,
    nama_kabupaten: kabupatenByKode(row.kode_kabupaten)?.nama ?? row.kode_kabupaten,
    rank: row.rank, eligible_applicants: row.eligible ?? 0, quota: row.quota ?? 0, cutoff_score: row.cutoff_score, total_score: row.total_score,
    outcome: row.outcome, reason: row.reason, waitlist_pos: row.waitlist_pos, package_value: row.package_value,
    ranked_with: row.pkh === null ? null : { desil: row.desil, pkh: row.pkh === 1, tanggal_daftar: row.tanggal_daftar },
  };
  const nikOf = db.prepare(`SELECT nik FROM allocation_results WHERE run_id = ? AND application_id = ?`).pluck();
  const other = (id: number | null) => (id === null ? null : maskNik(nikOf.get(run.id, id) as string));
  for (const move of runMoves(db, run.id, 'replace')) {
    const d = JSON.parse(move.detail_json) as ReplacementDetail;
    const base = { reason: d.reason, operator: move.operator, at: move.created_at };
    if (d.replaced_application_id === row.application_id) {
      info.replaced_by = { ...base, other_application_id: d.promoted_application_id, other_nik_masked: other(d.promoted_application_id) };
    }
    if (d.promoted_application_id === row.application_id) {
      info.replaces = { ...base, other_application_id: d.replaced_application_id, other_nik_masked: other(d.replaced_application_id) };
    }
  }
  return info;
}
