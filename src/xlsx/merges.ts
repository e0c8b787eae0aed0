/**
 * Merged cell ranges of a sheet. They are listed after the rows (`<mergeCells>` follows
 * `<sheetData>`), so a reader that must know them before the header (merged header cells) or
 * before the rows they cover (a KK merged over a family's members) finds them in a first pass:
 * the part is inflated and searched as bytes, without parsing the XML.
 */
import type { Readable } from 'node:stream';
import { columnIndex } from './sheet.js';

export interface MergeRange {
  top: number;
  bottom: number;
  /** Columns, A = 0. */
  left: number;
  right: number;
}

const REF = /<(?:[\w-]+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?"/g;

/** "B3:D4" and the like from the `<mergeCell ref=…>` elements of a sheet part. */
export async function scanMerges(stream: Readable): Promise<MergeRange[]> {
  const ranges: MergeRange[] = [];
  const needle = Buffer.from('mergeCell');
  /** The end of the previous chunk: a tag may straddle two chunks. */
  let tail = Buffer.alloc(0);
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    // Almost every chunk holds no merge at all: a byte search, and on to the next.
    const straddles = tail.length > 0 && Buffer.concat([tail, buf.subarray(0, needle.length)]).indexOf(needle) !== -1;
    if (!straddles && buf.indexOf(needle) === -1 && tail.length <= needle.length) {
      tail = Buffer.from(buf.subarray(Math.max(0, buf.length - needle.length)));
      continue;
    }
    const text = tail.toString('latin1') + buf.toString('latin1');
    let end = 0;
    REF.lastIndex = 0;
    for (let m = REF.exec(text); m; m = REF.exec(text)) {
      const top = Number(m[2]);
      const bottom = m[4] ? Number(m[4]) : top;
      const left = columnIndex(m[1]!);
      const right = m[3] ? columnIndex(m[3]) : left;
      ranges.push({ top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) });
      end = REF.lastIndex;
    }
    // An unfinished tag at the end waits for the next chunk.
    const lt = text.lastIndexOf('<');
    tail = Buffer.from(lt >= end && text.indexOf('>', lt) === -1 ? text.slice(lt) : text.slice(-needle.length), 'latin1');
  }
  return ranges;
}

/**
 * Fills each merged range with the value of its top-left cell, row by row as the rows stream
 * past (a spreadsheet shows the value across the whole range; the file holds it once).
 */
export function mergeFiller(ranges: MergeRange[]): (row: { r: number; cells: unknown[] }) => void {
  if (ranges.length === 0) return () => {};
  const pending = [...ranges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: { range: MergeRange; value: unknown }[] = [];
  return (row) => {
    while (next < pending.length && pending[next]!.top <= row.r) {
      const range = pending[next++]!;
      // A range whose top row is missing from the file has no value to spread.
      if (range.top === row.r) active.push({ range, value: row.cells[range.left] });
    }
    if (active.length === 0) return;
    active = active.filter((a) => a.range.bottom >= row.r);
    for (const { range, value } of active) {
      if (value === undefined) continue;
      for (let c = range.left; c <= range.right; c++) row.cells[c] = value;
    }
  };
}
