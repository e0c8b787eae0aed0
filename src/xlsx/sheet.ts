/**
 * A worksheet streamed row by row (saxes over the inflated part): each cell comes out as text, as
 * a number, or empty. Shared strings are looked up, date cells become ISO dates (by their style),
 * formulas give their cached value, booleans TRUE/FALSE, errors their code (#N/A).
 */
import type { Readable } from 'node:stream';
import { serialToIso } from './serial-date.js';
import { sheetXmlParser, type RawCellSink } from './sheet-xml.js';
import type { StringTable } from './string-table.js';
import type { Styles } from './styles.js';

/** A cell as read: text, a plain number (its meaning depends on the column), or empty. */
export type CellValue = string | number | undefined;

export interface SheetRow {
  /** The spreadsheet's row number (1-based), as a person sees it. */
  r: number;
  /** By column, A = 0; holes are empty cells. */
  cells: CellValue[];
}

export interface SheetContext {
  strings?: StringTable;
  styles: Styles;
  date1904: boolean;
}

/** "B12" → 1; "AA3" → 26. -1 when the reference has no letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Excel escapes control characters in strings as _xHHHH_ (a CR is _x000D_). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') === -1) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function cellValue(type: string, raw: string, style: number, ctx: SheetContext): CellValue {
  switch (type) {
    case 's':
      return ctx.strings?.get(Number(raw)) ?? '';
    case 'str':
    case 'inlineStr':
      return unescapeOoxml(raw);
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return raw;
    case 'd': {
      // ISO 8601 in the cell itself; midnight is a plain date.
      const iso = raw.trim().replace(/T00:00:00(?:\.0+)?Z?$/, '').replace('T', ' ').replace(/Z$/, '');
      return iso;
    }
    default: {
      const text = raw.trim();
      if (text === '') return undefined;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      if (ctx.styles.dateStyle[style]) return serialToIso(n, ctx.date1904) ?? n;
      return n;
    }
  }
}

/** Builds rows from raw cells: column from the reference, value by type and style. */
export class RowBuilder implements RawCellSink {
  rows: SheetRow[] = [];
  private current: SheetRow | undefined;
  private lastRow = 0;
  private col = -1;

  constructor(private readonly ctx: SheetContext) {}

  row(r: string | undefined): void {
    const n = r === undefined ? NaN : Number(r);
    this.lastRow = Number.isInteger(n) && n > 0 ? n : this.lastRow + 1;
    this.current = { r: this.lastRow, cells: [] };
    this.col = -1;
  }

  cell(ref: string | undefined, type: string | undefined, style: string | undefined, raw: string): void {
    const at = ref === undefined || ref === '' ? -1 : columnIndex(ref);
    this.col = at >= 0 ? at : this.col + 1;
    const value = cellValue(type || 'n', raw, style ? Number(style) : 0, this.ctx);
    if (value !== undefined && this.current) this.current.cells[this.col] = value;
  }

  endRow(): void {
    if (this.current) this.rows.push(this.current);
    this.current = undefined;
  }

  /** The rows completed so far, handed over once. */
  take(): SheetRow[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }
}

/**
 * The rows of a sheet part, parsed in this thread, in batches (one per chunk read). `onBytes`
 * sees each inflated chunk's length, for progress.
 */
export async function* readSheetRows(stream: Readable, ctx: SheetContext, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const builder = new RowBuilder(ctx);
  const parser = sheetXmlParser(builder);
  // Chunks are decoded as a stream: a character split between two chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    onBytes?.((chunk as Buffer).length);
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    if (builder.rows.length > 0) yield builder.take();
  }
  parser.write(decoder.decode()).close();
  if (builder.rows.length > 0) yield builder.take();
}
