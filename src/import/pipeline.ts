import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open.js';
import { assertSameFile } from '../db/file.js';
import { pausePoint } from '../db/pause.js';
import type { ImportKind } from './kind.js';
import { DuplicateRule, type LaterDuplicate } from './duplicates.js';
import { canBulkInsert, mergeStage, bulkInsert, recordBatch, type MergeCounts } from './merge.js';
import { WORKER_KINDS } from './registry.js';
import { RejectsWriter } from './rejects.js';
import { Stage } from './stage.js';
import { openValidated, type ValidatedSource } from './validated.js';
import { countReject, ImportInterruptedError, ImportRejectedError, newSummary, SAMPLE_REJECTS, type ImportOptions, type ImportSummary } from './summary.js';
import { openValidatedInWorkers } from './worker-source.js';
import { isXlsxFile } from './xlsx/detect.js';
import { openValidatedXlsx } from './xlsx/source.js';

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
const DEFAULT_WORKER_MIN_BYTES = 4 << 20;
/** Validator threads: two keep both cores of the office's machines busy alongside this thread's writes. */
const WORKER_THREADS = 2;

/** Parse and validate in worker threads when the file is big and the kind's validation needs no database. */
async function openSource<O extends ImportOptions>(db: Db, file: string, kind: ImportKind<O>, options: O): Promise<ValidatedSource> {
  if (isXlsxFile(file)) return openValidatedXlsx(db, file, kind, options);
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // openValidated reports a missing file properly
  }
  const useWorkers = WORKER_KINDS[kind.kind] === (kind as unknown) && existsSync(WORKER_FILE)
    && size >= (options.workerMinBytes ?? DEFAULT_WORKER_MIN_BYTES);
  return useWorkers ? openValidatedInWorkers(file, kind, options, WORKER_THREADS) : openValidated(db, file, kind, options);
}

/**
 * Imports one file for a kind, as one transaction. Into an empty table the rows go straight in
 * (indexes rebuilt after); otherwise they are staged in a temp table and merged by one sorted upsert.
 */
export async function runImport<O extends ImportOptions>(db: Db, file: string, kind: ImportKind<O>, options: O): Promise<ImportSummary> {
  const startedAt = new Date().toISOString();
  const source = await openSource(db, file, kind, options);
  const summary = newSummary(kind.kind, basename(file), options);
  Object.assign(summary, source.decided);
  const sampleSize = options.sampleRejects ?? SAMPLE_REJECTS;
  const rejects = options.rejectsPath
    ? new RejectsWriter(options.rejectsPath, source.header, { overwrite: !!options.overwrite, input: file, database: db.name })
    : undefined;
  const columns = [...kind.columns, 'warnings'];
  const duplicates = new DuplicateRule(db);

  // An empty table is filled directly inside one write transaction held for the whole read. Its
  // unique NIK index is dropped meanwhile, which foreign keys pointing at it would refuse: they are
  // off for that transaction only (nothing can point at rows of a table that was empty).
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  const bulk = canBulkInsert(db, kind.table);
  if (!bulk) {
    db.exec('ROLLBACK');
    open = false;
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
  // Staging tables only when merging into rows already there.
  const stage = bulk ? undefined : new Stage(db, columns);
  let batchId = bulk ? recordBatch(db, kind.kind, summary, !!options.snapshot, startedAt) : 0;
  const loader = bulk ? bulkInsert(db, kind, options, columns, batchId) : undefined;
  try {
    for await (const batch of source.batches()) {
      if (options.signal?.aborted) throw new ImportInterruptedError(summary.file, summary.read);
      summary.read += batch.read;
      summary.blank += batch.blank;
      for (const r of batch.rejected) {
        countReject(summary, r.line, r.reason, sampleSize);
        rejects?.add(r.line, r.reason, r.fields);
      }
      if (batch.rejected.length > 0) await rejects?.flush();
      for (const [w, n] of Object.entries(batch.warnings)) summary.warnings[w] = (summary.warnings[w] ?? 0) + n;
      if (loader) loader.add(batch.rowsJson);
      else stage!.add(batch.rowsJson, batch.seen);
      duplicates.add(batch.lines);
      options.onProgress?.({ rows: summary.read, bytesRead: batch.bytesRead, totalBytes: source.totalBytes });
    }
    summary.sha256 = source.sha256();
    const hints = source.hints?.(summary.reasons, summary.warnings) ?? [];
    if (hints.length > 0) summary.hints = hints;
    const later = duplicates.removeLater(loader ? kind.table : stage!.table, kind.latestBy);
    await rejectDuplicates(summary, later, kind.duplicateReason ?? 'nik_duplicate', sampleSize, rejects, source);
    if (options.strict && summary.rejected > 0) throw new ImportRejectedError(summary);
    if (options.signal?.aborted) throw new ImportInterruptedError(summary.file, summary.read);
    if (!open) {
      await pausePoint('import:staged'); // a test's restore or backup runs here (test/trust/restore-race.test.ts)
      db.exec('BEGIN IMMEDIATE');
      open = true;
      batchId = recordBatch(db, kind.kind, summary, !!options.snapshot, startedAt);
    }
    if (kind.beforeMerge) summary.notes = stage ? kind.beforeMerge({ db, stageTable: stage.table, batchId }, options) : {};
    const counts: MergeCounts = loader
      ? loader.finish(later.length)
      : mergeStage(db, kind, options, stage!, source.mapping, batchId);
    Object.assign(summary, counts);
    summary.unchanged = summary.read - summary.rejected - summary.inserted - summary.updated;
    summary.batch_id = options.dryRun ? null : batchId;
    db.prepare(`UPDATE import_batches SET sha256 = ?, read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, departed = ?,
      summary_json = ?, finished_at = ? WHERE id = ?`).run(
      summary.sha256, summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected, Number(summary.departed ?? 0),
      JSON.stringify({ reasons: summary.reasons, warnings: summary.warnings, blank: summary.blank, notes: summary.notes }), new Date().toISOString(), batchId,
    );
    // A dry run does all the work, then rolls it back: its counts are the real ones.
    if (!options.dryRun) assertSameFile(db);
    db.exec(options.dryRun ? 'ROLLBACK' : 'COMMIT');
    open = false;
    await rejects?.commit();
    return summary;
  } catch (err) {
    rejects?.abort();
    throw err;
  } finally {
    if (open) db.exec('ROLLBACK');
    db.pragma(`foreign_keys = ${foreignKeys}`);
    stage?.drop();
    duplicates.drop();
  }
}

/**
 * Later duplicates become rejects: counted (the summary's first rejects stay the first lines),
 * their warnings taken back, and written to the rejects file with their original cells, read
 * again from the file (they are listed after the other rejects: a NIK is known to be a duplicate
 * only once the whole file is in).
 */
async function rejectDuplicates(
  summary: ImportSummary, later: LaterDuplicate[], reason: string, sampleSize: number,
  rejects: RejectsWriter | undefined, source: ValidatedSource,
): Promise<void> {
  if (later.length === 0) return;
  for (const d of later) {
    countReject(summary, d.line, reason, sampleSize);
    for (const w of d.warnings ? (JSON.parse(d.warnings) as string[]) : []) {
      if (--summary.warnings[w]! === 0) delete summary.warnings[w];
    }
  }
  if (rejects) await source.cellsOfLines(later.map((d) => d.line), (line, cells) => rejects.add(line, reason, cells));
}
