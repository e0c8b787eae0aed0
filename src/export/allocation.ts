/**
 * `uep export allocation`: the annex of the decree, per regency: the beneficiary list and the
 * waitlist, a summary by regency × business type (counts and rupiah), the fairness summary, and
 * a manifest (run, parameters, time, sha256 of each file).
 * NIK and no_kk are masked unless `maskNik: false`, and so are NIK-like numbers in every other
 * text cell (bundle.ts): exports leave the office.
 */
import type { RunRow } from '../allocate/store.js';
import type { Db } from '../db/open.js';
import { maskNik } from '../nik/nik.js';
import { allocationRows, type AllocationRow } from './allocation-rows.js';
import { writeAnnex } from './annex/annex.js';
import type { Sk } from './annex/sk.js';
import { writeBundle, type ExportFormat, type Manifest, type Table } from './bundle.js';
import type { Cell } from './csv.js';
import { fairness, fairnessTable } from './fairness.js';
import { kabupatenNama, runAbout, slug } from './run.js';

export interface ExportAllocationOptions {
  /** The run, chosen by the caller (chooseRun in src/allocate/store.ts). */
  run: RunRow;
  /** The folder, placeholders already expanded. */
  dir: string;
  format?: ExportFormat;
  excel?: boolean;
  /** The decree whose annex an xlsx export prints (required with format xlsx). */
  sk?: Sk;
  /** Default true. */
  maskNik?: boolean;
  force?: boolean;
  now: Date;
}

export interface ExportAllocationResult {
  run: Record<string, unknown>;
  dir: string;
  nik_masked: boolean;
  selected: number;
  waitlisted: number;
  nilai_total: number;
  files: Manifest['files'];
}

const PERSON_COLUMNS = ['peringkat', 'nik', 'nama', 'no_kk', 'alamat', 'kecamatan', 'desa', 'jenis_usaha', 'nilai_paket'];

function personCells(r: AllocationRow, mask: boolean): Cell[] {
  const id = (v: string | null) => (v === null || v === '' ? null : mask ? maskNik(v) : v);
  return [r.rank, id(r.nik), r.nama, id(r.no_kk), r.alamat, r.kecamatan, r.desa, r.jenis_usaha, r.package_value];
}

function listTables(rows: AllocationRow[], mask: boolean): Table[] {
  const tables: Table[] = [];
  const kodes = [...new Set(rows.map((r) => r.kode_kabupaten))].sort();
  for (const kode of kodes) {
    const base = `${kode}-${slug(kabupatenNama(kode))}`;
    const mine = rows.filter((r) => r.kode_kabupaten === kode);
    const selected = mine.filter((r) => r.outcome === 'selected');
    const waitlist = mine.filter((r) => r.outcome === 'waitlist');
    const nama = kabupatenNama(kode);
    tables.push({
      name: `penerima-${base}`, sheet: `Penerima ${nama}`, columns: ['no', ...PERSON_COLUMNS], rows: selected.map((r, i) => [i + 1, ...personCells(r, mask)]),
    });
    tables.push({
      name: `cadangan-${base}`, sheet: `Cadangan ${nama}`, columns: ['urutan', ...PERSON_COLUMNS], rows: waitlist.map((r, i) => [i + 1, ...personCells(r, mask)]),
    });
  }
  return tables;
}

/** Counts and rupiah per regency × business type, over the selected. */
export function summaryTable(rows: AllocationRow[]): Table {
  const sums = new Map<string, { kode: string; jenis: string; n: number; rp: number }>();
  for (const r of rows) {
    if (r.outcome !== 'selected') continue;
    const key = `${r.kode_kabupaten}|${r.jenis_usaha}`;
    const e = sums.get(key) ?? { kode: r.kode_kabupaten, jenis: r.jenis_usaha, n: 0, rp: 0 };
    e.n += 1;
    e.rp += r.package_value ?? 0;
    sums.set(key, e);
  }
  const list = [...sums.values()].sort((a, b) => (a.kode === b.kode ? (a.jenis < b.jenis ? -1 : 1) : a.kode < b.kode ? -1 : 1));
  return {
    name: 'ringkasan',
    columns: ['kode_kabupaten', 'kabupaten', 'jenis_usaha', 'penerima', 'nilai_rupiah'],
    rows: list.map((e) => [e.kode, kabupatenNama(e.kode), e.jenis, e.n, e.rp]),
  };
}

export function allocationTables(rows: AllocationRow[], mask: boolean): Table[] {
  return [...listTables(rows, mask), summaryTable(rows), fairnessTable(fairness(rows))];
}

/** The data workbook of an xlsx export: every table above as a sheet. */
export const ALLOCATION_WORKBOOK = 'alokasi';

export async function exportAllocation(db: Db, options: ExportAllocationOptions): Promise<ExportAllocationResult> {
  const { run } = options;
  const mask = options.maskNik !== false;
  const rows = allocationRows(db, run.id);
  const selected = rows.filter((r) => r.outcome === 'selected');
  const totals = {
    selected: selected.length,
    waitlisted: rows.filter((r) => r.outcome === 'waitlist').length,
    nilai_total: selected.reduce((s, r) => s + (r.package_value ?? 0), 0),
  };
  const about = {
    command: 'export allocation',
    run: runAbout(run),
    parameters: JSON.parse(run.params_json) as unknown,
    nik_masked: mask,
    totals,
  };
  const sk = options.sk;
  if (options.format === 'xlsx' && !sk) throw new Error('exportAllocation: format xlsx needs the decree (sk)');
  const manifest = await writeBundle(options.dir, allocationTables(rows, mask), about, {
    ...options,
    maskNik: mask,
    workbooks: (tables) => [{ name: ALLOCATION_WORKBOOK, tables }],
    extra: sk ? async (out) => [await writeAnnex(out, rows, sk, mask)] : undefined,
  });
  return { run: runAbout(run), dir: options.dir, nik_masked: mask, ...totals, files: manifest.files };
}
