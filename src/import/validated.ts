import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { openCsv, type CsvOpenOptions, type CsvSource } from '../csv/reader.js';
import type { CsvRecord } from '../csv/parser.js';
import { mapHeader, parseMapOptions, type HeaderMapping } from './headers.js';
import type { ImportKind, RowValidator } from './kind.js';
import { kindLabel } from './reasons.js';
import type { ImportOptions } from './summary.js';

export interface RejectedRow {
  line: number;
  reason: string;
  fields: string[];
}

/** One batch of validated rows, in a shape that is cheap to pass between threads. */
export interface ValidatedBatch {
  /**
   * Accepted rows as one JSON text: an array of rows, each the kind's columns then its warnings
   * JSON. One string crosses a thread boundary as a single copy, and SQLite unpacks it in C
   * (json-rows.ts), so no thread touches the values one by one after validation.
   */
  rowsJson: string;
  /** Per accepted row, its line: the duplicate rule names lines once the whole file is in (duplicates.ts). */
  lines: number[];
  rejected: RejectedRow[];
  /** NIKs of rejected rows that had a valid NIK: still present in the extract (for --snapshot). */
  seen: string[];
  read: number;
  blank: number;
  bytesRead: number;
  warnings: Record<string, number>;
}

export interface ValidatedSource {
  file: string;
  header: string[];
  mapping: HeaderMapping;
  totalBytes: number;
  batches(): AsyncGenerator<ValidatedBatch>;
  /** The original cells of some lines, read again from the file, handed over in file order. */
  cellsOfLines(lines: number[], take: (line: number, cells: string[]) => void): Promise<void>;
  /** The file's sha256, once every batch has been read. */
  sha256(): string;
  /** What the kind settled from the file itself (e.g. `kode: bps` with its evidence), reported in the summary. */
  decided?: Record<string, string>;
  /** Codes of hints for what the counts show (e.g. NIKs stored as numbers in a workbook); `xlsx:hint.<code>` explains each. */
  hints?(reasons: Record<string, number>, warnings: Record<string, number>): string[];
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/**
 * Validates parsed records against a kind's row validator: accepted rows (as JSON), rejects and
 * counts. The duplicate rule is not applied here: it needs the whole file (duplicates.ts).
 */
export function validateRecords(records: CsvRecord[], validate: RowValidator, width: number): ValidatedBatch {
  const batch: ValidatedBatch = {
    rowsJson: '[]', lines: [],
    rejected: [], seen: [], read: 0, blank: 0, bytesRead: 0, warnings: {},
  };
  const rows: unknown[][] = [];
  for (const record of records) {
    const fields = record.fields;
    if (isBlank(fields)) {
      batch.blank++;
      continue;
    }
    batch.read++;
    // Short rows are padded (Excel drops trailing empty cells); surplus cells must be empty,
    // else the row is misaligned (e.g. an unquoted delimiter inside an address).
    if (fields.length < width) for (let i = fields.length; i < width; i++) fields.push('');
    else if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
      batch.rejected.push({ line: record.line, reason: 'column_count', fields });
      continue;
    }
    const result = validate(fields);
    if (!result.ok) {
      batch.rejected.push({ line: record.line, reason: result.reason, fields });
      if (result.nik) batch.seen.push(result.nik);
      continue;
    }
    const values = result.values;
    if (result.warnings.length > 0) {
      for (const w of result.warnings) batch.warnings[w] = (batch.warnings[w] ?? 0) + 1;
      values.push(JSON.stringify(result.warnings));
    } else values.push(null);
    batch.lines.push(record.line);
    rows.push(values);
  }
  if (rows.length > 0) batch.rowsJson = JSON.stringify(rows);
  return batch;
}

export interface PreparedFile<O> {
  name: string;
  source: CsvSource;
  mapping: HeaderMapping;
  hash: ReturnType<typeof createHash>;
  /** The options with what the kind settled from the file itself (kind.decide). */
  options: O;
  decided: Record<string, string>;
}

/** Opens a file for a kind: header mapping and required columns checked before any row is read. */
export async function prepareFile<O extends ImportOptions>(file: string, kind: ImportKind<O>, options: O): Promise<PreparedFile<O>> {
  const name = basename(file);
  const hash = createHash('sha256');
  const source = await openCsv(file, { encoding: options.encoding, delimiter: options.delimiter, onChunk: (b) => hash.update(b) });
  const mapping = mapFileHeader(name, source.header, kind, options);
  const again = async function* () {
    yield* (await openCsv(file, { encoding: options.encoding, delimiter: source.delimiter })).batches();
  };
  const decided = kind.decide ? await kind.decide(name, mapping, options, again) : {};
  return { name, source, mapping, hash, options: { ...options, ...decided }, decided };
}

/** A file's header mapped for a kind, its required columns checked, before any row is read (CSV or .xlsx). */
export function mapFileHeader<O extends ImportOptions>(name: string, header: string[], kind: ImportKind<O>, options: O): HeaderMapping {
  const names = kind.columnNames?.(header) ?? header;
  const mapping = { ...mapHeader(name, names, kind.fields, parseMapOptions(options.map, kind.fields)), header };
  kind.checkColumns(name, mapping, options);
  if (options.snapshot && !kind.snapshot) throw new UepError(t('import:option.snapshot_unavailable', { kind: kindLabel(kind.kind) }));
  return mapping;
}

/** Reads and validates a file in this thread (small files, and kinds whose validation reads the database). */
export async function openValidated<O extends ImportOptions>(db: Db | null, file: string, kind: ImportKind<O>, given: O): Promise<ValidatedSource> {
  const { name, source, mapping, hash, options, decided } = await prepareFile(file, kind, given);
  const validate = kind.validator(mapping, options, db as Db);
  let digest = '';

  async function* batches(): AsyncGenerator<ValidatedBatch> {
    for await (const records of source.batches()) {
      const batch = validateRecords(records, validate, source.header.length);
      batch.bytesRead = source.bytesRead();
      yield batch;
    }
    digest = hash.digest('hex');
  }

  const cellsOfLines = (lines: number[], take: (line: number, cells: string[]) => void) =>
    eachLineCells(file, { encoding: options.encoding, delimiter: source.delimiter }, lines, take);
  return { file: name, header: source.header, mapping, totalBytes: source.totalBytes, batches, cellsOfLines, sha256: () => digest, decided };
}

/**
 * The original cells of some lines of a file, read again in this thread, handed over in file
 * order as they are found: nothing of the file is held.
 */
async function eachLineCells(file: string, options: CsvOpenOptions, lines: number[], take: (line: number, cells: string[]) => void): Promise<void> {
  const wanted = new Set(lines);
  let left = wanted.size;
  if (left === 0) return;
  const source = await openCsv(file, options);
  for await (const records of source.batches()) {
    for (const r of records) {
      if (!wanted.has(r.line)) continue;
      take(r.line, r.fields);
      if (--left === 0) return;
    }
  }
}
