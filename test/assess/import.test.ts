import { describe, expect, it } from 'vitest';
import { answersJson, parseAnswer } from '../../src/assess/answers.js';
import { assessmentsImport } from '../../src/assess/import.js';
import { runImport } from '../../src/import/pipeline.js';
import type { Question } from '../../src/rubric/types.js';
import { nik, writeFile } from '../helpers.js';
import { RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';

const q = (id: string) => RUBRIC.rubric.questions.find((x) => x.id === id)! as Question;
const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);
const ADI = nik('6471', 3, 3, 75, 4);
const IDS = RUBRIC.rubric.questions.map((x) => x.id);
const SITI_CELLS = ['tidak_ada', '3', 'Ya', 'TINGGI', 'gorengan', 'Memasak / mengolah makanan', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];

describe('reading answers from forms', () => {
  it.each<[string, string, unknown]>([
    ['minat_motivasi', 'tinggi', 'tinggi'],
    ['minat_motivasi', '  Sangat Tinggi: sudah punya rencana usaha yang jelas ', 'sangat_tinggi'],
    ['minat_motivasi', 'SANGAT_TINGGI', 'sangat_tinggi'],
    ['anggota_rentan', 'Ya', 'ya'],
    ['anggota_rentan', '0', 'tidak'],
    ['anggota_rentan', 'T', 'tidak'],
    ['jumlah_tanggungan', '4', 4],
    ['pengalaman_usaha', 'gorengan makanan', ['makanan', 'gorengan']],
    ['pengalaman_usaha', 'Ternak Ayam; Bengkel', ['ternak_ayam', 'bengkel']],
    ['pengalaman_usaha', 'bengkel,bengkel', ['bengkel']],
    ['pengalaman_usaha', '', []],
    ['pengalaman_usaha', '-', []],
  ])('%s: %j → %j', (id, raw, value) => {
    expect(parseAnswer(q(id), raw)).toEqual({ ok: true, value });
  });

  it.each<[string, string, string]>([
    ['minat_motivasi', '', 'missing'], ['minat_motivasi', 'luar biasa', 'invalid'], ['anggota_rentan', 'mungkin', 'invalid'],
    ['jumlah_tanggungan', '', 'missing'], ['jumlah_tanggungan', '21', 'invalid'], ['jumlah_tanggungan', '2.5', 'invalid'], ['jumlah_tanggungan', '-1', 'invalid'],
    ['pengalaman_usaha', 'gorengan warung', 'invalid'],
  ])('%s: %j is %s', (id, raw, problem) => {
    expect(parseAnswer(q(id), raw)).toEqual({ ok: false, problem });
  });

  it('stores answers in rubric order, multi values in option order', () => {
    expect(answersJson(RUBRIC.rubric, { kesehatan: 'sehat', pengalaman_usaha: ['gorengan', 'makanan'] })).toBe('{"pengalaman_usaha":["makanan","gorengan"],"kesehatan":"sehat"}');
  });
});

function setup() {
  const t = new TestDb().person({ nik: SITI }).person({ nik: BUDI }).person({ nik: RINA }).person({ nik: ADI });
  const ids = { siti: t.application(SITI, 2026, 'gorengan'), budi: t.application(BUDI, 2026, 'bengkel'), rina: t.application(RINA, 2026, 'makanan') };
  return { t, ids };
}
const header = (extra = '') => `NIK,Petugas,Tanggal Asesmen${extra},${IDS.join(',')}`;
async function importForms(t: TestDb, lines: string[], today = '2026-03-01') {
  return runImport(t.db, writeFile(t.dir, `asesmen-${Math.random().toString(36).slice(2)}.csv`, lines), assessmentsImport(RUBRIC), { tahun: 2026, today });
}

describe('assess import (core)', () => {
  it('stores the answers of each form for the application of the year; the agreed type defaults to the one asked for', async () => {
    const { t, ids } = setup();
    const s = await importForms(t, [
      header(',Usaha Disepakati'),
      `${SITI},Rahmawati,15/02/2026,,${SITI_CELLS.join(',')}`,
      `${BUDI},Agus,2026-02-16,Ternak Ayam,${SITI_CELLS.join(',')}`,
    ]);
    expect(s).toMatchObject({ inserted: 2, rejected: 0, scores_cleared: 0 });
    expect(t.db.prepare(`SELECT application_id, nik, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, rubric_version FROM assessments ORDER BY application_id`).all()).toEqual([
      { application_id: ids.siti, nik: SITI, answers_json: JSON.stringify(SITI_ANSWERS), jenis_usaha_disepakati: 'gorengan', assessor: 'Rahmawati', tanggal: '2026-02-15', source: 'import', rubric_version: '2026.1' },
      { application_id: ids.budi, nik: BUDI, answers_json: JSON.stringify(SITI_ANSWERS), jenis_usaha_disepakati: 'ternak_ayam', assessor: 'Agus', tanggal: '2026-02-16', source: 'import', rubric_version: '2026.1' },
    ]);
    t.close();
  });

  it('rejects: NIK codes, no application, assessed in an interview, assessor, dates, business type, each answer by question', async () => {
    const { t, ids } = setup();
    t.assessment(ids.rina, SITI_ANSWERS, 'makanan', '2026-02-01', 'interview');
    const cells = (i: number, v: string) => SITI_CELLS.map((c, j) => (j === i ? v : c)).join(',');
    const s = await importForms(t, [
      header(',jenis_usaha_disepakati'),
      `6.47201E+15,A,2026-02-01,,${cells(-1, '')}`, // 2
      `${ADI},A,2026-02-01,,${cells(-1, '')}`, // 3 not_registered
      `${RINA},A,2026-02-01,,${cells(-1, '')}`, // 4 already_assessed
      `${SITI},,2026-02-01,,${cells(-1, '')}`, // 5 assessor_missing
      `${SITI},A,,,${cells(-1, '')}`, // 6 tanggal_missing
      `${SITI},A,31-02-2026,,${cells(-1, '')}`, // 7 tanggal_invalid
      `${SITI},A,2026-03-02,,${cells(-1, '')}`, // 8 in the future: tanggal_future
      `${SITI},A,2026-02-01,Warung,${cells(-1, '')}`, // 9 jenis_usaha_invalid
      `${SITI},A,2026-02-01,,${cells(3, '')}`, // 10 minat_motivasi_missing
      `${SITI},A,2026-02-01,,${cells(1, 'tiga')}`, // 11 jumlah_tanggungan_invalid
      `${SITI},A,2026-02-01,,${cells(4, 'warung')}`, // 12 pengalaman_usaha_invalid
      `${SITI},A,2026-02-01,,${cells(-1, '')}`, // 13 ok
      `${SITI},B,2026-02-02,,${cells(-1, '')}`, // 14 nik_duplicate
    ]);
    expect(s.reasons).toEqual({
      nik_scientific: 1, not_registered: 1, already_assessed: 1, assessor_missing: 1, tanggal_missing: 1, tanggal_invalid: 1, tanggal_future: 1, jenis_usaha_invalid: 1,
      minat_motivasi_missing: 1, jumlah_tanggungan_invalid: 1, pengalaman_usaha_invalid: 1, nik_duplicate: 1,
    });
    expect(s.inserted).toBe(1);
    expect(t.db.prepare(`SELECT source FROM assessments WHERE application_id = ?`).pluck().get(ids.rina)).toBe('interview');
    t.close();
  });

  it('every question is a required column', async () => {
    const { t } = setup();
    await expect(importForms(t, ['nik,assessor,tanggal,minat_motivasi', `${SITI},A,2026-02-01,tinggi`]))
      .rejects.toThrow(/missing required columns penghasilan, jumlah_tanggungan, anggota_rentan, pengalaman_usaha/);
    t.close();
  });

  it('idempotent; a corrected form updates the assessment and drops its stale score', async () => {
    const { t, ids } = setup();
    const lines = [header(), `${SITI},A,2026-02-01,${SITI_CELLS.join(',')}`, `${BUDI},A,2026-02-01,${SITI_CELLS.join(',')}`];
    await importForms(t, lines);
    expect(await importForms(t, lines)).toMatchObject({ unchanged: 2, inserted: 0, updated: 0 });
    t.db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at) VALUES (?, 1, '[]', 1, 1, 1, '{}', 'v', 'h', 'x'), (?, 1, '[]', 1, 1, 1, '{}', 'v', 'h', 'x')`).run(ids.siti, ids.budi);
    const corrected = [lines[0]!, `${SITI},A,2026-02-01,${SITI_CELLS.map((c) => (c === 'TINGGI' ? 'rendah' : c)).join(',')}`, lines[2]!];
    expect(await importForms(t, corrected)).toMatchObject({ updated: 1, unchanged: 1, scores_cleared: 1 });
    expect(t.db.prepare(`SELECT application_id FROM scores`).pluck().all()).toEqual([ids.budi]);
    t.close();
  });
});
