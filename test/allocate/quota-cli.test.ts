import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, uep, writeFile } from '../helpers.js';

// Copies of ../shared/data/apportionment (see SOURCE.md there): tests never read outside the repo.
const TABLES = join(ROOT, 'test', 'fixtures', 'apportionment');
const METHOD: Record<string, string> = {
  largest_remainder_hare: 'hamilton', largest_remainder_droop: 'droop', sainte_lague: 'webster', dhondt: 'dhondt',
  huntington_hill: 'huntington-hill', adams: 'adams', dean: 'dean',
};

function csvLines(file: string): string[][] {
  return (parse(readFileSync(file, 'utf8'), { relax_quotes: true, relax_column_count: true }) as string[][]).slice(1);
}

/** Runs `uep quota --format csv` on a published table and returns [expected, got] seats. */
async function reproduce(file: string, method: string, slots: number): Promise<[number[], number[]]> {
  const rows = csvLines(join(TABLES, file));
  const dir = tempDir();
  const weights = writeFile(dir, 'w.csv', ['region,weight', ...rows.map(([r, w]) => `"${r}",${w}`)]);
  const r = await uep(['quota', '--slots', String(slots), '--weights', weights, '--method', method, '--format', 'csv']);
  expect(r.code).toBe(0);
  const out = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',').at(-1)));
  return [rows.map((row) => Number(row.at(-1))), out];
}

describe('uep quota reproduces the published apportionments seat for seat', () => {
  const manifest = csvLines(join(TABLES, 'manifest.csv'));
  it.each(manifest.map(([file, method, seats]) => [file!, method!.split(' ')[0]!, Number(seats)] as const))('%s (%s, %i)', async (file, method, seats) => {
    const [expected, got] = await reproduce(file, METHOD[method]!, seats);
    expect(got).toEqual(expected);
  });

  it.each(['us2010_apportionment.csv', 'us2020_apportionment.csv'])('US House %s by Huntington–Hill, 435 seats', async (file) => {
    const [expected, got] = await reproduce(file, 'huntington-hill', 435);
    expect(got).toEqual(expected);
  });

  it('the Alabama paradox: Hamilton takes a seat from D and E when the house grows from 25 to 26', async () => {
    const [, at25] = await reproduce('wikipedia_lr_alabama_paradox_25.csv', 'hamilton', 25);
    const [, at26] = await reproduce('wikipedia_lr_alabama_paradox_26.csv', 'hamilton', 26);
    expect(at26.map((s, i) => s - at25[i]!)).toEqual([1, 1, 1, -1, -1, 0]);
  });
});

describe('uep quota', () => {
  it('splits 1,500 over the ten regencies: 150 each', async () => {
    const r = await uep(['quota', '--slots', '1500']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^region\s+weight\s+quota\n/);
    expect(r.stdout.match(/ 150$/gm)).toHaveLength(10);
    expect(r.stderr).toBe('');
  });

  it('reports the tie when slots do not divide evenly: on stderr with csv, in the document with json', async () => {
    const csv = await uep(['quota', '--slots', '1501', '--format', 'csv']);
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual(['region,weight,quota', 'Paser,1,151', 'Kutai Kartanegara,1,150']);
    expect(csv.stderr).toMatch(/^tie for slot 1501: Paser, Kutai Kartanegara.*given to Paser/);
    for (const args of [['--format', 'json'], ['--json']]) {
      const doc = JSON.parse((await uep(['quota', '--slots', '1501', ...args])).stdout);
      expect(doc).toMatchObject({ method: 'equal', slots: 1501, ties: [{ slots: [1501], awarded: ['Paser'] }] });
      expect(doc.rows).toHaveLength(10);
    }
  });

  it('takes population weights from the shipped table (hamilton by default with --weights) and --min/--max', async () => {
    const file = join(ROOT, 'data', 'regions', 'population_2024.csv');
    const doc = JSON.parse((await uep(['quota', '--slots', '1500', '--weights', file, '--json'])).stdout);
    expect(doc.method).toBe('hamilton');
    expect(doc.rows.find((r: { region: string }) => r.region === 'Mahakam Ulu').quota).toBe(14);
    const bounded = JSON.parse((await uep(['quota', '--slots', '1500', '--weights', file, '--method', 'webster', '--min', '50', '--max', '250', '--json'])).stdout);
    expect(bounded.rows.map((r: { quota: number }) => r.quota).every((q: number) => q >= 50 && q <= 250)).toBe(true);
  });

  it('names the flag in usage errors (exit 2) and the file in data errors (exit 1)', async () => {
    const cases: [string[], number, RegExp][] = [
      [['quota'], 2, /--slots/],
      [['quota', '--slots', 'abc'], 2, /--slots abc: expected a whole number/],
      [['quota', '--slots', '10', '--method', 'borda'], 2, /--method borda: unknown method; expected one of equal, hamilton/],
      [['quota', '--slots', '10', '--format', 'xml'], 2, /--format xml/],
      [['quota', '--slots', '10', '--min', '2'], 2, /impossible bounds/],
      [['quota', '--slots', '10', '--weights', 'missing.csv'], 1, /missing\.csv/],
    ];
    for (const [args, code, message] of cases) {
      const r = await uep(args, { cwd: tempDir() });
      expect([r.code, r.stderr]).toEqual([code, expect.stringMatching(message)]);
    }
  });
});
