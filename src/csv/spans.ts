import { CsvSyntaxError } from './parser.js';

/** Whole records of a file as raw text, for another thread to parse: the text and its first line. */
export interface CsvSpan {
  text: string;
  line: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the walk is within a record. A quote opens a quoted field only at a field's start; inside
// one, a doubled quote is a quote and a single one closes it (text after it is kept, unquoted).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CR = 4; // a line end, unless an LF follows (then that LF is part of it)
const QUOTED_AFTER_CR = 5; // a line inside quotes; an LF right after is part of it

/**
 * Cuts decoded text into spans of whole records without building any field: a span per chunk,
 * ending after the chunk's last complete record (what follows is carried into the next span).
 * Its rules are CsvParser's, so parsing each span on its own (a CsvParser starting at the span's
 * line) gives exactly the records and line numbers of parsing the whole text; a property test
 * (test/csv/spans.test.ts) holds the two together. Line ends: LF, CRLF or a lone CR.
 */
export class CsvSpanCutter {
  private readonly delim: number;
  private state = FIELD_START;
  private carry: string;
  private carryLine: number;
  /** Line of the next character, and the line on which the current record started. */
  private line: number;
  private recordLine: number;

  /** `rest` is text already read after the header (CsvParser.rest()), starting on `line`. */
  constructor(delimiter: string, rest: { text: string; line: number }, private readonly maxRecordChars = 1 << 20) {
    this.delim = delimiter.charCodeAt(0);
    this.carry = '';
    this.carryLine = rest.line;
    this.line = rest.line;
    this.recordLine = rest.line;
    this.pending = rest.text;
  }

  private pending: string;

  /** The spans completed by `chunk`. */
  push(chunk: string, out: CsvSpan[]): void {
    if (this.pending.length > 0) {
      const first = this.pending;
      this.pending = '';
      this.push(first, out);
    }
    const cut = this.walk(chunk);
    if (cut < 0) {
      this.carry += chunk;
      if (this.carry.length > this.maxRecordChars) {
        throw new CsvSyntaxError(this.recordLine, `a record longer than ${this.maxRecordChars} characters starts here (an unbalanced quote?)`);
      }
      return;
    }
    const text = this.carry.length > 0 ? this.carry + chunk.slice(0, cut) : chunk.slice(0, cut);
    out.push({ text, line: this.carryLine });
    this.carry = cut < chunk.length ? chunk.slice(cut) : '';
    this.carryLine = this.cutLine;
  }

  /** The last span: what is left at the end of the input. */
  end(out: CsvSpan[]): void {
    if (this.pending.length > 0) {
      const first = this.pending;
      this.pending = '';
      this.push(first, out);
    }
    if (this.state === QUOTED || this.state === QUOTED_AFTER_CR) throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed (unbalanced quote)');
    if (this.carry.length > 0) out.push({ text: this.carry, line: this.carryLine });
    this.carry = '';
  }

  private cutLine = 0;

  /** Walks a chunk on from the saved state; returns the offset after its last complete record, or -1. */
  private walk(text: string): number {
    const delim = this.delim;
    let state = this.state;
    let line = this.line;
    let recordLine = this.recordLine;
    let cut = -1;
    let cutLine = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === AFTER_CR) {
        // The record ended at the CR; an LF right after belongs to the same line end.
        line++;
        recordLine = line;
        state = FIELD_START;
        if (c === LF) {
          cut = i + 1;
          cutLine = line;
          continue;
        }
        cut = i;
        cutLine = line;
      }
      if (state === QUOTED_AFTER_CR) {
        state = QUOTED;
        if (c === LF) continue; // counted at the CR
      }
      if (state === QUOTED) {
        if (c === QUOTE) state = QUOTE_IN_QUOTED;
        else if (c === LF) line++;
        else if (c === CR) {
          line++;
          state = QUOTED_AFTER_CR;
        }
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          state = QUOTED;
          continue;
        }
        state = UNQUOTED; // closed: the rest of the field is plain text
      }
      if (c === delim) state = FIELD_START;
      else if (c === LF) {
        line++;
        recordLine = line;
        state = FIELD_START;
        cut = i + 1;
        cutLine = line;
      } else if (c === CR) state = AFTER_CR;
      else if (state === FIELD_START) state = c === QUOTE ? QUOTED : UNQUOTED;
    }
    this.state = state;
    this.line = line;
    this.recordLine = recordLine;
    this.cutLine = cutLine;
    return cut;
  }
}
