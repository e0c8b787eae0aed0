/**
 * The records of a file for the imports that read rows themselves (visit reports, the roster of
 * field workers): a CSV file, or one sheet of an .xlsx workbook read as the pipeline reads it
 * (header row found, --sheet, --map, typed cells as text: sheet-records.ts). Which one by the
 * file's first bytes, as in the pipeline (detect.ts).
 */
import { createHash } from 'node:crypto';
import { openCsv, type CsvEncoding } from '../../csv/reader.js';
import type { CsvRecord } from '../../csv/parser.js';
import type { Db } from '../../db/open.js';
import type { FieldSpec } from '../headers.js';
import { isXlsxFile } from './detect.js';
import { openXlsxRecords } from './records.js';
import { hashFile } from './source.js';

export interface FileRecords {
  header: string[];
  totalBytes: number;
  bytesRead(): number;
  batches(): AsyncGenerator<CsvRecord[]>;
  /** The file's sha256, once every batch was read. */
  sha256(): Promise<string>;
}

export interface FileRecordOptions {
  encoding?: CsvEncoding;
  delimiter?: string;
  map?: string[];
  sheet?: string;
}

export async function openFileRecords(db: Db, file: string, fields: FieldSpec[], options: FileRecordOptions): Promise<FileRecords> {
  if (isXlsxFile(file)) {
    const records = await openXlsxRecords(db, file, fields, { sheet: options.sheet, map: options.map });
    const hashing = hashFile(file);
    hashing.catch(() => {}); // awaited by sha256()
    return { header: records.header, totalBytes: records.totalBytes, bytesRead: records.bytesRead, batches: records.batches, sha256: () => hashing };
  }
  const hash = createHash('sha256');
  const csv = await openCsv(file, { encoding: options.encoding, delimiter: options.delimiter, onChunk: (b) => hash.update(b) });
  return { header: csv.header, totalBytes: csv.totalBytes, bytesRead: csv.bytesRead, batches: () => csv.batches(), sha256: async () => hash.digest('hex') };
}
