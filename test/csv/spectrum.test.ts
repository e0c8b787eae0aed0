import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/csv/reader.js';
import { FIXTURES } from '../helpers.js';

const dir = join(FIXTURES, 'csv-spectrum');
// location_coordinates is internally inconsistent upstream (see SOURCE.md).
const cases = readdirSync(join(dir, 'csvs')).filter((f) => f.endsWith('.csv') && f !== 'location_coordinates.csv');

async function readObjects(file: string): Promise<Record<string, string>[]> {
  const src = await openCsv(file, { delimiter: ',' });
  const out: Record<string, string>[] = [];
  for await (const batch of src.batches()) {
    for (const r of batch) out.push(Object.fromEntries(src.header.map((h, i) => [h, r.fields[i] ?? ''])));
  }
  return out;
}

describe('csv-spectrum conformance suite', () => {
  it('has the 11 consistent cases', () => expect(cases).toHaveLength(11));
  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(dir, 'json', name.replace('.csv', '.json')), 'utf8'));
      expect(await readObjects(join(dir, 'csvs', name))).toEqual(expected);
    });
  }
});
