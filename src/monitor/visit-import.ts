/**
 * `uep monitor import <file>`: visit reports from the field, e.g. the visit sheets of
 * `uep monitor plan` filled in. Same contract as every import (src/import/pipeline.ts): reason
 * codes, --rejects/--strict/--dry-run, an import batch, idempotent re-import. Not run by
 * runImport because that pipeline allows one row per NIK in a file, and a visit history holds
 * several visits of the same person: here the key is (nik, tanggal_kunjungan), and a phone form's
 * submission is one visit whatever date an edit on the server gives it (visit-reports.ts in the
 * file, visit-store.ts against the database). Visit files are small (a few thousand rows a year),
 * so rows are checked in memory and merged in one transaction.
 */
import { basename } from 'node:path';
import { localDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { mapHeader, missingColumns, parseMapOptions, type FieldSpec } from '../import/headers.js';
import { RejectsWriter } from '../import/rejects.js';
import { openFileRecords } from '../import/xlsx/file-records.js';
import { countReject, ImportInterruptedError, ImportRejectedError, newSummary, type ImportOptions, type ImportSummary } from '../import/summary.js';
import { exportColumnNames, oneHotCell, oneHotColumns, submissionTime } from '../field/export-columns.js';
import { submissionIds } from '../field/submission.js';
import { beneficiaryIndex } from './beneficiaries.js';
import { visitChecker, type Visit, type VisitCells } from './visit-check.js';
import { VisitReports } from './visit-reports.js';
import { KENDALA, RUJUKAN } from './visit-values.js';
import { upsertVisits } from './visit-store.js';

export const VISIT_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'NIK PENERIMA', 'nik_tersamar'] },
  { field: 'id_penerima', aliases: ['ID PENERIMA', 'NO PENERIMA', 'ID'] },
  { field: 'tanggal_kunjungan', aliases: ['TANGGAL KUNJUNGAN', 'TGL KUNJUNGAN', 'TANGGAL', 'TGL'] },
  { field: 'petugas', aliases: ['ID PETUGAS', 'PENDAMPING', 'PETUGAS MONITORING'] },
  { field: 'status_usaha', aliases: ['STATUS USAHA', 'STATUS', 'KONDISI USAHA'] },
  { field: 'omzet_bulanan', aliases: ['OMZET', 'OMSET', 'OMSET BULANAN', 'OMZET PER BULAN'] },
  { field: 'kendala', aliases: ['HAMBATAN', 'MASALAH'] },
  { field: 'tindak_lanjut', aliases: ['TINDAK LANJUT', 'TINDAKAN'] },
  { field: 'rujukan', aliases: ['DIRUJUK KE', 'RUJUKAN PELATIHAN'] },
  // What ODK Central and KoboToolbox add to every submission (src/field/submission.ts).
  { field: 'submission_id', aliases: ['KEY', 'rootUuid'] },
  { field: 'instance_id', aliases: ['instanceID', '_uuid'] },
  { field: 'deprecated_id', aliases: ['deprecatedID'] },
  { field: 'submitted_at', aliases: ['SubmissionDate', '_submission_time'] },
];

/** Phone form exports: group prefixes and one 0/1 column per option (src/field/export-columns.ts). */
const EXPORT_SCHEMA = { known: VISIT_FIELDS.flatMap((f) => [f.field, ...f.aliases]), multi: { kendala: KENDALA, rujukan: RUJUKAN } };

export interface VisitImportOptions extends ImportOptions {
  now?: Date;
}

class DryRunRollback extends Error {}

export async function importVisits(db: Db, file: string, options: VisitImportOptions = {}): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const name = basename(file);
  const source = await openFileRecords(db, file, VISIT_FIELDS, options);
  const names = exportColumnNames(source.header, EXPORT_SCHEMA);
  const mapping = { ...mapHeader(name, names, VISIT_FIELDS, parseMapOptions(options.map, VISIT_FIELDS)), header: source.header };
  const has = (f: string) => mapping.index.has(f);
  const missing = ['tanggal_kunjungan', 'petugas', 'status_usaha'].filter((f) => !has(f));
  if (!has('nik') && !has('id_penerima')) missing.unshift('nik (or id_penerima)');
  const oneHot = Object.fromEntries(Object.entries(EXPORT_SCHEMA.multi).map(([q, codes]) => [q, has(q) ? undefined : oneHotColumns(names, q, codes)]));
  if (missing.length > 0) throw missingColumns(name, mapping, missing);

  const monitorIds = new Set(db.prepare(`SELECT id FROM monitors`).pluck().all() as string[]);
  const check = visitChecker(beneficiaryIndex(db), monitorIds, localDate(now));
  const at = (f: string[], field: string) => {
    const i = mapping.index.get(field);
    return i === undefined ? '' : f[i] ?? '';
  };
  // notes: visits an edit on the form server moved, versions left out (monitor:note.*).
  const summary: ImportSummary = { ...newSummary('visits', name, { ...options, snapshot: false }), notes: {} };
  const rejects = options.rejectsPath
    ? new RejectsWriter(options.rejectsPath, source.header, { overwrite: !!options.overwrite, input: file, database: db.name })
    : undefined;
  const reject = (line: number, reason: string, fields: string[]) => {
    countReject(summary, line, reason, options.sampleRejects);
    rejects?.add(line, reason, fields);
  };
  const reports = new VisitReports();
  /** Warnings count the visits kept: a report that turns out a duplicate takes its warnings back. */
  const warn = (visit: Visit, by: 1 | -1) => {
    for (const w of visit.warnings) {
      summary.warnings[w] = (summary.warnings[w] ?? 0) + by;
      if (summary.warnings[w] === 0) delete summary.warnings[w];
    }
  };
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
        for (const [q, columns] of Object.entries(oneHot)) {
          if (columns && columns.size > 0) (cells as unknown as Record<string, string>)[q] = oneHotCell(fields, columns) ?? '#invalid';
        }
        const result = check(cells);
        if (!result.ok) {
          reject(line, result.reason, fields);
          continue;
        }
        const ids = submissionIds({ submission_id: at(fields, 'submission_id'), instance_id: at(fields, 'instance_id'), deprecated_id: at(fields, 'deprecated_id') });
        const visit: Visit = { ...result.visit, ...ids, submitted_at: submissionTime(at(fields, 'submitted_at')) ?? null };
        // Two reports of one visit (a correction sent from the phone, an edit on the server): one stays.
        warn(visit, 1);
        for (const lost of reports.add({ visit, line, fields })) {
          reject(lost.line, 'visit_duplicate', lost.fields);
          warn(lost.visit, -1);
        }
      }
      options.onProgress?.({ rows: summary.read, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
    }
    summary.sha256 = await source.sha256();
    if (options.strict && summary.rejected > 0) throw new ImportRejectedError(summary);
    if (options.signal?.aborted) throw new ImportInterruptedError(name, summary.read);
    merge(db, reports.visits(), summary, now, !!options.dryRun);
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
        JSON.stringify({ reasons: summary.reasons, warnings: summary.warnings, blank: summary.blank, notes: summary.notes }), new Date().toISOString(), batchId);
      if (dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
}
