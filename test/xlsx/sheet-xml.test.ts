import { describe, expect, it } from 'vitest';
import { sheetXmlParser, type RawCellSink } from '../../src/xlsx/sheet-xml.js';
import { saxesSheetParser } from './sheet-xml-saxes.js';

type Event = ['row', string | undefined] | ['cell', string | undefined, string | undefined, string | undefined, string] | ['end'];

function recorder(): RawCellSink & { events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    row: (r) => events.push(['row', r]),
    cell: (ref, type, style, raw) => events.push(['cell', ref, type, style, raw]),
    endRow: () => events.push(['end']),
  };
}

/** What the scanner gives for `xml` fed in the given pieces. */
function scan(pieces: string[]): Event[] {
  const sink = recorder();
  const p = sheetXmlParser(sink);
  for (const piece of pieces) p.write(piece);
  p.close();
  return sink.events;
}

function reference(xml: string): Event[] {
  const sink = recorder();
  saxesSheetParser(sink).write(xml).close();
  return sink.events;
}

/** A deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

function splitAnywhere(text: string, rnd: () => number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const size = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 40);
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const wrap = (rows: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${prefix}worksheet ${prefix ? NS.replace('xmlns', `xmlns:${prefix.slice(0, -1)}`) : NS}><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

/** The shapes of cells real producers write (Excel, LibreOffice, exceljs, Google Sheets, odd exporters). */
const CELLS = [
  '<c r="A1" s="1" t="s"><v>0</v></c>',
  '<c r="B1"><v>6.40218060997276E+15</v></c>',
  '<c r="C1" t="inlineStr"><is><t>Tenggarong &amp; Seberang</t></is></c>',
  '<c r="D1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Jl. </t></r><r><t>Mawar</t></r><rPh sb="0" eb="1"><t>まわ</t></rPh></is></c>',
  '<c r="E1" t="str"><f>A1&amp;"x"</f><v>ab&lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;</v></c>',
  "<c r='F1' s = '2' t = 'n' ><v>45291</v></c>",
  '<c r="G1" s="3"/>',
  '<c r="H1" t="e"><v>#N/A</v></c>',
  '<c r="I1" t="b"><v>1</v></c>',
  '<c r="J1" t="inlineStr"><is><t>line one\r\nline two\rthree</t></is></c>',
  '<c r="K1"><v><![CDATA[12<3]]></v></c>',
  '<c><v>7</v></c>',
  '<c r="L1"><!-- a comment --><v>8</v></c>',
  '<c r="M1" t="s"><v/></c>',
  '<c r="N1" t="d"><v>2025-04-02T00:00:00Z</v></c>',
  '<c r="O1" t="inlineStr"><is><t>_x000D_ 🐔 ayam</t></is></c>',
  '<c\nr="P1"\ts="4"><v>\n 12 \n</v></c>',
];

function sheet(rnd: () => number, prefix: string): string {
  const rows: string[] = [];
  const n = 1 + Math.floor(rnd() * 6);
  for (let r = 1; r <= n; r++) {
    const k = Math.floor(rnd() * 5);
    if (rnd() < 0.1) {
      rows.push(`<row r="${r}" spans="1:3"/>`);
      continue;
    }
    let cells = '';
    for (let c = 0; c < k; c++) cells += CELLS[Math.floor(rnd() * CELLS.length)]!;
    const attrs = rnd() < 0.2 ? '' : ` r="${r}"${rnd() < 0.5 ? ' spans="1:16" x14ac:dyDescent="0.25"' : ''}`;
    rows.push(`<row${attrs}>${cells}</row>`);
  }
  const xml = wrap(rows.join(rnd() < 0.5 ? '' : '\n  '));
  return prefix ? xml.replace(/<(\/?)(?![?!])([a-zA-Z]+)/g, (_, slash: string, name: string) => `<${slash}${prefix}${name}`).replace(new RegExp(`<(/?)${prefix}(rPr|b|f)\\b`, 'g'), '<$1$2') : xml;
}

describe('the worksheet scanner', () => {
  it('gives what a full XML parser (saxes) gives, for every shape of cell, split into pieces anywhere', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = random(seed);
      const xml = sheet(rnd, seed % 4 === 0 ? 'x:' : '');
      const expected = reference(xml);
      expect(scan([xml]), `seed ${seed}, whole`).toEqual(expected);
      expect(scan(splitAnywhere(xml, rnd)), `seed ${seed}, in pieces`).toEqual(expected);
    }
  });

  it('reads values as written: entities, character references, CDATA, line ends, phonetic readings left out', () => {
    const xml = wrap(`<row r="2">${CELLS[2]}${CELLS[3]}${CELLS[4]}${CELLS[9]}${CELLS[10]}</row>`);
    expect(scan(xml.split(''))).toEqual([
      ['row', '2'],
      ['cell', 'C1', 'inlineStr', undefined, 'Tenggarong & Seberang'],
      ['cell', 'D1', 'inlineStr', undefined, 'Jl. Mawar'],
      ['cell', 'E1', 'str', undefined, `ab<c> "d" 'e' AB`],
      ['cell', 'J1', 'inlineStr', undefined, 'line one\nline two\nthree'],
      ['cell', 'K1', undefined, undefined, '12<3'],
      ['end'],
    ]);
  });

  it('reads long runs of text piece by piece, and refuses a tag too long to be a worksheet\'s', () => {
    // 5 MB in one value and 12 MB of spaces between rows, in 64 KB pieces as the part is inflated.
    const long = 'x'.repeat(5 << 20);
    const spaces = ' '.repeat(12 << 20);
    const xml = `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a${long}b &amp; c</t></is></c></row>${spaces}</sheetData></worksheet>`;
    expect(scan(chunks(xml, 65536))).toEqual([['row', '1'], ['cell', 'A1', 'inlineStr', undefined, `a${long}b & c`], ['end']]);
    const hugeTag = `<?xml version="1.0"?><worksheet><sheetData><row r="1" spans="${'1'.repeat(2 << 20)}"></row></sheetData></worksheet>`;
    expect(() => scan(chunks(hugeTag, 65536))).toThrow(/a tag longer than 1 MB/);
  });

  const broken: [string, string, RegExp][] = [
    ['a file cut inside a tag', `${wrap('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30)}<c r="B`, /ends inside a tag/],
    ['a file cut between tags', wrap('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30), /ends before <\/row>/],
    ['a closing tag that does not match', wrap('<row r="1"><c r="A1"><v>1</c></v></row>'), /<\/c> where <\/v> was expected/],
    ['a bare ampersand', wrap('<row r="1"><c r="A1" t="str"><v>a & b</v></c></row>'), /an & that is not an entity/],
    ['an entity XML does not define', wrap('<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>'), /an & that is not an entity/],
    ['a DTD', `<!DOCTYPE x [<!ENTITY e "boom">]>${wrap('<row r="1"><c r="A1" t="str"><v>&e;</v></c></row>')}`, /DTD/],
    ['an attribute without quotes', wrap('<row r=1><c r="A1"><v>1</v></c></row>'), /without quotes/],
  ];
  it.each(broken)('refuses %s, as a full XML parser does', (_, xml, message) => {
    expect(() => reference(xml)).toThrow();
    expect(() => scan([xml])).toThrow(message);
    expect(() => scan(splitAnywhere(xml, random(7)))).toThrow(message);
  });
});
