/**
 * Family cards (KK) among applicants: one package per family card, so a regency can use as many
 * slots as it has distinct eligible family cards. An applicant without a KK number counts as a
 * family of their own. The planner's capacities and the reported eligible_kk both count here.
 */
import type { PoolRow } from './types.js';

/** The family an applicant belongs to: their KK number, else the applicant alone. */
export function familyKey(row: Pick<PoolRow, 'no_kk' | 'application_id'>): string {
  return row.no_kk && row.no_kk.trim() !== '' ? `kk:${row.no_kk}` : `app:${row.application_id}`;
}

/** Distinct families per regency (Kemendagri code). A family spread over two regencies counts in each. */
export function familiesPerRegency(rows: readonly Pick<PoolRow, 'no_kk' | 'application_id' | 'kode_kabupaten'>[]): Map<string, number> {
  const families = new Map<string, Set<string>>();
  for (const row of rows) {
    let s = families.get(row.kode_kabupaten);
    if (!s) families.set(row.kode_kabupaten, (s = new Set()));
    s.add(familyKey(row));
  }
  return new Map([...families].map(([kode, s]) => [kode, s.size]));
}

/** Distinct families among the rows, whatever their regency. */
export function familyCount(rows: readonly Pick<PoolRow, 'no_kk' | 'application_id'>[]): number {
  return new Set(rows.map(familyKey)).size;
}
