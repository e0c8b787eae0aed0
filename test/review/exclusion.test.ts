import { describe, expect, it } from 'vitest';
import { loadPool } from '../../src/allocate/pool.js';
import { explain } from '../../src/explain/explain.js';
import type { FoundPair } from '../../src/review/scan.js';
import { decidePair, savePairs } from '../../src/review/store.js';
import { scoreYear } from '../../src/score/run.js';
import { nik } from '../helpers.js';
import { RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';

const NOW = new Date('2026-03-01T00:00:00Z');

/** Two applicants of 2026, each with a second record of themselves in the registry. */
function world() {
  const t = new TestDb();
  const ani = nik('6472', 5, 5, 85, 1, true);
  const aniOld = nik('6472', 5, 5, 85, 7, true);
  const budi = nik('6472', 6, 6, 86, 2);
  const budiOld = nik('6471', 6, 6, 86, 9);
  for (const n of [ani, aniOld]) t.person({ nik: n, nama: 'Ani', jenis_kelamin: 'P', tanggal_lahir: '1985-05-05' });
  for (const n of [budi, budiOld]) t.person({ nik: n, nama: 'Budi', tanggal_lahir: '1986-06-06' });
  const aniApp = t.application(ani, 2026);
  const budiApp = t.application(budi, 2026);
  t.assessment(aniApp, SITI_ANSWERS).assessment(budiApp, SITI_ANSWERS);
  // Budi received a package in 2025 under his old record.
  t.recipient(budiOld, 2025);
  const pairs: FoundPair[] = [
    { nik_a: ani, nik_b: aniOld, score: 90, reasons: ['name_equal', 'birth_date_equal', 'nik_one_digit'] },
    { nik_a: budiOld < budi ? budiOld : budi, nik_b: budiOld < budi ? budi : budiOld, score: 65, reasons: ['name_equal', 'birth_date_equal'] },
  ];
  savePairs(t.db, pairs.map((p) => (p.nik_a < p.nik_b ? p : { ...p, nik_a: p.nik_b, nik_b: p.nik_a })), {}, NOW);
  const pairOf = (n: string) => t.db.prepare(`SELECT id FROM duplicate_pairs WHERE ? IN (nik_a, nik_b)`).pluck().get(n) as number;
  return { t, ani, aniOld, budi, budiOld, aniApp, budiApp, pairOf };
}

const eligible = (t: TestDb, app: number) => t.db.prepare(`SELECT eligible, reasons_json FROM scores WHERE application_id = ?`).get(app) as { eligible: number; reasons_json: string };

describe('a record judged a duplicate', () => {
  it('is eligible until a person decides; then excluded by the rule duplicate, which explain shows', () => {
    const w = world();
    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.aniApp).eligible).toBe(1);

    // Ani's 2026 application is on the record judged the duplicate: the old record stands.
    decidePair(w.t.db, { pairId: w.pairOf(w.ani), decision: 'same_person', keep: w.aniOld, operator: 'petugas', note: 'KTP baru', now: NOW });
    const before = explain(w.t.db, w.ani, { tahun: 2026 });
    expect(before.score!.facts_changed).toEqual([{ fact: 'duplicate_of', scored: null, now: w.pairOf(w.ani) }]);

    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.aniApp)).toEqual({ eligible: 0, reasons_json: '["duplicate_person"]' });
    const e = explain(w.t.db, w.ani, { tahun: 2026 });
    expect(e.score!.detail!.rules.find((r) => r.rule === 'duplicate')).toEqual({ rule: 'duplicate', reason: 'duplicate_person', enabled: true, passed: false, value: w.pairOf(w.ani) });
    expect(e.score!.detail!.consistent).toBe(true);
    expect(loadPool(w.t.db, 2026).rows.map((r) => r.nik)).not.toContain(w.ani);
  });

  it('a later decision (different) takes the exclusion back', () => {
    const w = world();
    decidePair(w.t.db, { pairId: w.pairOf(w.ani), decision: 'same_person', keep: 'b', operator: 'petugas', now: NOW });
    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.aniApp).eligible).toBe(0);
    const r = decidePair(w.t.db, { pairId: w.pairOf(w.ani), decision: 'different', operator: 'kepala seksi', now: NOW });
    expect(r).toMatchObject({ replaced: 'same_person', rescore: [{ tahun: 2026, application_id: w.aniApp }] });
    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.aniApp).eligible).toBe(1);
    expect(w.t.db.prepare(`SELECT count(*) FROM duplicate_decisions`).pluck().get()).toBe(2);
  });

  it('a package received under the other record of the same person counts as an earlier package', () => {
    const w = world();
    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.budiApp).eligible).toBe(1);
    // Budi's current record stands; the old one (with the 2025 package) is the duplicate.
    decidePair(w.t.db, { pairId: w.pairOf(w.budi), decision: 'same_person', keep: w.budi, operator: 'petugas', now: NOW });
    scoreYear(w.t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(eligible(w.t, w.budiApp)).toEqual({ eligible: 0, reasons_json: '["earlier_recipient"]' });
    expect(explain(w.t.db, w.budi, { tahun: 2026 }).score!.facts.earlier_recipient).toBe(2025);
  });

  it('same_person needs the record that stands; a pair that does not exist is an error', () => {
    const w = world();
    expect(() => decidePair(w.t.db, { pairId: w.pairOf(w.ani), decision: 'same_person', operator: 'x', now: NOW })).toThrow(/--keep/);
    expect(() => decidePair(w.t.db, { pairId: w.pairOf(w.ani), decision: 'same_person', keep: nik('6472', 1, 1, 80, 1), operator: 'x', now: NOW })).toThrow(/--keep/);
    expect(() => decidePair(w.t.db, { pairId: 999, decision: 'different', operator: 'x', now: NOW })).toThrow(/no candidate pair 999/);
    expect(w.t.db.prepare(`SELECT count(*) FROM duplicate_decisions`).pluck().get()).toBe(0);
  });
});
