/** Small builders for scoring tests: rows written straight into a temp database. */
import { join } from 'node:path';
import { answersJson } from '../../src/assess/answers.js';
import type { Db } from '../../src/db/open.js';
import { loadRubric } from '../../src/rubric/load.js';
import type { Answers } from '../../src/score/types.js';
import { openDb, tempDir } from '../helpers.js';

export const RUBRIC = loadRubric();

/** Answers that give Siti of docs/rubric.md a fit of 91 for gorengan. */
export const SITI_ANSWERS: Answers = {
  penghasilan: 'tidak_ada', jumlah_tanggungan: 3, anggota_rentan: 'ya', minat_motivasi: 'tinggi', pengalaman_usaha: ['gorengan'],
  keterampilan: ['memasak'], tempat_usaha: ['tempat_jualan'], peralatan: ['alat_masak'], pasar_sekitar: 'ada',
  dukungan_keluarga: 'penuh', kesehatan: 'sehat',
};

/** Weak answers: fit 23 for bengkel (requirement unmet), need from income only. */
export const BUDI_ANSWERS: Answers = {
  penghasilan: 'tidak_tetap', jumlah_tanggungan: 0, anggota_rentan: 'tidak', minat_motivasi: 'sedang', pengalaman_usaha: [],
  keterampilan: ['memasak'], tempat_usaha: ['tempat_jualan'], peralatan: [], pasar_sekitar: 'sepi',
  dukungan_keluarga: 'sebagian', kesehatan: 'cukup',
};

export interface PersonSpec {
  nik: string;
  nama?: string;
  no_kk?: string | null;
  jenis_kelamin?: 'L' | 'P';
  tanggal_lahir?: string | null;
  kode_kabupaten?: string;
  desil?: number | null;
  hubungan_keluarga?: string | null;
  status_pkh?: number | null;
  in_dtks?: 0 | 1;
  desa?: string | null;
}

export class TestDb {
  readonly dir = tempDir();
  readonly path = join(this.dir, 'uep.sqlite');
  readonly db: Db = openDb(this.path);
  private readonly batch = Number(this.db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES ('dtks', 't', 't', '2026-01-01')`).run().lastInsertRowid);

  person(p: PersonSpec): this {
    this.db.prepare(`INSERT INTO persons (nik, no_kk, nama, jenis_kelamin, tanggal_lahir, kode_kabupaten, desa, desil, hubungan_keluarga, status_pkh, in_dtks, first_batch_id, changed_batch_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(p.nik, p.no_kk ?? null, p.nama ?? 'Nama', p.jenis_kelamin ?? 'L', p.tanggal_lahir === undefined ? '1985-07-05' : p.tanggal_lahir,
      p.kode_kabupaten ?? '6472', p.desa ?? null, p.desil === undefined ? 2 : p.desil, p.hubungan_keluarga ?? 'anak', p.status_pkh ?? null, p.in_dtks ?? 1, this.batch, this.batch);
    return this;
  }

  application(nik: string, tahun: number, jenis = 'gorengan', tanggal = `${tahun}-01-10`): number {
    return Number(this.db.prepare(`INSERT INTO applications (nik, tahun, jenis_usaha, tanggal_daftar) VALUES (?, ?, ?, ?)`).run(nik, tahun, jenis, tanggal).lastInsertRowid);
  }

  assessment(applicationId: number, answers: Answers, jenis = 'gorengan', tanggal = '2026-02-01', source: 'interview' | 'import' = 'import'): this {
    const nik = this.db.prepare(`SELECT nik FROM applications WHERE id = ?`).pluck().get(applicationId);
    this.db.prepare(`INSERT INTO assessments (application_id, nik, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, created_at)
      VALUES (?, ?, ?, ?, 'Petugas', ?, ?, '2026-02-01T00:00:00Z')`).run(applicationId, nik, answersJson(RUBRIC.rubric, answers), jenis, tanggal, source);
    return this;
  }

  pkh(nik: string, o: { no_kk?: string | null; aktif?: number; lansia?: number; disabilitas?: number } = {}): this {
    this.db.prepare(`INSERT INTO pkh_members (nik, no_kk, aktif, lansia, disabilitas, first_batch_id, changed_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(nik, o.no_kk ?? null, o.aktif ?? 1, o.lansia ?? 0, o.disabilitas ?? 0, this.batch, this.batch);
    return this;
  }

  recipient(nik: string, tahun: number): this {
    this.db.prepare(`INSERT INTO recipients (nik, tahun, sumber) VALUES (?, ?, 'test')`).run(nik, tahun);
    return this;
  }

  /** An allocation run of `tahun` with these outcomes (application id → outcome). */
  allocationRun(tahun: number, status: 'draft' | 'final', results: [number, string][]): this {
    const run = Number(this.db.prepare(`INSERT INTO allocation_runs (tahun, status, params_json, seed, inputs_sha256, created_at) VALUES (?, ?, '{}', 's', 'h', '2025-06-01')`)
      .run(tahun, status).lastInsertRowid);
    for (const [applicationId, outcome] of results) {
      const nik = this.db.prepare(`SELECT nik FROM applications WHERE id = ?`).pluck().get(applicationId);
      this.db.prepare(`INSERT INTO allocation_results (run_id, application_id, nik, kode_kabupaten, rank, outcome, jenis_usaha, total_score) VALUES (?, ?, ?, '6472', 1, ?, 'gorengan', 80)`)
        .run(run, applicationId, nik, outcome);
    }
    return this;
  }

  close(): void {
    this.db.close();
  }
}
