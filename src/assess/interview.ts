/**
 * The assessment interview, as a conversation through a Prompter: confirm identity, ask every
 * rubric question, show the six business types ranked by fit beside the one asked for, record
 * the agreed type, show the score, and save only on the officer's final yes (one transaction).
 * A Ctrl-C anywhere rejects with PromptCancelled before anything is written.
 */
import { JENIS_USAHA_LABEL, type JenisUsaha } from '../applicants/jenis-usaha.js';
import type { ApplicantRow } from '../applicants/list.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { parseTanggal } from '../import/values.js';
import { maskNik } from '../nik/nik.js';
import type { LoadedRubric, Question } from '../rubric/types.js';
import { rankJenisUsaha, scoreApplicant } from '../score/compute.js';
import { personFacts } from '../score/facts.js';
import type { Answers, AnswerValue, Facts, FitScore, ScoreResult } from '../score/types.js';
import { applicantByNik, searchApplicant, unassessed } from './pick.js';
import type { Prompter } from '../prompter.js';
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
  total: number;
}

export interface AssessOutcome {
  saved: SavedInterview[];
  /** Applicants the officer passed over: identity not confirmed, or not saved at the end. */
  skipped: number;
}

async function ask(p: Prompter, q: Question): Promise<AnswerValue> {
  const choices = q.type === 'number' ? [] : q.options.map((o) => ({ value: o.value, name: o.label }));
  if (q.type === 'choice') return p.select({ message: q.text, choices });
  if (q.type === 'multi') return p.checkbox({ message: q.text, choices });
  return p.number({ message: `${q.text} (${q.min}–${q.max})`, min: q.min, max: q.max });
}

/** Asks every rubric question in order. */
export async function askQuestions(p: Prompter, questions: Question[]): Promise<Answers> {
  const answers: Answers = {};
  for (const q of questions) answers[q.id] = await ask(p, q);
  return answers;
}

async function who(s: InterviewSession): Promise<{ assessor: string; tanggal: string }> {
  const p = s.prompter;
  s.assessor ??= (await p.input({ message: 'Assessor (your name)', default: s.operator, validate: (v) => v.trim() !== '' || 'the assessor is required' })).trim();
  const tanggal = await p.input({
    message: 'Assessment date (YYYY-MM-DD)', default: s.today,
    validate: (v) => {
      const t = parseTanggal(v);
      if (!t) return 'a date like 2026-03-01 or 01-03-2026';
      return t <= s.today || 'the date is in the future';
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
    const again = await p.confirm({ message: `Already assessed${before ? ` on ${before.tanggal} by ${before.assessor}` : ''}. Assess again, replacing it?`, default: false });
    if (!again) return null;
  }
  const ok = await p.confirm({ message: `Is this the person in front of you? ${a.nama} · NIK ${maskNik(a.nik)} · ${a.kabupaten} · asked for ${JENIS_USAHA_LABEL[applied]}`, default: true });
  if (!ok) return null;
  const { assessor, tanggal } = await who(s);
  const facts = personFacts(s.db, a.nik, s.tahun, tanggal);
  if (!facts) throw new UepError(`${maskNik(a.nik)} is no longer in the database`);
  const answers = await askQuestions(p, rubric.questions);

  const ranking = rankJenisUsaha(rubric, answers, facts, applied);
  s.present({ kind: 'ranking', ranking, applied });
  const jenis = await p.select({
    message: 'Agreed business type',
    choices: ranking.map((r) => ({
      value: r.jenis_usaha,
      name: `${JENIS_USAHA_LABEL[r.jenis_usaha]} (fit ${r.score})${r.jenis_usaha === applied ? ' ← asked for' : ''}`,
    })),
    default: applied,
  });

  const result = scoreApplicant(rubric, facts, answers, jenis);
  s.present({ kind: 'score', result, facts, tanggal });
  if (!(await p.confirm({ message: `Save this assessment (assessor ${assessor}, ${tanggal})?`, default: true }))) return null;
  saveInterview(s.db, { application_id: a.application_id, nik: a.nik, answers, jenis_usaha_disepakati: jenis, assessor, tanggal }, s.rubric, s.now?.() ?? new Date());
  return { application_id: a.application_id, nik: a.nik, jenis_usaha_disepakati: jenis, eligible: result.eligible, total: result.total };
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
  const where = `${s.tahun}${req.kabupaten ? ' in the chosen regency' : ''}`;
  if (!req.next) {
    const candidates = unassessed(s.db, s.tahun, req.kabupaten);
    if (candidates.length === 0) throw new UepError(`no unassessed applicants of ${where}`, 'see `uep applicants list --status registered`');
    record(await interviewOne(s, await searchApplicant(s.prompter, candidates)));
    return outcome;
  }
  const passed = new Set<number>();
  for (;;) {
    const a = unassessed(s.db, s.tahun, req.kabupaten).find((x) => !passed.has(x.application_id));
    if (!a) {
      s.present({ kind: 'note', text: `No more unassessed applicants of ${where}.` });
      return outcome;
    }
    passed.add(a.application_id);
    record(await interviewOne(s, a));
    if (!(await s.prompter.confirm({ message: 'Next applicant?', default: true }))) return outcome;
  }
}
