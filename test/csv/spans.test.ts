import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, type CsvRecord } from '../../src/csv/parser.js';
import { openCsv } from '../../src/csv/reader.js';
import { CsvSpanCutter, spanText, type CsvSpan } from '../../src/csv/spans.js';
import { tempDir, writeFile } from '../helpers.js';

function parseWhole(text: string, delimiter: string): CsvRecord[] {
  const p = new CsvParser(delimiter);
  const out: CsvRecord[] = [];
  p.push(text, out);
  p.end(out);
  return out;
}

/** Cuts `text` (fed in the given chunk sizes) into spans, then parses every span on its own. */
function parseSpans(text: string, delimiter: string, sizes: number[]): { spans: CsvSpan[]; records: CsvRecord[] } {
  const cutter = new CsvSpanCutter(delimiter, { text: '', line: 1 });
  const spans: CsvSpan[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    cutter.push(text.slice(at, at + size), spans);
    at += size;
  }
  cutter.end(spans);
  const records: CsvRecord[] = [];
  for (const span of spans) {
    const p = new CsvParser(delimiter, 1 << 20, span.line);
    p.push(spanText(span), records);
    p.end(records);
  }
  return { spans, records };
}

function outcome(fn: () => CsvRecord[]): CsvRecord[] | { error: string; line: number } {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { error: err.message, line: err.line };
    throw err;
  }
}

describe('CsvSpanCutter', () => {
  it('cuts only between records: spans parsed one by one give the records and lines of the whole', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,"say ""hi"""\r3,4\n\n5,"lone\rcr"\r\n6,last';
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const { spans, records } = parseSpans(text, ',', [size]);
      expect(records).toEqual(parseWhole(text, ','));
      expect(spans.map(spanText).join('')).toBe(text);
    }
  });

  it('agrees with the parser on any text, cut anywhere (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }).map((parts) => parts.join('')),
        fc.constantFrom(',', ';'),
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 6 }),
        (text, delimiter, sizes) => {
          const whole = outcome(() => parseWhole(text, delimiter));
          const cut = outcome(() => parseSpans(text, delimiter, sizes).records);
          expect(cut).toEqual(whole);
        },
      ),
      { numRuns: 3000, seed: 2026 },
    );
  });

  it('names the line of a quote that is never closed', () => {
    expect(outcome(() => parseSpans('a\n1\n"open\n\n', ',', [3]).records)).toEqual({
      error: 'a quoted field is never closed (unbalanced quote)', line: 3,
    });
  });

  it('refuses a record longer than the limit, naming its first line', () => {
    const cutter = new CsvSpanCutter(',', { text: 'a\n', line: 2 }, 10);
    expect(() => cutter.push('"this never ends', [])).toThrow(/longer than 10 characters/);
  });

  it('keeps every record after a header that itself spans lines, at the end of a file or not', async () => {
    const dir = tempDir();
    for (const content of ['nik;"na\nma"\n1;2\r\n3;"x\ny"', 'nik;"na\nma"\n1;2\n', '"a\nb"']) {
      const file = writeFile(dir, 'h.csv', content);
      const viaBatches: CsvRecord[] = [];
      for await (const batch of (await openCsv(file)).batches()) viaBatches.push(...batch);
      const source = await openCsv(file);
      expect(source.header).toEqual(content.startsWith('nik') ? ['nik', 'na\nma'] : ['a\nb']);
      const viaSpans: CsvRecord[] = [];
      for await (const span of source.spans()) {
        const p = new CsvParser(source.delimiter, 1 << 20, span.line);
        p.push(spanText(span), viaSpans);
        p.end(viaSpans);
      }
      expect(viaSpans).toEqual(viaBatches);
      expect(viaSpans.length).toBe(content.startsWith('nik;"na\nma"\n1;2\r') ? 2 : content.startsWith('nik') ? 1 : 0);
    }
  });

  it('goes on from the text read with the header (openCsv spans)', async () => {
    const dir = tempDir();
    const lines = ['\uFEFFnik;nama;alamat', ...Array.from({ length: 3000 }, (_, i) => `${i};Nama ${i};"Jl. ${i}\r\nRT ""${i % 9}""";`)];
    const file = writeFile(dir, 'x.csv', lines, '\r\n');
    const viaBatches: CsvRecord[] = [];
    for await (const batch of (await openCsv(file)).batches()) viaBatches.push(...batch);
    const source = await openCsv(file);
    const viaSpans: CsvRecord[] = [];
    let spans = 0;
    for await (const span of source.spans()) {
      spans++;
      const p = new CsvParser(source.delimiter, 1 << 20, span.line);
      p.push(spanText(span), viaSpans);
      p.end(viaSpans);
    }
    expect(spans).toBeGreaterThan(1);
    expect(viaSpans).toEqual(viaBatches);
    expect(viaSpans).toHaveLength(3000);
    expect(viaSpans[2999]).toEqual({ line: 6000, fields: ['2999', 'Nama 2999', 'Jl. 2999\r\nRT "2"', ''] });
  });
});
