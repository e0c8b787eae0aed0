import type { CsvRecord } from '../csv/parser.js';
import type { Db } from '../db/open.js';
import type { FieldSpec, HeaderMapping } from './headers.js';

/** What one row became: stored values (in `columns` order) with warnings, or a rejection. */
export type RowResult =
  | { ok: true; values: unknown[]; warnings: string[] }
  | { ok: false; reason: string; /** the row's NIK when it was valid, so a snapshot still sees the person */ nik?: string };

export type RowValidator = (fields: string[]) => RowResult;

export interface ImportContext {
  db: Db;
  /** SQL selecting the `nik` of every accepted row of this file. */
  rowsOfFile: string;
  /** Temp table of NIKs on rejected rows (staged imports only): still present in the extract. */
  seenTable?: string;
  batchId: number;
  snapshot: boolean;
}

/**
 * One kind of extract (DTKS, PKH, applicants …): its columns, how a row is validated, and where it
 * is merged. The pipeline (pipeline.ts) does the rest the same way for every kind.
 */
export interface ImportKind<Options> {
  kind: string;
  /** Target table. */
  table: string;
  /** Its unique key for the upsert (default `nik`); every row of one file shares the non-nik parts. */
  conflictKey?: string[];
  /** Reason code for a NIK seen earlier in the same file (default `nik_duplicate`). */
  duplicateReason?: string;
  /** Stored columns, `nik` first, as produced by the validator (the pipeline adds `warnings`). */
  columns: string[];
  fields: FieldSpec[];
  /**
   * The names the header is matched by, one per column (default: the header itself): exports of
   * ODK Central and KoboToolbox prefix a question with its group (src/field/export-columns.ts).
   */
  columnNames?(header: string[]): string[];
  /**
   * A stored column that orders rows of the same NIK in one file: the one with the greatest value
   * is kept and the others are duplicates (default: the first in the file is kept). Rows without
   * a value come after those with one.
   */
  latestBy?: string;
  /**
   * SQL condition on the stored row (`<table>.col`) and the incoming one (`excluded.col`): an
   * existing row is replaced only when it holds (e.g. not by an older submission).
   */
  replaceOnlyIf?: string;
  /** Throws (before any row is read) when required columns are missing. */
  checkColumns(file: string, mapping: HeaderMapping, options: Options): void;
  /**
   * Settles options from the file itself before any row is validated (the code system of DTSEN code
   * columns), reading its records in a pass of its own; the result is merged into the options and
   * reported in the summary. Throws when the file cannot settle them (the user must say).
   */
  decide?(file: string, mapping: HeaderMapping, options: Options, records: () => AsyncGenerator<CsvRecord[]>): Promise<Record<string, string>>;
  /** Builds the row validator; it may look things up in the database (read only). */
  validator(mapping: HeaderMapping, options: Options, db: Db): RowValidator;
  /**
   * The stored columns this file actually carries: on update only these change, so an extract
   * without (say) an alamat column never erases stored addresses. Default: all columns.
   */
  coveredColumns?(mapping: HeaderMapping): string[];
  /** Extra SET clauses when an existing row changes (e.g. a person back in DTKS). */
  onUpdate?: { set: string; changedWhen: string };
  /** Extra columns written on insert, with their SQL values. */
  onInsert?: Record<string, string>;
  /**
   * Runs inside the merge transaction before staged rows are merged into a table that holds rows:
   * it may drop staged rows (`stageTable`) and change stored ones. Returns counts by code, the
   * summary's notes (a kind with this hook always has them).
   */
  beforeMerge?(ctx: { db: Db; stageTable: string; batchId: number }, options: Options): Record<string, number>;
  /** Runs inside the merge transaction; returns counts to add to the summary. */
  afterMerge?(ctx: ImportContext, options: Options): Record<string, number>;
  /** Whether the file may declare itself a complete extract (`--snapshot`). */
  snapshot?: boolean;
}
