/**
 * Synthetic assessment forms (as `uep assess import` reads them) for most applicants of an
 * applicants sample written with the same options, with answers drawn per person and leaning
 * towards the business asked for; a few dirty rows carry the import's rejects. Also a list of
 * earlier recipients (`uep import recipients`) naming some of the applicants.
 */
import { JENIS_USAHA_LABEL } from '../applicants/jenis-usaha.js';
import { openDatabase } from '../db/open.js';
import { DEFAULT_RUBRIC, loadRubric } from '../rubric/load.js';
import type { Question, Rubric } from '../rubric/types.js';
import { rankJenisUsaha } from '../score/compute.js';
import type { Answers, AnswerValue } from '../score/types.js';
import { applicantsPlan, writeApplicantsCsv, type ApplicantsOptions, type Registration } from './applicants.js';
import { csvLine, writeChunks } from './dtks.js';
import { syntheticPerson } from './people.js';
import { Random } from './random.js';

export const ASSESSMENT_REJECTS = ['not_registered', 'assessor_missing', 'tanggal_invalid', 'answer_invalid', 'answer_missing', 'nik_format'] as const;
export type AssessmentReject = (typeof ASSESSMENT_REJECTS)[number];

export interface AssessmentsOptions extends ApplicantsOptions {
  /** Share of the (clean) applicants assessed; default 0.85. */
  share?: number;
  /** The rubric whose questions the columns answer (default data/rubric.json). */
  rubricFile?: string;
  /** YYYY-MM-DD: no assessment date after this one (the import refuses dates in the future). */
  asOf?: string;
}

const SALT = 0xa55e;
const ASSESSORS = ['Rahmawati', 'Hendra Saputra', 'Nurul Aini', 'Budi Hartono', 'Siti Khadijah', 'Agus Salim'];

function answer(q: Question, rubric: Rubric, reg: Registration, rng: Random): AnswerValue {
  if (q.type === 'number') return rng.int(q.min, Math.min(q.max, q.min + 6));
  if (q.type === 'choice') return q.options[Math.min(q.options.length - 1, Math.floor(rng.next() * rng.next() * q.options.length * 1.6))]!.value;
  // Multi: what counts for the business asked for is likelier than the rest.
  const fitting = new Set(Object.values(rubric.fit.components).flatMap((c) => (c.question === q.id ? c.per_jenis?.[reg.jenis_usaha] ?? [] : [])));
  return q.options.filter((o) => rng.chance(fitting.has(o.value) ? 0.7 : 0.15)).map((o) => o.value);
}

function cell(q: Question, v: AnswerValue, rng: Random): string {
  if (Array.isArray(v)) return rng.chance(0.5) ? v.join(' ') : v.join(';');
  if (q.type === 'choice' && rng.chance(0.3)) return q.options.find((o) => o.value === v)!.label;
  return String(v);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function writeAssessmentsCsv(path: string, o: AssessmentsOptions): Promise<{ rows: number; assessed: number; dirty: Record<AssessmentReject, number> }> {
  const { rubric } = loadRubric(o.rubricFile ?? DEFAULT_RUBRIC);
  const plan = applicantsPlan(o);
  const rng = Random.for(o.seed, SALT, o.tahun);
  const assessed = plan.clean.filter(() => rng.chance(o.share ?? 0.85));
  const dirty = Object.fromEntries(ASSESSMENT_REJECTS.map((r) => [r, 0])) as Record<AssessmentReject, number>;
  const dirtyCount = assessed.length >= 20 ? ASSESSMENT_REJECTS.length : 0;
  const header = ['NIK', 'Petugas', 'Tanggal Asesmen', 'jenis_usaha_disepakati', ...rubric.questions.map((q) => q.id)];
  const lines: string[] = [csvLine(header, ',', '\n')];
  const registered = new Set(plan.clean.map((c) => c.index));
  for (const [n, reg] of assessed.entries()) {
    const r = Random.for(o.seed, SALT, reg.index);
    const answers: Answers = Object.fromEntries(rubric.questions.map((q) => [q.id, answer(q, rubric, reg, r)]));
    const best = rankJenisUsaha(rubric, answers, undefined, reg.jenis_usaha)[0]!;
    const agreed = best.jenis_usaha !== reg.jenis_usaha && r.chance(0.5) ? JENIS_USAHA_LABEL[best.jenis_usaha] : '';
    const tanggal = addDays(reg.tanggal_daftar, r.int(10, 40));
    const cells = [syntheticPerson(o.seed, reg.index).nik, r.pick(ASSESSORS), o.asOf && tanggal > o.asOf ? o.asOf : tanggal, agreed,
      ...rubric.questions.map((q) => cell(q, answers[q.id]!, r))];
    const reject = n < dirtyCount ? ASSESSMENT_REJECTS[n]! : undefined;
    if (reject) {
      dirty[reject]++;
      const choice = 4 + rubric.questions.findIndex((q) => q.type === 'choice');
      if (reject === 'not_registered') {
        let other = o.dtksRows - 1;
        while (registered.has(other) && other > 0) other--;
        cells[0] = syntheticPerson(o.seed, other).nik;
      }
      if (reject === 'assessor_missing') cells[1] = '';
      if (reject === 'tanggal_invalid') cells[2] = `31-02-${o.tahun}`;
      if (reject === 'answer_invalid') cells[choice] = 'tidak tahu';
      if (reject === 'answer_missing') cells[choice] = '';
      if (reject === 'nik_format') cells[0] = cells[0]!.slice(1);
    }
    lines.push(csvLine(cells, ',', '\n'));
  }
  await writeChunks(path, lines);
  return { rows: lines.length - 1, assessed: assessed.length - dirtyCount, dirty };
}

/** Recipients of the year before: a few of the applicants (who are then not eligible) and others. */
export async function writeRecipientsCsv(path: string, o: ApplicantsOptions & { count?: number }): Promise<{ rows: number; applicants: number }> {
  const plan = applicantsPlan(o);
  const rng = Random.for(o.seed, SALT, 0x4ec1);
  const fromApplicants = plan.clean.filter(() => rng.chance(0.03)).map((c) => c.index);
  const others = Array.from({ length: o.count ?? 20 }, (_, k) => o.dtksRows + 5000 + k);
  const lines = [csvLine(['NIK', 'Nama', 'Tahun', 'Program'], ',', '\n')];
  for (const index of [...fromApplicants, ...others]) {
    const p = syntheticPerson(o.seed, index);
    lines.push(csvLine([p.nik, p.nama, String(o.tahun - 1), 'UEP APBD'], ',', '\n'));
  }
  await writeChunks(path, lines);
  return { rows: lines.length - 1, applicants: fromApplicants.length };
}

export interface ApplicantsDemoOptions extends AssessmentsOptions {
  /** Absolute folder for the demo's files. */
  out: string;
  dbPath: string;
}

/**
 * The demo's assessment chapter, after the DTKS and PKH samples were imported: an earlier year's
 * recipients, the registrations, the assessment forms, scoring, the eligible, and one explanation.
 * `uep` runs the real binary (as src/dev/demo.ts does) and returns its stdout.
 */
export async function demoApplicants(uep: (...args: string[]) => unknown, o: ApplicantsDemoOptions): Promise<void> {
  const file = (name: string) => `${o.out}/${name}`;
  await writeRecipientsCsv(file('penerima-sebelumnya.csv'), o);
  await writeApplicantsCsv(file('pendaftar.csv'), o);
  await writeAssessmentsCsv(file('asesmen.csv'), o);
  const tahun = String(o.tahun);
  uep('import', 'recipients', file('penerima-sebelumnya.csv'));
  uep('applicants', 'import', file('pendaftar.csv'), '--tahun', tahun, '--rejects', file('rejects-pendaftar.csv'));
  uep('assess', 'import', file('asesmen.csv'), '--tahun', tahun, '--rejects', file('rejects-asesmen.csv'));
  uep('score', '--tahun', tahun);
  uep('applicants', 'list', '--tahun', tahun, '--kabupaten', 'Bontang');
  const db = openDatabase(o.dbPath);
  const best = db.prepare(`SELECT a.nik FROM applications a JOIN scores s ON s.application_id = a.id
    WHERE a.tahun = ? AND s.eligible = 1 ORDER BY s.total_score DESC, a.id LIMIT 1`).pluck().get(o.tahun) as string | undefined;
  db.close();
  if (best) uep('explain', best, '--tahun', tahun);
}
