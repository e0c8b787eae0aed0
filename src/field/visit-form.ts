/**
 * The visit report as a phone form: the field worker, the beneficiary picked from the list of
 * that worker's beneficiaries by id_penerima (what the visit sheets show; masked NIK, never the
 * full one), the visit date, and the same codes `uep monitor import` reads. The lists come from
 * the stored visit plan of a run (`uep monitor plan`).
 * One form serves every worker: the worker picks their id from `petugas.csv` and the beneficiary
 * list (`penerima.csv`, with a `petugas` column) shows only theirs. With `petugas` given, the
 * form is that worker's own: the worker is fixed and the list holds only their beneficiaries.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { KENDALA, RUJUKAN, STATUS_USAHA } from '../monitor/visit-values.js';
import { maskNik } from '../nik/nik.js';
import { xpathString, type Attachment, type Choice, type FormModel, type Item } from './model.js';
import { formText } from './texts.js';

export const BENEFICIARIES_FILE = 'penerima.csv';
export const MONITORS_FILE = 'petugas.csv';

export interface VisitFormOptions {
  runId: number;
  /** One worker's own form. */
  petugas?: string;
  /** YYYY-MM-DD: the form's version is the run and the day it was written (ODK Central wants a new version for each upload). */
  today: string;
}

interface Row {
  application_id: number;
  nik: string;
  nama: string;
  desa: string;
  monitor_id: string;
  monitor_nama: string;
  peran: string;
}

export interface VisitFormData {
  model: FormModel;
  /** Beneficiaries per worker id. */
  counts: Record<string, number>;
}

export function visitFormModel(db: Db, o: VisitFormOptions): VisitFormData {
  const planned = db.prepare(`SELECT 1 FROM monitor_plans WHERE run_id = ?`).get(o.runId);
  if (!planned) throw new UepError(t('field:visit_form.no_plan', { run: o.runId }), t('field:visit_form.no_plan_hint'));
  const rows = db.prepare(`
    SELECT r.application_id, r.nik, COALESCE(p.nama, '') AS nama, COALESCE(p.desa, '') AS desa, m.id AS monitor_id, m.nama AS monitor_nama, m.peran
    FROM visit_assignments v JOIN allocation_results r ON r.run_id = v.run_id AND r.nik = v.nik AND r.outcome = 'selected'
    JOIN monitors m ON m.id = v.monitor_id LEFT JOIN persons p ON p.nik = v.nik
    WHERE v.run_id = @run AND m.aktif = 1 AND (@petugas IS NULL OR m.id = @petugas)
    ORDER BY m.id, p.kecamatan, p.desa, r.application_id`).all({ run: o.runId, petugas: o.petugas ?? null }) as Row[];
  if (o.petugas !== undefined && rows.length === 0) {
    throw new UepError(t('field:visit_form.no_beneficiaries', { petugas: o.petugas, run: o.runId }), t('field:visit_form.no_beneficiaries_hint'));
  }
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.monitor_id] = (counts[r.monitor_id] ?? 0) + 1;
  const own = o.petugas !== undefined;
  const beneficiaries: Attachment = {
    file: BENEFICIARIES_FILE,
    columns: ['name', 'label', 'nama', 'desa', 'nik_tersamar', 'petugas'],
    rows: rows.map((r) => {
      const masked = maskNik(r.nik);
      return [String(r.application_id), [String(r.application_id), r.nama, r.desa, masked].filter((s) => s !== '').join(' · '), r.nama, r.desa, masked, r.monitor_id];
    }),
  };
  const monitors: Attachment = {
    file: MONITORS_FILE,
    columns: ['name', 'label'],
    rows: [...new Map(rows.map((r) => [r.monitor_id, `${r.monitor_id} · ${r.monitor_nama} (${r.peran})`])).entries()].map(([id, label]) => [id, label]),
  };
  const required = formText('field:form.required');
  const list = (codes: readonly string[], family: 'status_usaha' | 'kendala' | 'rujukan'): Choice[] =>
    codes.map((c) => ({ value: c, label: formText(`field:form.${family}.${c}`) }));
  const who: Item = own
    ? { type: 'calculate', name: 'petugas', calculation: xpathString(o.petugas!) }
    : {
      type: 'select_one_from_file', name: 'petugas', file: MONITORS_FILE, label: formText('field:form.visit.petugas'),
      required: true, requiredMessage: required,
    };
  const pick = `instance('penerima')/root/item[name = \${id_penerima}]`;
  const model: FormModel = {
    id: own ? `uep_kunjungan_${o.petugas!.toLowerCase().replace(/[^a-z0-9]+/g, '_')}` : 'uep_kunjungan',
    title: own ? formText('field:form.visit.title_own', { petugas: o.petugas! }).id : formText('field:form.visit.title').id,
    version: `${o.runId}.${o.today.replace(/-/g, '')}`,
    root: 'data',
    items: [
      who,
      {
        type: 'select_one_from_file', name: 'id_penerima', file: BENEFICIARIES_FILE, label: formText('field:form.visit.penerima'),
        required: true, requiredMessage: required, appearance: 'autocomplete', ...(own ? {} : { filter: 'petugas = ${petugas}' }),
      },
      { type: 'calculate', name: 'nik_tersamar', calculation: `${pick}/nik_tersamar` },
      {
        type: 'date', name: 'tanggal_kunjungan', label: formText('field:form.visit.tanggal_kunjungan'), required: true, requiredMessage: required,
        notFuture: true, defaultToday: true, constraintMessage: formText('field:form.not_future'),
      },
      {
        type: 'group', name: 'grp_usaha', label: formText('field:form.visit.usaha'), fields: [
          { type: 'select_one', name: 'status_usaha', list: 'status_usaha', label: formText('field:form.visit.status_usaha'), required: true, requiredMessage: required },
          {
            type: 'integer', name: 'omzet_bulanan', label: formText('field:form.visit.omzet_bulanan'), hint: formText('field:form.visit.omzet_hint'),
            min: 0, constraintMessage: formText('field:form.not_negative'),
          },
          { type: 'select_multiple', name: 'kendala', list: 'kendala', label: formText('field:form.visit.kendala') },
          { type: 'text', name: 'tindak_lanjut', label: formText('field:form.visit.tindak_lanjut') },
          { type: 'select_multiple', name: 'rujukan', list: 'rujukan', label: formText('field:form.visit.rujukan') },
        ],
      },
    ],
    choices: { status_usaha: list(STATUS_USAHA, 'status_usaha'), kendala: list(KENDALA, 'kendala'), rujukan: list(RUJUKAN, 'rujukan') },
    attachments: own ? [beneficiaries] : [beneficiaries, monitors],
  };
  return { model, counts };
}
