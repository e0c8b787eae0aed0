/**
 * A streaming RFC 4180 parser over decoded text chunks. Hand-written rather than csv-parse because
 * parsing is the import's bottleneck (csv-parse: ~11 s for a 1M-row extract; see
 * ../../shared/notes/import-performance.md) and because it gives exact starting line numbers for free.
 *
 * Accepts: any one-character delimiter, quoted fields holding delimiters, doubled quotes and
 * newlines, LF / CRLF / lone CR line ends. Lenient like Python's csv: a stray quote inside an
 * unquoted field is kept literally; text after a closing quote is appended to the field.
 */
import { t } from '../i18n/index.js';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export class CsvParser {
  private pending = '';
  private line: number;
  private readonly delim: number;
  /** Fields of the record being read; copied out at its end, so each record owns an exact-size array. */
  private readonly scratch: string[] = [];

  constructor(delimiter: string, private readonly maxRecordChars = 1 << 20, firstLine = 1) {
    this.delim = delimiter.charCodeAt(0);
    this.line = firstLine;
  }

  /** Parses every complete record of `chunk` (plus what was left over) into `out`, at most `limit` of them. */
  push(chunk: string, out: CsvRecord[], limit = Infinity): void {
    const text = this.pending.length > 0 ? this.pending + chunk : chunk;
    const used = this.parse(text, false, out, limit);
    this.pending = used < text.length ? text.slice(used) : '';
    // Stopped by the limit, what is left is simply not read yet; else it is one unfinished record.
    if (out.length < limit && this.pending.length > this.maxRecordChars) {
      throw new CsvSyntaxError(this.line, t('csv:syntax.too_long', { max: this.maxRecordChars }));
    }
  }

  /** Parses what is left at the end of the input (all of it, unless `limit` records come first). */
  end(out: CsvRecord[], limit = Infinity): void {
    if (this.pending.length === 0) return;
    const used = this.parse(this.pending, true, out, limit);
    this.pending = this.pending.slice(used);
  }

  /** What is left unparsed (after a `limit`), and the line it starts on: for a CsvSpanCutter to go on from. */
  rest(): { text: string; line: number } {
    return { text: this.pending, line: this.line };
  }

  /** Returns how many characters were consumed (complete records only, unless `final`), at most `limit` records. */
  private parse(text: string, final: boolean, out: CsvRecord[], limit: number): number {
    const n = text.length;
    const delim = this.delim;
    let i = 0;
    let line = this.line;
    while (i < n && out.length < limit) {
      const recordStart = i;
      const recordLine = line;
      const fields = this.scratch;
      fields.length = 0;
      let complete = false;
      for (;;) {
        let value: string;
        if (text.charCodeAt(i) === QUOTE) {
          // Quoted field: collect pieces between doubled quotes.
          let j = i + 1;
          let pieceStart = j;
          let acc = '';
          let closed = false;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === QUOTE) {
              if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
                acc += text.slice(pieceStart, j + 1);
                j += 2;
                pieceStart = j;
                continue;
              }
              if (j + 1 >= n && !final) break; // cannot tell "" from " yet
              acc += text.slice(pieceStart, j);
              j++;
              closed = true;
              break;
            }
            if (c === LF) line++;
            else if (c === CR && !(j + 1 < n && text.charCodeAt(j + 1) === LF)) line++;
            j++;
          }
          if (!closed) {
            if (final) throw new CsvSyntaxError(recordLine, t('csv:syntax.unclosed'));
            this.line = recordLine;
            return recordStart;
          }
          // Text after the closing quote, up to the delimiter or line end, is kept.
          let k = j;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          value = k > j ? acc + text.slice(j, k) : acc;
          i = k;
        } else {
          let k = i;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          value = text.slice(i, k);
          i = k;
        }
        fields.push(value);
        if (i >= n) {
          if (!final) break;
          complete = true;
          break;
        }
        const c = text.charCodeAt(i);
        if (c === delim) {
          i++;
          if (i >= n && final) {
            fields.push('');
            complete = true;
            break;
          }
          continue;
        }
        // Line end: CRLF, LF or a lone CR. A CR at the very end of a chunk may be half of a CRLF.
        if (c === CR) {
          if (i + 1 >= n && !final) break;
          i += i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
        }
        line++;
        complete = true;
        break;
      }
      if (!complete) {
        this.line = recordLine;
        return recordStart;
      }
      // A completely empty line is not a record.
      if (!(fields.length === 1 && fields[0] === '')) {
        out.push({ line: recordLine, fields: fields.slice() });
      }
    }
    this.line = line;
    return i;
  }
}
