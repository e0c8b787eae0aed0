import type { Db } from '../db/open.js';
import { withSorterThreads } from '../db/sorter.js';
import type { HeaderMapping } from './headers.js';
import { jsonRowsInserter } from './json-rows.js';
import type { ImportKind } from './kind.js';
import type { ImportOptions, ImportSummary } from './summary.js';
import type { Stage } from './stage.js';

export interface MergeCounts {
  inserted: number;
  updated: number;
  [extra: string]: number;
}

/** The batch row, created when the write transaction starts; its sha256 and counts come at the end. */
export function recordBatch(db: Db, kind: string, summary: ImportSummary, snapshot: boolean, startedAt: string): number {
  return Number(db.prepare(
    `INSERT INTO import_batches (kind, file_name, sha256, snapshot, started_at) VALUES (?, ?, '', ?, ?)`,
  ).run(kind, summary.file, snapshot ? 1 : 0, startedAt).lastInsertRowid);
}

/** Secondary and unique indexes we may drop and build again (not those behind a PRIMARY KEY/UNIQUE clause). */
function droppableIndexes(db: Db, table: string): { name: string; sql: string }[] {
  return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { name: string; sql: string }[];
}

/**
 * Whether rows can go straight into the table (see bulkInsert): it must be empty, and without a
 * UNIQUE/PRIMARY KEY clause, whose index cannot be dropped and would refuse a later duplicate
 * before the duplicate rule has seen the whole file. Such tables are merged through the stage.
 */
export function canBulkInsert(db: Db, table: string): boolean {
  const empty = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  const fixed = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NULL`).pluck().get(table) as number;
  return empty && fixed === 0;
}

/**
 * Straight into an empty table, in file order, with its indexes dropped and built again at the
 * end (one sort each instead of a random-order insert into each). Runs in the caller's transaction,
 * which already holds the batch row.
 */
export function bulkInsert<O extends ImportOptions>(db: Db, kind: ImportKind<O>, options: O, columns: string[], batchId: number) {
  const indexes = droppableIndexes(db, kind.table);
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  const extra = Object.entries(kind.onInsert ?? {});
  const insert = jsonRowsInserter(db,
    `INSERT INTO ${kind.table} (${columns.join(', ')}${extra.map(([c]) => `, ${c}`).join('')}, first_batch_id, changed_batch_id)`,
    columns.length, `${extra.map(([, v]) => `, ${v}`).join('')}, ${Number(batchId)}, ${Number(batchId)}`);
  let inserted = 0;
  return {
    add(rowsJson: string): void {
      inserted += insert(rowsJson);
    },
    /** Builds the indexes again, once the `removed` later duplicates are gone. */
    finish(removed: number): MergeCounts {
      inserted -= removed;
      withSorterThreads(db, () => {
        for (const ix of indexes) db.exec(ix.sql);
      });
      const ctx = { db, rowsOfFile: `SELECT nik FROM ${kind.table}`, batchId, snapshot: !!options.snapshot };
      return { inserted, updated: 0, ...(kind.afterMerge?.(ctx, options) ?? {}) };
    },
  };
}

/** The staged rows into the table by one upsert sorted by key: inserted, updated, the rest unchanged. */
export function mergeStage<O extends ImportOptions>(
  db: Db, kind: ImportKind<O>, options: O, stage: Stage, mapping: HeaderMapping, batchId: number,
): MergeCounts {
  const cols = [...kind.columns, 'warnings'];
  const insertExtra = Object.entries(kind.onInsert ?? {});
  const key = kind.conflictKey ?? ['nik'];
  const covered = new Set([...(kind.coveredColumns?.(mapping) ?? cols), 'warnings']);
  const updates = cols.filter((c) => !key.includes(c) && covered.has(c));
  const sql = `
    INSERT INTO ${kind.table} (${cols.join(', ')}, first_batch_id, changed_batch_id${insertExtra.map(([c]) => `, ${c}`).join('')})
    SELECT ${cols.join(', ')}, @batch, @batch${insertExtra.map(([, v]) => `, ${v}`).join('')}
    FROM ${stage.table} WHERE true ORDER BY nik
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')},
      changed_batch_id = excluded.changed_batch_id${kind.onUpdate ? `, ${kind.onUpdate.set}` : ''}
    WHERE (${updates.map((c) => `${kind.table}.${c} IS NOT excluded.${c}`).join(' OR ')}${kind.onUpdate ? ` OR ${kind.onUpdate.changedWhen}` : ''})${
  kind.replaceOnlyIf ? ` AND (${kind.replaceOnlyIf})` : ''}`;
  const count = db.prepare(`SELECT count(*) FROM ${kind.table}`).pluck();
  if (options.snapshot) stage.indexSeen();
  const before = count.get() as number;
  const changes = db.prepare(sql).run({ batch: batchId }).changes;
  const inserted = (count.get() as number) - before;
  const extra = kind.afterMerge?.({ db, rowsOfFile: `SELECT nik FROM ${stage.table}`, seenTable: stage.seenTable, batchId, snapshot: !!options.snapshot }, options) ?? {};
  return { inserted, updated: changes - inserted, ...extra };
}
