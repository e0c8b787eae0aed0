/**
 * A set of tables written into one output folder as CSV (plain or Excel style) or JSON, with a
 * manifest.json naming each file with its row count and sha256. All or nothing (see OutputDir).
 * Masked (the default): every text cell has its NIK- and KK-like numbers masked, whatever the
 * column, so a NIK typed into an address or a note does not leave the office in full.
 */
import { OutputDir, type WrittenFile } from '../fsutil/outdir.js';
import { maskNiksInText } from '../nik/nik.js';
import { encodeCsv, type Cell } from './csv.js';

export interface Table {
  /** File name without extension. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

export type ExportFormat = 'csv' | 'json';

export interface BundleOptions {
  format?: ExportFormat;
  excel?: boolean;
  force?: boolean;
  /** Mask NIK-like numbers in every text cell (default true; false only for the signed decree's annex). */
  maskNik?: boolean;
  now: Date;
}

export interface ManifestFile extends WrittenFile {
  rows: number;
}

export interface Manifest {
  generated_at: string;
  format: ExportFormat;
  excel: boolean;
  [key: string]: unknown;
  files: ManifestFile[];
}

export const MANIFEST = 'manifest.json';

export function encodeTable(table: Table, format: ExportFormat, excel: boolean): { name: string; data: Buffer } {
  if (format === 'json') {
    const objects = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])));
    return { name: `${table.name}.json`, data: Buffer.from(`${JSON.stringify(objects, null, 2)}\n`, 'utf8') };
  }
  return { name: `${table.name}.csv`, data: encodeCsv(table.columns, table.rows, { excel }) };
}

/** The table with NIK- and KK-like numbers masked in every text cell. */
export function maskTable(table: Table): Table {
  return { ...table, rows: table.rows.map((row) => row.map((c) => (typeof c === 'string' ? maskNiksInText(c) : c))) };
}

/** Writes the tables and then the manifest (`about` is merged into it). Returns the manifest. */
export function writeBundle(dir: string, tables: Table[], about: Record<string, unknown>, options: BundleOptions): Manifest {
  const format = options.format ?? 'csv';
  const excel = !!options.excel;
  const { result } = OutputDir.write(dir, { force: options.force }, (out) => {
    const files: ManifestFile[] = tables.map((t) => {
      const { name, data } = encodeTable(options.maskNik === false ? t : maskTable(t), format, excel);
      return { ...out.add(name, data), rows: t.rows.length };
    });
    const manifest: Manifest = { generated_at: options.now.toISOString(), format, excel, ...about, files };
    out.add(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  });
  return result;
}
