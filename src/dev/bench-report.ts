/**
 * HTML report benchmark (wired into `npm run bench`): the allocation benchmark's 200k-applicant
 * year, allocated (1,500 packages) and finalized, the beneficiaries placed in a kecamatan of their
 * regency, the sample generator's roster, a visit plan (1, 3, 6, 9, 12 months) and a year of
 * generated visits imported; then `uep report html` timed through the real binary, as a user runs it.
 * BENCH_APPLICANTS changes the pool size.
 */
import { getRun } from '../allocate/store.js';
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finalizeRun } from '../allocate/finalize.js';
import { allocate } from '../allocate/run.js';
import { openDatabase } from '../db/open.js';
import { importMonitors } from '../monitor/monitors.js';
import { planVisits } from '../monitor/plan.js';
import { importVisits } from '../monitor/visit-import.js';
import { readReferenceCsv } from '../regions/reference.js';
import { areasOfRun, subjectsOfRun, writeMonitorsCsv, writeVisitsCsv } from '../sample/monitoring.js';
import { fillAllocateBench } from './bench-allocate.js';

const BIN = fileURLToPath(new URL('../../bin/uep.js', import.meta.url));

export async function benchReport(workDir: string): Promise<{ applicants: number; seconds: number; beneficiaries: number; visits: number; bytes: number }> {
  const applicants = Number(process.env.BENCH_APPLICANTS ?? 200_000);
  const path = join(workDir, 'report-bench.sqlite');
  const out = join(workDir, 'laporan-uep-bench.html');
  const clean = () => { if (process.env.BENCH_KEEP) return; for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true }); rmSync(out, { force: true }); };
  clean();
  const db = openDatabase(path);
  let visits = 0;
  let beneficiaries = 0;
  try {
    fillAllocateBench(db, applicants);
    const { run_id } = await allocate(db, { tahun: 2026, slots: 1500 });
    finalizeRun(db, run_id!, new Date('2026-03-01T02:00:00Z'));
    const districts = readReferenceCsv('regions/districts.csv');
    db.transaction(() => {
      const place = db.prepare(`UPDATE persons SET kode_kecamatan = ?, kecamatan = ? WHERE nik = ?`);
      const selected = db.prepare(`SELECT r.nik, r.kode_kabupaten FROM allocation_results r WHERE r.run_id = ? AND r.outcome = 'selected'`).raw().all(run_id) as [string, string][];
      selected.forEach(([nik, kab], i) => {
        const here = districts.filter((d) => d.regency_code === kab);
        const d = here[i % here.length]!;
        place.run(d.code, d.name, nik);
      });
      beneficiaries = selected.length;
    })();
    writeMonitorsCsv(join(workDir, 'bench-petugas.csv'), areasOfRun(db, run_id!), { seed: 2026 });
    await importMonitors(db, join(workDir, 'bench-petugas.csv'));
    planVisits(db, { run: getRun(db, run_id!), tanggalHibah: '2026-03-01', bulan: [1, 3, 6, 9, 12], now: new Date('2026-03-02T00:00:00Z') });
    const file = join(workDir, 'bench-kunjungan.csv');
    writeVisitsCsv(file, { seed: 2026, subjects: subjectsOfRun(db, run_id!), tanggalHibah: '2026-03-01', asOf: '2027-04-15', bulan: [1, 3, 6, 9, 12], dirt: 0 });
    visits = (await importVisits(db, file, { now: new Date('2027-04-20T00:00:00Z') })).inserted;
    rmSync(file, { force: true });
    rmSync(join(workDir, 'bench-petugas.csv'), { force: true });
  } finally {
    db.close();
  }
  try {
    const started = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'report', 'html', '--db', path, '--as-of', '2027-04-15', '--out', out, '--quiet'], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`bench: uep report html failed: ${r.stderr}`);
    return { applicants, seconds, beneficiaries, visits, bytes: statSync(out).size };
  } finally {
    clean();
  }
}
