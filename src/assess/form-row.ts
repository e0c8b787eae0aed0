/** One row of an assessment form (paper or phone) → the stored assessment, or a reason code. */
import { parseJenisUsaha } from '../applicants/jenis-usaha.js';
import type { Db } from '../db/open.js';
import { oneHotCell, oneHotColumns, submissionTime } from '../field/export-columns.js';
import { submissionIds } from '../field/submission.js';
import type { HeaderMapping } from '../import/headers.js';
import type { RowResult, RowValidator } from '../import/kind.js';
import { parseTanggal } from '../import/values.js';
import { maskNik, parseNik } from '../nik/nik.js';
import type { LoadedRubric } from '../rubric/types.js';
import type { Answers } from '../score/types.js';
import { answersJson, parseAnswer } from './answers.js';

interface Application {
  id: number;
  nik: string;
  jenis_usaha: string;
  source: string | null;
}

/** Excel leaves an apostrophe or a TAB in front of digits it was told to keep as text. */
const clean = (s: string | undefined) => (s ?? '').trim().replace(/^'/, '').trim();

export function formRowReader(loaded: LoadedRubric, mapping: HeaderMapping, names: string[], options: { tahun: number; today: string }, db: Db): RowValidator {
  const { rubric } = loaded;
  const at = (field: string) => mapping.index.get(field);
  const get = (f: string[], field: string) => {
    const i = at(field);
    return i === undefined ? '' : clean(f[i]);
  };
  const SELECT = `SELECT a.id, a.nik, a.jenis_usaha, s.source FROM applications a LEFT JOIN assessments s ON s.application_id = a.id`;
  const byNik = db.prepare(`${SELECT} WHERE a.nik = ? AND a.tahun = ?`);
  const byId = db.prepare(`${SELECT} WHERE a.id = ? AND a.tahun = ?`);
  const cells = rubric.questions.map((q) => {
    const i = at(q.id);
    const oneHot = q.type === 'multi' && i === undefined ? oneHotColumns(names, q.id, q.options.map((o) => o.value)) : undefined;
    return { q, i, oneHot: oneHot && oneHot.size > 0 ? oneHot : undefined };
  });

  /** The application the row is about: by id_pendaftar (the phone form's list) or by full NIK; a masked NIK is checked against it. */
  function application(f: string[]): { app: Application } | { reason: string; nik?: string } {
    const idCell = get(f, 'id_pendaftar');
    const nikCell = get(f, 'nik');
    const masked = get(f, 'nik_tersamar') || (nikCell.includes('*') ? nikCell : '');
    let app: Application | undefined;
    if (idCell !== '') {
      app = /^\d{1,12}$/.test(idCell) ? byId.get(Number(idCell), options.tahun) as Application | undefined : undefined;
      if (!app) return { reason: 'id_pendaftar_unknown' };
    }
    if (nikCell !== '' && !nikCell.includes('*')) {
      const parsed = parseNik(nikCell);
      if (!parsed.ok) return { reason: parsed.reason };
      if (app && app.nik !== parsed.nik) return { reason: 'nik_mismatch', nik: parsed.nik };
      app ??= byNik.get(parsed.nik, options.tahun) as Application | undefined;
      if (!app) return { reason: 'not_registered', nik: parsed.nik };
    }
    if (!app) return { reason: masked !== '' ? 'nik_masked' : 'nik_missing' };
    if (masked !== '' && maskNik(app.nik) !== masked) return { reason: 'nik_mismatch', nik: app.nik };
    return { app };
  }

  return (f): RowResult => {
    const who = application(f);
    if ('reason' in who) return { ok: false, reason: who.reason, ...(who.nik ? { nik: who.nik } : {}) };
    const { app } = who;
    const nik = app.nik;
    if (app.source === 'interview') return { ok: false, reason: 'already_assessed', nik };
    const assessor = (get(f, 'assessor') || get(f, 'submitted_by')).replace(/\s+/g, ' ');
    if (assessor === '') return { ok: false, reason: 'assessor_missing', nik };
    const tglRaw = get(f, 'tanggal');
    const tanggal = parseTanggal(tglRaw);
    if (!tanggal) return { ok: false, reason: tglRaw === '' ? 'tanggal_missing' : 'tanggal_invalid', nik };
    if (tanggal > options.today) return { ok: false, reason: 'tanggal_future', nik };
    const jenisRaw = get(f, 'jenis_usaha_disepakati');
    const jenis = jenisRaw === '' ? app.jenis_usaha : parseJenisUsaha(jenisRaw);
    if (!jenis) return { ok: false, reason: 'jenis_usaha_invalid', nik };
    const version = get(f, 'form_version');
    // A form of another rubric version: a question it did not ask is left unanswered (it counts as the rubric says).
    const older = version !== '' && version !== rubric.version;
    const answers: Answers = {};
    for (const { q, i, oneHot } of cells) {
      if (i === undefined && !oneHot) {
        if (older) continue;
        return { ok: false, reason: `${q.id}_missing`, nik };
      }
      const raw = i !== undefined ? f[i] ?? '' : oneHotCell(f, oneHot!);
      if (raw === undefined) return { ok: false, reason: `${q.id}_invalid`, nik };
      const parsed = parseAnswer(q, raw);
      if (!parsed.ok) {
        if (older && parsed.problem === 'missing') continue;
        return { ok: false, reason: `${q.id}_${parsed.problem}`, nik };
      }
      answers[q.id] = parsed.value;
    }
    const ids = submissionIds({ submission_id: get(f, 'submission_id'), instance_id: get(f, 'instance_id'), deprecated_id: get(f, 'deprecated_id') });
    return {
      ok: true,
      warnings: older ? ['form_version_old'] : [],
      values: [
        nik, app.id, answersJson(rubric, answers), jenis, assessor, tanggal, 'import', rubric.version,
        ids.instance_id, ids.version_id, ids.deprecated_id, submissionTime(get(f, 'submitted_at')) ?? null, version === '' ? null : version,
      ],
    };
  };
}
