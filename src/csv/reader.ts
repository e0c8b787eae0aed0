import { closeSync, createReadStream, openSync, readSync, type ReadStream } from 'node:fs';
import { basename } from 'node:path';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { checkReadSize, IMPORT_FILE, inputFsError, openInputFile, type InputSpec } from '../fsutil/input.js';
import { CsvParser, CsvSyntaxError, type CsvRecord } from './parser.js';
import { CsvSpanCutter, type CsvSpan } from './spans.js';

export type CsvEncoding = 'utf8' | 'latin1';

export interface CsvOpenOptions {
  encoding?: CsvEncoding;
  /** One of , ; tab | — detected from the header line when not given. */
  delimiter?: string;
  /** Records per yielded batch. */
  batchSize?: number;
  /** Sees every raw chunk as read, e.g. to hash the file in the same pass. */
  onChunk?: (chunk: Buffer) => void;
  /** What the file is, the option naming it and its size limit (default: an extract to import, any size). */
  input?: InputSpec;
}

export interface CsvSource {
  file: string;
  delimiter: string;
  header: string[];
  headerLine: number;
  totalBytes: number;
  /** Bytes read so far, for progress. */
  bytesRead(): number;
  /** The records after the header, in batches, in file order. */
  batches(): AsyncGenerator<CsvRecord[]>;
  /**
   * Or: the records after the header as raw text, a span of whole records per chunk read, for
   * other threads to parse (csv/spans.ts). Same checks, same errors.
   */
  spans(): AsyncGenerator<CsvSpan>;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Picks the candidate delimiter that occurs most often (outside quotes) in the header line. */
export function detectDelimiter(headerLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of headerLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Refuses files that are not text CSV at all, with the fix. */
function checkMagic(file: string, head: Buffer): void {
  const name = basename(file);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4) {
    throw new DataError(name, undefined, undefined, t('csv:file.xlsx'), t('csv:file.xlsx_hint'));
  }
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new DataError(name, 1, undefined, t('csv:file.utf16'), t('csv:file.utf16_hint'));
  }
  if (head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new DataError(name, undefined, undefined, t('csv:file.xls'), t('csv:file.xls_hint'));
  }
}

/** Newlines in the first `bytes` bytes of a file, read again: only an error message needs them. */
function newlinesBefore(file: string, bytes: number): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    let count = 0;
    for (let pos = 0; pos < bytes;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, bytes - pos), pos);
      if (n <= 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) count++;
      pos += n;
    }
    return count;
  } finally {
    closeSync(fd);
  }
}

function lineOf(text: string, index: number, firstLine: number): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Opens a CSV file for streaming: reads just enough to know the delimiter and the header.
 * Records are parsed chunk by chunk; memory stays bounded whatever the file size.
 */
export async function openCsv(file: string, options: CsvOpenOptions = {}): Promise<CsvSource> {
  const name = basename(file);
  const spec = options.input ?? IMPORT_FILE;
  const { fd, size: totalBytes } = openInputFile(file, spec);
  if (totalBytes === 0) {
    closeSync(fd);
    throw new DataError(name, undefined, undefined, t('csv:file.empty'));
  }

  // 64 KB reads: every string made from them stays small (V8 puts strings over 128 KB in their own
  // pages, fresh from the OS each time), and a batch, not a megabyte of records, is what survives.
  const stream = createReadStream(file, { fd, highWaterMark: 1 << 16 });
  try {
    return await csvSource(file, options, spec, stream, totalBytes);
  } catch (err) {
    stream.destroy(); // a file refused at its header is closed at once
    throw err;
  }
}

async function csvSource(file: string, options: CsvOpenOptions, spec: InputSpec, stream: ReadStream, totalBytes: number): Promise<CsvSource> {
  const name = basename(file);
  const encoding = options.encoding ?? 'utf8';
  const decoder = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8', { ignoreBOM: false });
  const chunks = stream[Symbol.asyncIterator]();
  const batchSize = options.batchSize ?? 2000;
  let bytesRead = 0;

  /** Next decoded chunk, checked for NUL bytes and undecodable UTF-8; null at the end. */
  async function nextText(): Promise<string | null> {
    let next: IteratorResult<unknown>;
    try {
      next = await chunks.next();
    } catch (err) {
      throw inputFsError(err, file, spec);
    }
    const { value, done } = next;
    if (done) {
      const rest = decoder.decode();
      return rest.length > 0 ? rest : null;
    }
    const buf = value as Buffer;
    if (bytesRead === 0) checkMagic(file, buf);
    options.onChunk?.(buf);
    const before = bytesRead;
    bytesRead += buf.length;
    checkReadSize(file, spec, bytesRead);
    const text = decoder.decode(buf, { stream: true });
    // First line of this chunk, for an error's position (counted only then: a rare path).
    const textLine = () => 1 + newlinesBefore(file, before);
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      throw new DataError(name, lineOf(text, nul, textLine()), undefined, t('csv:file.nul'), t('csv:file.nul_hint'));
    }
    if (encoding === 'utf8') {
      const bad = text.indexOf('\uFFFD');
      if (bad !== -1) {
        throw new DataError(name, lineOf(text, bad, textLine()), undefined, t('csv:file.not_utf8'), t('csv:file.not_utf8_hint'));
      }
    }
    return text;
  }

  // Read until the first line is complete, to detect the delimiter.
  let buffered = '';
  for (;;) {
    const text = await nextText();
    if (text === null) break;
    buffered += text;
    if (/[\r\n]/.test(buffered) || buffered.length > 1 << 20) break;
  }
  const firstLine = buffered.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw new DataError(name, 1, undefined, t('csv:file.first_line_empty'));
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);

  const parser = new CsvParser(delimiter);
  const queue: CsvRecord[] = [];
  const wrap = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new DataError(name, err.line, undefined, err.message);
      throw err;
    }
  };
  let ended = false;
  wrap(() => parser.push(buffered, queue, 1));
  /** Feeds the next chunk to `push`, or calls `end` once the file is read. */
  async function step(push: (text: string) => void, end: () => void): Promise<void> {
    const text = await nextText();
    if (text === null) {
      wrap(end);
      ended = true;
    } else {
      wrap(() => push(text));
    }
  }
  /** Parses until `min` records wait in the queue (or the file ends), at most `limit` of them. */
  async function fill(min: number, limit = Infinity): Promise<void> {
    while (queue.length < min && !ended) await step((text) => parser.push(text, queue, limit), () => parser.end(queue, limit));
  }
  // The header alone (limit 1): what follows it stays unparsed for batches() or spans().
  await fill(1, 1);
  const headerRecord = queue.shift();
  if (!headerRecord) throw new DataError(name, 1, undefined, t('csv:file.no_header'));

  return {
    file,
    delimiter,
    header: headerRecord.fields,
    headerLine: headerRecord.line,
    totalBytes,
    bytesRead: () => bytesRead,
    async *batches() {
      try {
        wrap(() => parser.push('', queue)); // the rest of the text read with the header
        if (ended) wrap(() => parser.end(queue));
        for (;;) {
          await fill(batchSize);
          if (queue.length === 0) return;
          yield queue.splice(0, Math.min(batchSize, queue.length));
        }
      } finally {
        stream.destroy();
      }
    },
    async *spans() {
      try {
        const cutter = new CsvSpanCutter(delimiter, parser.rest());
        const out: CsvSpan[] = [];
        if (ended) wrap(() => cutter.end(out));
        while (out.length > 0) yield out.shift()!;
        while (!ended) {
          await step((text) => cutter.push(text, out), () => cutter.end(out));
          while (out.length > 0) yield out.shift()!;
        }
      } finally {
        stream.destroy();
      }
    },
  };
}
