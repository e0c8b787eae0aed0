/**
 * A final 2025 allocation over three regencies for the HTML report tests: Samarinda and Kutai
 * Kartanegara with enough beneficiaries for every figure, Bontang with three (a small cell), a PKH
 * family in each tenth, quotas stored as `uep allocate` stores them, then the sample generator's
 * roster, the visit plan and a generated visit history imported by the real importers.
 */
import { getRun } from '../../src/allocate/store.js';
import { join } from 'node:path';
import type { Db } from '../../src/db/open.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { planVisits } from '../../src/monitor/plan.js';
import { importVisits } from '../../src/monitor/visit-import.js';
import { areasOfRun, subjectsOfRun, writeMonitorsCsv, writeVisitsCsv } from '../../src/sample/monitoring.js';
import { nik } from '../helpers.js';
import { allocationRun, applicant, freshDb, pkhMember, type Outcome } from '../export/builders.js';

const JENIS = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'];
const PAKET: Record<string, number> = { makanan: 4750000, minuman: 4500000, gorengan: 4500000, ternak_ayam: 5000000, pengolahan_kue: 4750000, bengkel: 5000000 };
const KECAMATAN: Record<string, [string, string][]> = {
  6472: [['647201', 'Palaran'], ['647203', 'Samarinda Ulu']], 6402: [['640206', 'Tenggarong'], ['640203', 'Loa Janan']], 6474: [['647401', 'Bontang Selatan']],
};
/** kode: [quota first, quota, selected, waitlist, not selected] */
export const REGENCIES: Record<string, [number, number, number, number, number]> = {
  6472: [30, 40, 40, 5, 10], 6402: [30, 37, 37, 2, 0], 6474: [20, 3, 3, 0, 0],
};
export const AS_OF = '2026-04-15';

/** Into `dir` (default: a temporary folder removed after the test). */
export async function htmlWorld(into?: string): Promise<{ dir: string; path: string; runId: number }> {
  const { db, dir, path } = freshDb(into);
  const runId = allocationRun(db, { tahun: 2025, finalizedAt: '2025-03-01T12:00:00.000Z', params: {
    tahun: 2025, slots: 80, method: 'webster', seed: '2025', budget: 400_000_000, paket: PAKET, regions: [], waitlist: { count: 5 },
  } });
  let serial = 0;
  for (const [kode, [first, quota, selected, waitlist, rest]] of Object.entries(REGENCIES)) {
    db.prepare(`INSERT INTO allocation_quotas (run_id, kode_kabupaten, initial_quota, quota, eligible, selected, waitlisted, cutoff_score, package_total)
      VALUES (?, ?, ?, ?, ?, ?, ?, 50, 0)`).run(runId, kode, first, quota, selected + waitlist + rest, selected, waitlist);
    const outcomes: Outcome[] = [...Array<Outcome>(selected).fill('selected'), ...Array<Outcome>(waitlist).fill('waitlist'), ...Array<Outcome>(rest).fill('not_selected')];
    outcomes.forEach((outcome, i) => {
      serial++;
      const woman = serial % 5 !== 0 && serial % 3 !== 0;
      const [kodeKec, kec] = KECAMATAN[kode]![i % KECAMATAN[kode]!.length]!;
      const n = nik(kode, 1 + (serial % 28), 1 + (serial % 12), 60 + (serial % 40), 1000 + serial, woman);
      const jenis = JENIS[serial % JENIS.length]!;
      applicant(db, runId, {
        nik: n, nama: `Orang ${serial}`, no_kk: `${kode}0101${String(serial).padStart(8, '0')}`, jenis_kelamin: woman ? 'P' : 'L', desil: 1 + (serial % 4),
        kode_kabupaten: kode, kode_kecamatan: kodeKec, kecamatan: kec, desa: 'Desa', rank: i + 1, outcome, jenis_usaha: jenis, package_value: PAKET[jenis],
      });
      if (serial % 10 === 0) pkhMember(db, n);
    });
  }
  await monitoring(db, dir, runId);
  db.close();
  return { dir, path, runId };
}

async function monitoring(db: Db, dir: string, runId: number): Promise<void> {
  const roster = join(dir, 'petugas.csv');
  writeMonitorsCsv(roster, areasOfRun(db, runId), { seed: 11 });
  await importMonitors(db, roster);
  planVisits(db, { run: getRun(db, runId), now: new Date('2025-03-02T00:00:00Z') });
  const visits = join(dir, 'kunjungan.csv');
  writeVisitsCsv(visits, { seed: 11, subjects: subjectsOfRun(db, runId), tanggalHibah: '2025-03-01', asOf: AS_OF, dirt: 0 });
  await importVisits(db, visits, { now: new Date('2026-04-20T00:00:00Z') });
}
