/**
 * The visit sheets of a plan: one per field worker, one row per planned visit, NIKs always masked
 * (the sheets go to the field). The columns after `petugas` are left empty for the worker to fill
 * in; the filled sheet is imported as it is with `uep monitor import` (id_penerima identifies the
 * person, the masked NIK is checked against it). Also: the roster with each worker's load, and the
 * beneficiaries no active worker serves.
 */
import type { Db } from '../db/open.js';
import { writeBundle, type ExportFormat, type Manifest, type Table } from '../export/bundle.js';
import type { Cell } from '../export/csv.js';
import { runAbout, slug } from '../export/run.js';
import { maskNik } from '../nik/nik.js';
import { planVisits, visitDates, type PlanOptions, type VisitPlan } from './plan.js';
import { KENDALA, RUJUKAN, STATUS_USAHA } from './visit-values.js';

export const SHEET_COLUMNS = [
  'id_penerima', 'nik', 'nama', 'alamat', 'desa', 'kecamatan', 'jenis_usaha', 'kunjungan_ke', 'bulan_ke', 'tanggal_rencana',
  'petugas', 'tanggal_kunjungan', 'status_usaha', 'omzet_bulanan', 'kendala', 'tindak_lanjut', 'rujukan',
];

/**
 * In a workbook, the columns the worker fills in offer the codes the import accepts: the status
 * strictly (one code), obstacles and referrals as a suggestion (a cell may name several, e.g.
 * "modal, pemasaran"). tanggal_kunjungan takes only a date.
 */
const FIELD_LISTS = [
  { column: 'status_usaha', values: [...STATUS_USAHA], strict: true },
  { column: 'kendala', values: [...KENDALA], strict: false },
  { column: 'rujukan', values: [...RUJUKAN], strict: false },
];

interface MonitorInfo {
  id: string;
  nama: string;
  peran: string;
  kecamatan: string | null;
}

export function visitSheetTables(db: Db, plan: VisitPlan): Table[] {
  const monitors = db.prepare(`SELECT m.id, m.nama, m.peran, group_concat(a.kecamatan, '; ') AS kecamatan
    FROM monitors m LEFT JOIN (SELECT * FROM monitor_areas ORDER BY kecamatan) a ON a.monitor_id = m.id
    WHERE m.aktif = 1 GROUP BY m.id ORDER BY m.id`).all() as MonitorInfo[];
  const dates = visitDates(plan.tanggal_hibah, plan.bulan);
  const byMonitor = new Map<string, Cell[][]>();
  const unassigned: Cell[][] = [];
  for (const { beneficiary: b, monitor_id } of plan.assignments) {
    const person: Cell[] = [b.application_id, maskNik(b.nik), b.nama, b.alamat, b.desa, b.kecamatan, b.jenis_usaha];
    if (monitor_id === null) {
      unassigned.push([...person, b.kode_kabupaten]);
      continue;
    }
    const rows = byMonitor.get(monitor_id) ?? [];
    for (const d of dates) rows.push([...person, d.kunjungan_ke, d.bulan_ke, d.tanggal_rencana, monitor_id, null, null, null, null, null, null]);
    byMonitor.set(monitor_id, rows);
  }
  const tables: Table[] = [];
  const used = new Set<string>();
  for (const m of monitors) {
    const rows = byMonitor.get(m.id);
    if (!rows) continue;
    let name = `kunjungan-${slug(m.id) || 'petugas'}`;
    for (let i = 2; used.has(name); i++) name = `kunjungan-${slug(m.id)}-${i}`;
    used.add(name);
    tables.push({ name, columns: SHEET_COLUMNS, rows, dropDowns: FIELD_LISTS, dateEntry: ['tanggal_kunjungan'] });
  }
  tables.push({
    name: 'petugas',
    columns: ['petugas', 'nama', 'peran', 'kecamatan', 'penerima', 'kunjungan'],
    rows: monitors.map((m) => {
      const n = (byMonitor.get(m.id)?.length ?? 0) / Math.max(dates.length, 1);
      return [m.id, m.nama, m.peran, m.kecamatan, n, n * dates.length];
    }),
  });
  tables.push({
    name: 'belum-ada-petugas',
    columns: ['id_penerima', 'nik', 'nama', 'alamat', 'desa', 'kecamatan', 'jenis_usaha', 'kode_kabupaten'],
    rows: unassigned,
  });
  return tables;
}

export interface WrittenPlan {
  run_id: number;
  tahun: number;
  tanggal_hibah: string;
  bulan: number[];
  beneficiaries: number;
  assigned: number;
  kept: number;
  unassigned: number;
  monitors: number;
  dir: string;
  files: Manifest['files'];
}

/**
 * Plans and writes the sheets in one go: if the sheets cannot be written, the plan is not stored
 * (one transaction held while the files are written).
 */
export async function writeVisitPlan(db: Db, options: PlanOptions & { dir: string; format?: ExportFormat; excel?: boolean; force?: boolean }): Promise<WrittenPlan> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const plan = planVisits(db, options);
    const tables = visitSheetTables(db, plan);
    const monitors = tables.filter((t) => t.name.startsWith('kunjungan-')).length;
    const about = {
      command: 'monitor plan', run: runAbout(plan.run), tanggal_hibah: plan.tanggal_hibah, bulan: plan.bulan, nik_masked: true,
      totals: { beneficiaries: plan.assignments.length, assigned: plan.assigned, unassigned: plan.unassigned, monitors },
    };
    const manifest = await writeBundle(options.dir, tables, about, {
      format: options.format ?? 'csv', excel: options.excel, force: options.force, now: options.now,
    });
    db.exec('COMMIT');
    return {
      run_id: plan.run.id, tahun: plan.run.tahun, tanggal_hibah: plan.tanggal_hibah, bulan: plan.bulan, beneficiaries: plan.assignments.length,
      assigned: plan.assigned, kept: plan.kept, unassigned: plan.unassigned, monitors, dir: options.dir, files: manifest.files,
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
