/**
 * Every workbook uep writes holds what its CSV twin holds, cell by cell, as LibreOffice shows it:
 * export allocation, monitor plan and report monitoring written both ways, each sheet compared
 * with the CSV file of the same table (money shown in rupiah, dates dd-mm-yyyy, shares with one
 * decimal, and text without the apostrophe a CSV needs against formulas). One soffice call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columnKindOf } from '../../src/xlsx/write/columns.js';
import { freshDb, SITI, BUDI, smallWorld } from '../export/builders.js';
import { uep, writeFile } from '../helpers.js';
import { sheetsAsShown } from './soffice.js';

interface ManifestFile {
  name: string;
  sheets?: { name: string }[];
}

/** The CSV value a shown cell stands for, by the column's kind. */
function asCsv(column: string, shown: string, csv: string): string {
  if (shown === '' || csv === '') return shown;
  switch (columnKindOf(column)) {
    case 'rupiah':
      return shown.replace(/[^\d-]/g, '');
    case 'date': {
      const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(shown);
      return m ? `${m[3]}-${m[2]}-${m[1]}` : shown;
    }
    case 'decimal':
      return Number(shown) === Number(csv) ? csv : shown;
    default:
      // A CSV cell that could run as a formula carries an apostrophe; a workbook's text cell needs none.
      return csv.startsWith("'") && csv.slice(1) === shown ? csv : shown;
  }
}

describe('workbooks and their CSV twins', () => {
  it('hold the same cells, table by table', async () => {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    db.close();
    const run = async (...args: string[]) => {
      const r = await uep([...args, '--db', path, '--quiet'], { cwd: dir, env: { TZ: 'Asia/Makassar' } });
      expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
    };
    writeFile(dir, 'sk.json', JSON.stringify({
      keputusan: 'KEPALA DINAS SOSIAL', nomor: '1/2025', tanggal: '2025-03-01', tentang: 'PENERIMA UEP 2025', tempat: 'Samarinda',
      penandatangan: { jabatan: 'KEPALA DINAS', nama: 'Contoh', nip: '1' },
    }));
    await run('monitor', 'monitors', 'import', writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']));
    await run('monitor', 'plan', '--out', 'plan-csv', '--tanggal-hibah', '2025-03-01');
    await run('monitor', 'plan', '--out', 'plan-xlsx', '--format', 'xlsx');
    await run('monitor', 'import', writeFile(dir, 'visits.csv', [
      'nik,tanggal_kunjungan,petugas,status_usaha,omzet_bulanan,kendala,tindak_lanjut,rujukan',
      `${SITI},2025-04-02,PSM-01,berjalan,1500000,,,`, `${BUDI},2025-04-03,PSM-01,kesulitan,250000,modal,=cek,disnaker`,
    ]));
    for (const [command, out] of [[['export', 'allocation'], 'alokasi'], [['report', 'monitoring', '--as-of', '2025-07-01'], 'monitoring']] as const) {
      await run(...command, '--out', `${out}-csv`);
      await run(...command, '--out', `${out}-xlsx`, '--format', 'xlsx', ...(out === 'alokasi' ? ['--sk', 'sk.json', '--no-mask-nik'] : []));
    }
    await run('export', 'allocation', '--out', 'alokasi-csv-full', '--no-mask-nik');

    const pairs = [['plan-csv', 'plan-xlsx'], ['alokasi-csv-full', 'alokasi-xlsx'], ['monitoring-csv', 'monitoring-xlsx']];
    const twins: { csv: string; book: string; sheet: string }[] = [];
    for (const [csvDir, xlsxDir] of pairs) {
      const csvFiles = (JSON.parse(readFileSync(join(dir, csvDir!, 'manifest.json'), 'utf8')).files as ManifestFile[]).map((f) => f.name);
      const books = (JSON.parse(readFileSync(join(dir, xlsxDir!, 'manifest.json'), 'utf8')).files as ManifestFile[]).filter((f) => f.name !== 'lampiran-sk.xlsx');
      const sheets = books.flatMap((b) => b.sheets!.map((s) => ({ book: join(dir, xlsxDir!, b.name), sheet: s.name })));
      expect(sheets.length, xlsxDir).toBe(csvFiles.length);
      csvFiles.forEach((csv, i) => twins.push({ csv: join(dir, csvDir!, csv), ...sheets[i]! }));
    }
    expect(twins.length).toBe(3 + 6 + 8);
    const shown = sheetsAsShown([...new Set(twins.map((t) => t.book))]);
    let cells = 0;
    for (const t of twins) {
      const csv = parse(readFileSync(t.csv), { relax_column_count: true }) as string[][];
      const sheet = shown.get(t.book)!.get(t.sheet) ?? [];
      // An empty table: the header row only.
      expect(sheet.length, `${t.csv} ↔ ${t.sheet}`).toBe(csv.length);
      const header = csv[0]!;
      expect(sheet[0], t.sheet).toEqual(header);
      for (let r = 1; r < csv.length; r++) {
        const got = header.map((c, i) => asCsv(c, sheet[r]![i] ?? '', csv[r]![i] ?? ''));
        expect(got, `${t.sheet} row ${r + 1}`).toEqual(csv[r]!.slice(0, header.length));
        cells += header.length;
      }
    }
    expect(cells).toBeGreaterThan(400);
  });
});
