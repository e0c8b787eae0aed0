import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, nik, openDb, tempDir, uep, uepBin, writeFile } from '../helpers.js';
import { sheetsAsShown } from './soffice.js';

// Workbooks written by LibreOffice (test/fixtures/xlsx/make.sh rebuilds them).
const XLSX = join(FIXTURES, 'xlsx');
const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);

async function run(dir: string, ...args: string[]) {
  return uep([...args, '--db', join(dir, 'uep.sqlite')], { cwd: dir });
}

describe('importing .xlsx workbooks', () => {
  it('rejects every NIK that LibreOffice turned into a number, with the rows of the sheet and the Text hint', async () => {
    const dir = tempDir();
    const r = await run(dir, 'import', 'dtks', join(XLSX, 'dtks-numbers.xlsx'), '--rejects', join(dir, 'rejects.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, inserted: 0, rejected: 3, reasons: { nik_scientific: 3 }, hints: ['nik_number'] });
    const rejects = readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n');
    expect(rejects[0]).toBe('line,reason,raw,NIK,NO KK,NAMA LENGKAP,JENIS KELAMIN,TGL LAHIR,ALAMAT,KABUPATEN/KOTA,DESIL NASIONAL,NO HP');
    // The cells as the spreadsheet holds them: 16th digit gone, the phone number's leading zero too.
    expect(rejects[1]).toBe('2,nik_scientific,,6.47201450785E+15,6.4720101012E+15,Siti Aminah,P,1985-07-05,"Jl. Antasari No. 3, RT 04",Kota Samarinda,2,81234567890');
    expect(rejects.slice(2, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['3,nik_scientific', '4,nik_scientific']);
    expect(r.stderr).toContain('format the NIK column as Text');
  });

  it('reads Text-formatted NIKs, date cells, a merged title and two-row header, formulas and region codes stored as numbers', async () => {
    const dir = tempDir();
    const r = await run(dir, 'import', 'dtks', join(XLSX, 'dtks-text.xlsx'), '--rejects', join(dir, 'rejects.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      read: 5, inserted: 3, rejected: 2, blank: 0, reasons: { nik_scientific: 1, nik_duplicate: 1 }, warnings: { no_kk_scientific: 1 },
    });
    const db = openDb(join(dir, 'uep.sqlite'));
    const rows = db.prepare('SELECT nik, no_kk, nama, tanggal_lahir, kode_kabupaten, kecamatan, kode_kecamatan, desil, extra_json, warnings FROM persons ORDER BY nik').all();
    expect(rows).toEqual([
      { nik: BUDI, no_kk: '6402010101200002', nama: 'Budi Santoso', tanggal_lahir: '1990-01-01', kode_kabupaten: '6402', kecamatan: 'Tenggarong', kode_kecamatan: '640206', desil: 3, extra_json: null, warnings: null },
      // The KK typed as a number lost its 16th digit: not stored, a warning instead.
      { nik: RINA, no_kk: null, nama: 'Rina', tanggal_lahir: '1992-08-17', kode_kabupaten: '6403', kecamatan: null, kode_kecamatan: null, desil: 1, extra_json: null, warnings: '["no_kk_scientific"]' },
      // 64.72 typed as a number; the formula's cached value kept as an unknown column.
      { nik: SITI, no_kk: '6472010101200001', nama: 'Siti Ämînah', tanggal_lahir: '1985-07-05', kode_kabupaten: '6472', kecamatan: 'Samarinda Ulu', kode_kecamatan: '647203', desil: 2, extra_json: '{"keterangan":"Desil 2"}', warnings: null },
    ]);
    const batch = db.prepare('SELECT file_name, sha256 FROM import_batches').get() as { file_name: string; sha256: string };
    expect(batch).toEqual({ file_name: 'dtks-text.xlsx', sha256: createHash('sha256').update(readFileSync(join(XLSX, 'dtks-text.xlsx'))).digest('hex') });
    db.close();
    // Lines are the spreadsheet's rows (title, blank row and a two-row header above the data).
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'line,reason,raw,NIK,NO KK,NAMA LENGKAP,TGL LAHIR,KODE KAB,KECAMATAN,DESIL NASIONAL,JENIS KELAMIN,KETERANGAN',
      '9,nik_scientific,,6.4710109037E+15,,Ahmad (NIK as a number),1970-03-09,6471,,4,L,',
      `10,nik_duplicate,,${SITI},,Siti again,,6472,,1,P,`,
    ]);
  });

  it('imports the same workbook again without changes, and --dry-run and --strict write nothing', async () => {
    const dir = tempDir();
    const file = join(XLSX, 'dtks-text.xlsx');
    const dry = await run(dir, 'import', 'dtks', file, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dry_run: true, inserted: 3, batch_id: null });
    const strict = await run(dir, 'import', 'dtks', file, '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('2 row(s) rejected with --strict; nothing was written');
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
    db.close();
    await run(dir, 'import', 'dtks', file);
    const again = await run(dir, 'import', 'dtks', file, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 2 });
  });

  it('asks which sheet when a workbook has several, and reads the one named or numbered', async () => {
    const dir = tempDir();
    const file = join(XLSX, 'two-sheets.xlsx');
    const none = await run(dir, 'import', 'recipients', file);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('two-sheets.xlsx has more than one sheet: 1 "Penerima 2024", 2 "Penerima 2025", 3 "Catatan" (hidden)');
    expect(none.stderr).toContain('--sheet NAME or --sheet NUMBER');
    const missing = await run(dir, 'import', 'recipients', file, '--sheet', 'Penerima 2030');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--sheet Penerima 2030: two-sheets.xlsx has no such sheet');
    const second = await run(dir, 'import', 'recipients', file, '--sheet', 'penerima 2025', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 1 });
    const first = await run(dir, 'import', 'recipients', file, '--sheet', '1', '--json');
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 2 });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nik, tahun, sumber FROM recipients ORDER BY tahun, nik').all()).toEqual([
      { nik: BUDI, tahun: 2024, sumber: 'UEP' }, { nik: SITI, tahun: 2024, sumber: 'UEP' }, { nik: RINA, tahun: 2025, sumber: 'UEP' },
    ]);
    db.close();
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const dir = tempDir();
    const r = await run(dir, 'import', 'dtks', join(XLSX, 'dates-1904.xlsx'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1, warnings: {} });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT tanggal_lahir, kode_kabupaten FROM persons').get()).toEqual({ tanggal_lahir: '1988-12-21', kode_kabupaten: '6474' });
    db.close();
  });

  it('imports applicants from a workbook with a title row and date cells', async () => {
    const dir = tempDir();
    await run(dir, 'import', 'dtks', join(XLSX, 'dtks-text.xlsx'));
    const r = await run(dir, 'applicants', 'import', join(XLSX, 'pendaftar.xlsx'), '--tahun', '2026', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0, warnings: {} });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nik, jenis_usaha, tanggal_daftar, no_hp FROM applications ORDER BY nik').all()).toEqual([
      { nik: BUDI, jenis_usaha: 'bengkel', tanggal_daftar: '2026-02-04', no_hp: null },
      { nik: SITI, jenis_usaha: 'makanan', tanggal_daftar: '2026-02-03', no_hp: '81234567890' },
    ]);
    db.close();
  });

  it('knows a workbook by its bytes, not its name', async () => {
    const dir = tempDir();
    const renamed = join(dir, 'dtks.csv');
    copyFileSync(join(XLSX, 'dtks-text.xlsx'), renamed);
    const r = await run(dir, 'import', 'dtks', renamed, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 3 });
    const csvNamedXlsx = writeFile(dir, 'list.xlsx', ['NIK,TAHUN', `${SITI},2024`]);
    const csv = await run(dir, 'import', 'recipients', csvNamedXlsx, '--json');
    expect(JSON.parse(csv.stdout)).toMatchObject({ inserted: 1 });
  });

  it('explains a damaged workbook, naming the file', async () => {
    const dir = tempDir();
    const broken = writeFile(dir, 'rusak.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 7)]));
    const r = await run(dir, 'import', 'dtks', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rusak.xlsx: is not a readable .xlsx workbook');
    expect(r.stderr).toContain('save it again as .xlsx');
  });

  it('runs from cron as the built binary, in Indonesian by default', () => {
    const dir = tempDir();
    const r = uepBin(['import', 'dtks', join(XLSX, 'dtks-numbers.xlsx'), '--db', join(dir, 'uep.sqlite')], { env: { UEP_LANG: 'id' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('format kolom NIK sebagai Teks');
  });
});

describe('--rejects', () => {
  it('writes rejects as a workbook when the name ends in .xlsx: LibreOffice shows every cell as read, NIKs exact', async () => {
    const dir = tempDir();
    const csv = writeFile(dir, 'dtks.csv', [
      'NIK,NO KK,NAMA LENGKAP,JENIS KELAMIN,TGL LAHIR,ALAMAT,KABUPATEN/KOTA,DESIL NASIONAL,NO HP',
      `${SITI},6472010101200001,Siti Aminah,P,1985-07-05,Jl. Antasari,Kota Samarinda,2,081234567890`,
      `${SITI},6472010101200001,=HYPERLINK("http://x"),P,1985-07-05,Jl. Antasari,Kota Samarinda,2,081234567890`,
      `64720145078500,,Budi,L,01/01/1990,"  spasi ",Kukar,3,`,
    ]);
    const r = await run(dir, 'import', 'dtks', csv, '--rejects', join(dir, 'tolak.xlsx'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, inserted: 1, rejected: 2 });
    expect(statSync(join(dir, 'tolak.xlsx')).mode & 0o777).toBe(0o600);
    const file = join(dir, 'tolak.xlsx');
    const shown = sheetsAsShown([file]).get(file)!;
    expect([...shown.keys()]).toEqual(['rejects']);
    // A cell a spreadsheet would trim keeps its row recoverable in raw; the rest are the cells as they were.
    expect(shown.get('rejects')).toEqual([
      ['line', 'reason', 'raw', 'NIK', 'NO KK', 'NAMA LENGKAP', 'JENIS KELAMIN', 'TGL LAHIR', 'ALAMAT', 'KABUPATEN/KOTA', 'DESIL NASIONAL', 'NO HP'],
      ['4', 'nik_format', JSON.stringify(['64720145078500', '', 'Budi', 'L', '01/01/1990', '  spasi ', 'Kukar', '3', '']), '64720145078500', '', 'Budi', 'L', '01/01/1990', 'spasi', 'Kukar', '3', ''],
      ['3', 'nik_duplicate', '', SITI, '6472010101200001', '=HYPERLINK("http://x")', 'P', '1985-07-05', 'Jl. Antasari', 'Kota Samarinda', '2', '081234567890'],
    ]);
  });
});
