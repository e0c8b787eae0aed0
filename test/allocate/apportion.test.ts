import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { APPORTION_METHODS, apportion, parseMethod, type ApportionMethod } from '../../src/allocate/apportion.js';

const DIR = fileURLToPath(new URL('../fixtures/apportionment/', import.meta.url));

// relax_quotes: manifest.csv has bare quotes inside unquoted fields (line 6: a "morie" test).
function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(DIR, file)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
}

/** manifest.csv method (first word) → ours. */
const MANIFEST_METHOD: Record<string, ApportionMethod> = {
  largest_remainder_hare: 'hamilton',
  largest_remainder_droop: 'droop',
  dhondt: 'dhondt',
  sainte_lague: 'webster',
  huntington_hill: 'huntington-hill',
  adams: 'adams',
  dean: 'dean',
};

const manifest = readCsv('manifest.csv').map((m) => ({
  file: m.file!,
  method: MANIFEST_METHOD[m.method!.split(' ')[0]!]!,
  seats: Number(m.total_seats),
  rows: Number(m.n_rows),
}));

function quotas(regions: { region: string; weight: string }[], slots: number, method: ApportionMethod): Record<string, number> {
  return Object.fromEntries(apportion(regions, slots, { method }).rows.map((r) => [r.region, r.quota]));
}

describe('published tables, seat for seat', () => {
  it('covers every table in the fixtures directory', () => {
    const tables = readdirSync(DIR).filter((f) => f.endsWith('.csv') && f !== 'manifest.csv');
    const covered = [...manifest.map((m) => m.file), 'us2010_apportionment.csv', 'us2020_apportionment.csv'];
    expect(covered.sort()).toEqual(tables.sort());
    expect(manifest.every((m) => m.method !== undefined)).toBe(true);
  });

  it.each(manifest)('$file ($method, $seats seats)', ({ file, method, seats, rows }) => {
    const table = readCsv(file);
    expect(table).toHaveLength(rows);
    const regions = table.map((r) => ({ region: r.party_or_state!, weight: r.votes_or_population! }));
    const expected = Object.fromEntries(table.map((r) => [r.party_or_state!, Number(r.seats_expected)]));
    expect(quotas(regions, seats, method)).toEqual(expected);
    expect(parseMethod(file.includes('droop') ? 'largest_remainder_droop' : method)).toBe(method);
  });

  it.each(['us2010_apportionment.csv', 'us2020_apportionment.csv'])('%s: US House, Huntington–Hill, 435 seats', (file) => {
    const table = readCsv(file);
    expect(table).toHaveLength(50);
    const regions = table.map((r) => ({ region: r.state!, weight: Number(r.population) }));
    const expected = Object.fromEntries(table.map((r) => [r.state!, Number(r.seats)]));
    const result = apportion(regions, 435, { method: 'huntington-hill' });
    expect(Object.fromEntries(result.rows.map((r) => [r.region, r.quota]))).toEqual(expected);
    expect(result.ties).toEqual([]);
    // The statutory "at least one seat each" as an explicit bound changes nothing.
    expect(apportion(regions, 435, { method: 'huntington-hill', min: 1 }).rows).toEqual(result.rows);
  });

  it('Alabama paradox: Hamilton takes a seat from D and E when the house grows 25 → 26', () => {
    const regions = readCsv('wikipedia_lr_alabama_paradox_25.csv').map((r) => ({ region: r.party_or_state!, weight: r.votes_or_population! }));
    const at25 = quotas(regions, 25, 'hamilton');
    const at26 = quotas(regions, 26, 'hamilton');
    expect([at25.D, at25.E, at26.D, at26.E]).toEqual([3, 3, 2, 2]);
    for (const method of ['webster', 'huntington-hill', 'dhondt', 'adams', 'dean'] as const) {
      const before = quotas(regions, 25, method);
      const after = quotas(regions, 26, method);
      for (const r of regions) expect(after[r.region]).toBeGreaterThanOrEqual(before[r.region]!);
    }
  });
});

describe('ties', () => {
  it('equal: leftover slots go to the first regions and are reported', () => {
    const r = apportion([{ region: 'A', weight: 5 }, { region: 'B', weight: 1 }, { region: 'C', weight: 0 }], 7, { method: 'equal' });
    expect(r.rows.map((x) => x.quota)).toEqual([3, 2, 2]);
    expect(r.ties).toEqual([{ slots: [7], tied: ['A', 'B', 'C'], awarded: ['A'], reason: 'equal shares: 7 slots over 3 regions', basis: { kind: 'equal_shares', slots: 7, regions: 3 } }]);
  });

  it('divisor: equal weights tie for the last slot, the earlier region gets it', () => {
    const regions = [{ region: 'B', weight: 100 }, { region: 'A', weight: 100 }, { region: 'C', weight: 50 }];
    const r = apportion(regions, 3, { method: 'dhondt' });
    expect(r.rows.map((x) => x.quota)).toEqual([2, 1, 0]);
    expect(r.ties).toEqual([{ slots: [3], tied: ['B', 'A', 'C'], awarded: ['B'], reason: "equal priority 50 (D'Hondt, weight/(slots+1))", basis: { kind: 'equal_priority', value: '50', method: 'dhondt' } }]);
    expect(apportion(regions, 5, { method: 'dhondt' }).ties).toEqual([]);
  });

  it('Hamilton: equal remainders', () => {
    const r = apportion([{ region: 'X', weight: 1 }, { region: 'Y', weight: 1 }, { region: 'Z', weight: 1 }], 5, { method: 'hamilton' });
    expect(r.rows.map((x) => x.quota)).toEqual([2, 2, 1]);
    expect(r.ties).toEqual([{ slots: [4, 5], tied: ['X', 'Y', 'Z'], awarded: ['X', 'Y'], reason: 'equal remainder 2/3 (Hare quota)', basis: { kind: 'equal_remainder', value: '2/3', quota: 'Hare' } }]);
  });

  it('Huntington–Hill: more regions than slots, first slots by weight', () => {
    const r = apportion([{ region: 'a', weight: 3 }, { region: 'b', weight: 7 }, { region: 'c', weight: 7 }], 1, { method: 'huntington-hill' });
    expect(r.rows.map((x) => x.quota)).toEqual([0, 1, 0]);
    expect(r.ties[0]).toMatchObject({ slots: [1], tied: ['b', 'c'], awarded: ['b'] });
  });

  it('no tie is reported for a close call that floating point would get wrong', () => {
    // As doubles both weights are 1e17; exactly, "big" is ahead and no tie-break is needed.
    const regions = [{ region: 'small', weight: 10n ** 17n }, { region: 'big', weight: 10n ** 17n + 1n }];
    for (const method of ['webster', 'dhondt', 'huntington-hill', 'dean', 'hamilton'] as const) {
      const r = apportion(regions, method === 'hamilton' ? 1 : 3, { method });
      expect(r.ties, method).toEqual([]);
      expect(r.rows[1]!.quota, method).toBe(method === 'hamilton' ? 1 : 2);
    }
  });
});

describe('weights', () => {
  it('decimal weights are scaled exactly, not rounded', () => {
    const dec = apportion([{ region: 'A', weight: 12.5 }, { region: 'B', weight: '7.25' }, { region: 'C', weight: 0.1 }], 10, { method: 'webster' });
    const int = apportion([{ region: 'A', weight: 1250n }, { region: 'B', weight: 725 }, { region: 'C', weight: '10' }], 10, { method: 'webster' });
    expect(dec.rows.map((r) => r.quota)).toEqual(int.rows.map((r) => r.quota));
    expect(dec.rows[1]).toEqual({ region: 'B', weight: '7.25', quota: expect.any(Number) });
  });

  it.each([
    [-1, 'cannot be negative'], [Number.NaN, 'not a number'], [Number.POSITIVE_INFINITY, 'must be finite'],
    ['abc', 'not a number'], ['-2', 'cannot be negative'], [-3n, 'cannot be negative'],
  ])('rejects weight %s', (weight, message) => {
    expect(() => apportion([{ region: 'A', weight: 1 }, { region: 'Bad', weight }], 3, { method: 'hamilton' }))
      .toThrow(new RegExp(`region "Bad" .*${message}`));
  });

  it('rejects duplicate or empty names, and all-zero weights unless equal', () => {
    expect(() => apportion([{ region: 'A', weight: 1 }, { region: 'A', weight: 2 }], 3, { method: 'dhondt' })).toThrow(/"A" is listed twice/);
    expect(() => apportion([{ region: ' ', weight: 1 }], 3, { method: 'dhondt' })).toThrow(/region 1 has no name/);
    expect(() => apportion([{ region: 'A', weight: 0 }], 3, { method: 'dhondt' })).toThrow(/every weight is zero/);
    expect(apportion([{ region: 'A', weight: 0 }], 3, { method: 'equal' }).rows[0]!.quota).toBe(3);
  });
});

describe('bounds', () => {
  const regions = [{ region: 'big', weight: 880 }, { region: 'mid', weight: 100 }, { region: 'tiny', weight: 20 }];

  it.each(APPORTION_METHODS)('%s: min 1 and max 6 hold', (method) => {
    const q = apportion(regions, 10, { method, min: 1, max: 6 }).rows.map((r) => r.quota);
    expect(q).toEqual(method === 'equal' ? [4, 3, 3] : [6, 3, 1]);
  });

  it('a region fixed at min leaves the rest to be re-apportioned', () => {
    expect(apportion(regions, 10, { method: 'dhondt' }).rows.map((r) => r.quota)).toEqual([9, 1, 0]);
    expect(apportion(regions, 10, { method: 'dhondt', min: 1 }).rows.map((r) => r.quota)).toEqual([8, 1, 1]);
    expect(apportion(regions, 10, { method: 'hamilton', min: 2 }).rows.map((r) => r.quota)).toEqual([6, 2, 2]);
  });

  it('zero-weight regions take what no weighted region can', () => {
    const r = apportion([{ region: 'a', weight: 5 }, { region: 'z1', weight: 0 }, { region: 'z2', weight: 0 }], 6, { method: 'webster', max: 3 });
    expect(r.rows.map((x) => x.quota)).toEqual([3, 2, 1]);
    expect(r.ties[0]).toMatchObject({ slots: [6], tied: ['z1', 'z2'], awarded: ['z1'] });
  });

  it('impossible bounds and bad numbers are refused with the reason', () => {
    expect(() => apportion(regions, 5, { method: 'webster', min: 2 })).toThrow(/impossible bounds: 3 regions with at least 2 each need 6 slots, but there are only 5/);
    expect(() => apportion(regions, 10, { method: 'webster', max: 3 })).toThrow(/impossible bounds: 3 regions with at most 3 each take only 9 of the 10 slots/);
    expect(() => apportion(regions, 10, { method: 'webster', min: 4, max: 3 })).toThrow(/min \(4\) is more than max \(3\)/);
    expect(() => apportion(regions, 2.5, { method: 'webster' })).toThrow(/slots must be a whole number/);
    expect(() => apportion([], 1, { method: 'webster' })).toThrow(/no regions/);
    expect(apportion([], 0, { method: 'webster' })).toEqual({ rows: [], ties: [] });
  });
});

describe('parseMethod', () => {
  it.each([
    ['Hamilton', 'hamilton'], ['largest-remainder', 'hamilton'], ['hare', 'hamilton'], ['Hare-Niemeyer', 'hamilton'],
    ['Sainte-Laguë', 'webster'], ['sainte_lague', 'webster'], ["d'Hondt", 'dhondt'], ['jefferson', 'dhondt'],
    ['hill', 'huntington-hill'], ['equal proportions', 'huntington-hill'], ['Adams', 'adams'], ['dean', 'dean'],
    ['equal', 'equal'], ['largest_remainder_droop', 'droop'],
  ])('%s → %s', (name, method) => expect(parseMethod(name)).toBe(method));

  it('lists the valid methods for an unknown name', () => {
    expect(() => parseMethod('borda')).toThrow(`unknown apportionment method "borda"; valid methods: ${APPORTION_METHODS.join(', ')}`);
  });
});

describe('method names at run time', () => {
  it('accepts an alias passed straight to apportion and refuses an unknown one', () => {
    const regions = [{ region: 'A', weight: 3 }, { region: 'B', weight: 1 }];
    expect(apportion(regions, 4, { method: 'sainte-lague' as never }).rows.map((r) => r.quota)).toEqual([3, 1]);
    expect(() => apportion(regions, 4, { method: 'borda' as never })).toThrow(/unknown apportionment method "borda"/);
  });
});
