/**
 * The XML of a worksheet part, as raw cells: each cell is handed on with its attributes as written
 * (reference, type, style) and its raw value (the `<v>` text, or the text of an inline string),
 * before any interpretation. Both the reading thread (sheet.ts) and the parsing worker
 * (sheet-worker.ts) use it.
 *
 * A scanner written for this one shape of XML, not a general parser: a 1M-row sheet is about
 * 35 million elements, and a general event parser (saxes, which reads every other part) spent
 * twice the time of the rest of the import on them. It finds tags with indexOf, reads attributes
 * only of `<row>` and `<c>`, and still refuses what is not well-formed (a tag left open, a closing
 * tag that does not match, an unknown entity, a DTD). test/xlsx/sheet-xml.test.ts checks that it
 * gives what saxes gives on every kind of input, split into chunks anywhere.
 */
import { SheetXmlError, decodeEntities, localName } from './xml-text.js';

export interface RawCellSink {
  /** A `<row>` starts; `r` is its row number attribute when written. */
  row(r: string | undefined): void;
  /** A cell with a value (cells without `<v>` or `<is>` are not handed on). */
  cell(ref: string | undefined, type: string | undefined, style: string | undefined, raw: string): void;
  endRow(): void;
}

export interface SheetXmlParser {
  /** Takes the next decoded piece of the part; a tag may be split between pieces. */
  write(text: string): SheetXmlParser;
  /** The part has ended: refuses XML left incomplete. */
  close(): void;
}

/**
 * A tag (or comment, or CDATA section) longer than this is not a worksheet's: a cut-off tag is
 * scanned again with every piece, so its length must stay small. A cell's text may be longer.
 */
const MAX_MARKUP = 1 << 20;
const MAX_VALUE = 32 << 20;

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const V = 118;
const C = 99;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function sheetXmlParser(sink: RawCellSink): SheetXmlParser {
  return new SheetScanner(sink);
}

class SheetScanner implements SheetXmlParser {
  /** Text not yet consumed: markup (or text) cut by the end of the last piece. */
  private pending = '';
  private readonly open: string[] = [];
  private inRow = false;
  private ref: string | undefined;
  private type: string | undefined;
  private style: string | undefined;
  private raw = '';
  private hasValue = false;
  /** Inside `<v>`, or `<t>` of an inline string (not of its phonetic reading). */
  private capture = false;
  private inInline = false;
  private inPhonetic = false;

  constructor(private readonly sink: RawCellSink) {}

  write(text: string): SheetXmlParser {
    const s = this.pending === '' ? text : this.pending + text;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        i = this.trailingText(s, i);
        break;
      }
      if (lt > i && this.capture) this.addText(s.slice(i, lt));
      const next = this.markup(s, lt);
      if (next === -1) {
        i = lt;
        if (n - lt > MAX_MARKUP) throw new SheetXmlError('a tag longer than 1 MB');
        break;
      }
      i = next;
    }
    this.pending = i < n ? s.slice(i) : '';
    return this;
  }

  /**
   * Text running to the end of the piece: taken now (so a long run of text is never kept and
   * scanned again), but for an entity or a CR the next piece may complete. Returns where the
   * text that waits starts.
   */
  private trailingText(s: string, from: number): number {
    if (!this.capture) return s.length; // text outside a value means nothing here
    let keep = s.length;
    const amp = s.lastIndexOf('&');
    if (amp >= from && s.length - amp <= 12 && s.indexOf(';', amp) === -1) keep = amp; // &#x10FFFF; is the longest
    else if (s.charCodeAt(s.length - 1) === 13) keep = s.length - 1;
    if (keep > from) this.addText(s.slice(from, keep));
    return keep;
  }

  private addText(text: string): void {
    this.raw += decodeEntities(text);
    if (this.raw.length > MAX_VALUE) throw new SheetXmlError('a cell longer than 32 MB');
  }

  close(): void {
    if (this.pending.trim() !== '') throw new SheetXmlError(this.pending.trimStart().startsWith('<') ? 'the XML ends inside a tag' : 'text after the last tag');
    if (this.open.length > 0) throw new SheetXmlError(`the XML ends before </${this.open[this.open.length - 1]}>`);
  }

  /** Reads the markup starting at `lt`; returns where the text after it starts, or -1 when it is cut off. */
  private markup(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    // The tags of almost every cell, as every producer writes them: no attributes to read.
    if (c === V && s.charCodeAt(lt + 2) === GT) {
      this.openElement('v', undefined, undefined, undefined);
      this.open.push('v');
      return lt + 3;
    }
    if (c === SLASH && s.charCodeAt(lt + 3) === GT) {
      const name = s.charCodeAt(lt + 2);
      if (name === V || name === C) {
        this.closeTag(name === V ? 'v' : 'c');
        return lt + 4;
      }
    }
    if (c === SLASH) {
      const gt = s.indexOf('>', lt + 2);
      if (gt === -1) return -1;
      this.closeTag(s.slice(lt + 2, gt).trimEnd());
      return gt + 1;
    }
    if (c === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (c === BANG) return this.declaration(s, lt);
    return this.openTag(s, lt);
  }

  /** A comment, a CDATA section (text, taken as written), or a DTD (refused). */
  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.capture) this.raw += normaliseNewlines(s.slice(lt + 9, end)); // text as written, no entities
      return end + 3;
    }
    if (s.length - lt < 9) return -1; // too short yet to tell
    throw new SheetXmlError('a DTD or unknown declaration in a worksheet');
  }

  private openTag(s: string, lt: number): number {
    const n = s.length;
    let j = lt + 1;
    let c = 0;
    while (j < n) {
      c = s.charCodeAt(j);
      if (c === GT || c === SLASH || isSpace(c)) break;
      j++;
    }
    if (j >= n) return -1;
    const qualified = s.slice(lt + 1, j);
    if (qualified === '' || qualified.indexOf('<') !== -1) throw new SheetXmlError('a < where a tag name was expected');
    const name = localName(qualified);
    const wanted = name === 'c' || name === 'row';
    let r: string | undefined;
    let t: string | undefined;
    let st: string | undefined;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      c = s.charCodeAt(j);
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== GT) throw new SheetXmlError(`a stray / in <${name}>`);
        selfClosing = true;
        j += 2;
        break;
      }
      const eq = s.indexOf('=', j);
      if (eq === -1) return -1;
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q++;
      if (q >= n) return -1;
      const quote = s[q];
      if (quote !== '"' && quote !== "'") throw new SheetXmlError(`an attribute of <${name}> without quotes`);
      const end = s.indexOf(quote, q + 1);
      if (end === -1) return -1;
      if (wanted) {
        // One-letter names read by their code, without a string for the name.
        const attr = eq === j + 1 || (eq > j + 1 && isSpace(s.charCodeAt(j + 1)) && s.slice(j + 1, eq).trim() === '') ? s.charCodeAt(j) : 0;
        if (attr === 114) r = attrValue(s, q + 1, end); // r
        else if (attr === 116) t = attrValue(s, q + 1, end); // t
        else if (attr === 115) st = attrValue(s, q + 1, end); // s
      }
      j = end + 1;
    }
    this.openElement(name, r, t, st);
    if (selfClosing) this.closeElement(name);
    else this.open.push(name);
    return j;
  }

  private closeTag(qualified: string): void {
    const name = localName(qualified);
    const expected = this.open.pop();
    if (expected !== name) throw new SheetXmlError(expected === undefined ? `</${name}> without its opening tag` : `</${name}> where </${expected}> was expected`);
    this.closeElement(name);
  }

  private openElement(name: string, r: string | undefined, t: string | undefined, s: string | undefined): void {
    switch (name) {
      case 'c':
        this.ref = r;
        this.type = t;
        this.style = s;
        this.raw = '';
        this.hasValue = false;
        break;
      case 'v':
        this.capture = true;
        this.hasValue = true;
        break;
      case 'row':
        this.inRow = true;
        this.sink.row(r);
        break;
      case 'is':
        this.inInline = true;
        this.hasValue = true;
        break;
      case 't':
        this.capture = this.inInline && !this.inPhonetic;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  private closeElement(name: string): void {
    switch (name) {
      case 'c':
        if (this.inRow && this.hasValue) this.sink.cell(this.ref, this.type, this.style, this.raw);
        break;
      case 'v':
      case 't':
        this.capture = false;
        break;
      case 'row':
        this.inRow = false;
        this.sink.endRow();
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
    }
  }
}

function attrValue(s: string, from: number, to: number): string {
  const value = s.slice(from, to);
  return value.indexOf('&') === -1 ? value : decodeEntities(value);
}

function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
