/**
 * Replacing a selected beneficiary who withdraws or turns out ineligible: the result becomes
 * `replaced` (with the officer's reason) and the first waitlisted applicant of the same regency
 * whose family has no package yet is promoted — or, on an objection decided in the appellant's
 * favour whose corrected score reaches the cut-off, the appellant. The same pure step replays stored
 * replacements in `verify`, so a final run with replacements stays verifiable.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { familyCardSql } from '../score/facts.js';
import { packageJenisSql } from './pool.js';
import { currentRun, getRun, latestTahunOf, runParams, runResults, type RunRow } from './store.js';
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
  /** Set when the place went to an appellant (objection id) instead of the top of the waitlist. */
  appeal_id?: number;
}

/**
 * The one applicant who takes the place, when it is not the waitlist's turn: an appellant whose
 * corrected score reaches the cut-off. `row`: their result when the run has none (they were not
 * eligible when it ran); `total_score`: their score now.
 */
export interface NamedPromotion {
  application_id: number;
  appeal_id: number;
  total_score?: number;
  row?: ResultRow;
}

/** Applies one replacement to `results` in place; returns what changed. */
export function applyReplacement(
  results: ResultRow[],
  replacedApplicationId: number,
  reason: string,
  kkOf: (applicationId: number) => string | null,
  named?: NamedPromotion,
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
  const changed = [target];
  const detail: ReplacementDetail = {
    replaced_application_id: replacedApplicationId, kode_kabupaten: target.kode_kabupaten, reason,
    promoted_application_id: null, promoted_waitlist_pos: null, skipped_application_ids: [],
  };
  if (named) {
    changed.push(promoteNamed(results, target, named, families, kkOf, detail));
    return { detail, changed };
  }
  const waitlist = results
    .filter((r) => r.outcome === 'waitlist' && r.kode_kabupaten === target.kode_kabupaten)
    .sort((a, b) => a.waitlist_pos! - b.waitlist_pos!);
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

/** Puts the named applicant in the freed place: same regency, not selected, no package in the family. */
function promoteNamed(
  results: ResultRow[], target: ResultRow, named: NamedPromotion, families: Set<string>,
  kkOf: (applicationId: number) => string | null, detail: ReplacementDetail,
): ResultRow {
  let row = results.find((r) => r.application_id === named.application_id);
  if (!row) {
    if (!named.row) throw new UepError(t('allocate:replace.named_not_in_pool', { application: named.application_id }));
    row = named.row;
    results.push(row);
  }
  if (row.kode_kabupaten !== target.kode_kabupaten) {
    throw new UepError(t('allocate:replace.named_other_regency', { application: row.application_id, theirs: row.kode_kabupaten, replaced: target.kode_kabupaten }),
      t('allocate:replace.named_other_regency_hint'));
  }
  if (row.outcome === 'selected') throw new UepError(t('allocate:replace.named_selected', { application: row.application_id }));
  const kk = kkOf(row.application_id);
  if (kk && families.has(kk)) throw new UepError(t('allocate:replace.named_same_kk', { application: row.application_id }));
  detail.promoted_application_id = row.application_id;
  detail.promoted_waitlist_pos = row.waitlist_pos;
  detail.appeal_id = named.appeal_id;
  row.outcome = 'selected';
  row.reason = 'appeal';
  row.waitlist_pos = null;
  if (named.total_score !== undefined) row.total_score = named.total_score;
  return row;
}

export interface ReplaceOptions {
  nik: string;
  reason: string;
  operator: string;
  runId?: number;
  tahun?: number;
  now: Date;
  /** An objection decided in the appellant's favour: the appellant takes the place, not the waitlist's top. */
  appellant?: { nik: string; appeal_id: number };
}

export interface ReplaceResult {
  run_id: number;
  /** The stored replacement (allocation_moves), which holds the reason: the audit log names only this id. */
  move_id: number;
  status: RunRow['status'];
  kode_kabupaten: string;
  replaced: { application_id: number; nik_masked: string; rank: number };
  /** waitlist_pos: null for an appellant who was not on the waitlist. */
  promoted: { application_id: number; nik_masked: string; rank: number; waitlist_pos: number | null; by: 'waitlist' | 'appeal' } | null;
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

/**
 * The appellant's place in a run: their application, their score now (after the objection's
 * correction), and a result row to add when the run has none for them (they were not eligible
 * when it ran): ranked where their score now falls, with their agreed type's package.
 */
function appellantPromotion(db: Db, run: RunRow, results: ResultRow[], appellant: { nik: string; appeal_id: number }): NamedPromotion {
  const now = db.prepare(`SELECT a.id, s.eligible, s.total_score, s.kode_kabupaten, ${packageJenisSql('a', 'asm')} AS jenis_usaha
    FROM applications a LEFT JOIN scores s ON s.application_id = a.id LEFT JOIN assessments asm ON asm.application_id = a.id
    WHERE a.nik = ? AND a.tahun = ?`).get(appellant.nik, run.tahun) as
    { id: number; eligible: number | null; total_score: number | null; kode_kabupaten: string | null; jenis_usaha: string } | undefined;
  if (!now || now.eligible !== 1 || now.total_score === null || now.kode_kabupaten === null) {
    throw new UepError(t('allocate:replace.named_not_eligible', { nik: maskNik(appellant.nik), tahun: run.tahun }));
  }
  const promotion: NamedPromotion = { application_id: now.id, appeal_id: appellant.appeal_id, total_score: now.total_score };
  if (!results.some((r) => r.application_id === now.id)) {
    const kode = now.kode_kabupaten;
    const total = now.total_score;
    const rank = 1 + results.filter((r) => r.kode_kabupaten === kode && r.total_score > total).length;
    promotion.row = {
      application_id: now.id, nik: appellant.nik, kode_kabupaten: kode, rank, outcome: 'not_selected', reason: 'below_cutoff',
      jenis_usaha: now.jenis_usaha, package_value: runParams(run).paket[now.jenis_usaha] ?? 0, total_score: total, waitlist_pos: null,
    };
  }
  return promotion;
}

export function replaceBeneficiary(db: Db, options: ReplaceOptions): ReplaceResult {
  return db.transaction((): ReplaceResult => {
    const run = findRun(db, options);
    const results = runResults(db, run.id);
    const target = results.find((r) => r.nik === options.nik);
    if (!target) throw new UepError(t('allocate:replace.nik_not_in_pool', { nik: maskNik(options.nik), run: run.id }));
    const named = options.appellant ? appellantPromotion(db, run, results, options.appellant) : undefined;
    const kk = new Map((db.prepare(`SELECT a.id, ${familyCardSql('p')} FROM allocation_results r JOIN applications a ON a.id = r.application_id
      JOIN persons p ON p.nik = a.nik WHERE r.run_id = ?`).raw().all(run.id) as [number, string | null][]));
    if (named?.row) kk.set(named.application_id, db.prepare(`SELECT ${familyCardSql('p')} FROM persons p WHERE p.nik = ?`).pluck().get(named.row.nik) as string | null);
    const { detail, changed } = applyReplacement(results, target.application_id, options.reason, (id) => kk.get(id) ?? null, named);
    // An appellant's row is added when the run had none, and carries their corrected score.
    const write = db.prepare(`INSERT INTO allocation_results (run_id, application_id, nik, kode_kabupaten, rank, outcome, reason, jenis_usaha, package_value, total_score, waitlist_pos)
      VALUES (@run_id, @application_id, @nik, @kode_kabupaten, @rank, @outcome, @reason, @jenis_usaha, @package_value, @total_score, @waitlist_pos)
      ON CONFLICT (run_id, application_id) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, waitlist_pos = excluded.waitlist_pos, total_score = excluded.total_score`);
    for (const r of changed) write.run({ ...r, run_id: run.id });
    refreshQuota(db, run.id, target.kode_kabupaten);
    const move = db.prepare(`INSERT INTO allocation_moves (run_id, kind, detail_json, operator, created_at) VALUES (?, 'replace', ?, ?, ?)`)
      .run(run.id, JSON.stringify(detail), options.operator, options.now.toISOString());
    const promoted = changed.find((r) => r.application_id === detail.promoted_application_id);
    return {
      run_id: run.id, move_id: Number(move.lastInsertRowid), status: run.status, kode_kabupaten: target.kode_kabupaten,
      replaced: { application_id: target.application_id, nik_masked: maskNik(target.nik), rank: target.rank },
      promoted: promoted ? {
        application_id: promoted.application_id, nik_masked: maskNik(promoted.nik), rank: promoted.rank, waitlist_pos: detail.promoted_waitlist_pos,
        by: detail.appeal_id === undefined ? 'waitlist' : 'appeal',
      } : null,
      skipped_same_kk: detail.skipped_application_ids.length,
    };
  }).immediate();
}
