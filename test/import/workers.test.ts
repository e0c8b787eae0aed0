import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from '../../src/csv/parser.js';
import { csvLine, writeDtksCsv } from '../../src/sample/dtks.js';
import { writePkhCsv } from '../../src/sample/pkh.js';
import { openDb, tempDir, uep, uepBin } from '../helpers.js';

/** Every stored row of a table, in insertion order: what an import left behind. */
function persons(dbPath: string, table = 'persons'): unknown[] {
  const db = openDb(dbPath);
  try {
    return db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).raw().all();
  } finally {
    db.close();
  }
}

describe('import in worker threads', () => {
  it('stores, counts and rejects exactly what the one-thread import does, lines included', async () => {
    const dir = tempDir();
    // A dirty generated extract made harder: CRLF, and a quoted note with a line break and quotes
    // on every 37th row, so records and line numbers straddle the spans the workers get.
    const raw = join(dir, 'raw.csv');
    await writeDtksCsv(raw, { rows: 26_000, seed: 7, dirt: 0.05 });
    const records: CsvRecord[] = [];
    const parser = new CsvParser(',');
    parser.push(readFileSync(raw, 'utf8'), records);
    parser.end(records);
    const file = join(dir, 'dtks.csv');
    writeFileSync(file, records.map((r, i) => {
      const fields = i > 0 && i % 37 === 0 ? [...r.fields.slice(0, -1), `catatan "penting"\nbaris ${i}`] : r.fields;
      return csvLine(fields, ',', '\r\n');
    }).join(''));
    // Past the size from which uep hands a file to worker threads (4 MB).
    expect(statSync(file).size).toBeGreaterThan(4 << 20);

    const viaWorkers = uepBin(['import', 'dtks', file, '--db', join(dir, 'a.sqlite'), '--rejects', join(dir, 'a-rejects.csv'), '--json']);
    expect(viaWorkers.code).toBe(0);
    // In-process from the sources: no compiled worker beside them, so one thread does it all.
    const inOneThread = await uep(['import', 'dtks', file, '--db', join(dir, 'b.sqlite'), '--rejects', join(dir, 'b-rejects.csv'), '--json']);
    expect(inOneThread.code).toBe(0);

    const a = JSON.parse(viaWorkers.stdout);
    const b = JSON.parse(inOneThread.stdout);
    expect(a).toEqual({ ...b, rejects_file: a.rejects_file, seconds: a.seconds });
    expect(a.reasons.nik_duplicate).toBeGreaterThan(10);
    expect(a.inserted).toBeGreaterThan(20_000);
    expect(readFileSync(join(dir, 'a-rejects.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b-rejects.csv'), 'utf8'));
    expect(persons(join(dir, 'a.sqlite'))).toEqual(persons(join(dir, 'b.sqlite')));
  }, 60_000);

  it('does the same for PKH extracts', async () => {
    const dir = tempDir();
    const file = join(dir, 'pkh.csv');
    await writePkhCsv(file, { seed: 11, dtksRows: 80_000, rows: 60_000 });
    expect(statSync(file).size).toBeGreaterThan(4 << 20);
    const viaWorkers = uepBin(['import', 'pkh', file, '--db', join(dir, 'a.sqlite'), '--json']);
    expect(viaWorkers.code).toBe(0);
    const inOneThread = await uep(['import', 'pkh', file, '--db', join(dir, 'b.sqlite'), '--json']);
    expect(inOneThread.code).toBe(0);
    const a = JSON.parse(viaWorkers.stdout);
    expect(a).toEqual({ ...JSON.parse(inOneThread.stdout), seconds: a.seconds });
    expect(a.inserted).toBeGreaterThan(50_000);
    expect(persons(join(dir, 'a.sqlite'), 'pkh_members')).toEqual(persons(join(dir, 'b.sqlite'), 'pkh_members'));
  }, 60_000);
});
