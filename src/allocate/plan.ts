/**
 * planAllocation: the whole allocation as a pure function of the pool and the parameters —
 * quotas (re-apportioned where a regency runs short), the ranking, one package per family,
 * waitlists and the per-regency summary. No database, no clock, no randomness beyond the seed.
 */
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { familiesPerRegency } from './families.js';
import { meritOrder, regencyRanks } from './rank.js';
import { regencyQuotas, type QuotaResult } from './reapportion.js';
import { selectBeneficiaries } from './select.js';
import { summarise } from './summary.js';
import type { AllocationParams, AllocationPlan, PoolRow, ResultRow } from './types.js';
import { waitlistSize } from './waitlist.js';

function checkPaket(pool: readonly PoolRow[], paket: Readonly<Record<string, number>>): void {
  for (const row of pool) {
    if (!Number.isSafeInteger(paket[row.jenis_usaha])) {
      throw new UepError(t('allocate:plan.no_paket', { jenis: row.jenis_usaha }), t('allocate:plan.no_paket_hint'));
    }
  }
}

export function planAllocation(pool: readonly PoolRow[], params: AllocationParams): AllocationPlan {
  checkPaket(pool, params.paket);
  const ordered = meritOrder(pool, params.seed);
  const ranks = regencyRanks(ordered);
  // How many applicants of each regency can be selected together: one per family card.
  const capacity = familiesPerRegency(pool);
  let quotas: QuotaResult;
  let merit: ResultRow[];
  // A family spread over two regencies can leave a regency short of its family count; such a
  // regency is capped at what it actually filled and the quotas are worked out again. Capacities
  // only shrink, so this ends (almost always after one pass).
  for (;;) {
    quotas = regencyQuotas(params, capacity);
    merit = selectBeneficiaries({
      ordered, ranks, quotas: quotas.quotas, paket: params.paket,
      waitlistSize: (_kode, quota) => waitlistSize(params.waitlist, quota),
    });
    const filled = new Map<string, number>();
    for (const r of merit) if (r.outcome === 'selected') filled.set(r.kode_kabupaten, (filled.get(r.kode_kabupaten) ?? 0) + 1);
    const short = [...quotas.quotas].filter(([kode, q]) => (filled.get(kode) ?? 0) < q);
    if (short.length === 0) break;
    for (const [kode] of short) capacity.set(kode, filled.get(kode) ?? 0);
  }
  const results = [...merit].sort((a, b) =>
    (a.kode_kabupaten < b.kode_kabupaten ? -1 : a.kode_kabupaten > b.kode_kabupaten ? 1 : 0) || a.rank - b.rank);
  const summary = summarise(pool, results, params, quotas);
  return { params, regencies: summary.regencies, results, moves: quotas.moves, ties: quotas.ties, totals: summary.totals };
}

