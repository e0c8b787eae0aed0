/**
 * The XML of a worksheet part, as raw cells: saxes parses it, and each cell is handed on with its
 * attributes as written (reference, type, style) and its raw value (the `<v>` text, or the text of
 * an inline string), before any interpretation. Both the reading thread (sheet.ts) and the parsing
 * worker (sheet-worker.ts) use it.
 */
import { SaxesParser } from 'saxes';

export interface RawCellSink {
  /** A `<row>` starts; `r` is its row number attribute when written. */
  row(r: string | undefined): void;
  /** A cell with a value (cells without `<v>` or `<is>` are not handed on). */
  cell(ref: string | undefined, type: string | undefined, style: string | undefined, raw: string): void;
  endRow(): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** A parser writing into `sink`; feed it decoded text, then close it. */
export function sheetXmlParser(sink: RawCellSink): SaxesParser {
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
