/**
 * Deciding an appeal, in one transaction: `upheld` (the result stands) or `corrected` (fixed DTKS
 * values set on the person, or a re-assessment already entered with `uep assess`; the year is
 * scored again). Each fixed value is also a registry finding (data_salah), so that the regency
 * corrects DTSEN too (`uep export usulan`): the next DTKS import would otherwise bring the old
 * value back. A change to the year's final allocation goes through `allocate replace`
 * (replaceBeneficiary), and the appeal keeps the id of that move: when the correction lifts the
 * appellant's score to the regency's cut-off, the appellant takes the freed place (that is what the
 * objection was about); otherwise the top of the waitlist does, as in any replacement.
 */
import { replaceBeneficiary, type ReplaceResult } from '../allocate/replace.js';
import { currentRun } from '../allocate/store.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { LoadedRubric } from '../rubric/types.js';
import { scoreYear } from '../score/run.js';
import { recordFinding } from '../usulan/record.js';
import { appealChain, type AppealChain } from './chain.js';
import { applyCorrections, type AppliedCorrection, type Correction } from './corrections.js';
import { appealById } from './store.js';

export interface DecideAppealInput {
  id: number;
  decision: 'upheld' | 'corrected';
  note?: string;
  /** With corrected: values to fix on the appellant's registry row. */
  corrections?: Correction[];
  /** With corrected: the rubric to score the year again with. */
  rubric?: LoadedRubric;
  /** A selected beneficiary of the year's final run to replace (allocate replace), linked to the appeal. */
  replaceNik?: string;
  operator: string;
  now: Date;
}

export interface DecideAppealResult {
  appeal_id: number;
  status: 'upheld' | 'corrected';
  before: AppealChain;
  after: AppealChain;
  corrected: AppliedCorrection[];
  /** Findings recorded for the regency's DTSEN correction, one per fixed value. */
  finding_ids: number[];
  rescored: { tahun: number; scored: number; eligible: number } | null;
  /** The year's final run, and whether the appellant's score now reaches their regency's cut-off in it. */
  final_run: { run_id: number; cutoff_score: number | null; reaches_cutoff: boolean; outcome: string | null } | null;
  replacement: ReplaceResult | null;
  move_id: number | null;
}

/** Eligible now, and scoring at least their regency's cut-off in the run. */
function reachesCutoff(chain: AppealChain): boolean {
  return chain.eligible === true && chain.total_score !== null && chain.cutoff_score !== null && chain.total_score >= chain.cutoff_score;
}

/** A corrected appellant who now reaches the cut-off and is not selected yet: a replacement's place is theirs. */
function appellantTakesPlace(input: DecideAppealInput, chain: AppealChain): boolean {
  return input.decision === 'corrected' && reachesCutoff(chain) && chain.outcome !== 'selected';
}

export function decideAppeal(db: Db, input: DecideAppealInput): DecideAppealResult {
  return db.transaction((): DecideAppealResult => {
    const appeal = appealById(db, input.id);
    if (appeal.status !== 'open') {
      throw new UepError(t('appeal:error.decided', { id: appeal.id, status: appeal.status, at: appeal.decided_at ?? '' }), t('appeal:error.decided_hint'));
    }
    const before = appeal.chain;
    const corrected = input.decision === 'corrected' ? applyCorrections(db, appeal.nik, input.corrections ?? []) : [];
    const findingIds = corrected.map((c) => recordFinding(db, {
      nik: appeal.nik, temuan: 'data_salah', sumber: 'kantor', tanggal: input.now.toISOString().slice(0, 10), petugas: input.operator,
      catatan: t('appeal:finding_note', { id: appeal.id, field: c.field, before: c.before ?? '—', after: c.after }), operator: input.operator, now: input.now,
    }).id);
    let rescored: DecideAppealResult['rescored'] = null;
    if (input.decision === 'corrected') {
      if (!input.rubric) throw new UepError(t('appeal:error.no_rubric'));
      const s = scoreYear(db, { tahun: appeal.tahun, rubric: input.rubric, now: input.now });
      rescored = { tahun: appeal.tahun, scored: s.scored, eligible: s.eligible };
    }
    let replacement: ReplaceResult | null = null;
    if (input.replaceNik !== undefined) {
      const final = currentRun(db, appeal.tahun);
      if (!final || final.status !== 'final') throw new UepError(t('appeal:error.no_final_run', { tahun: appeal.tahun }), t('appeal:error.no_final_run_hint'));
      replacement = replaceBeneficiary(db, {
        nik: input.replaceNik, reason: t('appeal:decide.replace_reason', { id: appeal.id }), operator: input.operator, runId: final.id, now: input.now,
        appellant: appellantTakesPlace(input, appealChain(db, appeal.nik, appeal.tahun, input.rubric)) ? { nik: appeal.nik, appeal_id: appeal.id } : undefined,
      });
    }
    const after = appealChain(db, appeal.nik, appeal.tahun, input.rubric);
    const run = currentRun(db, appeal.tahun);
    const final = run?.status === 'final' && after.run_id === run.id ? {
      run_id: run.id, cutoff_score: after.cutoff_score, outcome: after.outcome, reaches_cutoff: reachesCutoff(after),
    } : null;
    db.prepare(`UPDATE appeals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, correction_json = ?, before_json = ?, after_json = ?, move_id = ?
      WHERE id = ?`).run(input.decision, input.operator, input.now.toISOString(), input.note?.trim() || null,
      corrected.length > 0 ? JSON.stringify(corrected) : null, JSON.stringify(before), JSON.stringify(after), replacement?.move_id ?? null, appeal.id);
    return { appeal_id: appeal.id, status: input.decision, before, after, corrected, finding_ids: findingIds, rescored, final_run: final, replacement, move_id: replacement?.move_id ?? null };
  }).immediate();
}
