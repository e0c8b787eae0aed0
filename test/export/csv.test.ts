import { describe, expect, it } from 'vitest';
import { csvCell, encodeCsv, neutralise } from '../../src/export/csv.js';

describe('formula neutralisation (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+62812', "'+62812"], ['-', "'-"], ['-2+3', "'-2+3"], ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"], ['\r=cmd', "'\r=cmd"], ['Siti', 'Siti'], ['', ''], ["'already", "'already"], ['Jl. A - B', 'Jl. A - B'],
  ])('%j → %j', (input, output) => expect(neutralise(input)).toBe(output));

  it('leaves numbers alone, negative ones too', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(4750000)).toBe('4750000');
    expect(csvCell('-5')).toBe("'-5");
  });

  it('neutralises in both styles, and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('=HYPERLINK("http://x")', { excel: true })).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('\t=1', { excel: true })).toBe(`"'\t=1"`);
  });
});

describe('long digit strings in the Excel style', () => {
  it('are written as they are: no hidden character added to a NIK, a KK or a phone number', () => {
    for (const digits of ['6472014507850001', '647201450785', '0812345678', '6472********0001']) {
      expect(csvCell(digits, { excel: true })).toBe(digits);
      expect(csvCell(digits)).toBe(digits);
    }
  });
});

describe('encodeCsv', () => {
  it('plain: no BOM, comma, LF', () => {
    const bytes = encodeCsv(['nik', 'nama', 'nilai'], [['6472014507850001', 'Siti, A.', 4750000], [null, '', 0.5]]);
    expect(bytes.toString('utf8')).toBe('nik,nama,nilai\n6472014507850001,"Siti, A.",4750000\n,,0.5\n');
  });

  it('excel: BOM, semicolon, CRLF, decimal comma, digits as they are', () => {
    const bytes = encodeCsv(['nik', 'nama', 'persen'], [['6472014507850001', 'Siti; A.', 46.2], ['6472********0001', 'Ñoño', 100]], { excel: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('nik;nama;persen\r\n6472014507850001;"Siti; A.";46,2\r\n6472********0001;Ñoño;100\r\n');
  });

  it('keeps newlines inside quoted cells', () => {
    expect(encodeCsv(['a'], [['x\ny']]).toString()).toBe('a\n"x\ny"\n');
  });
});
