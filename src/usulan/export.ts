/**
 * `uep export usulan`: per regency, the cases for its DTSEN operator (cases.ts) as one sheet each,
 * a summary by regency × finding, and the manifest, through the export bundle (csv/json today,
 * whatever formats writeBundle learns later). NIK and no_kk masked unless maskNik is false, and
 * NIK-like numbers in every text cell too (a duplicate's other record, a note): the sheets leave
 * the office.
 */
import type { Db } from '../db/open.js';
import { writeBundle, type ExportFormat, type Manifest, type Table } from '../export/bundle.js';
import { kabupatenNama, slug } from '../export/run.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { usulanCases, type CaseFilter, type UsulanCase } from './cases.js';
import type { Temuan } from './temuan.js';

export interface ExportUsulanOptions extends CaseFilter {
  dir: string;
  format?: ExportFormat;
  excel?: boolean;
  maskNik?: boolean;
  force?: boolean;
  now: Date;
}

export interface ExportUsulanResult {
  dir: string;
  nik_masked: boolean;
  cases: number;
  usul: number;
  sanggah: number;
  kabupaten: number;
  files: Manifest['files'];
}

export const USULAN_COLUMNS = ['no', 'jenis', 'temuan', 'keterangan', 'nik', 'nama', 'no_kk', 'kecamatan', 'desa', 'alamat', 'dilihat', 'tanggal', 'oleh', 'sumber', 'ref'];

export function usulanTables(cases: UsulanCase[], mask: boolean): Table[] {
  const id = (v: string | null) => (v === null || v === '' ? null : mask ? maskNik(v) : v);
  const tables: Table[] = [];
  for (const kode of [...new Set(cases.map((c) => c.kode_kabupaten))]) {
    const mine = cases.filter((c) => c.kode_kabupaten === kode);
    tables.push({
      name: `usulan-${kode || 'tanpa-kabupaten'}${kode ? `-${slug(kabupatenNama(kode))}` : ''}`,
      columns: USULAN_COLUMNS,
      rows: mine.map((c, i) => [i + 1, c.jenis, c.temuan, t(`usulan:temuan.${c.temuan}`), id(c.nik), c.nama, id(c.no_kk), c.kecamatan, c.desa, c.alamat,
        c.dilihat, c.tanggal, c.oleh, c.sumber, c.ref]),
    });
  }
  const counts = new Map<string, { kode: string; jenis: string; temuan: Temuan; n: number }>();
  for (const c of cases) {
    const key = `${c.kode_kabupaten}|${c.temuan}`;
    const e = counts.get(key) ?? { kode: c.kode_kabupaten, jenis: c.jenis, temuan: c.temuan, n: 0 };
    e.n++;
    counts.set(key, e);
  }
  tables.push({
    name: 'ringkasan-usulan',
    columns: ['kode_kabupaten', 'kabupaten', 'jenis', 'temuan', 'jumlah'],
    rows: [...counts.values()].map((e) => [e.kode, e.kode ? kabupatenNama(e.kode) : null, e.jenis, e.temuan, e.n]),
  });
  return tables;
}

export async function exportUsulan(db: Db, o: ExportUsulanOptions): Promise<ExportUsulanResult> {
  const mask = o.maskNik !== false;
  const cases = usulanCases(db, o);
  const totals = {
    cases: cases.length, usul: cases.filter((c) => c.jenis === 'usul').length, sanggah: cases.filter((c) => c.jenis === 'sanggah').length,
    kabupaten: new Set(cases.map((c) => c.kode_kabupaten)).size,
  };
  const about = { command: 'export usulan', nik_masked: mask, since: o.since ?? null, kode_kabupaten: o.kodeKabupaten ?? null, totals };
  const manifest = await writeBundle(o.dir, usulanTables(cases, mask), about, { format: o.format, excel: o.excel, force: o.force, maskNik: mask, now: o.now });
  return { dir: o.dir, nik_masked: mask, ...totals, files: manifest.files };
}
