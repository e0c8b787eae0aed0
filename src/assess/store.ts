import type { JenisUsaha } from '../applicants/jenis-usaha.js';
import type { Db } from '../db/open.js';
import type { LoadedRubric } from '../rubric/types.js';
import type { Answers } from '../score/types.js';
import { answersJson } from './answers.js';

export interface AssessmentInput {
  application_id: number;
  nik: string;
  answers: Answers;
  jenis_usaha_disepakati: JenisUsaha;
  assessor: string;
  /** YYYY-MM-DD */
  tanggal: string;
}

export interface StoredAssessment {
  application_id: number;
  answers_json: string;
  jenis_usaha_disepakati: JenisUsaha;
  assessor: string;
  tanggal: string;
  source: 'interview' | 'import';
  rubric_version: string | null;
}

/**
 * Saves an interview's assessment (replacing an earlier one of the application) and drops the
 * application's score, which no longer matches the answers: one transaction.
 */
export function saveInterview(db: Db, a: AssessmentInput, rubric: LoadedRubric, now: Date = new Date()): void {
  db.transaction(() => {
    db.prepare(`
      INSERT INTO assessments (application_id, nik, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, rubric_version, created_at)
      VALUES (@application_id, @nik, @answers_json, @jenis, @assessor, @tanggal, 'interview', @version, @at)
      ON CONFLICT (application_id) DO UPDATE SET nik = excluded.nik, answers_json = excluded.answers_json,
        jenis_usaha_disepakati = excluded.jenis_usaha_disepakati, assessor = excluded.assessor, tanggal = excluded.tanggal,
        source = 'interview', rubric_version = excluded.rubric_version, warnings = NULL, changed_batch_id = NULL, created_at = excluded.created_at`).run({
      application_id: a.application_id, nik: a.nik, answers_json: answersJson(rubric.rubric, a.answers), jenis: a.jenis_usaha_disepakati,
      assessor: a.assessor, tanggal: a.tanggal, version: rubric.rubric.version, at: now.toISOString(),
    });
    db.prepare(`DELETE FROM scores WHERE application_id = ?`).run(a.application_id);
  }).immediate();
}

export function assessmentOf(db: Db, applicationId: number): StoredAssessment | undefined {
  return db.prepare(`SELECT application_id, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, rubric_version
    FROM assessments WHERE application_id = ?`).get(applicationId) as StoredAssessment | undefined;
}
