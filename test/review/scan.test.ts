import { describe, expect, it } from 'vitest';
import { scanDuplicates } from '../../src/review/scan.js';
import { openDb } from '../helpers.js';
import { ALL_ROWS, DIFFERENT, DUPLICATES, importWorld, pairKey, type Row } from './world.js';

describe('the duplicate scan', () => {
  it('finds every near-duplicate built to be hard, and none of the look-alikes', async () => {
    const { db: path } = await importWorld();
    const db = openDb(path);
    const r = scanDuplicates(db);
    const found = new Map(r.pairs.map((p) => [pairKey(p.nik_a, p.nik_b), p]));
    for (const [name, a, b] of DUPLICATES) expect(found.has(pairKey(a.nik, b.nik)), name).toBe(true);
    for (const [name, a, b] of DIFFERENT) expect(found.has(pairKey(a.nik, b.nik)), name).toBe(false);
    expect(r.pairs).toHaveLength(DUPLICATES.length);
    expect(r.persons).toBe(ALL_ROWS.length);
    // Each reason is the one the case was built for.
    const reasons = (i: number) => found.get(pairKey(DUPLICATES[i]![1].nik, DUPLICATES[i]![2].nik))!.reasons;
    expect(reasons(0)).toContain('name_swapped');
    expect(reasons(1)).toEqual(expect.arrayContaining(['name_equal', 'nik_one_digit', 'address_similar']));
    expect(reasons(2)).toEqual(expect.arrayContaining(['name_equal', 'nik_one_digit']));
    expect(reasons(3)).toEqual(expect.arrayContaining(['nik_transposed', 'name_common']));
    expect(reasons(4)).toEqual(['name_equal', 'birth_date_equal']);
    expect(reasons(5)).toEqual(expect.arrayContaining(['name_partial', 'nik_two_digits']));
    db.close();
  });

  it('explains the look-alikes it keeps out: twins score low through their family card', async () => {
    const { db: path } = await importWorld();
    const db = openDb(path);
    const all = scanDuplicates(db, { minScore: 0 });
    const twins = all.pairs.find((p) => p.nik_a === DIFFERENT[0]![1].nik && p.nik_b === DIFFERENT[0]![2].nik)!;
    expect(twins.reasons).toContain('kk_twins');
    expect(twins.score).toBeLessThan(50);
    db.close();
  });

  it('with --tahun compares only pairs in which one record applied that year', async () => {
    const { db: path } = await importWorld();
    const db = openDb(path);
    const moved = DUPLICATES[4]!;
    db.prepare(`INSERT INTO applications (nik, tahun, jenis_usaha) VALUES (?, 2026, 'gorengan')`).run(moved[2].nik);
    const r = scanDuplicates(db, { tahun: 2026 });
    expect(r.pairs.map((p) => pairKey(p.nik_a, p.nik_b))).toEqual([pairKey(moved[1].nik, moved[2].nik)]);
    db.close();
  });

  it('blocks stay small when many people share a desa and birth year: searched by sorted neighbourhood', async () => {
    // 450 people of one desa born in 1990 (over MAX_BLOCK), two of them one person.
    const rows: Row[] = Array.from({ length: 450 }, (_, i) => ({
      nik: `647201${String((i % 28) + 1).padStart(2, '0')}0190${String(1000 + i).padStart(4, '0')}`, kk: `6472010101${String(200000 + i)}`,
      nama: `Warga ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}ni Putra`, jk: 'L' as const,
      lahir: `1990-01-${String((i % 28) + 1).padStart(2, '0')}`, alamat: `RT ${i}`, kab: 'Samarinda', kec: 'Palaran', desa: 'Bukuan',
    }));
    rows.push({ ...rows[7]!, nik: rows[7]!.nik.replace(/\d$/, (d) => String((Number(d) + 1) % 10)), kk: '6472010101999999', nama: `${rows[7]!.nama}, S.Sos` });
    const { db: path } = await importWorld(rows);
    const db = openDb(path);
    const r = scanDuplicates(db);
    expect(r.large_blocks).toBeGreaterThan(0);
    expect(r.pairs.map((p) => pairKey(p.nik_a, p.nik_b))).toContain(pairKey(rows[7]!.nik, rows[450]!.nik));
    db.close();
  });
});
