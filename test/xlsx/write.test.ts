/**
 * The .xlsx writer (src/xlsx/write) through a real spreadsheet application: LibreOffice opens what
 * uep wrote and shows every cell as written — NIKs as their exact 16 digits, codes with their
 * leading zeros, text that looks like a formula as text, rupiah and dates formatted — and uep's own
 * reader reads the same cells back. Files are 0600 from the start, through the output folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../src/export/bundle.js';
import { openXlsx } from '../../src/xlsx/reader.js';
import { columnKindOf } from '../../src/xlsx/write/columns.js';
import { SheetNames } from '../../src/xlsx/write/sheet-name.js';
import { tempDir } from '../helpers.js';
import { sheetsAsShown } from './soffice.js';
import { inflatedParts } from './zip-parts.js';

const NOW = new Date('2026-03-02T01:00:00Z');
const NIK = '6472015409743812';

const TABLE = {
  name: 'penerima-6409-penajam-paser-utara-dan-sekitarnya',
  columns: ['no', 'nik', 'no_kk', 'nama', 'kode_kabupaten', 'nilai_paket', 'tanggal_rencana', 'persen', 'catatan'],
  rows: [
    [1, NIK, '0012345678901234', '=HYPERLINK("http://x")', '6409', 4_750_000, '2026-03-15', 71.9, '@SUM(A1)'],
    [2, '6402********0001', null, 'Siti Aminah', '6402', 5_000_000, '2026-12-31', 0, '+62 812'],
  ],
};

describe('writing .xlsx', () => {
  it('LibreOffice shows typed cells exactly: NIK text, formulas as text, rupiah and dates formatted', async () => {
    const dir = join(tempDir(), 'out');
    const manifest = await writeBundle(dir, [TABLE, { name: 'kedua', columns: ['a'], rows: [['x']] }], {}, {
      format: 'xlsx', maskNik: false, now: NOW, workbooks: (tables) => [{ name: 'buku', tables }],
    });
    const file = join(dir, 'buku.xlsx');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(manifest.files[0]).toMatchObject({ name: 'buku.xlsx', rows: 3, sheets: [{ name: 'penerima-6409-penajam-paser-uta', rows: 2 }, { name: 'kedua', rows: 1 }] });

    const shown = sheetsAsShown([file]).get(file)!;
    expect([...shown.keys()].sort()).toEqual(['kedua', 'penerima-6409-penajam-paser-uta']);
    expect(shown.get('penerima-6409-penajam-paser-uta')).toEqual([
      TABLE.columns,
      ['1', NIK, '0012345678901234', '=HYPERLINK("http://x")', '6409', 'Rp4,750,000', '15-03-2026', '71.9', '@SUM(A1)'],
      ['2', '6402********0001', '', 'Siti Aminah', '6402', 'Rp5,000,000', '31-12-2026', '0.0', '+62 812'],
    ]);
    expect(shown.get('kedua')).toEqual([['a'], ['x']]);

    // uep's own reader: NIK a text cell, the date a date cell, the money a number.
    const reader = await openXlsx(file);
    const rows = [];
    for await (const batch of reader.rows(reader.sheets[0]!)) rows.push(...batch);
    reader.close();
    expect(rows[1]!.cells).toEqual([1, NIK, '0012345678901234', '=HYPERLINK("http://x")', '6409', 4_750_000, '2026-03-15', 71.9, '@SUM(A1)']);
  });

  it('the header row is bold, frozen and filtered; no text cell is a formula; no invisible characters', async () => {
    const dir = join(tempDir(), 'out');
    await writeBundle(dir, [TABLE], {}, { format: 'xlsx', maskNik: false, now: NOW });
    const bytes = readFileSync(join(dir, `${TABLE.name}.xlsx`));
    const parts = await inflatedParts(bytes);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<autoFilter ref="A1:I1"\/>/);
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toMatch(/[\t\u200b\u00a0]/);
    // Widths fit the content: the NIK column (B) shows 16 digits, the name column (D) the longest name.
    const width = (col: number) => Number(new RegExp(`<col min="\\d+" max="\\d+" width="(\\d+)"`, 'g').exec(sheet.slice(sheet.indexOf(`<col min="${col}"`)))?.[1]);
    expect(width(2)).toBeGreaterThanOrEqual(17);
    expect(width(4)).toBeGreaterThanOrEqual('=HYPERLINK("http://x")'.length);
    expect(parts.get('xl/styles.xml')).toMatch(/<b\/>/);
    expect(parts.get('xl/styles.xml')).toContain('formatCode="[$Rp-421]#,##0"');
  });

  it('column kinds by name, and sheet names as spreadsheets accept them', () => {
    expect(['nik', 'no_kk', 'kode_kabupaten', 'id_penerima', 'petugas', 'nilai_paket', 'omzet_bulanan', 'nilai_rupiah', 'tanggal_kunjungan', 'pool_persen', 'nama', 'no']
      .map(columnKindOf)).toEqual(['identifier', 'identifier', 'identifier', 'identifier', 'identifier', 'rupiah', 'rupiah', 'rupiah', 'date', 'decimal', 'general', 'general']);
    const names = new SheetNames();
    expect(['a/b:c', 'Penerima', 'penerima', "'x'", 'x'.repeat(40), 'x'.repeat(40)].map((n) => names.take(n)))
      .toEqual(['a b c', 'Penerima', 'penerima (2)', 'x', 'x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });
});
