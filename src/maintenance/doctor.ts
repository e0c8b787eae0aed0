import { existsSync, statSync } from 'node:fs';
import type { Db } from '../db/open.js';
import { schemaVersion } from '../db/open.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { t } from '../i18n/index.js';

/** One check: `check` and `detail` are the machine's words (--json, the same in every language); `label` and `text` the reader's. */
export interface DoctorCheck {
  check: string;
  ok: boolean;
  detail: string;
  label: string;
  text: string;
}

/** Orphans the schema cannot forbid by a foreign key (links by NIK, not by id): id, catalogue key, query. */
const ORPHAN_QUERIES: [string, string, string][] = [
  ['applications of persons not in the database', 'maintenance:doctor.orphans.applications', `SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.nik = a.nik)`],
  ['allocation results without their application', 'maintenance:doctor.orphans.results', `SELECT count(*) FROM allocation_results r WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = r.application_id)`],
  ['scores without their application', 'maintenance:doctor.orphans.scores', `SELECT count(*) FROM scores s WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = s.application_id)`],
];

function tableExists(db: Db, name: string): boolean {
  return (db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(name) as number) > 0;
}

/** Integrity, foreign keys, schema version, orphaned rows and file permissions. */
export function runDoctor(db: Db, dbPath: string): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const integrityDetail = integrity.slice(0, 5).join('; ');
  checks.push({ check: 'integrity', ok: integrity.join() === 'ok', detail: integrityDetail, label: t('maintenance:doctor.check.integrity'), text: integrityDetail });
  const fk = db.pragma('foreign_key_check') as { table: string }[];
  checks.push({
    check: 'foreign keys', ok: fk.length === 0, label: t('maintenance:doctor.check.foreign_keys'),
    detail: fk.length === 0 ? 'ok' : `${fk.length} row(s) point nowhere (first in ${fk[0]!.table})`,
    text: fk.length === 0 ? 'ok' : t('maintenance:doctor.detail.dangling', { count: fk.length, table: fk[0]!.table }),
  });
  const version = schemaVersion(db);
  checks.push({
    check: 'schema version', ok: version === SCHEMA_VERSION, detail: `${version} (this uep: ${SCHEMA_VERSION})`,
    label: t('maintenance:doctor.check.schema_version'), text: t('maintenance:doctor.detail.schema', { version, known: SCHEMA_VERSION }),
  });
  for (const [what, key, sql] of ORPHAN_QUERIES) {
    const table = /FROM (\w+)/.exec(sql)![1]!;
    if (!tableExists(db, table)) continue;
    const n = db.prepare(sql).pluck().get() as number;
    checks.push({ check: `orphans: ${what}`, ok: n === 0, detail: String(n), label: t('maintenance:doctor.check.orphans', { what: t(key) }), text: String(n) });
  }
  for (const suffix of ['', '-wal', '-shm']) {
    const file = dbPath + suffix;
    if (!existsSync(file)) continue;
    const mode = statSync(file).mode & 0o777;
    const shown = mode.toString(8).padStart(4, '0');
    const ok = (mode & 0o077) === 0;
    checks.push({
      check: `permissions ${suffix || 'database'}`, ok,
      detail: `${shown}${ok ? '' : ' — others can read personal data: chmod 600'}`,
      label: suffix ? t('maintenance:doctor.check.permissions_side', { suffix }) : t('maintenance:doctor.check.permissions_database'),
      text: ok ? shown : t('maintenance:doctor.detail.open_mode', { mode: shown }),
    });
  }
  return checks;
}
