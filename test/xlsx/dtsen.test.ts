import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KodeEvidence } from '../../src/regions/kode-evidence.js';
import { FIXTURES, nik, openDb, tempDir, uep, writeFile } from '../helpers.js';

const HEADER = 'nomor_induk_kependudukan;nomor_kartu_keluarga;nama;jenis_kelamin;tanggal_lahir;status_hubungan_keluarga;kode_provinsi;kode_kabupaten_kota;alamat_ktp;desil_nasional;desil_provinsi;desil_kabupaten_kota;kepemilikan_usaha';

async function run(dir: string, ...args: string[]) {
  return uep([...args, '--db', join(dir, 'uep.sqlite')], { cwd: dir });
}

describe('DTSEN extracts', () => {
  it('joins the family and member sheets of a hand-over workbook by KK, with BPS codes recognised by a code only BPS has', async () => {
    const dir = tempDir();
    const r = await run(dir, 'import', 'dtks', join(FIXTURES, 'xlsx', 'dtsen.xlsx'), '--rejects', join(dir, 'rejects.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      read: 4, inserted: 3, rejected: 1, reasons: { region_unknown: 1 }, first_rejects: [{ line: 5, reason: 'region_unknown' }],
      kode: 'bps', kode_evidence: 'one_system_codes',
    });
    const db = openDb(join(dir, 'uep.sqlite'));
    const rows = db.prepare(`SELECT nik, nama, jenis_kelamin, hubungan_keluarga, kode_kabupaten, alamat, desil, desil_provinsi, desil_kabupaten_kota, extra_json
      FROM persons ORDER BY nik`).all() as Record<string, unknown>[];
    // BPS 6403 is Kutai Kartanegara (Kemendagri 6402); BPS 6405 is Berau (Kemendagri 6403).
    expect(rows.map((p) => [p.nama, p.jenis_kelamin, p.hubungan_keluarga, p.kode_kabupaten, p.desil, p.desil_provinsi, p.desil_kabupaten_kota])).toEqual([
      ['Hasan Basri', 'L', 'kepala_keluarga', '6402', 1, 1, 2],
      ['Yohanes Lahang', 'L', 'kepala_keluarga', '6403', 2, 3, 4],
      ['Maria Lahang', 'P', 'pasangan', '6403', 2, 3, 4],
    ]);
    expect(rows[2]).toMatchObject({ alamat: 'Jl. Pemuda No. 1, Tanjung Redeb' });
    expect(JSON.parse(rows[2]!.extra_json as string)).toMatchObject({ disabilitas_penglihatan: '1. Ya', kepemilikan_usaha: '1. Ya', omzet_usaha_utama: '1500000' });
    db.close();
    expect(r.stderr).toContain('regency codes read as bps codes: the file has codes that exist only in that system');
  });

  it('reads coded values and decides the code system of a CSV extract by its NIKs, or asks for --kode', async () => {
    const dir = tempDir();
    const kukar = (d: number, s: number) => nik('6402', d, 1, 80, s);
    // Kemendagri coding: 6402 with Kukar NIKs.
    const kemendagri = writeFile(dir, 'dtsen-k.csv', [HEADER,
      `${kukar(1, 1)};6402010101200001;Ani;2. Perempuan;01-01-1980;1. Kepala Keluarga;64;02;Jl. A;1;2;3;1. Ya`,
      `${kukar(2, 2)};6402010101200002;Badu;1. Laki-laki;02-01-1980;3. Anak;64;2;Jl. B;2;;;2. Tidak`,
    ]);
    const k = await run(dir, 'import', 'dtks', kemendagri, '--json');
    expect(JSON.parse(k.stdout)).toMatchObject({ inserted: 2, kode: 'kemendagri', kode_evidence: 'nik', warnings: { sex_mismatch: 1 } });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nama, jenis_kelamin, hubungan_keluarga, kode_kabupaten, desil_provinsi FROM persons ORDER BY nama').all()).toEqual([
      { nama: 'Ani', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', kode_kabupaten: '6402', desil_provinsi: 2 },
      { nama: 'Badu', jenis_kelamin: 'L', hubungan_keluarga: 'anak', kode_kabupaten: '6402', desil_provinsi: null },
    ]);
    db.close();
    // Codes 6402/6403 whose NIKs point both ways: no evidence, so no guess.
    const unclear = writeFile(dir, 'dtsen-u.csv', [HEADER,
      `${nik('6402', 3, 1, 80, 3)};;Citra;P;;;64;6402;;1;;;`,
      `${nik('6407', 4, 1, 80, 4)};;Dodi;L;;;64;6402;;1;;;`,
    ]);
    const u = await run(dir, 'import', 'dtks', unclear);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('dtsen-u.csv: its kode_kabupaten_kota codes 6402/6403 mean different regencies in BPS and Kemendagri coding');
    expect(u.stderr).toContain('--kode bps or --kode kemendagri');
    const told = await run(dir, 'import', 'dtks', unclear, '--kode', 'bps', '--json');
    expect(JSON.parse(told.stdout)).toMatchObject({ inserted: 2 });
    expect(JSON.parse(told.stdout).kode).toBeUndefined();
  });

  it('weighs the evidence: one-system codes, NIK agreement, contradictions', () => {
    const decide = (rows: [string, string][]) => {
      const e = new KodeEvidence();
      for (const [code, n] of rows) e.add(code, n);
      return e.decide();
    };
    expect(decide([['6472', nik('6472', 1, 1, 80, 1)]])).toEqual({ system: 'kemendagri', evidence: 'no_difference' });
    expect(decide([['6404', '']])).toEqual({ system: 'bps', evidence: 'one_system_codes' });
    expect(decide([['6408', '']])).toEqual({ system: 'kemendagri', evidence: 'one_system_codes' });
    expect(decide([['6404', ''], ['6408', '']])).toEqual({ system: undefined, evidence: 'both_systems' });
    // BPS 6403 is Kukar: NIKs issued in Kukar (Kemendagri 6402) make it BPS.
    expect(decide([['6403', nik('6402', 1, 1, 80, 1)], ['6403', nik('6402', 2, 1, 80, 2)], ['6402', nik('6407', 3, 1, 80, 3)]])).toEqual({ system: 'bps', evidence: 'nik' });
    expect(decide([['6403', nik('6402', 1, 1, 80, 1)], ['6403', nik('6403', 2, 1, 80, 2)]])).toEqual({ system: undefined, evidence: 'nik_unclear' });
  });
});
