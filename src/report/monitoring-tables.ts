/** The monitoring report as files: one table per section (CSV or JSON), NIKs masked. */
import { writeBundle, type ExportFormat, type Manifest, type Table } from '../export/bundle.js';
import type { Cell } from '../export/csv.js';
import { kabupatenNama } from '../export/run.js';
import type { MonitoringReport } from './monitoring.js';

export function monitoringTables(r: MonitoringReport): Table[] {
  const cols = <T>(rows: T[], columns: (keyof T & string)[], name: string): Table => ({
    name, columns, rows: rows.map((row) => columns.map((c) => row[c] as Cell)),
  });
  return [
    cols(r.survival, ['dimensi', 'kelompok', 'penerima', 'dikunjungi', 'belum_dikunjungi', 'bertahan', 'berhenti', 'persen', 'selisih_poin'], 'kelangsungan'),
    cols(r.curve, ['bulan', 'tanggal', 'dikunjungi', 'bertahan', 'persen'], 'kurva'),
    cols(r.kaplan_meier, ['dimensi', 'kelompok', 'bulan', 'berisiko', 'berhenti', 'tersensor', 'persen'], 'kurva_km'),
    cols(r.overdue, ['petugas', 'petugas_nama', 'id_penerima', 'nik', 'nama', 'desa', 'kecamatan', 'kunjungan_ke', 'tanggal_rencana', 'hari_terlambat', 'terlewat'], 'terlambat'),
    cols(r.kendala, ['kendala', 'penerima', 'persen', 'kunjungan'], 'kendala'),
    cols(r.rujukan, ['rujukan', 'penerima', 'kunjungan'], 'rujukan'),
    cols(r.field_work.petugas.map((l) => ({ ...l, petugas: l.kelompok })), ['petugas', 'peran', 'penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat'], 'kunjungan_petugas'),
    cols(r.field_work.kabupaten.map((l) => ({ ...l, kode_kabupaten: l.kelompok, kabupaten: kabupatenNama(l.kelompok ?? '') })),
      ['kode_kabupaten', 'kabupaten', 'penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat'], 'kunjungan_kabupaten'),
  ];
}

/** As a workbook: one file, a sheet per section. */
export const MONITORING_WORKBOOK = 'laporan-monitoring';

export function writeMonitoringReport(r: MonitoringReport, options: { dir: string; format?: ExportFormat; excel?: boolean; force?: boolean; now: Date }): Promise<Manifest> {
  const about = {
    command: 'report monitoring', run: r.run, as_of: r.as_of, tanggal_hibah: r.tanggal_hibah, bulan: r.bulan, nik_masked: true,
    old_scheme_persen: r.old_scheme_persen, overall: r.overall,
  };
  return writeBundle(options.dir, monitoringTables(r), about, { ...options, workbooks: (tables) => [{ name: MONITORING_WORKBOOK, tables }] });
}
