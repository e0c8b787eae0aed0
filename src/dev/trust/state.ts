/** What a database holds, as a fingerprint that two runs of the same command share. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Columns that hold the time of a run: two identical runs differ there only. */
const VOLATILE = /(^at$|_at$)/;

export interface DbState {
  integrity: string;
  /** Digest of every table but the audit log, volatile columns left out. */
  digest: string;
  tables: Record<string, string>;
  audit: string;
}

export function readState(path: string): DbState | null {
  if (!existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } catch (err) {
      return { integrity: (err as Error).message, digest: '', tables: {}, audit: '' };
    }
    const tables: Record<string, string> = {};
    const names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name`).pluck().all() as string[];
    for (const name of names) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter((c) => !VOLATILE.test(c));
      const rows = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${name}"`).raw().all().map((r) => JSON.stringify(r)).sort();
      tables[name] = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
    }
    const hasAudit = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'`).pluck().get() === 1;
    const audit = hasAudit ? JSON.stringify(db.prepare('SELECT operator, command, params_json, result_json FROM audit_log').raw().all()) : '';
    const digest = createHash('sha256').update(JSON.stringify(tables)).digest('hex').slice(0, 16);
    return { integrity, digest, tables, audit };
  } finally {
    db.close();
  }
}

/** Which tables differ between two states (for the report when a state is neither). */
export function differingTables(a: DbState, b: DbState): string[] {
  return [...new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])].filter((t) => a.tables[t] !== b.tables[t]);
}

/** Personal data in a text: an unmasked NIK-shaped number (not inside a hex digest) or a known name. */
export function personalData(text: string, names: readonly string[]): string | undefined {
  const nik = /(?<![0-9A-Fa-f.])\d{16}(?![0-9A-Fa-f])/.exec(text); // not a digest, not the decimals of a share
  if (nik) return `a NIK-shaped number (${nik[0].slice(0, 4)}…)`;
  const phone = /(?<![0-9A-Fa-f.])08\d{8,11}(?![0-9A-Fa-f])/.exec(text);
  if (phone) return 'a phone number';
  const upper = text.toUpperCase();
  const name = names.find((n) => upper.includes(n));
  return name ? `a name from the data (${name.slice(0, 3)}…)` : undefined;
}
