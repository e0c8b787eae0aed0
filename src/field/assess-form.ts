/**
 * The assessment interview as a phone form, from the rubric in use: the applicant picked from a
 * list sent with the form (application id, name, desa, masked NIK — never the full NIK), the
 * assessor and the date, every rubric question in a group, and the agreed business type. The
 * rubric's version is the form's version and also a field of every submission (`versi_rubrik`),
 * so `uep assess import` can tell an answer to an older rubric whatever the server exports.
 */
import { JENIS_USAHA } from '../applicants/jenis-usaha.js';
import type { Db } from '../db/open.js';
import { maskNik } from '../nik/nik.js';
import type { LoadedRubric, Question as RubricQuestion } from '../rubric/types.js';
import { xpathString, type Attachment, type Choice, type Field, type FormModel } from './model.js';
import { formText } from './texts.js';

export const APPLICANTS_FILE = 'pendaftar.csv';
/** The fields of the form besides the rubric's questions (also columns `uep assess import` reads). */
export const ASSESS_FORM_FIELDS = ['id_pendaftar', 'nik_tersamar', 'assessor', 'tanggal', 'jenis_usaha_disepakati', 'versi_rubrik'] as const;

export interface AssessFormOptions {
  tahun: number;
  /** Kemendagri code: only applicants of this regency in the list. */
  kabupaten?: string;
}

/**
 * Who the list offers: the year's applications not assessed in a terminal interview (one assessed
 * from a form earlier stays, so a correction can be sent), in registration order.
 */
export function applicantsAttachment(db: Db, o: AssessFormOptions): Attachment {
  const rows = db.prepare(`
    SELECT a.id, a.nik, COALESCE(p.nama, '') AS nama, COALESCE(p.desa, '') AS desa
    FROM applications a JOIN persons p ON p.nik = a.nik LEFT JOIN assessments s ON s.application_id = a.id
    WHERE a.tahun = @tahun AND (s.source IS NULL OR s.source <> 'interview') AND (@kab IS NULL OR p.kode_kabupaten = @kab)
    ORDER BY a.tanggal_daftar IS NULL, a.tanggal_daftar, a.id`).all({ tahun: o.tahun, kab: o.kabupaten ?? null }) as
    { id: number; nik: string; nama: string; desa: string }[];
  return {
    file: APPLICANTS_FILE,
    columns: ['name', 'label', 'nama', 'desa', 'nik_tersamar'],
    rows: rows.map((r) => {
      const masked = maskNik(r.nik);
      return [String(r.id), [r.nama, r.desa, masked].filter((s) => s !== '').join(' · '), r.nama, r.desa, masked];
    }),
  };
}

function rubricField(q: RubricQuestion): Field {
  const label = { id: q.text, en: q.text_en ?? q.text };
  const required = formText('field:form.required');
  if (q.type === 'number') {
    return {
      type: 'integer', name: q.id, label, required: true, requiredMessage: required, min: q.min, max: q.max,
      constraintMessage: formText('field:form.range', { min: q.min, max: q.max }),
    };
  }
  // A multi question answered with nothing ticked means "none of these": not required.
  return q.type === 'choice'
    ? { type: 'select_one', name: q.id, label, list: q.id, required: true, requiredMessage: required }
    : { type: 'select_multiple', name: q.id, label, list: q.id, hint: formText('field:form.assess.multi_hint') };
}

export function assessFormModel(loaded: LoadedRubric, applicants: Attachment, o: AssessFormOptions): FormModel {
  const { rubric } = loaded;
  const required = formText('field:form.required');
  const choices: Record<string, Choice[]> = {};
  for (const q of rubric.questions) {
    if (q.type !== 'number') choices[q.id] = q.options.map((opt) => ({ value: opt.value, label: { id: opt.label, en: opt.label_en ?? opt.label } }));
  }
  choices.jenis_usaha = JENIS_USAHA.map((j) => ({ value: j, label: formText(`report_html:jenis.${j}`) }));
  const pick = `instance('${applicants.file.replace(/\.csv$/, '')}')/root/item[name = \${id_pendaftar}]`;
  return {
    id: `uep_asesmen_${o.tahun}`,
    title: formText('field:form.assess.title', { tahun: o.tahun }).id,
    version: rubric.version,
    root: 'data',
    items: [
      {
        type: 'select_one_from_file', name: 'id_pendaftar', file: applicants.file, label: formText('field:form.assess.applicant'),
        required: true, requiredMessage: required, appearance: 'autocomplete',
      },
      { type: 'calculate', name: 'nik_tersamar', calculation: `${pick}/nik_tersamar` },
      { type: 'text', name: 'assessor', label: formText('field:form.assess.assessor'), required: true, requiredMessage: required },
      {
        type: 'date', name: 'tanggal', label: formText('field:form.assess.tanggal'), required: true, requiredMessage: required,
        notFuture: true, defaultToday: true, constraintMessage: formText('field:form.not_future'),
      },
      { type: 'group', name: 'grp_asesmen', label: formText('field:form.assess.questions'), fields: rubric.questions.map(rubricField) },
      { type: 'select_one', name: 'jenis_usaha_disepakati', list: 'jenis_usaha', label: formText('field:form.assess.jenis_usaha'), required: true, requiredMessage: required },
      { type: 'calculate', name: 'versi_rubrik', calculation: xpathString(rubric.version) },
    ],
    choices,
    attachments: [applicants],
  };
}
