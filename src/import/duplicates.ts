import type { Db } from '../db/open.js';
import { withSorterThreads } from '../db/sorter.js';

export interface LaterDuplicate {
  line: number;
  /** The row's warnings JSON: they no longer count once the row is dropped. */
  warnings: string | null;
}

/**
 * The duplicate rule — a NIK accepted earlier in the same file makes a later row a reject; the first
 * occurrence is kept — applied by SQLite once every row of the file is in, so memory does not grow
 * with the file. Rows go into their table in file order (rowids 1, 2, …: the table was empty or is
 * the fresh staging table) and their line numbers into a temp table under the same rowids.
 */
export class DuplicateRule {
  private readonly lines = 'temp.uep_lines';
  private readonly addLines: ReturnType<Db['prepare']>;

  constructor(private readonly db: Db) {
    db.exec(`DROP TABLE IF EXISTS ${this.lines}; CREATE TABLE ${this.lines} (line INTEGER NOT NULL)`);
    this.addLines = db.prepare(`INSERT INTO ${this.lines} (line) SELECT value FROM json_each(?)`);
  }

  /** The lines of a batch's accepted rows, in the order the rows were written. */
  add(lines: number[]): void {
    if (lines.length > 0) this.addLines.run(JSON.stringify(lines));
  }

  /**
   * Deletes the later occurrences from `table` (with `latestBy`, all but the row of the greatest
   * value of that column); returns their lines (in file order) and warnings.
   */
  removeLater(table: string, latestBy?: string): LaterDuplicate[] {
    // One sort finds the NIKs that occur more than once (few); one scan finds their rows.
    const repeated = withSorterThreads(this.db, () =>
      this.db.prepare(`SELECT nik FROM ${table} GROUP BY nik HAVING count(*) > 1`).pluck().all() as string[]);
    if (repeated.length === 0) return [];
    const rows = this.db.prepare(`
      SELECT t.rowid AS id, t.nik AS nik, l.line AS line, t.warnings AS warnings
      FROM ${table} t JOIN ${this.lines} l ON l.rowid = t.rowid
      WHERE t.nik IN (SELECT value FROM json_each(?))
      ORDER BY ${latestBy ? `t.${latestBy} IS NULL, t.${latestBy} DESC, ` : ''}t.rowid`).all(JSON.stringify(repeated)) as (LaterDuplicate & { id: number; nik: string })[];
    const kept = new Set<string>();
    const later = rows.filter((r) => {
      if (kept.has(r.nik)) return true;
      kept.add(r.nik); // the first occurrence, in file order (or the latest by latestBy)
      return false;
    }).sort((a, b) => a.id - b.id);
    this.db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`).run(JSON.stringify(later.map((d) => d.id)));
    return later.map(({ line, warnings }) => ({ line, warnings })); // sorted by rowid: file order
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.lines}`);
  }
}
