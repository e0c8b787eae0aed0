import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/import/xlsx/cells.js';
import { mergeFiller } from '../../src/xlsx/merges.js';
import { serialToIso } from '../../src/xlsx/serial-date.js';
import { readSharedStrings } from '../../src/xlsx/shared-strings.js';
import { readSheetRows } from '../../src/xlsx/sheet.js';
import { StringTable } from '../../src/xlsx/string-table.js';
import { isDateFormat, parseStyles } from '../../src/xlsx/styles.js';

/** A stream of the text's UTF-8 bytes cut every `size` bytes (through the middle of characters). */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

describe('xlsx reading', () => {
  it('turns date serials into ISO dates in both date systems, with the 1900 leap-year bug', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBe('1900-02-29'); // the day that never was
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(31233, false)).toBe('1985-07-05');
    expect(serialToIso(31233.5, false)).toBe('1985-07-05 12:00:00');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(29771, true)).toBe('1985-07-05');
    expect(serialToIso(0, false)).toBeUndefined();
  });

  it('tells date formats from numbers and times', () => {
    for (const f of ['yyyy\\-mm\\-dd', 'dd/mm/yyyy', 'd-mmm-yy', '[$-421]dd mmmm yyyy', 'mmmm', 'dd/mm/yyyy hh:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '#,##0.00', '"Rp"#,##0', 'hh:mm:ss', '[h]:mm', '@', '0.00" dd"']) expect(isDateFormat(f), f).toBe(false);
    const styles = parseStyles('<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>'
      + '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="49"/></cellXfs></styleSheet>');
    expect(styles.dateStyle).toEqual([false, true, false, true, false]);
  });

  it('keeps shared strings whole when a character is split between two chunks', async () => {
    const xml = `<sst>${Array.from({ length: 200 }, (_, i) => `<si><t>Sitï Ämînah ${i}</t></si>`).join('')}<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>phonetic</t></rPh></si><si><t>a_x000D_b</t></si></sst>`;
    const table = await readSharedStrings(chunked(xml, 7));
    expect(table.size).toBe(202);
    expect(table.get(0)).toBe('Sitï Ämînah 0');
    expect(table.get(199)).toBe('Sitï Ämînah 199');
    expect(table.get(200)).toBe('Rich text');
    expect(table.get(201)).toBe('a\rb');
    expect(table.get(202)).toBeUndefined();
  });

  it('holds strings across slabs without mixing them up', () => {
    const table = new StringTable();
    const long = 'é'.repeat(1 << 20); // 2 MB of UTF-8
    for (let i = 0; i < 10; i++) table.add(`${i}${long}`);
    expect(table.get(9)).toBe(`9${long}`);
    expect(table.get(4)!.length).toBe(long.length + 1);
  });

  it('reads cells by type: shared and inline strings, numbers, dates, booleans, errors, formulas', async () => {
    const strings = new StringTable();
    strings.add('Nama');
    const xml = '<worksheet><sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="inlineStr"><is><t>Jalan Ä</t></is></c>'
      + '<c r="D3" s="1"><v>31233</v></c><c r="E3"><v>6402180609972760</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#N/A</v></c>'
      + '<c r="H3" t="str"><f>A3&amp;"x"</f><v>Namax</v></c><c r="I3"><f>1+1</f><v>2</v></c></row><row><c><v>64.1</v></c></row></sheetData></worksheet>';
    const rows = [];
    for await (const batch of readSheetRows(chunked(xml, 5), { strings, styles: { dateStyle: [false, true] }, date1904: false })) rows.push(...batch);
    expect(rows).toEqual([
      { r: 3, cells: ['Nama', undefined, 'Jalan Ä', '1985-07-05', 6402180609972760, 'TRUE', '#N/A', 'Namax', 2] },
      { r: 4, cells: [64.1] },
    ]);
    expect(cellText(6402180609972760, 'identifier')).toBe('6.40218060997276E+15');
    expect(cellText(5, 'identifier')).toBe('5E+0');
    expect(cellText(64.1, 'region_code')).toBe('64.10');
    expect(cellText(6472, 'region_code')).toBe('6472');
    expect(cellText(81234567890, 'general')).toBe('81234567890');
    expect(cellText(0.1 + 0.2, 'general')).toBe('0.3');
  });

  it('spreads a merged cell over the rows it covers', () => {
    const fill = mergeFiller([{ top: 2, bottom: 4, left: 1, right: 1 }]);
    const rows = [{ r: 2, cells: ['a', 'KK1'] }, { r: 3, cells: ['b'] }, { r: 5, cells: ['c'] }];
    rows.forEach(fill);
    expect(rows.map((r) => r.cells)).toEqual([['a', 'KK1'], ['b', 'KK1'], ['c']]);
  });
});
