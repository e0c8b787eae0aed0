/**
 * The regions an allocation apportions over: the ten regencies with equal weight, or the
 * regencies named in a weights file (by name, common spelling or Kemendagri code), in file order.
 */
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayPath, displayValue } from '../fsutil/display.js';
import { allKabupaten, kabupatenFromCode, kabupatenFromName } from '../regions/resolve.js';
import type { RegionWeightRow } from './weights.js';

export type AllocationRegion = { kode: string; weight: string };

export function equalRegions(): AllocationRegion[] {
  return allKabupaten().map((k) => ({ kode: k.kode, weight: '1' }));
}

/** Weight rows whose labels are regencies → Kemendagri codes; unknown or repeated regencies refused. */
export function regionsFromWeights(rows: readonly RegionWeightRow[], file: string): AllocationRegion[] {
  const seen = new Map<string, string>();
  return rows.map((row) => {
    const k = kabupatenFromCode(row.region, 'kemendagri') ?? kabupatenFromName(row.region);
    if (!k) {
      throw new UepError(t('allocate:regions.unknown', { file: displayPath(file), region: displayValue(row.region) }), t('allocate:regions.unknown_hint'));
    }
    const before = seen.get(k.kode);
    if (before !== undefined) {
      throw new UepError(t('allocate:regions.same', { file: displayPath(file), region: displayValue(row.region), before: displayValue(before), nama: k.nama }));
    }
    seen.set(k.kode, row.region);
    return { kode: k.kode, weight: String(row.weight) };
  });
}
