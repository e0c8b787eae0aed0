/**
 * The decree annex as a workbook (lampiran-sk.xlsx): one printable sheet per regency, its
 * beneficiaries numbered from 1 in rank order. NIK masked unless the export is unmasked, and NIK-like
 * numbers in addresses masked with it, as in every other file of the export.
 */
import type { OutputDir } from '../../fsutil/outdir.js';
import { maskNik, maskNiksInText } from '../../nik/nik.js';
import { kabupatenByKode } from '../../regions/resolve.js';
import { openBook } from '../../xlsx/write/book.js';
import { SheetNames } from '../../xlsx/write/sheet-name.js';
import type { AllocationRow } from '../allocation-rows.js';
import { kabupatenNama } from '../run.js';
import type { ManifestFile } from '../table.js';
import { ANNEX } from './labels.js';
import { addAnnexSheet, type AnnexLine } from './sheet.js';
import type { Sk } from './sk.js';

export const ANNEX_FILE = 'lampiran-sk.xlsx';

/** "KOTA SAMARINDA", "KABUPATEN PASER". */
export function wilayahTitle(kode: string): string {
  const k = kabupatenByKode(kode);
  if (!k) return kode;
  return `${k.jenis === 'kota' ? ANNEX.kota : ANNEX.kabupaten} ${k.nama.toUpperCase()}`;
}

export async function writeAnnex(out: OutputDir, rows: AllocationRow[], sk: Sk, mask: boolean): Promise<ManifestFile> {
  const file = out.addStream(ANNEX_FILE);
  const book = openBook(file.stream);
  const names = new SheetNames();
  const sheets: { name: string; rows: number }[] = [];
  const text = (v: string | null) => (v === null || !mask ? v : maskNiksInText(v));
  const kodes = [...new Set(rows.filter((r) => r.outcome === 'selected').map((r) => r.kode_kabupaten))].sort();
  for (const kode of kodes) {
    const lines: AnnexLine[] = rows.filter((r) => r.kode_kabupaten === kode && r.outcome === 'selected').map((r) => ({
      nama: r.nama, nik: r.nik === '' ? null : mask ? maskNik(r.nik) : r.nik, alamat: text(r.alamat), kecamatan: r.kecamatan, desa: r.desa,
      jenis_usaha: r.jenis_usaha, nilai: r.package_value,
    }));
    const name = names.take(kabupatenNama(kode));
    addAnnexSheet(book, name, wilayahTitle(kode), sk, lines);
    sheets.push({ name, rows: lines.length });
  }
  await book.finish();
  return { ...file.finish(), rows: sheets.reduce((n, s) => n + s.rows, 0), sheets };
}
