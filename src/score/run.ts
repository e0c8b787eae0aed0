/**
 * `uep score`: eligibility and scores of every assessed application of a year, in one
 * transaction: the year's scores are deleted and written again, so the table always holds one
 * rubric's view of the year. Rows are read in pages by application id (the connection cannot
 * write while a statement is still reading) and written with one prepared statement.
 */
import { isJenisUsaha } from '../applicants/jenis-usaha.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { storeRubric } from '../rubric/load.js';
import type { LoadedRubric, Reason } from '../rubric/types.js';
import { toBreakdown } from './breakdown.js';
import { scoreApplicant } from './compute.js';
import { factsOf, loadHouseholds, PERSON_FACT_COLUMNS, type PersonRow } from './facts.js';
import type { Answers } from './types.js';

export interface ScoreOptions {
  tahun: number;
  rubric: LoadedRubric;
  now?: Date;
  signal?: AbortSignal;
}

export interface ScoreSummary {
  tahun: number;
  rubric_version: string;
  rubric_sha256: string;
  scored: number;
  eligible: number;
  ineligible: number;
  /** Applications of the year without an assessment: not scored. */
  not_assessed: number;
  /** Assessments lacking an answer to some question of this rubric (scored 0 for it). */
  incomplete: number;
  /** Failed rules, counted by reason code (one application can fail several). */
  reasons: Partial<Record<Reason, number>>;
  scored_at: string;
}

const PAGE = 20_000;

/** A page row, as an array (cheaper than objects for 200k rows): the columns of the query below. */
type Raw = [
  application_id: number, nik: string, in_dtks: number, kode_kabupaten: string | null, desil: number | null, jenis_kelamin: string | null,
  hubungan_keluarga: string | null, tanggal_lahir: string | null, no_kk: string | null, status_pkh: number | null, applications: number,
  answers_json: string, jenis_usaha_disepakati: string, tanggal: string,
];

function personOf(r: Raw): PersonRow {
  return {
    nik: r[1], in_dtks: r[2], kode_kabupaten: r[3], desil: r[4], jenis_kelamin: r[5], hubungan_keluarga: r[6],
    tanggal_lahir: r[7], no_kk: r[8], status_pkh: r[9], applications: r[10],
  };
}

export class ScoreInterruptedError extends UepError {
  override readonly exitCode = 130;
  constructor() {
    super(t('score:errors.interrupted'));
  }
}

export function scoreYear(db: Db, options: ScoreOptions): ScoreSummary {
  const { tahun, rubric: loaded } = options;
  const { rubric } = loaded;
  const scoredAt = (options.now ?? new Date()).toISOString();
  const summary: ScoreSummary = {
    tahun, rubric_version: rubric.version, rubric_sha256: loaded.sha256, scored: 0, eligible: 0, ineligible: 0,
    not_assessed: 0, incomplete: 0, reasons: {}, scored_at: scoredAt,
  };
  const page = db.prepare(`
    SELECT a.id AS application_id, ${PERSON_FACT_COLUMNS},
           (SELECT count(*) FROM applications b WHERE b.nik = a.nik AND b.tahun = a.tahun) AS applications,
           s.answers_json, s.jenis_usaha_disepakati, s.tanggal
    FROM applications a
    JOIN assessments s ON s.application_id = a.id
    JOIN persons p ON p.nik = a.nik
    WHERE a.tahun = @tahun AND a.id > @after
    ORDER BY a.id LIMIT ${PAGE}`).raw();
  const insert = db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score,
    breakdown_json, rubric_version, rubric_sha256, scored_at, kode_kabupaten, desil, pkh_aktif) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const questionIds = rubric.questions.map((q) => q.id);

  db.transaction(() => {
    storeRubric(db, loaded, scoredAt);
    db.prepare(`DELETE FROM scores WHERE application_id IN (SELECT id FROM applications WHERE tahun = ?)`).run(tahun);
    const households = loadHouseholds(db, tahun);
    for (let after = 0; ;) {
      if (options.signal?.aborted) throw new ScoreInterruptedError();
      const rows = page.all({ tahun, after }) as Raw[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const answers = JSON.parse(row[11]) as Answers;
        if (questionIds.some((id) => answers[id] === undefined)) summary.incomplete++;
        const jenis = row[12];
        if (!isJenisUsaha(jenis)) throw new UepError(t('score:errors.unknown_jenis', { application: row[0], jenis }));
        const facts = factsOf(personOf(row), households, row[13]);
        const r = scoreApplicant(rubric, facts, answers, jenis);
        insert.run(row[0], r.eligible ? 1 : 0, JSON.stringify(r.reasons), r.need.score, r.fit.score, r.total,
          JSON.stringify(toBreakdown(r, facts)), rubric.version, loaded.sha256, scoredAt, facts.kode_kabupaten, facts.desil, facts.pkh_aktif ? 1 : 0);
        summary.scored++;
        if (r.eligible) summary.eligible++;
        else summary.ineligible++;
        for (const reason of r.reasons) summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
      }
      after = rows[rows.length - 1]![0];
    }
    summary.not_assessed = (db.prepare(`SELECT count(*) FROM applications WHERE tahun = ?`).pluck().get(tahun) as number) - summary.scored;
  }).immediate();
  return summary;
}
