import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { formatTimestamp } from '../format/time.js';
import { language, t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { maskNikLike } from './mask.js';

export interface AuditEntry {
  id: number;
  at: string;
  operator: string;
  command: string;
  params: Record<string, unknown>;
  changes: number;
  result: Record<string, unknown>;
}

/** Option names that only steer output or locate the database: not worth an audit line. */
const NOISE = new Set(['db', 'json', 'quiet', 'color', 'verbose', 'yes', 'operator']);

/**
 * Options whose text values are codes or parameters, kept as given (NIK-shaped numbers still
 * masked). Any other text (a --reason, a file or folder name, an assessor's name) is free text that
 * may name a person: the audit log says it was given, not what it was. Numbers and flags are kept.
 */
const CODE_OPTIONS = new Set([
  'tahun', 'run', 'slots', 'min', 'max', 'method', 'kabupaten', 'format', 'asOf', 'waitlist', 'tanggalHibah', 'status',
  'since', 'limit', 'kode', 'encoding', 'delimiter', 'bulan', 'budget', 'seed', 'map',
  'as', 'keep', 'temuan', 'sumber', 'minScore', 'tanggal', 'diterima', 'pair', 'id',
]);
export const NOT_LOGGED = '(not logged)';

/** Masks anything that looks like a NIK or KK number: the audit log never holds personal data. */
export function scrub(value: unknown): unknown {
  if (typeof value === 'string') return maskNikLike(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

function keptText(name: string, value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return CODE_OPTIONS.has(name) ? scrub(value) : NOT_LOGGED;
}

/** A command's arguments (by name: a NIK is kept masked, a file name not at all) and options. */
export function auditParams(args: [string, unknown][], options: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, v] of args) {
    if (v === undefined) continue;
    if (name === 'nik') params.nik = typeof v === 'string' && /^\s*\d{16}\s*$/.test(v) ? maskNik(v.trim()) : NOT_LOGGED;
    else params[name] = keptText(name, v);
  }
  for (const [k, v] of Object.entries(options)) if (!NOISE.has(k) && v !== undefined) params[k] = keptText(k, v);
  return params;
}

/** Picks the counts and ids worth keeping from a command's result (never rows of people). */
export function auditResult(result: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && /(^|_)(id|sha256|kind|status|method|tahun)$/.test(k))) kept[k] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v) && /^(reasons|warnings)$/.test(k)) kept[k] = v;
  }
  return scrub(kept) as Record<string, unknown>;
}

/**
 * Appends one line. Whatever the caller passes, NIK-shaped numbers are masked on the way in; the
 * operator is kept (who ran it is the point) but never a NIK typed as --operator.
 */
export function recordAudit(db: Db, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): number {
  return Number(db.prepare(
    `INSERT INTO audit_log (at, operator, command, params_json, changes, result_json) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(entry.at ?? new Date().toISOString(), maskNikLike(entry.operator), entry.command, JSON.stringify(scrub(entry.params)), entry.changes,
    JSON.stringify(scrub(entry.result))).lastInsertRowid);
}

export function listAudit(db: Db, options: { since?: string; limit?: number } = {}): AuditEntry[] {
  // A 'started' line is shown only when nothing closed it (the command was killed), as 'interrupted'.
  // It is left out before the limit: --limit N shows N entries.
  const rows = db.prepare(`
    SELECT id, at, operator, command, params_json, changes, result_json FROM audit_log
    WHERE (@since IS NULL OR at >= @since)
      AND id NOT IN (SELECT json_extract(result_json, '$.started_id') FROM audit_log WHERE json_extract(result_json, '$.started_id') IS NOT NULL)
    ORDER BY id DESC LIMIT @limit`).all({ since: options.since ?? null, limit: options.limit ?? -1 }) as {
    id: number; at: string; operator: string; command: string; params_json: string; changes: number; result_json: string;
  }[];
  return rows.reverse().map((r) => {
    const e = { id: r.id, at: r.at, operator: r.operator, command: r.command, params: JSON.parse(r.params_json), changes: r.changes, result: JSON.parse(r.result_json) };
    return e.result.status === 'started' ? { ...e, result: { ...e.result, status: 'interrupted' } } : e;
  });
}

/**
 * "`import dtks` started by analis1 at 13:02": the newest data-changing command that has not
 * finished, read without waiting (WAL readers are never blocked by a writer). Undefined if unknown.
 */
export function runningCommand(dbPath: string): string | undefined {
  let db: Db | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 0 });
    const row = db.prepare(`
      SELECT command, operator, at FROM audit_log a WHERE json_extract(result_json, '$.status') = 'started'
        AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE json_extract(b.result_json, '$.started_id') = a.id)
      ORDER BY id DESC LIMIT 1`).get() as { command: string; operator: string; at: string } | undefined;
    return row ? t('db:running_command', { command: row.command, operator: row.operator, at: formatTimestamp(row.at, undefined, language()) }) : undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}
