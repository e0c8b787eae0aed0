import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { UepError } from '../../src/errors.js';
import { DTKS_IMPORT } from '../../src/import/dtks.js';
import { runImport } from '../../src/import/pipeline.js';
import { nik, tempDir } from '../helpers.js';

const GOOD = `nik,nama,kabupaten,desil\n${nik('6472', 1, 1, 80, 1)},Siti,Samarinda,1\n`;

/** Imports `content` into a database that already holds one person; checks the outcome is clean. */
async function importBytes(dir: string, content: Buffer | string, name = 'f.csv'): Promise<'imported' | 'refused'> {
  const dbPath = join(dir, 'fuzz.sqlite');
  const db = openDatabase(dbPath);
  try {
    const seed = join(dir, 'seed.csv');
    writeFileSync(seed, GOOD);
    await runImport(db, seed, DTKS_IMPORT, {});
    const count = () => db.prepare('SELECT (SELECT count(*) FROM persons) || \'/\' || (SELECT count(*) FROM import_batches)').pluck().get();
    const before = count();
    const file = join(dir, name);
    writeFileSync(file, content);
    try {
      const s = await runImport(db, file, DTKS_IMPORT, {});
      expect(s.read).toBe(s.inserted + s.updated + s.unchanged + s.rejected);
      return 'imported';
    } catch (err) {
      // A clear, typed error naming the file — never a crash — and nothing written.
      expect(err).toBeInstanceOf(UepError);
      expect((err as Error).message).toContain(name);
      expect(count()).toBe(before);
      return 'refused';
    }
  } finally {
    db.close();
    for (const s of ['', '-wal', '-shm']) writeFileSync(dbPath + s, '');
  }
}

describe('hostile and broken input', () => {
  it('random bytes: accepted rows plus rejects, or a clear error, never a crash (200 cases)', async () => {
    const dir = tempDir();
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
      await importBytes(dir, Buffer.concat([Buffer.from('nik,nama,kabupaten\n'), Buffer.from(bytes)]));
    }), { numRuns: 200, seed: 20261128 });
  });

  it('random CSV-ish text with quotes, delimiters and newlines (300 cases)', async () => {
    const dir = tempDir();
    const piece = fc.constantFrom('"', ',', ';', '\n', '\r\n', '\t', '|', 'Siti', nik('6472', 1, 1, 80, 2), 'Samarinda', '6.47E+15', '=HYPERLINK("x")', '', ' ', '99999999999999999999999');
    await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
      await importBytes(dir, `nik,nama,kabupaten\n${pieces.join('')}`);
    }), { numRuns: 300, seed: 7 });
  });

  it.each([
    ['truncated inside a quoted field', `nik,nama,kabupaten\n${nik('6472', 1, 1, 80, 3)},"Siti`, 'refused'],
    ['unbalanced quotes', `nik,nama,kabupaten\n"${nik('6472', 1, 1, 80, 3)},Siti,Samarinda\n`, 'refused'],
    ['NUL bytes', `nik,nama,kabupaten\n${nik('6472', 1, 1, 80, 3)},Si\0ti,Samarinda\n`, 'refused'],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nik,nama,kabupaten\n', 'utf16le')]), 'refused'],
    ['an XLSX saved as .csv', Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), 'refused'],
    ['the wrong delimiter', `nik|nama|kabupaten\n${nik('6472', 1, 1, 80, 3)};Siti;Samarinda\n`, 'imported'],
    ['huge numbers', `nik,nama,kabupaten,desil\n${'9'.repeat(400)},Siti,Samarinda,${'9'.repeat(400)}\n`, 'imported'],
    ['formula-looking names', `nik,nama,kabupaten\n${nik('6472', 1, 1, 80, 3)},"=cmd|' /C calc'!A0",Samarinda\n`, 'imported'],
  ])('%s', async (_name, content, expected) => {
    expect(await importBytes(tempDir(), content)).toBe(expected);
  });

  it('a 50 MB single line is refused quickly, in bounded memory', async () => {
    const dir = tempDir();
    const big = Buffer.alloc(50 * 1024 * 1024, 'x');
    big.write('nik,nama,kabupaten\n"', 0);
    expect(await importBytes(dir, big)).toBe('refused');
    expect(readFileSync(join(dir, 'f.csv')).length).toBe(50 * 1024 * 1024);
  });
});
