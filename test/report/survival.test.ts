import { describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import { monitoringReport } from '../../src/report/monitoring.js';
import { lastVisits, monthBands, survivalCell } from '../../src/report/survival.js';
import { freshDb } from '../export/builders.js';
import { cohort } from './history.js';

const NOW = new Date('2026-03-20T03:00:00Z');

describe('survival on a hand-built visit history', () => {
  it('counts the status at the last visit on or before --as-of; the unvisited apart', () => {
    const { db } = freshDb();
    const runId = cohort(db);
    const r = monitoringReport(db, { run: getRun(db, runId), asOf: '2026-03-15', now: NOW });
    // Visited A B C E F; running A (berjalan) C (pindah_usaha) E (berjalan; its berhenti is after --as-of) F (reopened); B stopped; D unvisited.
    expect(r.overall).toEqual({ dimensi: 'semua', kelompok: 'semua', penerima: 6, dikunjungi: 5, belum_dikunjungi: 1, bertahan: 4, berhenti: 1, persen: 80, selisih_poin: 34 });
    expect(r.status).toEqual({ berjalan: 3, kesulitan: 0, berhenti: 1, pindah_usaha: 1 });
    const by = (dim: string) => Object.fromEntries(r.survival.filter((c) => c.dimensi === dim).map((c) => [c.kelompok, [c.bertahan, c.dikunjungi, c.persen]]));
    expect(by('kabupaten')).toEqual({ '6402 Kutai Kartanegara': [2, 2, 100], '6472 Samarinda': [2, 3, 66.7] });
    expect(by('jenis_usaha')).toEqual({ bengkel: [0, 1, 0], makanan: [2, 2, 100], ternak_ayam: [2, 2, 100] });
    expect(by('jenis_kelamin')).toEqual({ 'laki-laki': [0, 1, 0], perempuan: [4, 4, 100] });
    expect(by('bulan_sejak_hibah')).toEqual({ '1-2': [1, 1, 100], '3-5': [1, 1, 100], '6-11': [0, 1, 0], '12+': [2, 2, 100] });
  });

  it('draws the curve month by month', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2026-03-15', now: NOW });
    expect(r.curve.map((p) => [p.bulan, p.bertahan, p.dikunjungi, p.persen])).toEqual([
      [1, 4, 4, 100], [2, 4, 4, 100], [3, 3, 4, 75], [4, 3, 4, 75], [5, 3, 4, 75], [6, 3, 5, 60], [7, 3, 5, 60], [8, 3, 5, 60],
      [9, 3, 5, 60], [10, 3, 5, 60], [11, 3, 5, 60], [12, 4, 5, 80],
    ]);
  });

  it('lists overdue visits (who, which worker, how late), obstacles and referrals', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2026-03-15', now: NOW });
    expect(r.overdue.map((o) => [o.nik, o.nama, o.petugas, o.petugas_nama, o.kunjungan_ke, o.tanggal_rencana, o.hari_terlambat, o.terlewat])).toEqual([
      ['6402********0014', 'Dodi', 'M2', 'Bunga', 1, '2025-04-01', 348, 4],
      ['6402********0015', 'Eka', 'M2', 'Bunga', 2, '2025-06-01', 287, 3],
      ['6472********0013', 'Cici', 'M1', 'Ahmad', 3, '2025-09-01', 195, 2],
      ['6402********0016', 'Fani', 'M2', 'Bunga', 3, '2025-09-01', 195, 2],
      ['6472********0012', 'Beni', 'M1', 'Ahmad', 4, '2026-03-01', 14, 1],
    ]);
    expect(r.kendala.slice(0, 3)).toEqual([
      { kendala: 'peralatan', penerima: 1, persen: 20, kunjungan: 2 },
      { kendala: 'modal', penerima: 0, persen: 0, kunjungan: 1 },
      { kendala: 'pemasaran', penerima: 0, persen: 0, kunjungan: 1 },
    ]);
    expect(r.rujukan).toEqual([{ rujukan: 'disnaker', penerima: 1, kunjungan: 1 }, { rujukan: 'disperindagkop', penerima: 1, kunjungan: 1 }]);
  });

  it('moves with --as-of: before any visit nothing is measured', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2025-03-20', now: NOW });
    expect(r.overall).toMatchObject({ dikunjungi: 0, belum_dikunjungi: 6, persen: null, selisih_poin: null });
    expect(r.curve).toEqual([]);
    expect(r.overdue).toEqual([]);
  });

  it('pure helpers', () => {
    expect(monthBands([1, 3, 6, 12]).map((b) => b.label)).toEqual(['0', '1-2', '3-5', '6-11', '12+']);
    expect(monthBands([2]).map((b) => b.label)).toEqual(['0-1', '2+']);
    const last = lastVisits([{ nik: 'x', tanggal: '2025-05-01', status: 'berhenti', kendala: [], rujukan: [] }, { nik: 'x', tanggal: '2025-04-01', status: 'berjalan', kendala: [], rujukan: [] }], '2025-12-31');
    expect(last.get('x')?.status).toBe('berhenti');
    expect(survivalCell('d', 'k', [], last)).toMatchObject({ penerima: 0, persen: null });
  });
});
