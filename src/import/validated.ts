import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { openCsv, type CsvSource } from '../csv/reader.js';
import type { CsvRecord } from '../csv/parser.js';
import { mapHeader, parseMapOptions, type HeaderMapping } from './headers.js';
import type { ImportKind, RowValidator } from './kind.js';
import type { ImportOptions } from './pipeline.js';

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
  rowCount: number;
  /** The NIKs of the accepted rows strung together (16 digits each: one string, not one per row), and per
   * accepted row its line: for the duplicate rule, applied in file order (duplicates.ts). */
  niks: string;
  lines: number[];
  /** Per accepted row: where it came from (its record's index; in a worker, its offset in the span). */
  origins: number[];
  /** Accepted rows that carry warnings: their index and codes. */
  warned: [number, string[]][];
  /** Indexes of accepted rows not to store after all (later duplicates). */
  exclude: number[];
  rejected: RejectedRow[];
  /** NIKs of rejected rows that had a valid NIK: still present in the extract (for --snapshot). */
  seen: string[];
  read: number;
  blank: number;
  bytesRead: number;
  warnings: Record<string, number>;
}

/** A batch as the pipeline gets it: with a way back to the original cells of an accepted row. */
export interface SourceBatch extends ValidatedBatch {
  fieldsOf(row: number): string[];
}

export interface ValidatedSource {
  file: string;
  header: string[];
  mapping: HeaderMapping;
  totalBytes: number;
  batches(): AsyncGenerator<SourceBatch>;
  /** The file's sha256, once every batch has been read. */
  sha256(): string;
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/**
 * Validates parsed records against a kind's row validator: accepted rows (as JSON), rejects and
 * counts. The duplicate rule is not applied here: it needs the whole file in order.
 */
export function validateRecords(records: CsvRecord[], validate: RowValidator, width: number): ValidatedBatch {
  const batch: ValidatedBatch = {
    rowsJson: '[]', rowCount: 0, niks: '', lines: [], origins: [], warned: [], exclude: [],
    rejected: [], seen: [], read: 0, blank: 0, bytesRead: 0, warnings: {},
  };
  const rows: unknown[][] = [];
  let niks = '';
  for (let k = 0; k < records.length; k++) {
    const record = records[k]!;
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
      batch.warned.push([rows.length, result.warnings]);
      values.push(JSON.stringify(result.warnings));
    } else values.push(null);
    niks += values[0] as string;
    batch.lines.push(record.line);
    batch.origins.push(k);
    rows.push(values);
  }
  batch.rowCount = rows.length;
  batch.niks = niks;
  if (rows.length > 0) batch.rowsJson = JSON.stringify(rows);
  return batch;
}

export interface PreparedFile<O extends ImportOptions> {
  name: string;
  source: CsvSource;
  mapping: HeaderMapping;
  hash: ReturnType<typeof createHash>;
  kind: ImportKind<O>;
}

/** Opens a file for a kind: header mapping and required columns checked before any row is read. */
export async function prepareFile<O extends ImportOptions>(file: string, kind: ImportKind<O>, options: O): Promise<PreparedFile<O>> {
  const name = basename(file);
  const hash = createHash('sha256');
  const source = await openCsv(file, { encoding: options.encoding, delimiter: options.delimiter, onChunk: (b) => hash.update(b) });
  const mapping = mapHeader(name, source.header, kind.fields, parseMapOptions(options.map, kind.fields));
  kind.checkColumns(name, mapping, options);
  if (options.snapshot && !kind.snapshot) throw new UepError(`--snapshot is not available for ${kind.kind} imports`);
  return { name, source, mapping, hash, kind };
}

/** Reads and validates a file in this thread (small files, and kinds whose validation reads the database). */
export async function openValidated<O extends ImportOptions>(db: Db | null, file: string, kind: ImportKind<O>, options: O): Promise<ValidatedSource> {
  const { name, source, mapping, hash } = await prepareFile(file, kind, options);
  const validate = kind.validator(mapping, options, db as Db);
  let digest = '';

  async function* batches(): AsyncGenerator<SourceBatch> {
    for await (const records of source.batches()) {
      const batch = validateRecords(records, validate, source.header.length);
      batch.bytesRead = source.bytesRead();
      yield { ...batch, fieldsOf: (row) => records[batch.origins[row]!]!.fields };
    }
    digest = hash.digest('hex');
  }

  return { file: name, header: source.header, mapping, totalBytes: source.totalBytes, batches, sha256: () => digest };
}
