/** Tables as .xlsx workbooks in an output folder: typed columns, one sheet per table (src/xlsx/write). */
import type { OutputDir } from '../fsutil/outdir.js';
import { openBook } from '../xlsx/write/book.js';
import { columnsOf } from '../xlsx/write/columns.js';
import { SheetNames } from '../xlsx/write/sheet-name.js';
import { addTableSheet } from '../xlsx/write/table-sheet.js';
import type { ManifestFile, Table, WorkbookPlan } from './table.js';

/** Each table in a workbook of its own, named as its CSV file would be. */
export function eachOwnWorkbook(tables: Table[]): WorkbookPlan[] {
  return tables.map((t) => ({ name: t.name, tables: [t] }));
}

export async function writeWorkbookFile(out: OutputDir, plan: WorkbookPlan): Promise<ManifestFile> {
  const file = out.addStream(`${plan.name}.xlsx`);
  const book = openBook(file.stream);
  const names = new SheetNames();
  const sheets: { name: string; rows: number }[] = [];
  for (const t of plan.tables) {
    const name = names.take(t.sheet ?? t.name);
    await addTableSheet(book, { name, columns: columnsOf(t.columns), rows: t.rows, dropDowns: t.dropDowns, dateEntry: t.dateEntry });
    sheets.push({ name, rows: t.rows.length });
  }
  await book.finish();
  return { ...file.finish(), rows: sheets.reduce((n, s) => n + s.rows, 0), sheets };
}
