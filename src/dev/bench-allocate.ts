/**
 * Allocation benchmark (wired into `npm run bench`): a database with 200k eligible, scored
 * applicants spread over the ten regencies by population (families of 1–3 on a KK, ties in
 * scores, a third of the families in PKH, each score with its facts and points as `uep score` stores
 * them), then one timed `uep allocate` core run: load the pool, plan, store.
 * BENCH_APPLICANTS changes the pool size.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { allocate } from '../allocate/run.js';
import { openDatabase, type Db } from '../db/open.js';
import { readReferenceCsv } from '../regions/reference.js';
import { kabupatenFromName } from '../regions/resolve.js';
import { Random } from '../sample/random.js';

const JENIS = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'];

/** Fills a database with `applicants` eligible, scored applicants of 2026 (also the start of the report benchmark). */
export function fillAllocateBench(db: Db, applicants: number): void {
  const population = readReferenceCsv('regions/population_2024.csv');
  const kodes = population.map((r) => kabupatenFromName(r.region!)!.kode);
  const weights = population.map((r) => Number(r.weight));
  const rng = new Random(2026);
  db.transaction(() => {
    const batch = db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES ('dtks', 'bench', 'bench', '2026-01-01')`).run().lastInsertRowid;
    const person = db.prepare(`INSERT INTO persons (nik, no_kk, nama, jenis_kelamin, kode_kabupaten, desil, in_dtks, first_batch_id, changed_batch_id)
      VALUES (?, ?, 'Bench', ?, ?, ?, 1, ?, ?)`);
    const pkh = db.prepare(`INSERT INTO pkh_members (nik, no_kk, aktif, first_batch_id, changed_batch_id) VALUES (?, ?, 1, ?, ?)`);
    const application = db.prepare(`INSERT INTO applications (id, nik, tahun, jenis_usaha, tanggal_daftar) VALUES (?, ?, 2026, ?, ?)`);
    const score = db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at,
      kode_kabupaten, desil, pkh_aktif) VALUES (?, 1, '[]', ?, ?, ?, ?, 'bench', 'bench', '2026-03-01', ?, ?, ?)`);
    // The shape and size of a real breakdown (src/score/breakdown.ts), the facts also in their columns.
    const breakdown = (jenis: string, kode: string, desil: number, pkh: boolean) => `{"jenis_usaha":"${jenis}","facts":{"in_dtks":true,`
      + `"kode_kabupaten":"${kode}","age":41,"desil":${desil},"pkh_aktif":${pkh},"wrse":false,"rentan_pkh":false,"earlier_recipient":null,`
      + `"applications":1},"need":{"desil":22.5,"pkh_aktif":${pkh ? 15 : 0},"wrse":0,"tanggungan":11.25,"disabilitas_lansia":10,`
      + `"tanpa_penghasilan":15},"fit":{"minat":15,"pengalaman":15,"keterampilan":15,"tempat":10,"pasar":6,"peralatan":10,"dukungan":10,`
      + `"kesehatan":10},"unmet":[],"fit_uncapped":91}`;
    let family = 0;
    let left = 0;
    let kode = kodes[0]!;
    let familyPkh = false;
    let pkhRowWritten = false;
    for (let i = 0; i < applicants; i++) {
      if (left === 0) {
        family += 1;
        left = rng.int(1, 3);
        kode = rng.weighted(kodes, weights);
        familyPkh = rng.chance(0.3);
        pkhRowWritten = false;
      }
      left -= 1;
      const jk = rng.chance(0.5) ? 'P' : 'L';
      // Unique for i below 12 million: month, year and serial carry i; the day carries the sex.
      const day = String(rng.int(1, 28) + (jk === 'P' ? 40 : 0)).padStart(2, '0');
      const nik = `${kode}01${day}${String((i % 12) + 1).padStart(2, '0')}${String(Math.floor(i / 12) % 100).padStart(2, '0')}${String(Math.floor(i / 1200)).padStart(4, '0')}`;
      const kk = `${kode}${String(family).padStart(12, '0')}`;
      const desil = rng.int(1, 4);
      person.run(nik, kk, jk, kode, desil, batch, batch);
      // One PKH row per PKH family (its first member): the others are in PKH through the family card.
      if (familyPkh && !pkhRowWritten) {
        pkh.run(nik, kk, batch, batch);
        pkhRowWritten = true;
      }
      const jenis = rng.pick(JENIS);
      application.run(i + 1, nik, jenis, `2026-0${rng.int(1, 3)}-${String(rng.int(10, 28))}`);
      const need = rng.int(0, 600) / 10;
      const fit = rng.int(0, 400) / 10;
      score.run(i + 1, need, fit, Math.round((need + fit) * 10) / 10, breakdown(jenis, kode, desil, familyPkh), kode, desil, familyPkh ? 1 : 0);
    }
  })();
}

export async function benchAllocate(workDir: string): Promise<{ applicants: number; seconds: number }> {
  const applicants = Number(process.env.BENCH_APPLICANTS ?? 200_000);
  const path = join(workDir, 'allocate-bench.sqlite');
  const clean = () => { for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true }); };
  clean();
  const db = openDatabase(path);
  try {
    fillAllocateBench(db, applicants);
    const started = performance.now();
    const r = await allocate(db, { tahun: 2026, slots: 1500 });
    const seconds = (performance.now() - started) / 1000;
    if (r.plan.totals.selected !== 1500) throw new Error(`bench: selected ${r.plan.totals.selected}, expected 1500`);
    return { applicants, seconds };
  } finally {
    db.close();
    clean();
  }
}
