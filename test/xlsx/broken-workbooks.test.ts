import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetXmlOf, workbookParts, zipParts } from '../../src/dev/trust/xlsx-cases.js';
import { BIN, openDb, ROOT, tempDir, uepBin } from '../helpers.js';

// The sample registry's first lines as a sheet (NIKs as number cells: every row is rejected, which
// keeps these tests about reading, not about the rows).
const SAMPLE = readFileSync(join(ROOT, 'data', 'sample', 'dtks.csv'), 'utf8').split('\n').slice(0, 30).join('\n');
const XML = sheetXmlOf(SAMPLE);

function importWorkbook(bytes: Buffer, nodeFlags: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, 'daftar.xlsx'), bytes);
  const db = join(dir, 'uep.sqlite');
  if (nodeFlags.length === 0) return { ...uepBin(['import', 'dtks', 'daftar.xlsx', '--db', db, '--json'], { cwd: dir }), signal: null, db };
  const r = spawnSync(process.execPath, [...nodeFlags, BIN, 'import', 'dtks', 'daftar.xlsx', '--db', db, '--json'],
    { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, UEP_LANG: 'en', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal, db };
}

describe('workbooks broken in ways the trust campaign found', () => {
  it('a sheet whose XML is cut short is an unreadable file (exit 1), not an unexpected error, and nothing is stored', () => {
    const r = importWorkbook(zipParts(workbookParts([XML.slice(0, Math.floor(XML.length * 0.7))])));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^uep: daftar\.xlsx: is not a readable \.xlsx workbook \(worksheet XML: the XML ends/m);
    expect(r.stderr).not.toContain('unexpected');
    const db = openDb(r.db);
    expect(db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 });
    db.close();
  });

  it('a part whose bytes do not match the CRC the zip records is refused as damaged', () => {
    const parts = workbookParts([XML]);
    const bytes = zipParts(parts, { store: true });
    // Change one digit of a NIK inside the stored sheet: still well-formed XML, but not what was written.
    const at = bytes.indexOf('<v>64') + 4;
    bytes[at] = bytes[at] === 0x35 ? 0x36 : 0x35;
    const r = importWorkbook(bytes);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('zip part xl/worksheets/sheet1.xml is damaged (its CRC does not match)');
  });

  it('a part that inflates to more than it declares is stopped there', () => {
    const r = importWorkbook(zipParts(workbookParts([XML]), { declare: { 'xl/worksheets/sheet1.xml': 1000 } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('zip part xl/worksheets/sheet1.xml holds more than the 1000 bytes it declares');
  });

  it('two million empty rows after the data (parsed in the worker thread) are skipped within a small heap, and the process ends', () => {
    const big = XML.replace('</sheetData>', `${'<row/>'.repeat(2_000_000)}</sheetData>`);
    const r = importWorkbook(zipParts(workbookParts([big])), ['--max-old-space-size=128']);
    expect(r.signal).toBe(null);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 29, blank: 2_000_000, rejected: 29 });
  });

  it('a big sheet whose header lacks the required columns is refused, and the process ends (its parser thread was left running)', () => {
    const wrong = sheetXmlOf('KOLOM A,KOLOM B\nx,y\n').replace('</sheetData>', `${'<row/>'.repeat(2_000_000)}</sheetData>`);
    const r = importWorkbook(zipParts(workbookParts([wrong])), ['--max-old-space-size=128']);
    expect(r.signal).toBe(null); // killed by the timeout when it hung
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 1: missing required columns nik, nama');
  });

  it('a < inside a tag name is refused as a full XML parser refuses it', () => {
    const r = importWorkbook(zipParts(workbookParts([XML.replace('<c r="A3"', '<<c r="A3"')])));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a < where a tag name was expected');
  });
});
