import { describe, expect, it } from 'vitest';
import { applyReplacement } from '../../src/allocate/replace.js';
import type { ResultRow } from '../../src/allocate/types.js';

/** Samarinda: two selected, two waitlisted, one below the cut-off; Balikpapan: one selected. */
function results(): ResultRow[] {
  const row = (id: number, kode: string, rank: number, outcome: ResultRow['outcome'], total: number, waitlist_pos: number | null = null): ResultRow => ({
    application_id: id, nik: `64720101018000${String(id).padStart(2, '0')}`, kode_kabupaten: kode, rank, outcome,
    reason: outcome === 'selected' ? 'quota' : outcome === 'waitlist' ? 'waitlist' : 'below_cutoff', jenis_usaha: 'gorengan', package_value: 4_500_000, total_score: total, waitlist_pos,
  });
  return [row(1, '6472', 1, 'selected', 90), row(2, '6472', 2, 'selected', 80), row(3, '6472', 3, 'waitlist', 70, 1), row(4, '6472', 4, 'waitlist', 60, 2),
    row(5, '6472', 5, 'not_selected', 50), row(6, '6471', 1, 'selected', 85)];
}
const families: Record<number, string> = { 1: 'KK1', 2: 'KK2', 3: 'KK3', 4: 'KK4', 5: 'KK5', 6: 'KK6' };
const kkOf = (id: number) => families[id] ?? null;

describe('a replacement that puts a named appellant in the place', () => {
  it('promotes the appellant, not the top of the waitlist, with their corrected score', () => {
    const rows = results();
    const { detail, changed } = applyReplacement(rows, 2, 'objection 1', kkOf, { application_id: 4, appeal_id: 1, total_score: 85 });
    expect(detail).toMatchObject({ replaced_application_id: 2, promoted_application_id: 4, promoted_waitlist_pos: 2, appeal_id: 1, skipped_application_ids: [] });
    expect(changed.map((r) => [r.application_id, r.outcome, r.reason, r.total_score, r.waitlist_pos])).toEqual([[2, 'replaced', 'objection 1', 80, null], [4, 'selected', 'appeal', 85, null]]);
    expect(rows.find((r) => r.application_id === 3)).toMatchObject({ outcome: 'waitlist', waitlist_pos: 1 });
  });

  it('adds the row of an appellant the run did not hold (not eligible when it ran)', () => {
    const rows = results();
    const added: ResultRow = { application_id: 9, nik: '6472010101800009', kode_kabupaten: '6472', rank: 2, outcome: 'not_selected', reason: 'below_cutoff', jenis_usaha: 'makanan', package_value: 5_000_000, total_score: 88, waitlist_pos: null };
    const { detail } = applyReplacement(rows, 1, 'objection 2', kkOf, { application_id: 9, appeal_id: 2, row: added });
    expect(detail).toMatchObject({ promoted_application_id: 9, promoted_waitlist_pos: null, appeal_id: 2 });
    expect(rows.filter((r) => r.outcome === 'selected').map((r) => r.application_id).sort()).toEqual([2, 6, 9]);
    expect(() => applyReplacement(results(), 1, 'x', kkOf, { application_id: 9, appeal_id: 2 })).toThrow(/application 9 has no result in this run/);
  });

  it('refuses an appellant of another regency, one already selected, and one whose family has a package', () => {
    expect(() => applyReplacement(results(), 6, 'x', kkOf, { application_id: 4, appeal_id: 1 })).toThrow(/lives in regency 6472, the beneficiary to replace in 6471/);
    expect(() => applyReplacement(results(), 2, 'x', kkOf, { application_id: 1, appeal_id: 1 })).toThrow(/application 1 is already selected/);
    families[5] = 'KK1';
    try {
      expect(() => applyReplacement(results(), 2, 'x', kkOf, { application_id: 5, appeal_id: 1 })).toThrow(/same family card \(KK\) is already selected/);
    } finally {
      families[5] = 'KK5';
    }
  });

  it('without a named appellant, the waitlist takes the place as before', () => {
    const { detail } = applyReplacement(results(), 2, 'mundur', kkOf);
    expect(detail).toMatchObject({ promoted_application_id: 3, promoted_waitlist_pos: 1 });
    expect(detail.appeal_id).toBeUndefined();
  });
});
