/**
 * The import pipeline's source for an .xlsx file: the same ValidatedSource as a CSV file gives
 * (validated.ts), so rejects, --strict, --dry-run, duplicates and batch records work unchanged.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../../db/open.js';
import type { HeaderMapping } from '../headers.js';
import type { ImportKind } from '../kind.js';
import type { ImportOptions } from '../summary.js';
import { mapFileHeader, validateRecords, type ValidatedBatch, type ValidatedSource } from '../validated.js';
import { openXlsxRecords, type XlsxRecords } from './records.js';

/** The file's sha256, read alongside (the zip itself is read by random access). */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (b) => hash.update(b)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

/** Numbers in NIK and KK columns: the fix is in the spreadsheet (cells.ts hands them on as nik_scientific). */
function hints(reasons: Record<string, number>, warnings: Record<string, number>): string[] {
  const out: string[] = [];
  if (reasons.nik_scientific) out.push('nik_number');
  if (warnings.no_kk_scientific) out.push('kk_number');
  return out;
}

export async function openValidatedXlsx<O extends ImportOptions>(db: Db, file: string, kind: ImportKind<O>, given: O): Promise<ValidatedSource> {
  const name = basename(file);
  const records = await openXlsxRecords(db, file, kind.fields, given);
  /** The same sheet(s) read again from the top, for a second pass. */
  const again = () => openXlsxRecords(db, file, kind.fields, given, { sheet: records.sheet, family: records.family });
  let mapping: HeaderMapping;
  let options = given;
  let decided: Record<string, string> = {};
  try {
    mapping = mapFileHeader(name, records.header, kind, given);
    if (kind.decide) {
      decided = await kind.decide(name, mapping, given, async function* () {
        yield* (await again()).batches();
      });
      options = { ...given, ...decided };
    }
  } catch (err) {
    records.close();
    throw err;
  }
  const validate = kind.validator(mapping, options, db);
  const hashing = hashFile(file);
  hashing.catch(() => {}); // awaited at the end
  let digest = '';

  async function* batches(): AsyncGenerator<ValidatedBatch> {
    for await (const rows of records.batches()) {
      const batch = validateRecords(rows, validate, records.header.length);
      batch.bytesRead = records.bytesRead();
      yield batch;
    }
    digest = await hashing;
  }

  /** The sheet read again for the original cells of some rows (later duplicates, for --rejects). */
  async function cellsOfLines(lines: number[], take: (line: number, cells: string[]) => void): Promise<void> {
    const wanted = new Set(lines);
    let left = wanted.size;
    if (left === 0) return;
    const second: XlsxRecords = await again();
    for await (const rows of second.batches()) {
      for (const r of rows) {
        if (!wanted.has(r.line)) continue;
        take(r.line, r.fields);
        if (--left === 0) return;
      }
    }
  }

  return { file: name, header: records.header, mapping, totalBytes: records.totalBytes, batches, cellsOfLines, sha256: () => digest, hints, decided };
}
