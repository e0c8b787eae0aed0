/**
 * The records an .xlsx import validates: the sheet `--sheet` names (sheet-records.ts reads one
 * sheet), or a DTSEN family + member workbook joined by KK (family-join.ts).
 */
import { basename } from 'node:path';
import type { Db } from '../../db/open.js';
import { UepError } from '../../errors.js';
import type { SheetInfo } from '../../xlsx/reader.js';
import type { FieldSpec } from '../headers.js';
import { familyPair, joinFamilies } from './family-join.js';
import { openWorkbook, sheetRecords, unreadable, type XlsxRecordOptions, type XlsxRecords } from './sheet-records.js';
import { chooseSheet } from './sheet-choice.js';

export type { XlsxRecordOptions, XlsxRecords } from './sheet-records.js';

/**
 * The records of the sheet to import: the one `--sheet` names, else the only visible one, else —
 * a DTSEN family sheet and member sheet — the members joined with their family by KK.
 * `again` reads the same sheet(s) as an earlier call (a second pass).
 */
export async function openXlsxRecords(
  db: Db, file: string, fields: FieldSpec[], options: XlsxRecordOptions, again?: { sheet: SheetInfo; family?: SheetInfo },
): Promise<XlsxRecords> {
  const name = basename(file);
  const reader = await openWorkbook(file);
  const finish = (records: Omit<XlsxRecords, 'close'>): XlsxRecords => ({
    ...records,
    async *batches() {
      try {
        yield* records.batches();
      } catch (err) {
        // A sheet found broken part-way (XML cut short, a damaged zip part) is a file that cannot be read.
        if (err instanceof UepError) throw err;
        throw unreadable(file, err);
      } finally {
        reader.close();
      }
    },
    close: () => reader.close(),
  });
  try {
    if (again?.family) return finish(await joinFamilies(db, name, reader, again.family, again.sheet, fields, options.map));
    if (again) return finish(await sheetRecords(reader, name, again.sheet, fields, options.map));
    const visible = reader.sheets.filter((s) => !s.hidden);
    if (options.sheet === undefined && visible.length === 2) {
      const pair = await familyPair(reader, name, visible, fields, options.map);
      if (pair) return finish(await joinFamilies(db, name, reader, pair.family, pair.members, fields, options.map));
    }
    return finish(await sheetRecords(reader, name, chooseSheet(name, reader.sheets, options.sheet), fields, options.map));
  } catch (err) {
    reader.close();
    if (err instanceof UepError) throw err;
    throw unreadable(file, err);
  }
}
