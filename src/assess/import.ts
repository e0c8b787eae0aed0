/**
 * `uep assess import`: the interview's answers from paper or ODK forms, one column per rubric
 * question id, plus nik, assessor and tanggal (and optionally jenis_usaha_disepakati, else the
 * type asked for). Built from the rubric, so its columns follow the questions.
 * An assessment made in an interview is never overwritten by a form (already_assessed); one
 * imported earlier is updated by a corrected form, and its score dropped.
 */
import { parseJenisUsaha } from '../applicants/jenis-usaha.js';
import { missingColumns, type FieldSpec } from '../import/headers.js';
import type { ImportKind } from '../import/kind.js';
import type { ImportOptions } from '../import/summary.js';
import { parseTanggal } from '../import/values.js';
import { parseNik } from '../nik/nik.js';
import type { LoadedRubric } from '../rubric/types.js';
import type { Answers } from '../score/types.js';
import { answersJson, parseAnswer } from './answers.js';

export interface AssessImportOptions extends ImportOptions {
  tahun: number;
  /** YYYY-MM-DD (localDate in src/dates.ts): later assessment dates are rejected as tanggal_future. */
  today: string;
}

const BASE_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP'] },
  { field: 'assessor', aliases: ['ASESOR', 'PETUGAS', 'PEWAWANCARA', 'ENUMERATOR', 'NAMA PETUGAS', 'NAMA ASESOR'] },
  { field: 'tanggal', aliases: ['TANGGAL ASESMEN', 'TGL ASESMEN', 'TANGGAL WAWANCARA', 'TANGGAL ASSESSMENT', 'TGL'] },
  { field: 'jenis_usaha_disepakati', aliases: ['USAHA DISEPAKATI', 'JENIS USAHA', 'JENIS USAHA DISEPAKATI'] },
  { field: 'nama', aliases: ['NAMA LENGKAP'] },
];

export const ASSESSMENT_COLUMNS = ['nik', 'application_id', 'answers_json', 'jenis_usaha_disepakati', 'assessor', 'tanggal', 'source', 'rubric_version'];

export function assessmentsImport(loaded: LoadedRubric): ImportKind<AssessImportOptions> {
  const { rubric } = loaded;
  const questions = rubric.questions;
  return {
    kind: 'assessments',
    table: 'assessments',
    conflictKey: ['application_id'],
    columns: ASSESSMENT_COLUMNS,
    fields: [...BASE_FIELDS, ...questions.map((q) => ({ field: q.id, aliases: [] }))],
    checkColumns(file, mapping) {
      const missing = ['nik', 'assessor', 'tanggal', ...questions.map((q) => q.id)].filter((f) => !mapping.index.has(f));
      if (missing.length > 0) throw missingColumns(file, mapping, missing);
    },
    validator(mapping, options, db) {
      const at = (field: string) => mapping.index.get(field);
      const get = (f: string[], field: string) => {
        const i = at(field);
        return i === undefined ? '' : (f[i] ?? '').trim();
      };
      const application = db.prepare(`
        SELECT a.id, a.jenis_usaha, s.source FROM applications a LEFT JOIN assessments s ON s.application_id = a.id
        WHERE a.nik = ? AND a.tahun = ?`);
      const cells = questions.map((q) => ({ q, i: at(q.id)! }));
      return (f) => {
        const nikResult = parseNik(f[at('nik')!]);
        if (!nikResult.ok) return { ok: false, reason: nikResult.reason };
        const nik = nikResult.nik;
        const app = application.get(nik, options.tahun) as { id: number; jenis_usaha: string; source: string | null } | undefined;
        if (!app) return { ok: false, reason: 'not_registered', nik };
        if (app.source === 'interview') return { ok: false, reason: 'already_assessed', nik };
        const assessor = get(f, 'assessor').replace(/\s+/g, ' ');
        if (assessor === '') return { ok: false, reason: 'assessor_missing', nik };
        const tglRaw = get(f, 'tanggal');
        const tanggal = parseTanggal(tglRaw);
        if (!tanggal) return { ok: false, reason: tglRaw === '' ? 'tanggal_missing' : 'tanggal_invalid', nik };
        if (tanggal > options.today) return { ok: false, reason: 'tanggal_future', nik };
        const jenisRaw = get(f, 'jenis_usaha_disepakati');
        const jenis = jenisRaw === '' ? app.jenis_usaha : parseJenisUsaha(jenisRaw);
        if (!jenis) return { ok: false, reason: 'jenis_usaha_invalid', nik };
        const answers: Answers = {};
        for (const { q, i } of cells) {
          const parsed = parseAnswer(q, f[i] ?? '');
          if (!parsed.ok) return { ok: false, reason: `${q.id}_${parsed.problem}`, nik };
          answers[q.id] = parsed.value;
        }
        return {
          ok: true,
          warnings: [],
          values: [nik, app.id, answersJson(rubric, answers), jenis, assessor, tanggal, 'import', rubric.version],
        };
      };
    },
    onInsert: { created_at: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` },
    afterMerge({ db, batchId }) {
      // A changed assessment's score is stale: `uep score` computes it again.
      const cleared = db.prepare(`DELETE FROM scores WHERE application_id IN (SELECT application_id FROM assessments WHERE changed_batch_id = ?)`).run(batchId).changes;
      return { scores_cleared: cleared };
    },
  };
}
