import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { openDatabase, type Db } from '../db/open.js';
import type { DbAccess } from './access.js';
import { makeChalk, useColor } from './color.js';
import type { Io } from './io.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  yes?: boolean;
  operator?: string;
}

/** What a data-changing command leaves for the audit log (see src/audit/). */
export interface AuditNote {
  changes: number;
  result: Record<string, unknown>;
}

/**
 * What every command gets: the chosen database, and the output rules in one place.
 * stdout is data (JSON with --json); stderr is talk (silenced by --quiet).
 */
export class CliContext {
  readonly c: ChalkInstance;
  readonly colorEnabled: boolean;
  private handle: Db | undefined;
  private auditHandle: Db | undefined;
  /** The database file this command created (said on stderr once the command has worked). */
  createdDatabase: string | undefined;
  /** Non-zero when the command ran but must report failure (e.g. rows rejected with --strict). */
  exitCode = 0;
  /** Set by commands that changed data; the CLI writes it to the audit log after success. */
  auditNote: AuditNote | undefined;
  /** Set by SIGINT; long-running core functions check it between batches. */
  readonly abort = new AbortController();

  /** `access`: what this command does with the database (declared in access.ts). */
  constructor(readonly io: Io, readonly opts: GlobalOptions, readonly access: DbAccess = 'writes') {
    this.colorEnabled = useColor(io, opts.color !== false);
    this.c = makeChalk(this.colorEnabled);
  }

  /** --db, else $UEP_DB, else uep.sqlite in the current directory. */
  get dbPath(): string {
    return resolve(this.io.cwd, this.opts.db ?? this.io.env.UEP_DB ?? 'uep.sqlite');
  }

  /** UEP_BUSY_TIMEOUT_MS: how long to wait for another writer (default 30 s). */
  get busyTimeoutMs(): number | undefined {
    const wait = Number(this.io.env.UEP_BUSY_TIMEOUT_MS);
    return this.io.env.UEP_BUSY_TIMEOUT_MS !== undefined && Number.isFinite(wait) && wait >= 0 ? wait : undefined;
  }

  /**
   * The database, opened as the command's declared access says: read-only (it must exist) for a
   * command that reads, else created when missing and migrated. `olderSchema`: a reading command
   * that works on any uep schema version (backup, doctor).
   */
  db(options: { olderSchema?: boolean } = {}): Db {
    const readonly = this.access === 'reads' || this.access === 'none';
    this.handle ??= openDatabase(this.dbPath, {
      busyTimeoutMs: this.busyTimeoutMs, readonly, olderSchema: options.olderSchema,
      onCreate: (path) => { this.createdDatabase = path; },
    });
    return this.handle;
  }

  /**
   * Where the audit line goes: the command's own connection, or for a reading command that records
   * what it did (an export: personal data left the database) a writable one to the existing file.
   */
  auditDb(): Db {
    if (this.access === 'writes' || this.access === 'replaces') return this.db();
    this.auditHandle ??= openDatabase(this.dbPath, { busyTimeoutMs: this.busyTimeoutMs, create: false });
    return this.auditHandle;
  }

  close(): void {
    this.handle?.close();
    this.auditHandle?.close();
    this.handle = undefined;
    this.auditHandle = undefined;
  }

  get json(): boolean {
    return !!this.opts.json;
  }

  /** Human text on stderr, unless --quiet. */
  say(text: string): void {
    if (!this.opts.quiet) this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The command's result for people on stdout, unless --json. --quiet silences talk, never the result. */
  show(text: string): void {
    if (!this.opts.json) this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  get quiet(): boolean {
    return !!this.opts.quiet;
  }

  /** The TZ times are shown in (src/format/time.ts); undefined: the process's own zone. */
  get timeZone(): string | undefined {
    return this.io.env.TZ;
  }

  /** The machine-readable result: one JSON document on stdout with --json. */
  result(data: unknown): void {
    if (this.opts.json) this.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  }

  /** Marks this run as one that changed data, for the audit log. */
  audit(result: Record<string, unknown>, changes: number): void {
    this.auditNote = { result, changes };
  }

  /** --operator, else the OS user: who is recorded in the audit log. */
  get operator(): string {
    if (this.opts.operator) return this.opts.operator;
    try {
      return userInfo().username;
    } catch {
      return this.io.env.USER ?? 'unknown';
    }
  }

  /** Prompts are allowed only on a terminal, outside CI, and without --yes. */
  get interactive(): boolean {
    return this.io.stdinIsTTY && !!this.io.stderr.isTTY && !this.io.env.CI && !this.opts.yes;
  }
}
