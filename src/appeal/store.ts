/**
 * Appeals (keberatan) against a year's result: recorded, listed with their explain chain, and
 * decided (decide.ts). The appellant's reason is kept here with the appeal, never in the audit log.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import type { LoadedRubric } from '../rubric/types.js';
import { appealChain, type AppealChain } from './chain.js';

export const APPEAL_STATUSES = ['open', 'upheld', 'corrected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface RecordAppealInput {
  nik: string;
  /** Default: the latest year the person applied. */
  tahun?: number;
  reason: string;
  /** The date the appeal was received, YYYY-MM-DD. */
  diterima: string;
  operator: string;
  now: Date;
}

export interface RecordAppealResult {
  appeal_id: number;
  application_id: number;
  tahun: number;
  nik_masked: string;
  chain: AppealChain;
}

export function recordAppeal(db: Db, input: RecordAppealInput): RecordAppealResult {
  return db.transaction((): RecordAppealResult => {
    const tahun = input.tahun ?? (db.prepare(`SELECT max(tahun) FROM applications WHERE nik = ?`).pluck().get(input.nik) as number | null);
    const app = tahun === null ? undefined : db.prepare(`SELECT id FROM applications WHERE nik = ? AND tahun = ?`).pluck().get(input.nik, tahun) as number | undefined;
    if (tahun === null || app === undefined) {
      throw new UepError(tahun === null ? t('appeal:error.no_application', { nik: maskNik(input.nik) }) : t('appeal:error.no_application_in', { nik: maskNik(input.nik), tahun }),
        t('appeal:error.no_application_hint'));
    }
    const open = db.prepare(`SELECT id FROM appeals WHERE application_id = ? AND status = 'open'`).pluck().get(app) as number | undefined;
    if (open !== undefined) throw new UepError(t('appeal:error.already_open', { id: open, nik: maskNik(input.nik), tahun }), t('appeal:error.already_open_hint', { id: open }));
    const reason = input.reason.trim();
    const id = Number(db.prepare(`INSERT INTO appeals (application_id, nik, tahun, reason, diterima, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(app, input.nik, tahun, reason, input.diterima, input.operator, input.now.toISOString()).lastInsertRowid);
    return { appeal_id: id, application_id: app, tahun, nik_masked: maskNik(input.nik), chain: appealChain(db, input.nik, tahun) };
  }).immediate();
}

export interface AppealView {
  id: number;
  nik: string;
  nik_masked: string;
  nama: string;
  kode_kabupaten: string;
  tahun: number;
  application_id: number;
  reason: string;
  diterima: string;
  recorded_by: string;
  recorded_at: string;
  status: AppealStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  correction: Record<string, unknown> | null;
  before: AppealChain | null;
  after: AppealChain | null;
  move_id: number | null;
  /** The chain as the database gives it now. */
  chain: AppealChain;
}

interface AppealRow {
  id: number; nik: string; nama: string | null; kode_kabupaten: string | null; tahun: number; application_id: number; reason: string; diterima: string;
  recorded_by: string; recorded_at: string; status: AppealStatus; decided_by: string | null; decided_at: string | null; decision_note: string | null;
  correction_json: string | null; before_json: string | null; after_json: string | null; move_id: number | null;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function listAppeals(db: Db, o: { status?: AppealStatus | 'all'; tahun?: number; id?: number; rubric?: LoadedRubric } = {}): AppealView[] {
  const status = o.status ?? 'open';
  const rows = db.prepare(`SELECT x.*, p.nama, p.kode_kabupaten FROM appeals x LEFT JOIN persons p ON p.nik = x.nik
    WHERE (@status = 'all' OR x.status = @status) AND (@tahun IS NULL OR x.tahun = @tahun) AND (@id IS NULL OR x.id = @id)
    ORDER BY x.diterima, x.id`).all({ status, tahun: o.tahun ?? null, id: o.id ?? null }) as AppealRow[];
  return rows.map((r) => ({
    id: r.id, nik: r.nik, nik_masked: maskNik(r.nik), nama: r.nama ?? '', kode_kabupaten: r.kode_kabupaten ?? '', tahun: r.tahun, application_id: r.application_id,
    reason: r.reason, diterima: r.diterima, recorded_by: r.recorded_by, recorded_at: r.recorded_at, status: r.status,
    decided_by: r.decided_by, decided_at: r.decided_at, decision_note: r.decision_note,
    correction: json(r.correction_json), before: json(r.before_json), after: json(r.after_json), move_id: r.move_id,
    chain: appealChain(db, r.nik, r.tahun, o.rubric),
  }));
}

export function appealById(db: Db, id: number): AppealView {
  const a = listAppeals(db, { status: 'all', id })[0];
  if (!a) throw new UepError(t('appeal:error.no_appeal', { id }), t('appeal:error.no_appeal_hint'));
  return a;
}
