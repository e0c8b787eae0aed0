import { describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import { kmCurve, kmTimes } from '../../src/report/km.js';
import { monitoringReport } from '../../src/report/monitoring.js';
import type { VisitFact } from '../../src/report/survival.js';
import { freshDb } from '../export/builders.js';
import { cohort } from './history.js';

const NOW = new Date('2026-03-20T03:00:00Z');
const v = (nik: string, tanggal: string, status: VisitFact['status']): VisitFact => ({ nik, tanggal, status, kendala: [], rujukan: [] });

describe('Kaplan–Meier survival on the hand-built history', () => {
  it('censors the unvisited and those last seen running; a stop counts from the visit that found it', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2026-03-15', now: NOW });
    // A censored at 12 (running), B stopped at 3 (berhenti from 2025-06-01 on), C censored at 3, D never visited (no risk set),
    // E censored at 1 (its berhenti is after --as-of), F censored at 12 (stopped, then reopened: judged by its last visit).
    const all = r.kaplan_meier.filter((p) => p.dimensi === 'semua').map((p) => [p.bulan, p.berisiko, p.berhenti, p.tersensor, p.persen]);
    expect(all).toEqual([
      [0, 5, 0, 0, 100], [1, 5, 0, 1, 100], [2, 4, 0, 0, 100], [3, 4, 1, 1, 75],
      ...[4, 5, 6, 7, 8, 9, 10, 11].map((m) => [m, 2, 0, 0, 75]), [12, 2, 0, 2, 75],
    ]);
    // Counting D (never visited) as stopped would give 4 of 6 (66.7%); the curve counts B's stop against the 4 still observed at month 3.
    const bySex = (k: string) => r.kaplan_meier.filter((p) => p.dimensi === 'jenis_kelamin' && p.kelompok === k).map((p) => p.persen);
    expect(bySex('laki-laki')).toEqual([100, 100, 100, 0]);
    expect(bySex('perempuan')).toEqual(new Array(13).fill(100));
    expect(new Set(r.kaplan_meier.map((p) => p.dimensi))).toEqual(new Set(['semua', 'kabupaten', 'jenis_usaha', 'jenis_kelamin']));
  });

  it('counts visits made and beneficiaries behind by field worker and by regency', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2026-03-15', now: NOW });
    expect(r.field_work.petugas).toEqual([
      { kelompok: 'M1', peran: 'TKSK', penerima: 3, kunjungan: 9, penerima_terlambat: 2, kunjungan_terlewat: 3 },
      { kelompok: 'M2', peran: 'PSM', penerima: 3, kunjungan: 3, penerima_terlambat: 3, kunjungan_terlewat: 9 },
    ]);
    expect(r.field_work.kabupaten.map((l) => [l.kelompok, l.penerima, l.kunjungan, l.penerima_terlambat, l.kunjungan_terlewat])).toEqual([
      ['6402', 3, 3, 3, 9], ['6472', 3, 9, 2, 3],
    ]);
  });

  it('pure: ties of events and censoring at one month, a month-0 visit, an empty group', () => {
    const times = kmTimes([
      v('a', '2025-01-20', 'berhenti'), v('b', '2025-02-01', 'berjalan'), v('c', '2025-02-01', 'berhenti'), v('d', '2025-02-01', 'kesulitan'),
      v('d', '2025-04-01', 'berhenti'), v('e', '2025-05-01', 'berhenti'), v('e', '2025-03-01', 'berhenti'), v('e', '2025-02-01', 'berjalan'),
    ], '2025-01-01', '2025-12-31');
    expect(Object.fromEntries(times)).toEqual({
      a: { bulan: 1, berhenti: true }, b: { bulan: 1, berhenti: false }, c: { bulan: 1, berhenti: true }, d: { bulan: 3, berhenti: true }, e: { bulan: 2, berhenti: true },
    });
    const subject = (nik: string) => ({ nik, kode_kabupaten: '6472', jenis_usaha: 'makanan', jenis_kelamin: 'P' as const });
    // Month 1: 5 at risk, 2 stopped → 60%; month 2: 2 at risk (b censored at 1), 1 stopped → 30%; month 3: 1 at risk, stopped → 0.
    expect(kmCurve('semua', 'semua', ['a', 'b', 'c', 'd', 'e', 'x'].map(subject), times).map((p) => [p.bulan, p.berisiko, p.persen])).toEqual([
      [0, 5, 100], [1, 5, 60], [2, 2, 30], [3, 1, 0],
    ]);
    expect(kmCurve('semua', 'semua', [subject('x')], times)).toEqual([]);
  });
});
