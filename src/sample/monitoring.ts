/**
 * Synthetic monitoring data for the demo and tests: a roster of field workers for the kecamatan a
 * run's beneficiaries live in, and a plausible visit history for the planned visits (deterministic
 * by seed: the same inputs give the same bytes). Nobody here is real.
 *
 * The history: each business has a monthly risk of closing that depends on its type (about 70–85%
 * still running after a year, against the old group scheme's 46%), a few switch business, about
 * one in five running ones struggles at a visit; visits come a week early to two weeks late, 8% are
 * missed and 3% of the beneficiaries are never visited (so there is something overdue to report).
 * `dirt` rows carry an error for the importer to reject.
 */
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open.js';
import { encodeCsv, type Cell } from '../export/csv.js';
import { chooseRun } from '../allocate/store.js';
import { kabupatenNama } from '../export/run.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { localDate } from '../dates.js';
import { addDays, addMonths } from '../monitor/dates.js';
import { Random, weightedPicker } from './random.js';

export interface Area {
  kode_kabupaten: string;
  kecamatan: string;
}

/** The kecamatan the selected of a run live in, for a roster that covers them all. */
export function areasOfRun(db: Db, runId: number): Area[] {
  return db.prepare(`SELECT DISTINCT p.kode_kabupaten, p.kecamatan FROM allocation_results r JOIN persons p ON p.nik = r.nik
    WHERE r.run_id = ? AND r.outcome = 'selected' AND p.kode_kecamatan IS NOT NULL ORDER BY p.kode_kabupaten, p.kecamatan`).all(runId) as Area[];
}

const FIRST = ['Ahmad', 'Siti', 'Rahmat', 'Nur', 'Yusuf', 'Dewi', 'Hendra', 'Rina', 'Agus', 'Wati', 'Bambang', 'Lestari', 'Imran', 'Fitri'];
const LAST = ['Saputra', 'Hidayat', 'Rahmawati', 'Syahrani', 'Pratama', 'Lestari', 'Kurniawan', 'Wulandari', 'Ramadhan', 'Nurhayati'];

/** One TKSK per kecamatan and 0–2 PSM; written as the roster file `uep monitor monitors import` reads. */
export function writeMonitorsCsv(path: string, areas: readonly Area[], options: { seed: number }): { monitors: number } {
  const rows: Cell[][] = [];
  let psm = 0;
  areas.forEach((a, i) => {
    const rng = Random.for(options.seed, i, 0x7a11);
    const name = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const kab = kabupatenNama(a.kode_kabupaten);
    rows.push([`TKSK-${String(i + 1).padStart(3, '0')}`, name(), 'TKSK', a.kecamatan, kab, `08${rng.digits(10)}`]);
    for (let k = rng.int(0, 2); k > 0; k--) rows.push([`PSM-${String(++psm).padStart(3, '0')}`, name(), 'PSM', a.kecamatan, kab, `08${rng.digits(10)}`]);
  });
  writeFileAtomic(path, encodeCsv(['id', 'nama', 'peran', 'kecamatan', 'kabupaten', 'no_hp'], rows));
  return { monitors: rows.length };
}

export interface VisitSubject {
  nik: string;
  jenis_usaha: string;
  /** Their field worker; null: nobody visits them. */
  monitor_id: string | null;
}

/** The planned beneficiaries of a run with their workers (after `uep monitor plan`). */
export function subjectsOfRun(db: Db, runId: number): VisitSubject[] {
  return db.prepare(`SELECT r.nik, r.jenis_usaha, a.monitor_id FROM allocation_results r
    LEFT JOIN visit_assignments a ON a.run_id = r.run_id AND a.nik = r.nik
    WHERE r.run_id = ? AND r.outcome = 'selected' ORDER BY r.nik`).all(runId) as VisitSubject[];
}

export interface VisitsOptions {
  seed: number;
  subjects: readonly VisitSubject[];
  tanggalHibah: string;
  /** No visit after this day. */
  asOf: string;
  bulan?: number[];
  /** Share of rows with an error; default 0.01. */
  dirt?: number;
}

const HAZARD: Record<string, number> = { makanan: 0.025, minuman: 0.03, gorengan: 0.03, ternak_ayam: 0.02, pengolahan_kue: 0.025, bengkel: 0.015 };
const OMZET: Record<string, number> = { makanan: 2_500_000, minuman: 1_500_000, gorengan: 1_800_000, ternak_ayam: 1_200_000, pengolahan_kue: 2_000_000, bengkel: 3_000_000 };
const KENDALA = weightedPicker(['modal', 'pemasaran', 'bahan_baku', 'peralatan', 'kesehatan', 'keluarga', 'lainnya'], [35, 30, 12, 10, 6, 5, 2]);
const TINDAK = ['motivasi dan pendampingan', 'saran pemasaran lewat media sosial', 'dihubungkan dengan pemasok', 'kunjungan ulang bulan depan', 'catatan keuangan sederhana'];
const DIRT = ['31-02-2025', 'libur', 'banyak', 'cuaca'];

const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export function writeVisitsCsv(path: string, options: VisitsOptions): { rows: number; dirty: number } {
  const bulan = options.bulan ?? [1, 3, 6, 12];
  const dirt = options.dirt ?? 0.01;
  const rows: { tanggal: string; cells: Cell[] }[] = [];
  let dirty = 0;
  options.subjects.forEach((s, i) => {
    const rng = Random.for(options.seed, i, 0x515e);
    if (!s.monitor_id || rng.chance(0.03)) return;
    const hazard = HAZARD[s.jenis_usaha] ?? 0.025;
    let stopAt = Infinity;
    for (let m = 1; m <= 36; m++) if (rng.chance(hazard)) { stopAt = m; break; }
    const switchAt = rng.chance(0.08) ? rng.int(2, 12) : Infinity;
    for (const m of bulan) {
      const tanggal = addDays(addMonths(options.tanggalHibah, m), rng.int(-7, 14));
      if (tanggal > options.asOf || rng.chance(0.08)) continue;
      const stopped = m >= stopAt;
      const status = stopped ? 'berhenti' : m >= switchAt ? 'pindah_usaha' : rng.chance(0.2) ? 'kesulitan' : 'berjalan';
      const kendala = new Set<string>();
      if (status === 'kesulitan' || status === 'berhenti') for (let k = rng.int(1, 2); k > 0; k--) kendala.add(KENDALA(rng));
      else if (rng.chance(0.1)) kendala.add(KENDALA(rng));
      const base = OMZET[s.jenis_usaha] ?? 1_500_000;
      const omzet = stopped ? (rng.chance(0.5) ? 0 : null) : Math.round((base * (0.6 + rng.next() * 0.8) * (status === 'kesulitan' ? 0.5 : 1)) / 50_000) * 50_000;
      const rujukan = status === 'kesulitan' && rng.chance(0.3) ? (kendala.has('peralatan') ? 'disnaker' : 'disperindagkop') : '';
      const cells: Cell[] = [s.nik, dmy(tanggal), s.monitor_id, status, omzet, [...kendala].join(', '), kendala.size > 0 ? rng.pick(TINDAK) : '', rujukan];
      if (rng.chance(dirt)) {
        const which = rng.int(0, 3);
        cells[which === 0 ? 1 : which === 1 ? 3 : which === 2 ? 4 : 5] = DIRT[which]!;
        dirty++;
      }
      rows.push({ tanggal, cells });
    }
  });
  rows.sort((a, b) => (a.tanggal < b.tanggal ? -1 : a.tanggal > b.tanggal ? 1 : String(a.cells[0]) < String(b.cells[0]) ? -1 : 1));
  const header = ['nik', 'tanggal_kunjungan', 'petugas', 'status_usaha', 'omzet_bulanan', 'kendala', 'tindak_lanjut', 'rujukan'];
  writeFileAtomic(path, encodeCsv(header, rows.map((r) => r.cells)));
  return { rows: rows.length, dirty };
}

export interface DemoOptions {
  dbPath: string;
  /** Absolute folder for the demo's files. */
  out: string;
  seed: number;
  /** Default: the run's finalized date. */
  tanggalHibah?: string;
  /** Default: today, or 13 months after the grant if that is earlier. */
  asOf?: string;
}

/**
 * The demo's monitoring chapter, after an allocation was finalized: a roster, the visit plan and
 * sheets, a generated visit history imported back, the exports and the reports. `uep` runs the
 * real binary (as src/dev/demo.ts does) and stops the demo on a failure.
 */
export function demoMonitoring(uep: (...args: string[]) => unknown, o: DemoOptions): void {
  const read = <T>(fn: (db: Db) => T): T => {
    const db = openDatabase(o.dbPath);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const run = read((db) => chooseRun(db));
  const tanggalHibah = o.tanggalHibah ?? localDate(new Date(run.finalized_at ?? run.created_at));
  const later = addMonths(tanggalHibah, 13);
  const today = localDate(new Date());
  const asOf = o.asOf ?? (later < today ? later : today);
  const file = (name: string) => join(o.out, name);
  writeMonitorsCsv(file('petugas.csv'), read((db) => areasOfRun(db, run.id)), { seed: o.seed });
  uep('monitor', 'monitors', 'import', file('petugas.csv'));
  uep('monitor', 'plan', '--out', file('lembar-kunjungan'), '--tanggal-hibah', tanggalHibah, '--excel');
  writeVisitsCsv(file('laporan-kunjungan.csv'), { seed: o.seed, subjects: read((db) => subjectsOfRun(db, run.id)), tanggalHibah, asOf });
  uep('monitor', 'import', file('laporan-kunjungan.csv'), '--rejects', file('rejects-kunjungan.csv'));
  uep('export', 'allocation', '--out', file('lampiran-sk'), '--excel');
  uep('report', 'monitoring', '--as-of', asOf, '--out', file('laporan-monitoring'));
  uep('report', 'summary', '--as-of', asOf);
  uep('report', 'html', '--as-of', asOf, '--out', file('laporan-uep-{tahun}.html'));
}
