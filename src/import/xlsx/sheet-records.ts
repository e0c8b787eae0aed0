/**
 * One sheet of an .xlsx read as the records an import validates: the same `{ line, fields }` as
 * the CSV reader gives, where the line is the spreadsheet's row number and the fields are the
 * cells as text (cells.ts), after the header row found by header.ts.
 */
import { basename } from 'node:path';
import { DataError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import type { CsvRecord } from '../../csv/parser.js';
import { openXlsx, type SheetInfo, type SheetRow, type XlsxReader } from '../../xlsx/reader.js';
import { mapHeader, parseMapOptions, type FieldSpec, type HeaderMapping } from '../headers.js';
import { cellText, columnKind, type ColumnKind } from './cells.js';
import { findHeader, HEADER_SEARCH_ROWS } from './header.js';

export interface XlsxRecords {
  /** The sheet read (for a family + member workbook: the member sheet). */
  sheet: SheetInfo;
  /** Both sheets of a family + member workbook, which a second pass must read the same way. */
  family?: SheetInfo;
  header: string[];
  headerLine: number;
  totalBytes: number;
  bytesRead(): number;
  batches(): AsyncGenerator<CsvRecord[]>;
  close(): void;
}

/** One sheet's header found, its records not yet read. */
export interface SheetRecords extends Omit<XlsxRecords, 'close' | 'family'> {
  mapping: HeaderMapping;
  /** Stops reading this sheet (the workbook stays open). */
  stop(): void;
}

export interface XlsxRecordOptions {
  sheet?: string;
  map?: string[];
}

export const unreadable = (file: string, err: unknown) =>
  new DataError(basename(file), undefined, undefined, t('xlsx:file.unreadable', { reason: (err as Error).message }), t('xlsx:file.unreadable_hint'));

/** Opens a workbook, or says plainly that the file is not one uep can read. */
export async function openWorkbook(file: string): Promise<XlsxReader> {
  try {
    return await openXlsx(file);
  } catch (err) {
    throw unreadable(file, err);
  }
}

function toRecord(row: SheetRow, kinds: ColumnKind[]): CsvRecord {
  const width = Math.max(kinds.length, row.cells.length);
  const fields = new Array<string>(width);
  for (let c = 0; c < width; c++) fields[c] = cellText(row.cells[c], kinds[c] ?? 'general');
  return { line: row.r, fields };
}

/** Reads a sheet's first rows, finds its header, and streams the rest as records. */
export async function sheetRecords(reader: XlsxReader, name: string, sheet: SheetInfo, fields: FieldSpec[], map: string[] | undefined): Promise<SheetRecords> {
  let bytesRead = 0;
  const rows = reader.rows(sheet, (n) => (bytesRead += n));
  const head: SheetRow[] = [];
  let found: ReturnType<typeof findHeader>;
  let mapping: HeaderMapping;
  try {
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await rows.next();
      if (next.done) break;
      for (const row of next.value) head.push(row); // a batch may hold a million rows: no spread
    }
    const overrides = parseMapOptions(map, fields);
    found = findHeader(head.slice(0, HEADER_SEARCH_ROWS), fields, await reader.merges(sheet), [...overrides.values()]);
    if (!found) throw new DataError(name, undefined, undefined, t('xlsx:sheet.empty', { sheet: sheet.name }));
    mapping = mapHeader(name, found.names, fields, overrides);
  } catch (err) {
    await rows.return(undefined); // ends the parsing thread, which would keep the process alive
    throw err;
  }
  const fieldOf = new Map([...mapping.index].map(([field, i]) => [i, field]));
  const kinds = found.names.map((_, i) => columnKind(fieldOf.get(i)));
  const rest = head.slice(found.consumed);
  return {
    sheet,
    mapping,
    header: found.names,
    headerLine: found.line,
    totalBytes: reader.size(sheet),
    bytesRead: () => bytesRead,
    async *batches() {
      try {
        if (rest.length > 0) yield rest.map((r) => toRecord(r, kinds));
        for (;;) {
          const next = await rows.next();
          if (next.done) return;
          yield next.value.map((r) => toRecord(r, kinds));
        }
      } finally {
        await rows.return(undefined);
      }
    },
    stop: () => void rows.return(undefined),
  };
}
