/**
 * Small builders for export, monitoring and report tests: rows INSERTed directly into a fresh
 * database (the columns this work reads, plus whatever NOT NULL columns the tables demand).
 */
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/db/open.js';
import { nik, tempDir } from '../helpers.js';

export function freshDb(dir = tempDir()): { db: Db; dir: string; path: string } {
  const path = join(dir, 'uep.sqlite');
  return { db: openDatabase(path), dir, path };
}

export function batch(db: Db, kind = 'dtks'): number {
  return Number(db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES (?, 'test.csv', 'x', '2025-01-01T00:00:00Z')`)
    .run(kind).lastInsertRowid);
}

export interface PersonSpec {
  nik: string;
  nama: string;
  no_kk?: string | null;
  jenis_kelamin?: 'L' | 'P';
  alamat?: string | null;
  kode_kabupaten: string;
  kecamatan?: string | null;
  kode_kecamatan?: string | null;
  desa?: string | null;
  desil?: number | null;
}

export function person(db: Db, p: PersonSpec, batchId = batch(db)): void {
  db.prepare(`INSERT INTO persons (nik, no_kk, nama, jenis_kelamin, alamat, kode_kabupaten, kecamatan, kode_kecamatan, desa, desil, first_batch_id, changed_batch_id)
    VALUES (@nik, @no_kk, @nama, @jenis_kelamin, @alamat, @kode_kabupaten, @kecamatan, @kode_kecamatan, @desa, @desil, @b, @b)`).run({
    no_kk: null, jenis_kelamin: null, alamat: null, kecamatan: null, kode_kecamatan: null, desa: null, desil: null, ...p, b: batchId,
  });
}

export function pkhMember(db: Db, memberNik: string, aktif = true): void {
  const b = batch(db, 'pkh');
  db.prepare(`INSERT INTO pkh_members (nik, aktif, first_batch_id, changed_batch_id) VALUES (?, ?, ?, ?)`).run(memberNik, aktif ? 1 : 0, b, b);
}

export function application(db: Db, applicantNik: string, tahun: number, jenisUsaha: string): number {
  return Number(db.prepare(`INSERT INTO applications (nik, tahun, jenis_usaha, tanggal_daftar) VALUES (?, ?, ?, '2025-01-10')`)
    .run(applicantNik, tahun, jenisUsaha).lastInsertRowid);
}

export function allocationRun(db: Db, spec: { tahun: number; status?: 'draft' | 'final'; finalizedAt?: string; params?: unknown }): number {
  const status = spec.status ?? 'final';
  return Number(db.prepare(`INSERT INTO allocation_runs (tahun, status, params_json, seed, inputs_sha256, created_at, finalized_at)
    VALUES (?, ?, ?, ?, 'hash', '2025-02-01T04:00:00.000Z', ?)`).run(
    spec.tahun, status, JSON.stringify(spec.params ?? { tahun: spec.tahun, slots: 4, method: 'equal' }), String(spec.tahun),
    status === 'final' ? spec.finalizedAt ?? '2025-03-01T12:00:00.000Z' : null,
  ).lastInsertRowid);
}

export type Outcome = 'selected' | 'waitlist' | 'not_selected' | 'skipped' | 'replaced';

export function result(db: Db, runId: number, r: { application_id: number; nik: string; kode_kabupaten: string; rank: number; outcome: Outcome; jenis_usaha: string; package_value?: number | null }): void {
  db.prepare(`INSERT INTO allocation_results (run_id, application_id, nik, kode_kabupaten, rank, outcome, reason, jenis_usaha, package_value, total_score)
    VALUES (@run, @application_id, @nik, @kode_kabupaten, @rank, @outcome, 'test', @jenis_usaha, @package_value, 50)`).run({ package_value: null, ...r, run: runId });
}

/** One applicant end to end: person, application and result. Returns the application id. */
export function applicant(db: Db, runId: number, p: PersonSpec & { rank: number; outcome: Outcome; jenis_usaha: string; package_value?: number }): number {
  const { rank, outcome, jenis_usaha, package_value, ...spec } = p;
  person(db, spec);
  const tahun = db.prepare(`SELECT tahun FROM allocation_runs WHERE id = ?`).pluck().get(runId) as number;
  const id = application(db, p.nik, tahun, jenis_usaha);
  result(db, runId, { application_id: id, nik: p.nik, kode_kabupaten: p.kode_kabupaten, rank, outcome, jenis_usaha, package_value: outcome === 'selected' || outcome === 'waitlist' ? package_value ?? 4750000 : null });
  return id;
}

export const SITI = nik('6472', 5, 7, 85, 1, true);
export const BUDI = nik('6472', 1, 1, 90, 2);
export const RINA = nik('6472', 17, 8, 92, 3, true);
export const JOKO = nik('6402', 2, 2, 80, 4);
export const DEWI = nik('6402', 9, 9, 88, 5, true);
export const ANTO = nik('6402', 3, 3, 75, 6);

/**
 * A small final run of 2025: Samarinda (6472) selects Siti and Budi, waitlists Rina; Kutai
 * Kartanegara (6402) selects Joko and Dewi, Anto is not selected. Siti's KK is a PKH family.
 */
export function smallWorld(db: Db): { runId: number; apps: Record<string, number> } {
  const runId = allocationRun(db, { tahun: 2025, params: { tahun: 2025, slots: 4, method: 'equal', seed: '2025' } });
  const kec = (kab: string, kode: string, nama: string, desa: string) => ({ kode_kabupaten: kab, kode_kecamatan: kode, kecamatan: nama, desa });
  const apps: Record<string, number> = {};
  apps.siti = applicant(db, runId, { nik: SITI, nama: 'Siti Aminah', no_kk: '6472010101200001', jenis_kelamin: 'P', alamat: 'Jl. Antasari No. 3; RT 04', desil: 1,
    ...kec('6472', '647203', 'Samarinda Ulu', 'Air Hitam'), rank: 1, outcome: 'selected', jenis_usaha: 'makanan', package_value: 4750000 });
  apps.budi = applicant(db, runId, { nik: BUDI, nama: '=HYPERLINK("http://x")', no_kk: '6472010101200002', jenis_kelamin: 'L', alamat: '-', desil: 2,
    ...kec('6472', '647203', 'Samarinda Ulu', 'Dadi Mulya'), rank: 2, outcome: 'selected', jenis_usaha: 'bengkel', package_value: 5000000 });
  apps.rina = applicant(db, runId, { nik: RINA, nama: 'Rina', no_kk: null, jenis_kelamin: 'P', alamat: null, desil: null,
    ...kec('6472', '647206', 'Sungai Kunjang', 'Loa Bakung'), rank: 3, outcome: 'waitlist', jenis_usaha: 'gorengan', package_value: 4500000 });
  apps.joko = applicant(db, runId, { nik: JOKO, nama: 'Joko', no_kk: '6402010101200004', jenis_kelamin: 'L', alamat: 'Jl. Loa Janan', desil: 1,
    ...kec('6402', '640203', 'Loa Janan', 'Bakungan'), rank: 1, outcome: 'selected', jenis_usaha: 'makanan', package_value: 4750000 });
  apps.dewi = applicant(db, runId, { nik: DEWI, nama: 'Dewi', no_kk: '6402010101200005', jenis_kelamin: 'P', alamat: 'Jl. Purwajaya', desil: 3,
    ...kec('6402', '640203', 'Loa Janan', 'Purwajaya'), rank: 2, outcome: 'selected', jenis_usaha: 'ternak_ayam', package_value: 5000000 });
  apps.anto = applicant(db, runId, { nik: ANTO, nama: 'Anto', no_kk: '6402010101200006', jenis_kelamin: 'L', alamat: null, desil: 4,
    ...kec('6402', '640206', 'Tenggarong', 'Loa Ipuh'), rank: 3, outcome: 'not_selected', jenis_usaha: 'minuman' });
  pkhMember(db, SITI);
  return { runId, apps };
}
