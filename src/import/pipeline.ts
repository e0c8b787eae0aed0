import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { openCsv, type CsvEncoding } from '../csv/reader.js';
import { mapHeader, parseMapOptions, type HeaderMapping } from './headers.js';
import type { ImportKind } from './kind.js';
import { NikSet } from './nik-set.js';
import { RejectsWriter } from './rejects.js';
import { Stage } from './stage.js';

export interface ImportOptions {
  encoding?: CsvEncoding;
  delimiter?: string;
  /** `field=Header` overrides. */
  map?: string[];
  strict?: boolean;
  dryRun?: boolean;
  snapshot?: boolean;
  rejectsPath?: string;
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { rows: number; bytesRead: number; totalBytes: number }) => void;
  /** How many rejected lines the summary names when there is no rejects file. */
  sampleRejects?: number;
}

export interface ImportSummary {
  kind: string;
  file: string;
  sha256: string;
  batch_id: number | null;
  dry_run: boolean;
  snapshot: boolean;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Lines with every cell empty (Excel leaves these): skipped, not rejected. */
  blank: number;
  reasons: Record<string, number>;
  warnings: Record<string, number>;
  first_rejects: { line: number; reason: string }[];
  rejects_file: string | null;
  [extra: string]: unknown;
}

/** The import was refused as a whole (`--strict` with rejected rows): nothing was written. */
export class ImportRejectedError extends UepError {
  constructor(readonly summary: ImportSummary) {
    super(`${summary.file}: ${summary.rejected} row(s) rejected with --strict; nothing was written`,
      'see the reasons above, or write them all with --rejects <file>');
  }
}

export class ImportInterruptedError extends UepError {
  /** The shell's convention for "stopped by Ctrl-C". */
  override readonly exitCode = 130;
  constructor(file: string, rows: number) {
    super(`import of ${file} interrupted after ${rows} rows; the database is unchanged`);
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Streams a file through a kind's validator into staging, then merges it in one transaction. */
export async function runImport<O extends ImportOptions>(db: Db, file: string, kind: ImportKind<O>, options: O): Promise<ImportSummary> {
  const startedAt = new Date().toISOString();
  const hash = createHash('sha256');
  const name = basename(file);
  const source = await openCsv(file, { encoding: options.encoding, delimiter: options.delimiter, onChunk: (b) => hash.update(b) });
  const mapping: HeaderMapping = mapHeader(name, source.header, kind.fields, parseMapOptions(options.map, kind.fields));
  kind.checkColumns(name, mapping, options);
  if (options.snapshot && !kind.snapshot) throw new UepError(`--snapshot is not available for ${kind.kind} imports`);
  const validate = kind.validator(mapping, options, db);
  const width = source.header.length;

  const summary: ImportSummary = {
    kind: kind.kind, file: name, sha256: '', batch_id: null, dry_run: !!options.dryRun, snapshot: !!options.snapshot,
    read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, blank: 0,
    reasons: {}, warnings: {}, first_rejects: [], rejects_file: options.rejectsPath ?? null,
  };
  const sampleSize = options.sampleRejects ?? 5;
  const rejects = options.rejectsPath ? new RejectsWriter(options.rejectsPath, source.header, !!options.overwrite) : undefined;
  const stage = new Stage(db, [...kind.columns, 'warnings']);
  const seen = new NikSet();
  const reject = (line: number, reason: string, fields: string[], nik?: string) => {
    summary.rejected++;
    bump(summary.reasons, reason);
    if (summary.first_rejects.length < sampleSize) summary.first_rejects.push({ line, reason });
    rejects?.add(line, reason, fields);
    // A person whose row was rejected is still in the extract: a snapshot must not mark them departed.
    if (nik) stage.add(line, false, [nik, ...Array<null>(kind.columns.length).fill(null)]);
  };

  try {
    for await (const batch of source.batches()) {
      if (options.signal?.aborted) throw new ImportInterruptedError(name, summary.read);
      stage.batch(() => {
        for (const record of batch) {
          const fields = record.fields;
          if (fields.every((f) => f.trim() === '')) {
            summary.blank++;
            continue;
          }
          summary.read++;
          // Short rows are padded (Excel drops trailing empty cells); surplus cells must be empty,
          // else the row is misaligned (e.g. an unquoted delimiter inside an address).
          if (fields.length < width) for (let i = fields.length; i < width; i++) fields.push('');
          else if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
            reject(record.line, 'column_count', fields);
            continue;
          }
          const result = validate(fields);
          if (!result.ok) {
            reject(record.line, result.reason, fields, result.nik);
            continue;
          }
          const nik = result.values[0] as string;
          if (!seen.add(nik)) {
            reject(record.line, kind.duplicateReason ?? 'nik_duplicate', fields);
            continue;
          }
          for (const w of result.warnings) bump(summary.warnings, w);
          result.values.push(result.warnings.length > 0 ? JSON.stringify(result.warnings) : null);
          stage.add(record.line, true, result.values);
        }
      });
      options.onProgress?.({ rows: summary.read, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
    }
    stage.flush();
    summary.sha256 = hash.digest('hex');
    if (options.strict && summary.rejected > 0) throw new ImportRejectedError(summary);
    if (options.signal?.aborted) throw new ImportInterruptedError(name, summary.read);
    merge(db, kind, options, stage, summary, startedAt, mapping);
    rejects?.commit();
    return summary;
  } catch (err) {
    rejects?.abort();
    throw err;
  } finally {
    stage.drop();
  }
}

/** Sentinel to roll a dry run back after computing its real counts. */
class DryRunRollback extends Error {}

function merge<O extends ImportOptions>(
  db: Db, kind: ImportKind<O>, options: O, stage: Stage, summary: ImportSummary, startedAt: string, mapping: HeaderMapping,
): void {
  const cols = [...kind.columns, 'warnings'];
  const insertExtra = Object.entries(kind.onInsert ?? {});
  const key = kind.conflictKey ?? ['nik'];
  const covered = new Set([...(kind.coveredColumns?.(mapping) ?? cols), 'warnings']);
  const updates = cols.filter((c) => !key.includes(c) && covered.has(c));
  const sql = `
    INSERT INTO ${kind.table} (${cols.join(', ')}, first_batch_id, changed_batch_id${insertExtra.map(([c]) => `, ${c}`).join('')})
    SELECT ${cols.join(', ')}, @batch, @batch${insertExtra.map(([, v]) => `, ${v}`).join('')}
    FROM ${stage.table} WHERE accepted = 1 ORDER BY nik
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')},
      changed_batch_id = excluded.changed_batch_id${kind.onUpdate ? `, ${kind.onUpdate.set}` : ''}
    WHERE ${updates.map((c) => `${kind.table}.${c} IS NOT excluded.${c}`).join(' OR ')}${kind.onUpdate ? ` OR ${kind.onUpdate.changedWhen}` : ''}`;
  const count = db.prepare(`SELECT count(*) FROM ${kind.table}`).pluck();
  try {
    db.transaction(() => {
      const batchId = Number(db.prepare(
        `INSERT INTO import_batches (kind, file_name, sha256, snapshot, started_at) VALUES (?, ?, ?, ?, ?)`,
      ).run(kind.kind, summary.file, summary.sha256, options.snapshot ? 1 : 0, startedAt).lastInsertRowid);
      if (options.snapshot) stage.indexBy('nik');
      const before = count.get() as number;
      const changes = db.prepare(sql).run({ batch: batchId }).changes;
      const after = count.get() as number;
      summary.inserted = after - before;
      summary.updated = changes - summary.inserted;
      summary.unchanged = summary.read - summary.rejected - changes;
      Object.assign(summary, kind.afterMerge?.({ db, stageTable: stage.table, batchId, snapshot: !!options.snapshot }, options) ?? {});
      summary.batch_id = options.dryRun ? null : batchId;
      db.prepare(`UPDATE import_batches SET read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, departed = ?,
        summary_json = ?, finished_at = ? WHERE id = ?`).run(
        summary.read, summary.inserted, summary.updated, summary.unchanged, summary.rejected, Number(summary.departed ?? 0),
        JSON.stringify({ reasons: summary.reasons, warnings: summary.warnings, blank: summary.blank }), new Date().toISOString(), batchId,
      );
      if (options.dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
}
