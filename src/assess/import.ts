/**
 * `uep assess import`: the interview's answers from paper forms or phone forms (exports of ODK
 * Central and KoboToolbox, CSV or .xlsx), one column per rubric question id, plus the person (nik,
 * or id_pendaftar from the phone form's list with its masked NIK checked), assessor and tanggal
 * (and optionally jenis_usaha_disepakati, else the type asked for). Built from the rubric, so its
 * columns follow the questions. Group prefixes, one 0/1 column per option, and the servers' meta
 * columns are read as src/field/export-columns.ts says.
 * An assessment made in an interview is never overwritten by a form (already_assessed); one
 * imported earlier is updated by a corrected form, and its score dropped. Of several submissions
 * for one person the latest (by the server's submission time) wins, also across imports; of the
 * versions of one submission (edits on the server) the latest, whoever it names (src/assess/edits.ts).
 */
import { exportColumnNames, oneHotColumns } from '../field/export-columns.js';
import { missingColumns, type FieldSpec } from '../import/headers.js';
import type { ImportKind } from '../import/kind.js';
import type { ImportOptions } from '../import/summary.js';
import type { LoadedRubric } from '../rubric/types.js';
import { settleEdits } from './edits.js';
import { formRowReader } from './form-row.js';

export interface AssessImportOptions extends ImportOptions {
  tahun: number;
  /** YYYY-MM-DD (localDate in src/dates.ts): later assessment dates are rejected as tanggal_future. */
  today: string;
}

export const BASE_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP'] },
  { field: 'id_pendaftar', aliases: ['application_id', 'ID PENDAFTARAN', 'NO PENDAFTARAN'] },
  { field: 'nik_tersamar', aliases: ['nik_masked'] },
  { field: 'assessor', aliases: ['ASESOR', 'PETUGAS', 'PEWAWANCARA', 'ENUMERATOR', 'NAMA PETUGAS', 'NAMA ASESOR'] },
  { field: 'tanggal', aliases: ['TANGGAL ASESMEN', 'TGL ASESMEN', 'TANGGAL WAWANCARA', 'TANGGAL ASSESSMENT', 'TGL'] },
  { field: 'jenis_usaha_disepakati', aliases: ['USAHA DISEPAKATI', 'JENIS USAHA', 'JENIS USAHA DISEPAKATI'] },
  { field: 'nama', aliases: ['NAMA LENGKAP'] },
  // What ODK Central and KoboToolbox add to every submission (src/field/submission.ts).
  { field: 'submission_id', aliases: ['KEY', 'rootUuid'] },
  { field: 'instance_id', aliases: ['instanceID', '_uuid'] },
  { field: 'deprecated_id', aliases: ['deprecatedID'] },
  { field: 'submitted_at', aliases: ['SubmissionDate', '_submission_time'] },
  { field: 'submitted_by', aliases: ['SubmitterName', '_submitted_by'] },
  { field: 'form_version', aliases: ['versi_rubrik', 'FormVersion'] },
];

export const ASSESSMENT_COLUMNS = [
  'nik', 'application_id', 'answers_json', 'jenis_usaha_disepakati', 'assessor', 'tanggal', 'source', 'rubric_version',
  'instance_id', 'version_id', 'deprecated_id', 'submitted_at', 'form_version',
];

export function assessmentsImport(loaded: LoadedRubric): ImportKind<AssessImportOptions> {
  const questions = loaded.rubric.questions;
  const fields = [...BASE_FIELDS, ...questions.map((q) => ({ field: q.id, aliases: [] }))];
  const schema = {
    known: fields.flatMap((f) => [f.field, ...f.aliases]),
    multi: Object.fromEntries(questions.flatMap((q) => (q.type === 'multi' ? [[q.id, q.options.map((o) => o.value)]] : []))),
  };
  const columnNames = (header: string[]) => exportColumnNames(header, schema);
  return {
    kind: 'assessments',
    table: 'assessments',
    conflictKey: ['application_id'],
    columns: ASSESSMENT_COLUMNS,
    fields,
    columnNames,
    latestBy: 'submitted_at',
    replaceOnlyIf: 'assessments.submitted_at IS NULL OR excluded.submitted_at IS NULL OR excluded.submitted_at >= assessments.submitted_at',
    checkColumns(file, mapping) {
      const has = (f: string) => mapping.index.has(f);
      const names = columnNames(mapping.header);
      const missing: string[] = [];
      if (!has('nik') && !has('id_pendaftar')) missing.push('nik (or id_pendaftar)');
      if (!has('assessor') && !has('submitted_by')) missing.push('assessor');
      if (!has('tanggal')) missing.push('tanggal');
      // A form older than the rubric may lack a question: its rows say so (form_version).
      if (!has('form_version')) {
        for (const q of questions) {
          if (has(q.id) || (q.type === 'multi' && oneHotColumns(names, q.id, schema.multi[q.id]!).size > 0)) continue;
          missing.push(q.id);
        }
      }
      if (missing.length > 0) throw missingColumns(file, mapping, missing);
    },
    validator(mapping, options, db) {
      return formRowReader(loaded, mapping, columnNames(mapping.header), options, db);
    },
    onInsert: { created_at: `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` },
    beforeMerge: ({ db, stageTable }) => settleEdits(db, stageTable),
    afterMerge({ db, batchId }) {
      // A changed assessment's score is stale: `uep score` computes it again.
      const cleared = db.prepare(`DELETE FROM scores WHERE application_id IN (SELECT application_id FROM assessments WHERE changed_batch_id = ?)`).run(batchId).changes;
      return { scores_cleared: cleared };
    },
  };
}

