/**
 * The sheet reader as it was before the hand-written scanner (src/xlsx/sheet-xml.ts): saxes, a
 * complete XML parser, turning a worksheet into raw cells. Kept here as the reference the scanner
 * must agree with on every input (test/xlsx/sheet-xml.test.ts).
 */
import { SaxesParser } from 'saxes';
import type { RawCellSink } from '../../src/xlsx/sheet-xml.js';


const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** A parser writing into `sink`; feed it decoded text, then close it. */
export function saxesSheetParser(sink: RawCellSink): SaxesParser {
  const parser = new SaxesParser({ position: false });
  let inRow = false;
  let ref: string | undefined;
  let type: string | undefined;
  let style: string | undefined;
  let raw = '';
  let hasValue = false;
  let capture = false; // inside <v>, or <t> of an inline string
  let inInline = false;
  let inPhonetic = false;

  parser.on('opentag', (tag) => {
    // Unprefixed names first: the common case costs one comparison.
    const name = tag.name.length === 1 || tag.name === 'row' ? tag.name : localName(tag.name);
    if (name === 'c') {
      const a = tag.attributes as Record<string, string>;
      ref = a.r;
      type = a.t;
      style = a.s;
      raw = '';
      hasValue = false;
    } else if (name === 'v') {
      capture = true;
      hasValue = true;
    } else if (name === 'row') {
      inRow = true;
      sink.row((tag.attributes as Record<string, string>).r);
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
  // A CDATA section is text too (the reader before the scanner dropped it).
  parser.on('cdata', (text) => {
    if (capture) raw += text;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.length === 1 || tag.name === 'row' ? tag.name : localName(tag.name);
    if (name === 'c') {
      if (inRow && hasValue) sink.cell(ref, type, style, raw);
    } else if (name === 'v' || name === 't') capture = false;
    else if (name === 'row') {
      inRow = false;
      sink.endRow();
    } else if (name === 'is') inInline = false;
    else if (name === 'rPh') inPhonetic = false;
  });
  return parser;
}
