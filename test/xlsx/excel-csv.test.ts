/**
 * The --excel CSV style through LibreOffice: opened as a person opens it (semicolon, UTF-8), no
 * cell holds a character uep added — no hidden TAB before a NIK (issue 13), nothing invisible at
 * all. Masked NIKs and text come back exactly; a full NIK in a CSV is read as a number by a
 * spreadsheet, which is why the README sends people who open NIKs in Excel to --format xlsx.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, SITI, smallWorld } from '../export/builders.js';
import { uep } from '../helpers.js';
import { csvFilesAsShown } from './soffice.js';

describe('export --excel through LibreOffice', () => {
  it('adds no invisible character to any cell; masked NIKs and text come back exactly', async () => {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    db.close();
    const run = (...args: string[]) => uep([...args, '--db', path, '--quiet'], { cwd: dir });
    expect((await run('export', 'allocation', '--out', 'masked', '--excel')).code).toBe(0);
    expect((await run('export', 'allocation', '--out', 'full', '--excel', '--no-mask-nik')).code).toBe(0);
    const masked = join(dir, 'masked', 'penerima-6472-samarinda.csv');
    const full = join(dir, 'full', 'penerima-6472-samarinda.csv');
    const shown = csvFilesAsShown([masked, full], 'CSV:59,34,76,1');

    for (const rows of shown.values()) {
      for (const cell of rows.flat()) expect(cell).not.toMatch(/[\t\u0000-\u001f\u200b-\u200f\u00a0\ufeff]/);
    }
    expect(shown.get(masked)).toEqual([
      ['no', 'peringkat', 'nik', 'nama', 'no_kk', 'alamat', 'kecamatan', 'desa', 'jenis_usaha', 'nilai_paket'],
      ['1', '1', '6472********0001', 'Siti Aminah', '6472********0001', 'Jl. Antasari No. 3; RT 04', 'Samarinda Ulu', 'Air Hitam', 'makanan', '4750000'],
      // The apostrophe that stops a formula in a CSV stays visible (a workbook needs none).
      ['2', '2', '6472********0002', `'=HYPERLINK("http://x")`, '6472********0002', `'-`, 'Samarinda Ulu', 'Dadi Mulya', 'bengkel', '5000000'],
    ]);
    // A full NIK: LibreOffice reads the digits as a number, without any character added before them.
    const nik = shown.get(full)![1]![2]!;
    expect(nik.replace(/\D/g, '').slice(0, 6)).toBe(SITI.slice(0, 6));
  });
});
