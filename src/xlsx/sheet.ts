/**
 * A worksheet streamed row by row (saxes over the inflated part): each cell comes out as text, as
 * a number, or empty. Shared strings are looked up, date cells become ISO dates (by their style),
 * formulas give their cached value, booleans TRUE/FALSE, errors their code (#N/A).
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { serialToIso } from './serial-date.js';
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

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

function cellValue(type: string, raw: string, style: number, ctx: SheetContext): CellValue {
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

/**
 * The rows of a sheet part, in batches (one per chunk read). `onBytes` sees each compressed-side
 * chunk length, for progress.
 */
export async function* readSheetRows(stream: Readable, ctx: SheetContext, onBytes?: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const parser = new SaxesParser({ position: false });
  let out: SheetRow[] = [];
  let row: SheetRow | undefined;
  let lastRow = 0;
  let col = -1;
  let type = 'n';
  let style = 0;
  let raw = '';
  let hasValue = false;
  let capture = false; // inside <v>, or <t> of an inline string
  let inInline = false;
  let inPhonetic = false;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'c') {
      if (!row) return;
      const a = tag.attributes as Record<string, string>;
      const ref = a.r;
      const at = ref === undefined ? -1 : columnIndex(ref);
      col = at >= 0 ? at : col + 1;
      type = a.t ?? 'n';
      style = a.s === undefined ? 0 : Number(a.s);
      raw = '';
      hasValue = false;
    } else if (name === 'v') {
      capture = true;
      hasValue = true;
    } else if (name === 'row') {
      const r = Number((tag.attributes as Record<string, string>).r);
      lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      row = { r: lastRow, cells: [] };
      col = -1;
    } else if (name === 'is') {
      inInline = true;
      hasValue = true;
    } else if (name === 't') {
      capture = inInline && !inPhonetic;
    } else if (name === 'rPh') {
      inPhonetic = true;
    }
  });
  parser.on('text', (text) => {
    if (capture) raw += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v' || name === 't') capture = false;
    else if (name === 'c') {
      if (row && hasValue && col >= 0) {
        const value = cellValue(type, raw, style, ctx);
        if (value !== undefined) row.cells[col] = value;
      }
    } else if (name === 'row') {
      if (row) out.push(row);
      row = undefined;
    } else if (name === 'is') inInline = false;
    else if (name === 'rPh') inPhonetic = false;
  });

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    onBytes?.((chunk as Buffer).length);
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  parser.write(decoder.decode()).close();
  if (out.length > 0) yield out;
}
