/**
 * `uep monitor import <file>`: visit reports from the field, e.g. the visit sheets of
 * `uep monitor plan` filled in. Same contract as every import (src/import/pipeline.ts): reason
 * codes, --rejects/--strict/--dry-run, an import batch, idempotent re-import. Not run by
 * runImport because that pipeline allows one row per NIK in a file, and a visit history holds
 * several visits of the same person: here the key is (nik, tanggal_kunjungan). Visit files are
 * small (a few thousand rows a year), so rows are checked in memory and merged in one transaction.
 */
import { basename } from 'node:path';
import { localDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { mapHeader, missingColumns, parseMapOptions, type FieldSpec } from '../import/headers.js';
import { RejectsWriter } from '../import/rejects.js';
import { openFileRecords } from '../import/xlsx/file-records.js';
import { countReject, ImportInterruptedError, ImportRejectedError, newSummary, type ImportOptions, type ImportSummary } from '../import/summary.js';
import { beneficiaryIndex } from './beneficiaries.js';
import { visitChecker, type Visit, type VisitCells } from './visit-check.js';
import { upsertVisits } from './visit-store.js';

export const VISIT_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'NIK PENERIMA'] },
  { field: 'id_penerima', aliases: ['ID PENERIMA', 'NO PENERIMA', 'ID'] },
  { field: 'tanggal_kunjungan', aliases: ['TANGGAL KUNJUNGAN', 'TGL KUNJUNGAN', 'TANGGAL', 'TGL'] },
  { field: 'petugas', aliases: ['ID PETUGAS', 'PENDAMPING', 'PETUGAS MONITORING'] },
  { field: 'status_usaha', aliases: ['STATUS USAHA', 'STATUS', 'KONDISI USAHA'] },
  { field: 'omzet_bulanan', aliases: ['OMZET', 'OMSET', 'OMSET BULANAN', 'OMZET PER BULAN'] },
  { field: 'kendala', aliases: ['HAMBATAN', 'MASALAH'] },
  { field: 'tindak_lanjut', aliases: ['TINDAK LANJUT', 'TINDAKAN'] },
  { field: 'rujukan', aliases: ['DIRUJUK KE', 'RUJUKAN PELATIHAN'] },
];

export interface VisitImportOptions extends ImportOptions {
  now?: Date;
}

class DryRunRollback extends Error {}

export async function importVisits(db: Db, file: string, options: VisitImportOptions = {}): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const name = basename(file);
  const source = await openFileRecords(db, file, VISIT_FIELDS, options);
  const mapping = mapHeader(name, source.header, VISIT_FIELDS, parseMapOptions(options.map, VISIT_FIELDS));
  const has = (f: string) => mapping.index.has(f);
  const missing = ['tanggal_kunjungan', 'petugas', 'status_usaha'].filter((f) => !has(f));
  if (!has('nik') && !has('id_penerima')) missing.unshift('nik (or id_penerima)');
  if (missing.length > 0) throw missingColumns(name, mapping, missing);

  const monitorIds = new Set(db.prepare(`SELECT id FROM monitors`).pluck().all() as string[]);
  const check = visitChecker(beneficiaryIndex(db), monitorIds, localDate(now));
  const at = (f: string[], field: string) => {
    const i = mapping.index.get(field);
    return i === undefined ? '' : f[i] ?? '';
  };
  const summary = newSummary('visits', name, { ...options, snapshot: false });
  const rejects = options.rejectsPath
    ? new RejectsWriter(options.rejectsPath, source.header, { overwrite: !!options.overwrite, input: file, database: db.name })
    : undefined;
  const reject = (line: number, reason: string, fields: string[]) => {
    countReject(summary, line, reason, options.sampleRejects);
    rejects?.add(line, reason, fields);
  };
  const visits: Visit[] = [];
  const seen = new Set<string>();
  const width = source.header.length;
  try {
    for await (const batch of source.batches()) {
      if (options.signal?.aborted) throw new ImportInterruptedError(name, summary.read);
      for (const { line, fields } of batch) {
        if (fields.every((f) => f.trim() === '')) {
          summary.blank++;
          continue;
        }
        summary.read++;
        if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
          reject(line, 'column_count', fields);
          continue;
        }
        const cells = Object.fromEntries(VISIT_FIELDS.map((s) => [s.field, at(fields, s.field)])) as unknown as VisitCells;
        const result = check(cells);
        if (!result.ok) {
          reject(line, result.reason, fields);
          continue;
        }
        const key = `${result.visit.nik}|${result.visit.tanggal_kunjungan}`;
        if (seen.has(key)) {
          reject(line, 'visit_duplicate', fields);
          continue;
        }
        seen.add(key);
        for (const w of result.visit.warnings) summary.warnings[w] = (summary.warnings[w] ?? 0) + 1;
        visits.push(result.visit);
      }
      options.onProgress?.({ rows: summary.read, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
    }
    summary.sha256 = await source.sha256();
    if (options.strict && summary.rejected > 0) throw new ImportRejectedError(summary);
    if (options.signal?.aborted) throw new ImportInterruptedError(name, summary.read);
    merge(db, visits, summary, now, !!options.dryRun);
    await rejects?.commit();
    return summary;
  } catch (err) {
    rejects?.abort();
    throw err;
  }
}

function merge(db: Db, visits: Visit[], summary: ImportSummary, now: Date, dryRun: boolean): void {
  try {
    db.transaction(() => {
      const batchId = Number(db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES ('visits', ?, ?, ?)`)
        .run(summary.file, summary.sha256, now.toISOString()).lastInsertRowid);
      Object.assign(summary, upsertVisits(db, visits, { batchId, sumber: 'import', now }));
      summary.batch_id = dryRun ? null : batchId;
      db.prepare(`UPDATE import_batches SET read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, summary_json = ?, finished_at = ?
        WHERE id = ?`).run(summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected,
        JSON.stringify({ reasons: summary.reasons, warnings: summary.warnings, blank: summary.blank }), new Date().toISOString(), batchId);
      if (dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
}
