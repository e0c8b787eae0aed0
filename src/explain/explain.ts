import { allocationOutcome, type AllocationOutcomeInfo } from '../allocate/outcome.js';
import { currentRun } from '../allocate/store.js';
/**
 * `uep explain <nik>`: why a person scored what they did. The stored score is recomputed from
 * what it was computed with — the facts kept with it, the assessment's answers and the rubric
 * kept by hash — so every rule and every component can be shown, and checked against the total.
 */
import { isJenisUsaha, type JenisUsaha } from '../applicants/jenis-usaha.js';
import { listApplicants, type ApplicantStatus } from '../applicants/list.js';
import { answerLabel } from '../assess/answers.js';
import { assessmentOf } from '../assess/store.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { storedRubric } from '../rubric/load.js';
import type { Eligibility, LoadedRubric } from '../rubric/types.js';
import type { StoredBreakdown } from '../score/breakdown.js';
import { rankJenisUsaha, scoreApplicant } from '../score/compute.js';
import { personFacts } from '../score/facts.js';
import type { Answers, Facts, FitScore, RuleResult, SectionScore } from '../score/types.js';

export interface ExplainedScore {
  scored_at: string;
  rubric_version: string;
  rubric_sha256: string;
  /** The rubric given now differs from the one scored with (null when none given). */
  rubric_changed: boolean | null;
  eligible: boolean;
  reasons: string[];
  need_score: number;
  fit_score: number;
  total_score: number;
  /** The registry facts the score was computed from (src/score/facts.ts), as stored with it. */
  facts: Facts;
  /** Facts the registry now gives otherwise (same definition, same assessment date): `uep score` applies them. */
  facts_changed: FactChange[];
  /** Null when the database does not hold the rubric the score was computed with. */
  detail: {
    eligibility: Eligibility;
    need_weight: number;
    fit_weight: number;
    rules: RuleResult[];
    need: SectionScore;
    fit: FitScore;
    /** The six business types by fit for the answers. */
    ranking: { jenis_usaha: JenisUsaha; score: number; unmet: string[] }[];
    answers: { id: string; text: string; answer: string }[];
    /** The recomputation gives the stored numbers. */
    consistent: boolean;
  } | null;
}

export interface FactChange {
  fact: keyof Facts;
  scored: Facts[keyof Facts];
  now: Facts[keyof Facts] | null;
}

export interface Explanation {
  tahun: number;
  nik: string;
  nik_masked: string;
  nama: string;
  kode_kabupaten: string;
  kabupaten: string;
  application: { id: number; jenis_usaha: string; tanggal_daftar: string | null; status: ApplicantStatus };
  assessment: { tanggal: string; assessor: string; source: string; jenis_usaha_disepakati: string } | null;
  score: ExplainedScore | null;
  /** Rank in the regency, cut-off and outcome in the year's final run (else its latest draft). */
  allocation: AllocationOutcomeInfo | null;
  /** The year's final run (else its latest draft), also when this applicant is not ranked in it. */
  run: { run_id: number; status: string } | null;
}

interface ScoreRow {
  eligible: number; reasons_json: string; need_score: number; fit_score: number; total_score: number;
  breakdown_json: string; rubric_version: string; rubric_sha256: string; scored_at: string;
}

export function explain(db: Db, nik: string, options: { tahun?: number; rubric?: LoadedRubric } = {}): Explanation {
  const tahun = options.tahun ?? (db.prepare(`SELECT max(tahun) FROM applications WHERE nik = ?`).pluck().get(nik) as number | null);
  if (tahun === null) {
    const known = db.prepare(`SELECT 1 FROM persons WHERE nik = ?`).get(nik) !== undefined;
    throw new UepError(t(known ? 'explain:errors.no_application' : 'explain:errors.not_in_database', { nik: maskNik(nik) }), t('explain:errors.see_list'));
  }
  const a = listApplicants(db, { tahun, nik })[0];
  if (!a) throw new UepError(t('explain:errors.no_application_in', { nik: maskNik(nik), tahun }), t('explain:errors.choose_tahun'));
  const asm = assessmentOf(db, a.application_id);
  const row = db.prepare(`SELECT eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at
    FROM scores WHERE application_id = ?`).get(a.application_id) as ScoreRow | undefined;
  return {
    tahun, nik, nik_masked: maskNik(nik), nama: a.nama, kode_kabupaten: a.kode_kabupaten, kabupaten: a.kabupaten,
    application: { id: a.application_id, jenis_usaha: a.jenis_usaha, tanggal_daftar: a.tanggal_daftar, status: a.status },
    assessment: asm ? { tanggal: asm.tanggal, assessor: asm.assessor, source: asm.source, jenis_usaha_disepakati: asm.jenis_usaha_disepakati } : null,
    score: row && asm ? explainScore(db, row, JSON.parse(asm.answers_json) as Answers, a.jenis_usaha, options.rubric, personFacts(db, nik, tahun, asm.tanggal)) : null,
    allocation: allocationOutcome(db, nik, tahun),
    run: runOf(db, tahun),
  };
}

function runOf(db: Db, tahun: number): Explanation['run'] {
  const run = currentRun(db, tahun);
  return run ? { run_id: run.id, status: run.status } : null;
}

/** The stored facts the registry now gives otherwise (nothing when the score holds no facts). */
function changedFacts(scored: Facts | undefined, now: Facts | undefined): FactChange[] {
  if (!scored) return [];
  return (Object.keys(scored) as (keyof Facts)[])
    .filter((fact) => scored[fact] !== (now?.[fact] ?? null))
    .map((fact) => ({ fact, scored: scored[fact], now: now?.[fact] ?? null }));
}

function explainScore(db: Db, row: ScoreRow, answers: Answers, applied: string, current: LoadedRubric | undefined, now: Facts | undefined): ExplainedScore {
  const stored = JSON.parse(row.breakdown_json) as StoredBreakdown;
  const base: ExplainedScore = {
    scored_at: row.scored_at, rubric_version: row.rubric_version, rubric_sha256: row.rubric_sha256,
    rubric_changed: current ? current.sha256 !== row.rubric_sha256 : null,
    eligible: row.eligible === 1, reasons: JSON.parse(row.reasons_json) as string[],
    need_score: row.need_score, fit_score: row.fit_score, total_score: row.total_score, facts: stored.facts,
    facts_changed: changedFacts(stored.facts, now), detail: null,
  };
  const loaded = current?.sha256 === row.rubric_sha256 ? current : storedRubric(db, row.rubric_sha256);
  if (!loaded || !stored.facts || !isJenisUsaha(stored.jenis_usaha)) return base;
  const { rubric } = loaded;
  const r = scoreApplicant(rubric, stored.facts, answers, stored.jenis_usaha);
  const consistent = r.total === row.total_score && r.need.score === row.need_score && r.fit.score === row.fit_score
    && r.eligible === base.eligible && r.reasons.join() === base.reasons.join();
  return {
    ...base,
    detail: {
      eligibility: rubric.eligibility, need_weight: rubric.need.weight, fit_weight: rubric.fit.weight,
      rules: r.rules, need: r.need, fit: r.fit,
      ranking: rankJenisUsaha(rubric, answers, stored.facts, applied as JenisUsaha).map((f) => ({ jenis_usaha: f.jenis_usaha, score: f.score, unmet: f.unmet })),
      answers: rubric.questions.map((q) => ({ id: q.id, text: q.text, answer: answerLabel(q, answers[q.id]) })),
      consistent,
    },
  };
}
