/**
 * `uep export allocation --format xlsx` and `uep report monitoring --format xlsx` through the CLI,
 * every workbook opened by LibreOffice (one soffice call per test): the data workbook (a sheet per
 * regency and the summaries), the decree annex (title block, numbered table, totals, signature,
 * A4 with the header row repeated and page numbers), and the unmasked beneficiaries imported back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, JOKO, SITI, smallWorld } from '../export/builders.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { sheetsAsShown } from './soffice.js';
import { inflatedParts } from './zip-parts.js';

const SK = {
  keputusan: 'KEPALA DINAS SOSIAL PROVINSI KALIMANTAN TIMUR',
  nomor: '400.9/017/DINSOS/2025',
  tanggal: '2025-03-10',
  tentang: 'PENERIMA BANTUAN USAHA EKONOMI PRODUKTIF TAHUN 2025',
  tempat: 'Samarinda',
  penandatangan: { jabatan: 'KEPALA DINAS SOSIAL PROVINSI KALIMANTAN TIMUR', nama: 'Dra. Contoh Pejabat, M.Si', pangkat: 'Pembina Utama Muda', nip: '196901011990032001' },
};

function world() {
  const { db, dir, path } = freshDb();
  smallWorld(db);
  db.close();
  const sk = writeFile(dir, 'sk.json', JSON.stringify(SK));
  return { dir, path, sk, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

describe('export allocation --format xlsx', () => {
  it('writes the data workbook and the printable decree annex; LibreOffice shows them cell by cell', async () => {
    const { dir, run } = world();
    const r = await run('export', 'allocation', '--out', 'out', '--format', 'xlsx', '--sk', 'sk.json', '--quiet');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = join(dir, 'out');
    expect(readdirSync(out).sort()).toEqual(['alokasi.xlsx', 'lampiran-sk.xlsx', 'manifest.json']);
    for (const f of readdirSync(out)) expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('xlsx');
    expect(manifest.files.map((f: { name: string; rows: number }) => [f.name, f.rows])).toEqual([['alokasi.xlsx', 4 + 1 + 4 + 39], ['lampiran-sk.xlsx', 4]]);

    const books = sheetsAsShown([join(out, 'alokasi.xlsx'), join(out, 'lampiran-sk.xlsx')]);
    const data = books.get(join(out, 'alokasi.xlsx'))!;
    expect([...data.keys()].sort()).toEqual(['Cadangan Kutai Kartanegara', 'Cadangan Samarinda', 'Penerima Kutai Kartanegara', 'Penerima Samarinda', 'keadilan', 'ringkasan']);
    expect(data.get('Penerima Samarinda')).toEqual([
      ['no', 'peringkat', 'nik', 'nama', 'no_kk', 'alamat', 'kecamatan', 'desa', 'jenis_usaha', 'nilai_paket'],
      ['1', '1', '6472********0001', 'Siti Aminah', '6472********0001', 'Jl. Antasari No. 3; RT 04', 'Samarinda Ulu', 'Air Hitam', 'makanan', 'Rp4,750,000'],
      ['2', '2', '6472********0002', '=HYPERLINK("http://x")', '6472********0002', '-', 'Samarinda Ulu', 'Dadi Mulya', 'bengkel', 'Rp5,000,000'],
    ]);
    expect(data.get('ringkasan')![1]).toEqual(['6402', 'Kutai Kartanegara', 'makanan', '1', 'Rp4,750,000']);

    const annex = books.get(join(out, 'lampiran-sk.xlsx'))!;
    expect([...annex.keys()].sort()).toEqual(['Kutai Kartanegara', 'Samarinda']);
    const page = annex.get('Samarinda')!.map((row) => row.join('|').replace(/\|+$/, ''));
    expect(page.slice(0, 11)).toEqual([
      '||||LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL PROVINSI KALIMANTAN TIMUR',
      '||||NOMOR|: 400.9/017/DINSOS/2025',
      '||||TANGGAL|: 10 Maret 2025',
      '||||TENTANG|: PENERIMA BANTUAN USAHA EKONOMI PRODUKTIF TAHUN 2025',
      '',
      'DAFTAR PENERIMA KOTA SAMARINDA',
      '',
      'No|Nama|NIK|Alamat|Kecamatan|Desa|Jenis Usaha|Nilai (Rp)',
      '1|Siti Aminah|6472********0001|Jl. Antasari No. 3; RT 04|Samarinda Ulu|Air Hitam|makanan|Rp4,750,000',
      '2|=HYPERLINK("http://x")|6472********0002|-|Samarinda Ulu|Dadi Mulya|bengkel|Rp5,000,000',
      'JUMLAH|||||||Rp9,750,000',
    ]);
    expect(page.slice(12).filter(Boolean)).toEqual([
      '|||||Ditetapkan di Samarinda', '|||||pada tanggal 10 Maret 2025', '|||||KEPALA DINAS SOSIAL PROVINSI KALIMANTAN TIMUR,',
      '|||||Dra. Contoh Pejabat, M.Si', '|||||Pembina Utama Muda', '|||||NIP. 196901011990032001',
    ]);
    expect(annex.get('Kutai Kartanegara')!.map((row) => row[6])).toContain('ternak ayam');

    // Printed as the office prints it: A4, the header row on every page, page numbers.
    const parts = await inflatedParts(readFileSync(join(out, 'lampiran-sk.xlsx')));
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter>');
    expect(parts.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Kutai Kartanegara&apos;!$8:$8</definedName>`);
  });

  it('unmasked, the NIKs are exact text cells and the beneficiaries import back as recipients', async () => {
    const { dir, path, run } = world();
    const r = await run('export', 'allocation', '--out', 'full', '--format', 'xlsx', '--sk', 'sk.json', '--no-mask-nik', '--quiet');
    expect(r.code).toBe(0);
    const file = join(dir, 'full', 'alokasi.xlsx');
    const shown = sheetsAsShown([file, join(dir, 'full', 'lampiran-sk.xlsx')]);
    expect(shown.get(file)!.get('Penerima Samarinda')![1]!.slice(2, 5)).toEqual([SITI, 'Siti Aminah', '6472010101200001']);
    expect(shown.get(join(dir, 'full', 'lampiran-sk.xlsx'))!.get('Kutai Kartanegara')![8]![2]).toBe(JOKO);

    const back = await run('import', 'recipients', file, '--sheet', 'Penerima Samarinda', '--tahun', '2025', '--json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    const db = openDb(path);
    expect(db.prepare(`SELECT nik FROM recipients WHERE tahun = 2025 ORDER BY nik`).pluck().all()).toContain(SITI);
    db.close();
  });

  it('the decree comes from --sk and the flags; a missing or unfilled decree stops before anything is written', async () => {
    const { dir, run } = world();
    const missing = await run('export', 'allocation', '--out', 'a', '--format', 'xlsx', '--sk', 'nope.json');
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('nope.json')]);
    writeFile(dir, 'contoh.json', readFileSync(new URL('../../data/sk.example.json', import.meta.url)));
    const example = await run('export', 'allocation', '--out', 'b', '--format', 'xlsx', '--sk', 'contoh.json');
    expect([example.code, example.stderr.split('\n')[0]]).toEqual([1, expect.stringMatching(/lacks a value for: nomor, tanggal, tentang, penandatangan\.nama, penandatangan\.nip$/)]);
    const partly = await run('export', 'allocation', '--out', 'c', '--format', 'xlsx', '--sk', 'sk.json', '--sk-nomor', '400.9/099/DINSOS/2025', '--sk-tanggal', '31-03-2025', '--quiet');
    expect(partly.code).toBe(0);
    const page = sheetsAsShown([join(dir, 'c', 'lampiran-sk.xlsx')]).get(join(dir, 'c', 'lampiran-sk.xlsx'))!.get('Samarinda')!;
    expect(page[1]![5]).toBe(': 400.9/099/DINSOS/2025');
    expect(page[2]![5]).toBe(': 31 Maret 2025');
    const id = await uep(['export', 'allocation', '--out', 'd', '--format', 'xlsx', '--sk', 'contoh.json', '--db', join(dir, 'uep.sqlite')], { cwd: dir, env: { UEP_LANG: 'id' } });
    expect(id.stderr).toMatch(/belum berisi nilai untuk: nomor/);
    expect(readdirSync(dir).filter((n) => ['a', 'b', 'd'].includes(n))).toEqual([]);
  });
});
