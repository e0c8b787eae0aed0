import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apportion } from '../../src/allocate/apportion.js';
import { readWeightsCsv } from '../../src/allocate/weights.js';

const dir = mkdtempSync(join(tmpdir(), 'uep-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function file(content: string | Buffer, name = `w${++count}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readWeightsCsv', () => {
  it('reads region,weight with any header case, column order and extra columns', async () => {
    const rows = await readWeightsCsv(file('Kode,WEIGHT, Region \n6401,309667,Paser\n6472,881225,Samarinda\n'));
    expect(rows).toEqual([{ region: 'Paser', weight: 309667 }, { region: 'Samarinda', weight: 881225 }]);
  });

  it('accepts a UTF-8 BOM, CRLF, blank lines, quotes and semicolons with decimal commas', async () => {
    const rows = await readWeightsCsv(file(Buffer.from('\uFEFFregion;weight\r\n"Kutai; Barat";12,5\r\n\r\nBerau;7\r\n')));
    expect(rows).toEqual([{ region: 'Kutai; Barat', weight: 12.5 }, { region: 'Berau', weight: 7 }]);
    expect(await readWeightsCsv(file('\uFEFFregion,weight\nA,0.25\nB,1e3\n'))).toEqual([{ region: 'A', weight: 0.25 }, { region: 'B', weight: 1000 }]);
  });

  it('detects the delimiter as every CSV reader does: tab and | as well', async () => {
    expect(await readWeightsCsv(file('region\tweight\nPaser\t3\n'))).toEqual([{ region: 'Paser', weight: 3 }]);
    expect(await readWeightsCsv(file('region|weight\nPaser|3\nBerau|4\n'))).toEqual([{ region: 'Paser', weight: 3 }, { region: 'Berau', weight: 4 }]);
  });

  it('feeds apportion directly', async () => {
    const rows = await readWeightsCsv(file('region,weight\nA,6100\nB,5000\nC,900\n'));
    expect(apportion(rows, 10, { method: 'dhondt' }).rows.map((r) => r.quota)).toEqual([6, 4, 0]);
  });

  it.each([
    ['region,weight\nA,1\nB,2\nC,abc\n', 'line 4, field weight: "abc" is not a number'],
    ['region,weight\nA,1\nB,-2\n', 'line 3, field weight: "-2" is negative'],
    ['region,weight\nA,\n', 'line 2, field weight: is empty'],
    ['region,weight\nA\n', 'line 2, field weight: is missing'],
    ['region,weight\n,5\n', 'line 2, field region: is empty'],
    ['region,weight\nA,1\n\nA,2\n', 'line 4, field region: "A" appears again (first on line 2)'],
    ['region,weight\nA,"1,5"\n', 'line 2, field weight: "1,5" is not a number'],
    ['region,weight\nA,12345678901234567.5\n', 'line 2, field weight: "12345678901234567.5" has more digits than can be held exactly'],
    ['region,bobot\nA,1\n', 'line 1: no "weight" column (columns found: region, bobot)'],
    ['region,weight\n', 'no weights: the file has a header but no rows'],
    ['', 'the file is empty'],
    ['region,weight\nA,"1\n', 'line 2'],
  ])('%j fails with the file, line and field', async (content, message) => {
    const path = file(content, 'weights.csv');
    await expect(readWeightsCsv(path)).rejects.toThrow(`weights.csv${message.startsWith('line') ? ' ' : ': '}${message}`);
  });

  it('refuses UTF-16 with the fix', async () => {
    await expect(readWeightsCsv(file(Buffer.from([0xff, 0xfe, 0x72, 0x00])))).rejects.toThrow(/UTF-16/);
  });
});
