import { describe, expect, it } from 'vitest';
import { NikSet } from '../../src/import/nik-set.js';

describe('NikSet', () => {
  it('says exactly which NIKs it has seen, through every growth (against a Set of strings)', () => {
    const set = new NikSet(16);
    const reference = new Set<string>();
    let x = 2026;
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      // Narrow ranges so repeats happen, and NIKs that differ only in one half.
      const nik = `64${String(x % 700).padStart(6, '0')}${String((x >>> 8) % 1000).padStart(8, '0')}`;
      if (i === 50_000) set.reserve(180_000); // room made mid-way keeps what is there
      expect(set.add(nik)).toBe(!reference.has(nik));
      reference.add(nik);
    }
    expect(set.size).toBe(reference.size);
    expect(reference.size).toBeLessThan(200_000);
  });

  it('reads NIKs strung together at an offset', () => {
    const set = new NikSet();
    const text = '6472014101800001647201410180000264720141018000019999999999999999';
    expect([0, 16, 32, 48].map((at) => set.addAt(text, at))).toEqual([true, true, false, true]);
    expect(set.add('9999999999999999')).toBe(false);
    expect(set.add('0000000000000000')).toBe(true);
  });
});
