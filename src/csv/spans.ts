import { t } from '../i18n/index.js';
import { CsvSyntaxError } from './parser.js';

/**
 * Whole records of a file as raw text, for another thread to parse: `head` (the end of a record
 * begun in the previous chunk) then `body` up to `end`, starting on `line`. Kept in pieces so
 * that no copy is made here: the receiving thread joins them.
 */
export interface CsvSpan {
  head: string;
  body: string;
  end: number;
  line: number;
}

export function spanText(span: CsvSpan): string {
  const body = span.end === span.body.length ? span.body : span.body.slice(0, span.end);
  return span.head.length > 0 ? span.head + body : body;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the walk is. Outside quotes only line ends and quotes matter: a quote opens a quoted field
// when it is a field's first character (else it is kept literally). Inside, a doubled quote is a
// quote and a single one closes the field (text after it, up to the delimiter, is kept unquoted).
const OUTSIDE = 0;
const QUOTED = 1;
const QUOTE_IN_QUOTED = 2;
const AFTER_CR = 3; // a line end, unless an LF follows (then that LF is part of it)
const QUOTED_AFTER_CR = 4; // a line inside quotes; an LF right after is part of it

/**
 * Cuts decoded text into spans of whole records without building any field: a span per chunk,
 * ending after the chunk's last complete record (the rest is carried into the next span).
 * Its rules are CsvParser's, so parsing each span on its own (a CsvParser starting at the span's
 * line) gives exactly the records and line numbers of parsing the whole text; a property test
 * (test/csv/spans.test.ts) holds the two together. Line ends: LF, CRLF or a lone CR.
 */
export class CsvSpanCutter {
  private readonly delim: number;
  private state = OUTSIDE;
  /** Whether the next character starts a field (the walk of the previous chunk ended there). */
  private atFieldStart = true;
  private carry = '';
  private carryLine: number;
  /** Line of the next character, and the line on which the current record started. */
  private line: number;
  private recordLine: number;
  private cutLine = 0;
  private pending: string;

  /** `rest` is text already read after the header (CsvParser.rest()), starting on `rest.line`. */
  constructor(delimiter: string, rest: { text: string; line: number }, private readonly maxRecordChars = 1 << 20) {
    this.delim = delimiter.charCodeAt(0);
    this.carryLine = rest.line;
    this.line = rest.line;
    this.recordLine = rest.line;
    this.pending = rest.text;
  }

  /** The spans completed by `chunk`. */
  push(chunk: string, out: CsvSpan[]): void {
    this.takePending(out);
    const cut = this.walk(chunk);
    if (cut < 0) {
      this.carry += chunk;
      if (this.carry.length > this.maxRecordChars) {
        throw new CsvSyntaxError(this.recordLine, t('csv:syntax.too_long', { max: this.maxRecordChars }));
      }
      return;
    }
    out.push({ head: this.carry, body: chunk, end: cut, line: this.carryLine });
    this.carry = cut < chunk.length ? chunk.slice(cut) : '';
    this.carryLine = this.cutLine;
  }

  /** The last span: what is left at the end of the input. */
  end(out: CsvSpan[]): void {
    this.takePending(out);
    if (this.state === QUOTED || this.state === QUOTED_AFTER_CR) {
      throw new CsvSyntaxError(this.recordLine, t('csv:syntax.unclosed'));
    }
    if (this.carry.length > 0) out.push({ head: '', body: this.carry, end: this.carry.length, line: this.carryLine });
    this.carry = '';
  }

  private takePending(out: CsvSpan[]): void {
    if (this.pending.length === 0) return;
    const first = this.pending;
    this.pending = '';
    this.push(first, out);
  }

  /** Walks a chunk on from the saved state; returns the offset after its last complete record, or -1. */
  private walk(text: string): number {
    const n = text.length;
    const delim = this.delim;
    let state = this.state;
    let line = this.line;
    let recordLine = this.recordLine;
    let cut = -1;
    let cutLine = 0;
    let i = 0;
    while (i < n) {
      if (state === OUTSIDE) {
        // The bulk of the text: nothing but line ends and quotes can change anything.
        let c = 0;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (c === QUOTE || c === LF || c === CR) break;
        }
        if (i === n) break;
        if (c === LF) {
          line++;
          recordLine = line;
          cut = i + 1;
          cutLine = line;
        } else if (c === CR) state = AFTER_CR;
        else {
          const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
          const fieldStart = i > 0 ? prev === delim || prev === LF || prev === CR : this.atFieldStart;
          if (fieldStart) state = QUOTED;
        }
        i++;
        continue;
      }
      const c = text.charCodeAt(i);
      if (state === AFTER_CR) {
        // The record ended at the CR; an LF right after belongs to the same line end.
        line++;
        recordLine = line;
        state = OUTSIDE;
        if (c === LF) {
          cut = i + 1;
          cutLine = line;
          i++;
        } else {
          cut = i;
          cutLine = line;
        }
        continue;
      }
      if (state === QUOTED_AFTER_CR) {
        state = QUOTED;
        if (c === LF) {
          i++; // counted at the CR
          continue;
        }
      }
      if (state === QUOTED) {
        if (c === QUOTE) state = QUOTE_IN_QUOTED;
        else if (c === LF) line++;
        else if (c === CR) {
          line++;
          state = QUOTED_AFTER_CR;
        }
        i++;
        continue;
      }
      // QUOTE_IN_QUOTED: a second quote is an escaped one; anything else means the field closed.
      if (c === QUOTE) {
        state = QUOTED;
        i++;
      } else state = OUTSIDE; // this character is read again, outside quotes
    }
    this.state = state;
    this.atFieldStart = n > 0 ? isFieldStart(text.charCodeAt(n - 1), delim, state) : this.atFieldStart;
    this.line = line;
    this.recordLine = recordLine;
    this.cutLine = cutLine;
    return cut;
  }
}

/** Whether the character after `last` starts a field, given the state after reading `last`. */
function isFieldStart(last: number, delim: number, state: number): boolean {
  return state === AFTER_CR || (state === OUTSIDE && (last === delim || last === LF));
}
