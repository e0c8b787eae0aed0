import type { Db } from '../db/open.js';
import { jsonRowsInserter } from './json-rows.js';

/**
 * Temporary staging tables for an import into a table that already holds rows: accepted rows are
 * appended without any index (cheap), then merged in one statement sorted by key. `seen` holds the
 * NIKs of rejected rows, which a snapshot must still count as present.
 */
export class Stage {
  readonly table = 'temp.uep_stage';
  readonly seenTable = 'temp.uep_seen';
  private readonly insertRows: ReturnType<typeof jsonRowsInserter>;
  private readonly insertSeen: ReturnType<Db['prepare']>;

  constructor(private readonly db: Db, columns: string[]) {
    db.exec(`DROP TABLE IF EXISTS ${this.table}; CREATE TABLE ${this.table} (${columns.join(', ')});
      DROP TABLE IF EXISTS ${this.seenTable}; CREATE TABLE ${this.seenTable} (nik)`);
    this.insertRows = jsonRowsInserter(db, `INSERT INTO ${this.table}`, columns.length);
    this.insertSeen = db.prepare(`INSERT INTO ${this.seenTable} SELECT value FROM json_each(?)`);
  }

  /** Appends a batch of rows (as JSON, see json-rows.ts) and the NIKs seen on rejected rows. */
  add(rowsJson: string, seen: string[]): void {
    this.db.transaction(() => {
      this.insertRows(rowsJson);
      if (seen.length > 0) this.insertSeen.run(JSON.stringify(seen));
    })();
  }

  /** For a snapshot: look-ups of "is this NIK in the file?" over both tables. */
  indexSeen(): void {
    this.db.exec(`CREATE INDEX temp.uep_stage_nik ON uep_stage (nik); CREATE INDEX temp.uep_seen_nik ON uep_seen (nik)`);
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}; DROP TABLE IF EXISTS ${this.seenTable}`);
  }
}
