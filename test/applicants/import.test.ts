import { describe, expect, it } from 'vitest';
import { APPLICANTS_IMPORT } from '../../src/applicants/import.js';
import { parseJenisUsaha } from '../../src/applicants/jenis-usaha.js';
import { listApplicants } from '../../src/applicants/list.js';
import { RECIPIENTS_IMPORT } from '../../src/applicants/recipients.js';
import { runImport } from '../../src/import/pipeline.js';
import { nik, writeFile } from '../helpers.js';
import { SITI_ANSWERS, TestDb } from '../score/builders.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);
const GONE = nik('6401', 2, 2, 80, 4);
const STRANGER = nik('6471', 9, 9, 99, 5);

function people(): TestDb {
  return new TestDb().person({ nik: SITI, nama: 'Siti' }).person({ nik: BUDI, kode_kabupaten: '6402' })
    .person({ nik: RINA, kode_kabupaten: '6403' }).person({ nik: GONE, in_dtks: 0 });
}

async function importApplicants(t: TestDb, lines: string[], tahun = 2026, extra: Record<string, unknown> = {}) {
  const file = writeFile(t.dir, `pendaftar-${Math.random().toString(36).slice(2)}.csv`, lines);
  return runImport(t.db, file, APPLICANTS_IMPORT, { tahun, ...extra });
}

describe('jenis usaha spellings', () => {
  it.each([['Ternak Ayam', 'ternak_ayam'], ['PENGOLAHAN KUE', 'pengolahan_kue'], ['pengolahan_kue', 'pengolahan_kue'], [' gorengan ', 'gorengan'],
    ['Bengkel Motor', 'bengkel'], ['Warung Kopi', undefined], ['', undefined]])('%s → %s', (raw, code) => {
    expect(parseJenisUsaha(raw)).toBe(code);
  });
});

describe('applicants import (core)', () => {
  it('stores registrations of the year; labels, header spellings, dates and phone numbers tolerated', async () => {
    const t = people();
    const s = await importApplicants(t, [
      'NIK;Nama;JENIS USAHA;Tgl Daftar;No. HP;Keterangan;Dusun',
      `${SITI};Siti;Ternak Ayam;05/01/2026;0812-3456 789;usulan desa;Sukamaju`,
      `'${BUDI};Budi;bengkel;2026-01-06;;;`,
      `${RINA};Rina;PENGOLAHAN KUE;;;;`,
    ]);
    expect(s).toMatchObject({ read: 3, inserted: 3, rejected: 0, warnings: { tanggal_daftar_missing: 1 } });
    const rows = t.db.prepare(`SELECT nik, tahun, jenis_usaha, tanggal_daftar, no_hp, keterangan, extra_json, warnings FROM applications ORDER BY nik`).all();
    expect(rows).toEqual([
      { nik: BUDI, tahun: 2026, jenis_usaha: 'bengkel', tanggal_daftar: '2026-01-06', no_hp: null, keterangan: null, extra_json: null, warnings: null },
      { nik: RINA, tahun: 2026, jenis_usaha: 'pengolahan_kue', tanggal_daftar: null, no_hp: null, keterangan: null, extra_json: null, warnings: '["tanggal_daftar_missing"]' },
      { nik: SITI, tahun: 2026, jenis_usaha: 'ternak_ayam', tanggal_daftar: '2026-01-05', no_hp: '08123456789', keterangan: 'usulan desa', extra_json: '{"dusun":"Sukamaju"}', warnings: null },
    ]);
    t.close();
  });

  it('rejects with a reason code: not in DTKS (absent or departed), business type, already registered, NIK codes', async () => {
    const t = people();
    await importApplicants(t, ['nik,jenis_usaha,tanggal_daftar', `${BUDI},bengkel,2026-01-02`]);
    const s = await importApplicants(t, [
      'nik,jenis_usaha,tanggal_daftar',
      `${STRANGER},makanan,2026-01-03`, // 2
      `${GONE},makanan,2026-01-03`, // 3
      `${SITI},Warung Kopi,2026-01-03`, // 4
      `${RINA},,2026-01-03`, // 5
      `${SITI},gorengan,2026-01-03`, // 6
      `${SITI},makanan,2026-01-04`, // 7: second registration of Siti in the file
      `${BUDI},makanan,2026-01-02`, // 8: Budi is registered for bengkel this year
      '6.47201E+15,makanan,2026-01-03', // 9
      '647201450785000,makanan,2026-01-03', // 10
      ',makanan,2026-01-03', // 11
      '6472010113850001,makanan,2026-01-03', // 12: month 13
    ]);
    expect(s).toMatchObject({ read: 11, inserted: 1, rejected: 10 });
    expect(s.reasons).toEqual({
      not_in_dtks: 2, jenis_usaha_invalid: 2, already_registered: 2, nik_scientific: 1, nik_format: 1, nik_missing: 1, nik_date: 1,
    });
    expect(s.first_rejects.slice(0, 3)).toEqual([{ line: 2, reason: 'not_in_dtks' }, { line: 3, reason: 'not_in_dtks' }, { line: 4, reason: 'jenis_usaha_invalid' }]);
    expect(t.db.prepare(`SELECT jenis_usaha FROM applications WHERE nik = ?`).pluck().all(BUDI)).toEqual(['bengkel']);
    t.close();
  });

  it('is idempotent: the same file again changes nothing; a year scopes registrations', async () => {
    const t = people();
    const lines = ['nik,jenis_usaha,tanggal_daftar,no_hp', `${SITI},gorengan,2026-01-03,0812`, `${BUDI},bengkel,2026-01-04,`];
    await importApplicants(t, lines);
    const again = await importApplicants(t, lines);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    // A file without the no_hp column does not erase stored numbers, and is still "the same".
    const narrower = await importApplicants(t, ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-03`]);
    expect(narrower).toMatchObject({ unchanged: 1, rejected: 0 });
    expect(t.db.prepare(`SELECT no_hp FROM applications WHERE nik = ?`).pluck().get(SITI)).toBe('0812');
    const nextYear = await importApplicants(t, lines, 2027);
    expect(nextYear).toMatchObject({ inserted: 2 });
    expect(t.db.prepare(`SELECT tahun, count(*) AS n FROM applications GROUP BY tahun`).all()).toEqual([{ tahun: 2026, n: 2 }, { tahun: 2027, n: 2 }]);
    t.close();
  });

  it('needs nik, jenis_usaha and tanggal_daftar columns; a dry run writes nothing', async () => {
    const t = people();
    await expect(importApplicants(t, ['nik,usaha_lain', `${SITI},x`])).rejects.toThrow(/missing required columns jenis_usaha, tanggal_daftar/);
    const dry = await importApplicants(t, ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-03`], 2026, { dryRun: true });
    expect(dry).toMatchObject({ inserted: 1, dry_run: true, batch_id: null });
    expect(t.db.prepare(`SELECT count(*) FROM applications`).pluck().get()).toBe(0);
    t.close();
  });
});

describe('applicants list (core)', () => {
  it('status from assessments and scores; filters by regency and status, in registration order', async () => {
    const t = people();
    const s = t.application(SITI, 2026, 'gorengan', '2026-01-03');
    const b = t.application(BUDI, 2026, 'bengkel', '2026-01-01');
    const r = t.application(RINA, 2026, 'makanan', '2026-01-02');
    t.application(SITI, 2025);
    t.assessment(s, SITI_ANSWERS).assessment(b, SITI_ANSWERS).assessment(r, SITI_ANSWERS);
    t.db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at) VALUES (?, 1, '[]', 50, 80, 65, '{}', 'v', 'h', 'x'), (?, 0, '["desil_above_max"]', 10, 80, 45, '{}', 'v', 'h', 'x')`).run(s, r);
    const all = listApplicants(t.db, { tahun: 2026 });
    expect(all.map((x) => [x.nik, x.status])).toEqual([[BUDI, 'assessed'], [RINA, 'ineligible'], [SITI, 'eligible']]);
    expect(all[2]).toMatchObject({ nama: 'Siti', kabupaten: 'Samarinda', total_score: 65, jenis_usaha_disepakati: 'gorengan' });
    expect(listApplicants(t.db, { tahun: 2026, kabupaten: '6402' }).map((x) => x.nik)).toEqual([BUDI]);
    expect(listApplicants(t.db, { tahun: 2026, status: 'eligible' }).map((x) => x.nik)).toEqual([SITI]);
    expect(listApplicants(t.db, { tahun: 2025 }).map((x) => x.status)).toEqual(['registered']);
    t.close();
  });
});

describe('recipients import (core)', () => {
  it('a tahun column or --tahun; NIKs need not be in DTKS; re-import is unchanged', async () => {
    const t = people();
    const file = writeFile(t.dir, 'penerima.csv', ['NIK,Nama,Tahun,Program', `${SITI},Siti,2024,UEP APBD`, `${STRANGER},X,,`, `${BUDI},B,20x4,`]);
    const s = await runImport(t.db, file, RECIPIENTS_IMPORT, { tahun: 2023 });
    expect(s).toMatchObject({ inserted: 2, rejected: 1, reasons: { tahun_invalid: 1 } });
    expect(t.db.prepare(`SELECT nik, tahun, sumber FROM recipients ORDER BY tahun`).all()).toEqual([
      { nik: STRANGER, tahun: 2023, sumber: null }, { nik: SITI, tahun: 2024, sumber: 'UEP APBD' },
    ]);
    expect(await runImport(t.db, file, RECIPIENTS_IMPORT, { tahun: 2023 })).toMatchObject({ unchanged: 2, inserted: 0 });
    const noYear = writeFile(t.dir, 'tanpa-tahun.csv', ['nik', SITI]);
    await expect(runImport(t.db, noYear, RECIPIENTS_IMPORT, {})).rejects.toThrow('tanpa-tahun.csv has no tahun column: give the year of the list with --tahun <year>');
    t.close();
  });
});
