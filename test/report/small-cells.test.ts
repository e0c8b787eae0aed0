import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress, type Visibility } from '../../src/report/small-cells.js';

describe('small-cell rule', () => {
  it('hides counts of 1 to 4, and a second cell where a total would give one back', () => {
    // 150 beneficiaries: 147 men, 3 women. Without the second cell, 150 − 147 = 3.
    expect(suppress([[150, 147, 3]], { colLines: [[0, 1, 2]] })).toEqual([['shown', 'complement', 'small']]);
    // Zero describes nobody; a line with two small cells needs nothing more.
    expect(suppress([[6, 0, 2, 4]], { colLines: [[0, 1, 2, 3]] })).toEqual([['shown', 'shown', 'small', 'small']]);
    // The complement is the smallest non-zero other cell; then the column (province = regencies) needs one too.
    expect(suppress([[100, 3, 97], [50, 20, 30], [150, 23, 127]], { rowLines: [[2, 0, 1]], colLines: [[0, 1, 2]] })).toEqual([
      ['shown', 'small', 'complement'], ['shown', 'complement', 'complement'], ['shown', 'shown', 'shown'],
    ]);
  });

  const table = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }));

  it('never leaves a line with exactly one hidden cell (a table with row and column totals)', () => {
    fc.assert(fc.property(table, (parts) => {
      const rows = parts.map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
      const grid = [...rows, rows[0]!.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0))];
      const cols = grid[0]!.length;
      const vis = suppress(grid, { rowLines: [[grid.length - 1, ...rows.map((_, i) => i)]], colLines: [[cols - 1, ...parts[0]!.map((_, j) => j)]] });
      const hidden = (v: Visibility) => v !== 'shown';
      grid.forEach((row, i) => row.forEach((value, j) => {
        if (value > 0 && value < 5) expect(vis[i]![j]).toBe('small');
        if (vis[i]![j] === 'small') expect(value > 0 && value < 5).toBe(true);
      }));
      for (const row of vis) expect(row.filter(hidden).length).not.toBe(1);
      for (let j = 0; j < cols; j++) expect(vis.map((r) => r[j]!).filter(hidden).length).not.toBe(1);
    }), { numRuns: 300 });
  });
});
