/**
 * The record of processing (UU 27/2022 Pasal 31) and the grounds of its impact assessment
 * (Pasal 34: scoring people, matching datasets, specific data, processing at scale), from what
 * the database holds: the categories of personal data and how many records carry each, the
 * sources (every import with its file hash and counts), the automated decisions (rubrics, scores,
 * allocation runs and their input hashes), the matching of datasets, who ran what (audit log),
 * what left the office and whether NIKs were masked, and retention against the office's periods.
 */
import type { Db } from '../db/open.js';
import type { PdpConfig } from './config.js';
import { retention, type RetentionLine } from './retention.js';

/** Categories of personal data, as fixed codes (explained by `pdp:category.<code>`). */
export const CATEGORIES = ['identitas', 'keluarga', 'alamat', 'kontak', 'ekonomi', 'kesehatan', 'penilaian', 'pemantauan', 'keberatan_temuan'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Specific personal data (Pasal 4 ayat 2): health, which includes disability. */
export const SPECIFIC: ReadonlySet<Category> = new Set(['kesehatan']);

export interface CategoryLine {
  category: Category;
  specific: boolean;
  /** Where it is stored: table.column. */
  fields: string[];
  /** Records carrying it. */
  records: number;
}

export interface SourceLine {
  kind: string; file_name: string; sha256: string; started_at: string; finished_at: string | null;
  read: number; inserted: number; updated: number; rejected: number; snapshot: boolean;
}

export interface PdpRecord {
  generated_at: string;
  config: Omit<PdpConfig, 'retensi'>;
  categories: CategoryLine[];
  sources: SourceLine[];
  decisions: {
    rubrics: { version: string; sha256: string; first_used_at: string; scores: number }[];
    scores_by_tahun: { tahun: number; scored: number; eligible: number }[];
    runs: { id: number; tahun: number; status: string; created_at: string; finalized_at: string | null; inputs_sha256: string; rubric_version: string | null; selected: number; replaced: number }[];
  };
  matching: { pkh_members: number; pkh_in_dtks: number; duplicate_pairs: number; same_person: number; different: number; unsure: number };
  operators: { operator: string; command: string; runs: number; first: string; last: string }[];
  disclosures: { at: string; operator: string; command: string; nik_masked: boolean | null; files: number | null }[];
  objections: { appeals_open: number; appeals_decided: number; findings: number };
  retention: RetentionLine[];
}

const count = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;

function categories(db: Db): CategoryLine[] {
  const c = (category: Category, fields: string[], records: number): CategoryLine => ({ category, specific: SPECIFIC.has(category), fields, records });
  return [
    c('identitas', ['persons.nik', 'persons.nama', 'persons.jenis_kelamin', 'persons.tanggal_lahir', 'pkh_members.nama'],
      count(db, `SELECT count(*) FROM persons`) + count(db, `SELECT count(*) FROM pkh_members WHERE nik NOT IN (SELECT nik FROM persons)`)),
    c('keluarga', ['persons.no_kk', 'persons.hubungan_keluarga', 'pkh_members.no_kk'],
      count(db, `SELECT count(*) FROM persons WHERE NULLIF(trim(no_kk), '') IS NOT NULL OR hubungan_keluarga IS NOT NULL`)),
    c('alamat', ['persons.alamat', 'persons.kecamatan', 'persons.desa'], count(db, `SELECT count(*) FROM persons WHERE NULLIF(trim(alamat), '') IS NOT NULL OR desa IS NOT NULL`)),
    c('kontak', ['applications.no_hp', 'monitors.no_hp'],
      count(db, `SELECT count(*) FROM applications WHERE NULLIF(trim(no_hp), '') IS NOT NULL`) + count(db, `SELECT count(*) FROM monitors WHERE NULLIF(trim(no_hp), '') IS NOT NULL`)),
    c('ekonomi', ['persons.desil', 'persons.status_pkh', 'pkh_members.aktif', 'assessments.answers_json'],
      count(db, `SELECT count(*) FROM persons WHERE desil IS NOT NULL OR status_pkh IS NOT NULL`) + count(db, `SELECT count(*) FROM pkh_members`) + count(db, `SELECT count(*) FROM assessments`)),
    c('kesehatan', ['pkh_members.disabilitas', 'pkh_members.lansia', 'assessments.answers_json (kesehatan, anggota_rentan)'],
      count(db, `SELECT count(*) FROM pkh_members WHERE disabilitas IS NOT NULL OR lansia IS NOT NULL`)
      + count(db, `SELECT count(*) FROM assessments WHERE json_extract(answers_json, '$.kesehatan') IS NOT NULL OR json_extract(answers_json, '$.anggota_rentan') IS NOT NULL`)),
    c('penilaian', ['scores', 'allocation_results'], count(db, `SELECT count(*) FROM scores`) + count(db, `SELECT count(*) FROM allocation_results`)),
    c('pemantauan', ['visits'], count(db, `SELECT count(*) FROM visits`)),
    c('keberatan_temuan', ['appeals', 'registry_findings', 'duplicate_decisions'],
      count(db, `SELECT count(*) FROM appeals`) + count(db, `SELECT count(*) FROM registry_findings`) + count(db, `SELECT count(*) FROM duplicate_decisions`)),
  ];
}

function decisions(db: Db): PdpRecord['decisions'] {
  return {
    rubrics: db.prepare(`SELECT r.version, r.sha256, r.first_used_at, (SELECT count(*) FROM scores s WHERE s.rubric_sha256 = r.sha256) AS scores
      FROM rubrics r ORDER BY r.first_used_at`).all() as PdpRecord['decisions']['rubrics'],
    scores_by_tahun: db.prepare(`SELECT a.tahun, count(*) AS scored, sum(s.eligible) AS eligible FROM scores s JOIN applications a ON a.id = s.application_id
      GROUP BY a.tahun ORDER BY a.tahun`).all() as PdpRecord['decisions']['scores_by_tahun'],
    runs: db.prepare(`SELECT u.id, u.tahun, u.status, u.created_at, u.finalized_at, u.inputs_sha256, u.rubric_version,
        (SELECT count(*) FROM allocation_results r WHERE r.run_id = u.id AND r.outcome = 'selected') AS selected,
        (SELECT count(*) FROM allocation_results r WHERE r.run_id = u.id AND r.outcome = 'replaced') AS replaced
      FROM allocation_runs u ORDER BY u.id`).all() as PdpRecord['decisions']['runs'],
  };
}

/** Commands whose files always mask NIKs (their audit line predates the nik_masked key). */
const ALWAYS_MASKED = new Set(['monitor plan', 'report monitoring']);

/**
 * Audit entries of commands that wrote personal data to files: an --out folder, a --rejects file
 * (the rejected rows as they were: not masked), or a result that counts files or says whether
 * NIKs were masked.
 */
function disclosures(db: Db): PdpRecord['disclosures'] {
  const rows = db.prepare(`SELECT at, operator, command, json_extract(result_json, '$.nik_masked') AS nik_masked, json_extract(result_json, '$.files') AS files,
      json_extract(params_json, '$.rejects') IS NOT NULL AS rejects
    FROM audit_log WHERE json_extract(result_json, '$.status') = 'done'
      AND (json_extract(params_json, '$.out') IS NOT NULL OR json_extract(params_json, '$.rejects') IS NOT NULL
        OR json_extract(result_json, '$.files') IS NOT NULL OR json_extract(result_json, '$.nik_masked') IS NOT NULL) ORDER BY id`).all() as
    { at: string; operator: string; command: string; nik_masked: number | null; files: number | null; rejects: number }[];
  return rows.map(({ rejects, ...r }) => ({
    ...r,
    files: r.files ?? (rejects ? 1 : null),
    nik_masked: r.nik_masked !== null ? r.nik_masked === 1 : ALWAYS_MASKED.has(r.command) ? true : rejects ? false : null,
  }));
}

export function pdpRecord(db: Db, config: PdpConfig, now: Date): PdpRecord {
  const { retensi, ...about } = config;
  return {
    generated_at: now.toISOString(),
    config: about,
    categories: categories(db),
    sources: (db.prepare(`SELECT kind, file_name, sha256, started_at, finished_at, read, inserted, updated, rejected, snapshot FROM import_batches
      WHERE file_name <> '' ORDER BY id`).all() as (Omit<SourceLine, 'snapshot'> & { snapshot: number })[]).map((s) => ({ ...s, snapshot: s.snapshot === 1 })),
    decisions: decisions(db),
    matching: {
      pkh_members: count(db, `SELECT count(*) FROM pkh_members`),
      pkh_in_dtks: count(db, `SELECT count(*) FROM pkh_members m WHERE EXISTS (SELECT 1 FROM persons p WHERE p.nik = m.nik AND p.in_dtks = 1)`),
      duplicate_pairs: count(db, `SELECT count(*) FROM duplicate_pairs`),
      ...(Object.fromEntries(['same_person', 'different', 'unsure'].map((d) => [d, count(db, `SELECT count(*) FROM duplicate_pairs p
        WHERE (SELECT decision FROM duplicate_decisions x WHERE x.pair_id = p.id ORDER BY x.id DESC LIMIT 1) = '${d}'`)])) as { same_person: number; different: number; unsure: number }),
    },
    operators: db.prepare(`SELECT operator, command, count(*) AS runs, min(at) AS first, max(at) AS last FROM audit_log
      WHERE json_extract(result_json, '$.status') IN ('done', 'failed') GROUP BY operator, command ORDER BY operator, command`).all() as PdpRecord['operators'],
    disclosures: disclosures(db),
    objections: {
      appeals_open: count(db, `SELECT count(*) FROM appeals WHERE status = 'open'`),
      appeals_decided: count(db, `SELECT count(*) FROM appeals WHERE status <> 'open'`),
      findings: count(db, `SELECT count(*) FROM registry_findings`),
    },
    retention: retention(db, retensi, now),
  };
}
