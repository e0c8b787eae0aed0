/**
 * Replacing a selected beneficiary who withdraws or turns out ineligible: the result becomes
 * `replaced` (with the officer's reason) and the first waitlisted applicant of the same regency
 * whose family has no package yet is promoted. The same pure step replays stored replacements in
 * `verify`, so a final run with replacements stays verifiable.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { currentRun, getRun, latestTahunOf, runResults, type RunRow } from './store.js';
import type { ResultRow } from './types.js';

export interface ReplacementDetail {
  replaced_application_id: number;
  kode_kabupaten: string;
  reason: string;
  /** null: the regency's waitlist was empty, the slot stays open. */
  promoted_application_id: number | null;
  promoted_waitlist_pos: number | null;
  /** Waitlisted applicants passed over because their family already has a package. */
  skipped_application_ids: number[];
}

/** Applies one replacement to `results` in place; returns what changed. */
export function applyReplacement(
  results: ResultRow[],
  replacedApplicationId: number,
  reason: string,
  kkOf: (applicationId: number) => string | null,
): { detail: ReplacementDetail; changed: ResultRow[] } {
  const target = results.find((r) => r.application_id === replacedApplicationId);
  if (!target || target.outcome !== 'selected') {
    throw new UepError(target
      ? t('allocate:replace.not_selected', { application: replacedApplicationId, outcome: target.outcome })
      : t('allocate:replace.not_in_pool', { application: replacedApplicationId }));
  }
  target.outcome = 'replaced';
  target.reason = reason;
  const families = new Set<string>();
  for (const r of results) {
    const kk = r.outcome === 'selected' ? kkOf(r.application_id) : null;
    if (kk) families.add(kk);
  }
  const waitlist = results
    .filter((r) => r.outcome === 'waitlist' && r.kode_kabupaten === target.kode_kabupaten)
    .sort((a, b) => a.waitlist_pos! - b.waitlist_pos!);
  const changed = [target];
  const detail: ReplacementDetail = {
    replaced_application_id: replacedApplicationId, kode_kabupaten: target.kode_kabupaten, reason,
    promoted_application_id: null, promoted_waitlist_pos: null, skipped_application_ids: [],
  };
  for (const w of waitlist) {
    const kk = kkOf(w.application_id);
    if (kk && families.has(kk)) {
      w.outcome = 'skipped';
      w.reason = 'same_kk';
      w.waitlist_pos = null;
      detail.skipped_application_ids.push(w.application_id);
      changed.push(w);
      continue;
    }
    detail.promoted_application_id = w.application_id;
    detail.promoted_waitlist_pos = w.waitlist_pos;
    w.outcome = 'selected';
    w.reason = 'replacement';
    w.waitlist_pos = null;
    changed.push(w);
    break;
  }
  return { detail, changed };
}

export interface ReplaceOptions {
  nik: string;
  reason: string;
  operator: string;
  runId?: number;
  tahun?: number;
  now: Date;
}

export interface ReplaceResult {
  run_id: number;
  status: RunRow['status'];
  kode_kabupaten: string;
  replaced: { application_id: number; nik_masked: string; rank: number };
  promoted: { application_id: number; nik_masked: string; rank: number; waitlist_pos: number } | null;
  skipped_same_kk: number;
}

function findRun(db: Db, options: ReplaceOptions): RunRow {
  if (options.runId !== undefined) return getRun(db, options.runId);
  const tahun = options.tahun ?? latestTahunOf(db, options.nik);
  const run = tahun === null ? undefined : currentRun(db, tahun);
  if (!run) throw new UepError(tahun === null ? t('allocate:replace.no_run_for_nik') : t('allocate:replace.no_run_for_tahun', { tahun }), t('allocate:replace.no_run_hint'));
  return run;
}

/** Recounts a regency's row in allocation_quotas from its results. */
function refreshQuota(db: Db, runId: number, kode: string): void {
  const a = db.prepare(`SELECT count(*) FILTER (WHERE outcome = 'selected') AS selected, count(*) FILTER (WHERE outcome = 'waitlist') AS waitlisted,
      min(total_score) FILTER (WHERE outcome = 'selected') AS cutoff, coalesce(sum(package_value) FILTER (WHERE outcome = 'selected'), 0) AS total
    FROM allocation_results WHERE run_id = ? AND kode_kabupaten = ?`).get(runId, kode) as { selected: number; waitlisted: number; cutoff: number | null; total: number };
  db.prepare(`UPDATE allocation_quotas SET selected = ?, waitlisted = ?, cutoff_score = ?, package_total = ? WHERE run_id = ? AND kode_kabupaten = ?`)
    .run(a.selected, a.waitlisted, a.cutoff, a.total, runId, kode);
}

export function replaceBeneficiary(db: Db, options: ReplaceOptions): ReplaceResult {
  return db.transaction((): ReplaceResult => {
    const run = findRun(db, options);
    const results = runResults(db, run.id);
    const target = results.find((r) => r.nik === options.nik);
    if (!target) throw new UepError(t('allocate:replace.nik_not_in_pool', { nik: maskNik(options.nik), run: run.id }));
    const kk = new Map((db.prepare(`SELECT a.id, p.no_kk FROM allocation_results r JOIN applications a ON a.id = r.application_id
      JOIN persons p ON p.nik = a.nik WHERE r.run_id = ?`).raw().all(run.id) as [number, string | null][]));
    const { detail, changed } = applyReplacement(results, target.application_id, options.reason, (id) => kk.get(id) || null);
    const update = db.prepare(`UPDATE allocation_results SET outcome = ?, reason = ?, waitlist_pos = ? WHERE run_id = ? AND application_id = ?`);
    for (const r of changed) update.run(r.outcome, r.reason, r.waitlist_pos, run.id, r.application_id);
    refreshQuota(db, run.id, target.kode_kabupaten);
    db.prepare(`INSERT INTO allocation_moves (run_id, kind, detail_json, operator, created_at) VALUES (?, 'replace', ?, ?, ?)`)
      .run(run.id, JSON.stringify(detail), options.operator, options.now.toISOString());
    const promoted = changed.find((r) => r.application_id === detail.promoted_application_id);
    return {
      run_id: run.id, status: run.status, kode_kabupaten: target.kode_kabupaten,
      replaced: { application_id: target.application_id, nik_masked: maskNik(target.nik), rank: target.rank },
      promoted: promoted ? { application_id: promoted.application_id, nik_masked: maskNik(promoted.nik), rank: promoted.rank, waitlist_pos: detail.promoted_waitlist_pos! } : null,
      skipped_same_kk: detail.skipped_application_ids.length,
    };
  }).immediate();
}
