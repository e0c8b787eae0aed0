import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from '../../src/csv/parser.js';
import { detectDelimiter, openCsv } from '../../src/csv/reader.js';
import { tempDir, writeFile } from '../helpers.js';

/** Parses text fed in chunks of every size from 1 up, so chunk boundaries fall everywhere. */
function parseChunked(text: string, size: number, delimiter = ','): CsvRecord[] {
  const p = new CsvParser(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), out);
  p.end(out);
  return out;
}

describe('CsvParser', () => {
  const text = 'a;b;c\r\n1;"x;y";"he said ""hi"""\r\n2;"multi\r\nline";\r\n\r\n3;;last';
  const expected = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x;y', 'he said "hi"'] },
    { line: 3, fields: ['2', 'multi\r\nline', ''] },
    { line: 6, fields: ['3', '', 'last'] },
  ];
  for (const size of [1, 2, 3, 5, 7, 1000]) {
    it(`gives the same records and starting lines with ${size}-character chunks`, () => {
      expect(parseChunked(text, size, ';')).toEqual(expected);
    });
  }

  it('reads LF, CRLF and lone CR line ends alike', () => {
    expect(parseChunked('a,b\n1,2\r\n3,4\r5,6', 4).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('keeps a trailing empty field', () => {
    expect(parseChunked('a,b,\n', 2)[0]!.fields).toEqual(['a', 'b', '']);
  });

  it('is lenient with stray quotes like Python csv', () => {
    expect(parseChunked('ab"c,"d"e\n', 3)[0]!.fields).toEqual(['ab"c', 'de']);
  });

  it('names the line where an unclosed quote starts', () => {
    expect(() => parseChunked('a,b\n1,"never closed\n2,3\n', 4)).toThrow(/never closed/);
    try {
      parseChunked('a,b\n1,"never closed\n2,3\n', 4);
    } catch (e) {
      expect((e as { line: number }).line).toBe(2);
    }
  });

  it('refuses a runaway record instead of buffering the whole file', () => {
    const p = new CsvParser(',', 100);
    expect(() => p.push(`"${'x'.repeat(200)}`, [])).toThrow(/longer than 100/);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['NIK,NAMA,KABUPATEN', ','],
    ['NIK;NAMA;KABUPATEN', ';'],
    ['NIK\tNAMA\tKABUPATEN', '\t'],
    ['NIK|NAMA|KABUPATEN', '|'],
    ['"NIK;KTP",NAMA,KAB', ','],
    ['NIK', ','],
  ])('%j → %j', (line, d) => expect(detectDelimiter(line)).toBe(d));
});

describe('openCsv', () => {
  async function all(path: string, opts = {}) {
    const src = await openCsv(path, opts);
    const rows: string[][] = [];
    for await (const b of src.batches()) rows.push(...b.map((r) => r.fields));
    return { header: src.header, delimiter: src.delimiter, rows };
  }

  it('strips a UTF-8 BOM and detects ;', async () => {
    const f = writeFile(tempDir(), 'bom.csv', Buffer.from('\uFEFFNIK;NAMA\r\n1;Siti\r\n', 'utf8'));
    expect(await all(f)).toEqual({ header: ['NIK', 'NAMA'], delimiter: ';', rows: [['1', 'Siti']] });
  });

  it('decodes Windows-1252 with --encoding latin1', async () => {
    const f = writeFile(tempDir(), 'l1.csv', Buffer.from([0x4e, 0x41, 0x4d, 0x41, 0x0a, 0x4d, 0x75, 0xf1, 0x6f, 0x7a, 0x20, 0x93, 0x41, 0x94, 0x0a]));
    expect((await all(f, { encoding: 'latin1' })).rows).toEqual([['Muñoz “A”']]);
  });

  it('refuses non-UTF-8 bytes with a hint to use latin1, naming the line', async () => {
    const f = writeFile(tempDir(), 'l1.csv', Buffer.concat([Buffer.from('NAMA\nok\n'), Buffer.from([0x4d, 0xf1, 0x0a])]));
    await expect(all(f)).rejects.toMatchObject({ message: 'l1.csv line 3: is not valid UTF-8', hint: expect.stringContaining('--encoding latin1') });
  });

  it('refuses an XLSX saved as .csv, UTF-16, NUL bytes and empty files', async () => {
    const d = tempDir();
    await expect(all(writeFile(d, 'x.csv', Buffer.from('PK\x03\x04rest', 'latin1')))).rejects.toThrow(/Excel workbook/);
    await expect(all(writeFile(d, 'u.csv', Buffer.from('\uFEFFNIK', 'utf16le')))).rejects.toThrow(/UTF-16/);
    await expect(all(writeFile(d, 'n.csv', 'NIK\nab\0c\n'))).rejects.toThrow(/n\.csv line 2: contains a NUL byte/);
    await expect(all(writeFile(d, 'e.csv', ''))).rejects.toThrow(/e\.csv: the file is empty/);
    await expect(all(`${d}/missing.csv`)).rejects.toThrow(/no such file/);
  });
});
