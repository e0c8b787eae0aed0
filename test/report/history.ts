/** A hand-built cohort and visit history with survival figures worked out by hand (see survival.test.ts). */
import type { Db } from '../../src/db/open.js';
import { nik } from '../helpers.js';
import { allocationRun, applicant } from '../export/builders.js';

export const A = nik('6472', 1, 1, 80, 11, true);
export const B = nik('6472', 2, 1, 80, 12);
export const C = nik('6472', 3, 1, 80, 13, true);
export const D = nik('6402', 4, 1, 80, 14);
export const E = nik('6402', 5, 1, 80, 15, true);
export const F = nik('6402', 6, 1, 80, 16, true);

type V = [string, string, string, string?, string?];
/** nik, date, status, kendala, rujukan. */
export const HISTORY: V[] = [
  [A, '2025-04-01', 'berjalan'], [A, '2025-06-01', 'berjalan'], [A, '2025-09-01', 'kesulitan', 'modal'], [A, '2026-03-01', 'berjalan'],
  [B, '2025-04-01', 'berjalan'], [B, '2025-06-01', 'berhenti', 'peralatan', 'disnaker'], [B, '2025-09-01', 'berhenti', 'peralatan'],
  [C, '2025-04-01', 'kesulitan', 'pemasaran', 'disperindagkop'], [C, '2025-06-01', 'pindah_usaha'],
  [E, '2025-04-01', 'berjalan'], [E, '2026-04-01', 'berhenti'],
  [F, '2025-09-01', 'berhenti'], [F, '2026-03-01', 'berjalan'],
];

/** Run 1 of 2025, final on 2025-03-01 (grant date), plan 1/3/6/12 months with two workers; the visits above. */
export function cohort(db: Db): number {
  const runId = allocationRun(db, { tahun: 2025, finalizedAt: '2025-03-01T12:00:00.000Z' });
  const people: [string, string, string, string, 'L' | 'P', string][] = [
    [A, '6472', '647203', 'makanan', 'P', 'Ani'], [B, '6472', '647203', 'bengkel', 'L', 'Beni'], [C, '6472', '647206', 'makanan', 'P', 'Cici'],
    [D, '6402', '640203', 'makanan', 'L', 'Dodi'], [E, '6402', '640203', 'ternak_ayam', 'P', 'Eka'], [F, '6402', '640203', 'ternak_ayam', 'P', 'Fani'],
  ];
  people.forEach(([n, kab, kec, jenis, jk, nama], i) => applicant(db, runId, {
    nik: n, nama, jenis_kelamin: jk, kode_kabupaten: kab, kode_kecamatan: kec, kecamatan: kec, desa: 'Desa', rank: i + 1, outcome: 'selected', jenis_usaha: jenis,
  }));
  // As `uep allocate` stores a run: its quotas and counts per regency beside the results.
  for (const kode of ['6402', '6472']) {
    db.prepare(`INSERT INTO allocation_quotas (run_id, kode_kabupaten, initial_quota, quota, eligible, selected, waitlisted, cutoff_score, package_total)
      VALUES (?, ?, 3, 3, 3, 3, 0, 50, 0)`).run(runId, kode);
  }
  const b = Number(db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES ('monitors', 'm', 'x', 'now')`).run().lastInsertRowid);
  db.prepare(`INSERT INTO monitors (id, nama, peran, batch_id) VALUES ('M1', 'Ahmad', 'TKSK', ?), ('M2', 'Bunga', 'PSM', ?)`).run(b, b);
  db.prepare(`INSERT INTO monitor_plans (run_id, tanggal_hibah, bulan_json, created_at, updated_at) VALUES (?, '2025-03-01', '[1,3,6,12]', 'now', 'now')`).run(runId);
  for (const [n, kab] of people) {
    db.prepare(`INSERT INTO visit_assignments (run_id, nik, monitor_id) VALUES (?, ?, ?)`).run(runId, n, kab === '6472' ? 'M1' : 'M2');
  }
  const insert = db.prepare(`INSERT INTO visits (nik, tanggal_kunjungan, petugas, status_usaha, kendala, rujukan, sumber, recorded_at)
    VALUES (?, ?, 'M1', ?, ?, ?, 'import', 'now')`);
  for (const [n, t, s, k, r] of HISTORY) insert.run(n, t, s, k ?? null, r ?? null);
  return runId;
}
