/**
 * The assessment interview, as a conversation through a Prompter: confirm identity against the
 * registry (identity.ts), ask every rubric question with a way back (questions.ts), show the six
 * business types ranked by fit beside the one asked for, record the agreed type (agreed.ts), show
 * the score, and save only on the officer's final yes (one transaction).
 * A Ctrl-C anywhere rejects with PromptCancelled before anything is written.
 */
import type { JenisUsaha } from '../applicants/jenis-usaha.js';
import type { ApplicantRow } from '../applicants/list.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { formatDate } from '../format/date.js';
import { language, t } from '../i18n/index.js';
import { parseTanggal } from '../import/values.js';
import { maskNik } from '../nik/nik.js';
import type { LoadedRubric, Reason } from '../rubric/types.js';
import { rankJenisUsaha, scoreApplicant } from '../score/compute.js';
import { personFacts } from '../score/facts.js';
import type { Facts, FitScore, ScoreResult } from '../score/types.js';
import { askAgreedType } from './agreed.js';
import { identityQuestion } from './identity.js';
import { applicantByNik, searchApplicant, unassessed } from './pick.js';
import type { Prompter } from '../prompter.js';
import { askQuestions } from './questions.js';
import { assessmentOf, saveInterview } from './store.js';

export type InterviewView =
  | { kind: 'ranking'; ranking: FitScore[]; applied: JenisUsaha }
  | { kind: 'score'; result: ScoreResult; facts: Facts; tanggal: string }
  | { kind: 'note'; text: string };

export interface InterviewSession {
  db: Db;
  rubric: LoadedRubric;
  prompter: Prompter;
  /** Shows the officer something between prompts. */
  present(view: InterviewView): void;
  tahun: number;
  /** YYYY-MM-DD: the default assessment date, and the latest allowed. */
  today: string;
  /** The assessor's name; asked (defaulting to `operator`) when absent. */
  assessor?: string;
  operator: string;
  now?: () => Date;
}

export interface AssessRequest {
  nik?: string;
  kabupaten?: string;
  /** Take the unassessed in registration order, one after another. */
  next?: boolean;
}

export interface SavedInterview {
  application_id: number;
  nik: string;
  jenis_usaha_disepakati: JenisUsaha;
  eligible: boolean;
  /** The eligibility rules failed (codes), for the officer's summary. */
  reasons: Reason[];
  total: number;
}

export interface AssessOutcome {
  saved: SavedInterview[];
  /** Applicants the officer passed over: identity not confirmed, or not saved at the end. */
  skipped: number;
}

async function who(s: InterviewSession): Promise<{ assessor: string; tanggal: string }> {
  const p = s.prompter;
  s.assessor ??= (await p.input({
    message: t('assess:interview.assessor'), default: s.operator, validate: (v) => v.trim() !== '' || t('assess:interview.assessor_required'),
  })).trim();
  const tanggal = await p.input({
    message: t('assess:interview.date'), default: formatDate(s.today, language()),
    validate: (v) => {
      const d = parseTanggal(v);
      if (!d) return t('assess:interview.date_invalid');
      return d <= s.today || t('assess:interview.date_future');
    },
  });
  return { assessor: s.assessor, tanggal: parseTanggal(tanggal)! };
}

/** One interview; null when the officer stopped short of saving. */
export async function interviewOne(s: InterviewSession, a: ApplicantRow): Promise<SavedInterview | null> {
  const p = s.prompter;
  const { rubric } = s.rubric;
  const applied = a.jenis_usaha as JenisUsaha;
  if (a.status !== 'registered') {
    const before = assessmentOf(s.db, a.application_id);
    const message = before
      ? t('assess:interview.already_assessed_by', { tanggal: before.tanggal, assessor: before.assessor })
      : t('assess:interview.already_assessed');
    const again = await p.confirm({ message, default: false });
    if (!again) return null;
  }
  if (!(await p.confirm({ message: identityQuestion(s.db, a, s.today), default: true }))) return null;
  const { assessor, tanggal } = await who(s);
  const facts = personFacts(s.db, a.nik, s.tahun, tanggal);
  if (!facts) throw new UepError(t('assess:error.gone', { nik: maskNik(a.nik) }));
  const answers = await askQuestions(p, rubric.questions);

  const ranking = rankJenisUsaha(rubric, answers, facts, applied);
  s.present({ kind: 'ranking', ranking, applied });
  const jenis = await askAgreedType(p, (text) => s.present({ kind: 'note', text }), rubric, ranking, applied);

  const result = scoreApplicant(rubric, facts, answers, jenis);
  s.present({ kind: 'score', result, facts, tanggal });
  if (!(await p.confirm({ message: t('assess:interview.save', { assessor, tanggal }), default: true }))) return null;
  saveInterview(s.db, { application_id: a.application_id, nik: a.nik, answers, jenis_usaha_disepakati: jenis, assessor, tanggal }, s.rubric, s.now?.() ?? new Date());
  return { application_id: a.application_id, nik: a.nik, jenis_usaha_disepakati: jenis, eligible: result.eligible, reasons: result.reasons, total: result.total };
}

/**
 * A session: one applicant (by NIK or searched), or with `next` the unassessed one after another.
 * `outcome` is filled as interviews are saved, so a caller still knows them after a Ctrl-C.
 */
export async function runAssessment(s: InterviewSession, req: AssessRequest, outcome: AssessOutcome = { saved: [], skipped: 0 }): Promise<AssessOutcome> {
  const record = (r: SavedInterview | null) => (r ? outcome.saved.push(r) : outcome.skipped++);
  if (req.nik) {
    record(await interviewOne(s, applicantByNik(s.db, req.nik, s.tahun)));
    return outcome;
  }
  if (!req.next) {
    const candidates = unassessed(s.db, s.tahun, req.kabupaten);
    if (candidates.length === 0) {
      throw new UepError(t(req.kabupaten ? 'assess:error.none_unassessed_kabupaten' : 'assess:error.none_unassessed', { tahun: s.tahun }),
        t('assess:error.none_unassessed_hint'));
    }
    record(await interviewOne(s, await searchApplicant(s.prompter, candidates)));
    return outcome;
  }
  const passed = new Set<number>();
  for (;;) {
    const a = unassessed(s.db, s.tahun, req.kabupaten).find((x) => !passed.has(x.application_id));
    if (!a) {
      s.present({ kind: 'note', text: t(req.kabupaten ? 'assess:interview.no_more_kabupaten' : 'assess:interview.no_more', { tahun: s.tahun }) });
      return outcome;
    }
    passed.add(a.application_id);
    record(await interviewOne(s, a));
    if (!(await s.prompter.confirm({ message: t('assess:interview.next'), default: true }))) return outcome;
  }
}
