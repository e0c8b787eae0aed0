/** The tables exports and reports write, and the manifest that lists the files written. */
import type { WrittenFile } from '../fsutil/outdir.js';
import type { DropDown } from '../xlsx/write/table-sheet.js';
import type { Cell } from './csv.js';

export interface Table {
  /** File name without extension (CSV, JSON), and the sheet's name in a workbook unless `sheet` says otherwise. */
  name: string;
  columns: string[];
  rows: Cell[][];
  /** The sheet's name in a workbook. */
  sheet?: string;
  /** Drop-down lists on columns a person fills in (workbooks only). */
  dropDowns?: DropDown[];
  /** Columns a person types dates into (workbooks only: a date is required there). */
  dateEntry?: string[];
}

export type ExportFormat = 'csv' | 'json' | 'xlsx';

export interface ManifestFile extends WrittenFile {
  rows: number;
  /** A workbook's sheets and their rows. */
  sheets?: { name: string; rows: number }[];
}

export interface Manifest {
  generated_at: string;
  format: ExportFormat;
  excel: boolean;
  [key: string]: unknown;
  files: ManifestFile[];
}

/** Tables that go into one workbook. */
export interface WorkbookPlan {
  /** File name without extension. */
  name: string;
  tables: Table[];
}
