/**
 * A set of tables written into one output folder as CSV (plain or Excel style), JSON or .xlsx
 * workbooks, with a manifest.json naming each file with its row count and sha256. All or nothing
 * (see OutputDir).
 * Masked (the default): every text cell has its NIK- and KK-like numbers masked, whatever the
 * column, so a NIK typed into an address or a note does not leave the office in full.
 */
import { writeOutputDir, type OutputDir } from '../fsutil/outdir.js';
import { maskNiksInText } from '../nik/nik.js';
import { encodeCsv } from './csv.js';
import { eachOwnWorkbook, writeWorkbookFile } from './bundle-xlsx.js';
import type { ExportFormat, Manifest, ManifestFile, Table, WorkbookPlan } from './table.js';

export type { ExportFormat, Manifest, ManifestFile, Table, WorkbookPlan } from './table.js';

export interface BundleOptions {
  format?: ExportFormat;
  excel?: boolean;
  force?: boolean;
  /** Mask NIK-like numbers in every text cell (default true; false only for the signed decree's annex). */
  maskNik?: boolean;
  now: Date;
  /** How the tables go into workbooks (default: each table its own workbook, named as its CSV would be). */
  workbooks?: (tables: Table[]) => WorkbookPlan[];
  /** Files of the command's own written before the manifest (the decree annex). */
  extra?: (out: OutputDir) => Promise<ManifestFile[]>;
}

export const MANIFEST = 'manifest.json';

export function encodeTable(table: Table, format: 'csv' | 'json', excel: boolean): { name: string; data: Buffer } {
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
export async function writeBundle(dir: string, tables: Table[], about: Record<string, unknown>, options: BundleOptions): Promise<Manifest> {
  const format = options.format ?? 'csv';
  const excel = format === 'csv' && !!options.excel;
  const shown = options.maskNik === false ? tables : tables.map(maskTable);
  const { result } = await writeOutputDir(dir, { force: options.force }, async (out) => {
    const files: ManifestFile[] = [];
    if (format === 'xlsx') {
      for (const plan of (options.workbooks ?? eachOwnWorkbook)(shown)) files.push(await writeWorkbookFile(out, plan));
    } else {
      for (const t of shown) {
        const { name, data } = encodeTable(t, format, excel);
        files.push({ ...out.add(name, data), rows: t.rows.length });
      }
    }
    if (options.extra) files.push(...(await options.extra(out)));
    const manifest: Manifest = { generated_at: options.now.toISOString(), format, excel, ...about, files };
    out.add(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  });
  return result;
}
