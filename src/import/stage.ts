import type { Db } from '../db/open.js';

/**
 * A temporary staging table. Rows are appended in file order without any index (cheap), then
 * merged into the real table in one statement sorted by key: random-order inserts into the NIK
 * index are what makes a naive bulk load slow.
 */
export class Stage {
  readonly table = 'temp.uep_stage';
  private readonly columns: string[];
  private readonly insertMany: ReturnType<Db['prepare']>;
  private readonly insertOne: ReturnType<Db['prepare']>;
  private pending: unknown[] = [];
  private readonly rowsPerStatement: number;

  constructor(private readonly db: Db, columns: string[]) {
    this.columns = ['line', 'accepted', ...columns];
    db.exec(`DROP TABLE IF EXISTS ${this.table}; CREATE TABLE ${this.table} (${this.columns.join(', ')})`);
    // Many rows per statement: fewer calls across the JS/C++ boundary (SQLite allows 32766 parameters).
    this.rowsPerStatement = Math.max(1, Math.floor(4000 / this.columns.length));
    const one = `(${this.columns.map(() => '?').join(', ')})`;
    this.insertMany = db.prepare(`INSERT INTO ${this.table} VALUES ${Array(this.rowsPerStatement).fill(one).join(', ')}`);
    this.insertOne = db.prepare(`INSERT INTO ${this.table} VALUES ${one}`);
  }

  /** Appends one row: line, accepted flag, then the values in column order. */
  add(line: number, accepted: boolean, values: unknown[]): void {
    this.pending.push(line, accepted ? 1 : 0, ...values);
    if (this.pending.length >= this.rowsPerStatement * this.columns.length) this.flushFull();
  }

  private flushFull(): void {
    const width = this.columns.length;
    const block = this.rowsPerStatement * width;
    let offset = 0;
    while (this.pending.length - offset >= block) {
      this.insertMany.run(this.pending.slice(offset, offset + block));
      offset += block;
    }
    this.pending = this.pending.slice(offset);
  }

  /** Writes what is still buffered. Staging writes go to the temp database only. */
  flush(): void {
    this.db.transaction(() => {
      this.flushFull();
      const width = this.columns.length;
      for (let i = 0; i < this.pending.length; i += width) this.insertOne.run(this.pending.slice(i, i + width));
      this.pending = [];
    })();
  }

  /** Wraps a burst of `add` calls in one transaction on the temp database. */
  batch(fn: () => void): void {
    this.db.transaction(fn)();
  }

  indexBy(column: string): void {
    this.db.exec(`CREATE INDEX temp.uep_stage_${column} ON uep_stage (${column})`);
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}
