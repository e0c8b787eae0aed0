import type { Db } from '../db/open.js';

/**
 * Temporary staging tables for an import into a table that already holds rows: accepted rows are
 * appended without any index (cheap), then merged in one statement sorted by key. `seen` holds the
 * NIKs of rejected rows, which a snapshot must still count as present.
 */
export class Stage {
  readonly table = 'temp.uep_stage';
  readonly seenTable = 'temp.uep_seen';
  private readonly insertMany: ReturnType<Db['prepare']>;
  private readonly insertOne: ReturnType<Db['prepare']>;
  private readonly insertSeen: ReturnType<Db['prepare']>;
  private readonly rowsPerStatement: number;
  private pending: unknown[] = [];

  constructor(private readonly db: Db, private readonly columns: string[]) {
    db.exec(`DROP TABLE IF EXISTS ${this.table}; CREATE TABLE ${this.table} (${columns.join(', ')});
      DROP TABLE IF EXISTS ${this.seenTable}; CREATE TABLE ${this.seenTable} (nik)`);
    // Many rows per statement: fewer calls across the JS/C++ boundary (SQLite allows 32766 parameters).
    this.rowsPerStatement = Math.max(1, Math.floor(4000 / columns.length));
    const one = `(${columns.map(() => '?').join(', ')})`;
    this.insertMany = db.prepare(`INSERT INTO ${this.table} VALUES ${Array(this.rowsPerStatement).fill(one).join(', ')}`);
    this.insertOne = db.prepare(`INSERT INTO ${this.table} VALUES ${one}`);
    this.insertSeen = db.prepare(`INSERT INTO ${this.seenTable} VALUES (?)`);
  }

  /** Appends flattened rows (each `columns.length` values) and the NIKs seen on rejected rows. */
  add(rows: unknown[], seen: string[]): void {
    const width = this.columns.length;
    const block = this.rowsPerStatement * width;
    this.db.transaction(() => {
      const all = this.pending.length > 0 ? this.pending.concat(rows) : rows;
      let i = 0;
      for (; i + block <= all.length; i += block) this.insertMany.run(all.slice(i, i + block));
      this.pending = all.slice(i);
      for (const nik of seen) this.insertSeen.run(nik);
    })();
  }

  /** Writes what is still buffered; call before merging. */
  flush(): void {
    const width = this.columns.length;
    this.db.transaction(() => {
      for (let i = 0; i < this.pending.length; i += width) this.insertOne.run(this.pending.slice(i, i + width));
    })();
    this.pending = [];
  }

  /** For a snapshot: look-ups of "is this NIK in the file?" over both tables. */
  indexSeen(): void {
    this.db.exec(`CREATE INDEX temp.uep_stage_nik ON uep_stage (nik); CREATE INDEX temp.uep_seen_nik ON uep_seen (nik)`);
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}; DROP TABLE IF EXISTS ${this.seenTable}`);
  }
}
