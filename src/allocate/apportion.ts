/**
 * Apportionment: splitting N whole slots over regions in proportion to their weights
 * (population, households, votes), with exact integer arithmetic and reported ties.
 * Pure functions: no I/O.
 */
import { UepError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { divisorApportion } from './divisor.js';
import { exactWeights, sum, type Weight } from './exact.js';
import { largestRemainderApportion } from './largest-remainder.js';
import { shareEqually, type TieReport } from './ties.js';

export type { TieBasis, TieReport } from './ties.js';
export type { Weight } from './exact.js';

export const APPORTION_METHODS = [
  'equal', 'hamilton', 'droop', 'webster', 'huntington-hill', 'dhondt', 'adams', 'dean',
] as const;
export type ApportionMethod = (typeof APPORTION_METHODS)[number];

/** Other names accepted by parseMethod (after lower-casing, dropping accents and apostrophes). */
export const METHOD_ALIASES: Readonly<Record<string, ApportionMethod>> = {
  'largest-remainder': 'hamilton',
  'largest-remainder-hare': 'hamilton',
  hare: 'hamilton',
  'hare-niemeyer': 'hamilton',
  'largest-remainder-droop': 'droop',
  'sainte-lague': 'webster',
  'webster-sainte-lague': 'webster',
  jefferson: 'dhondt',
  hill: 'huntington-hill',
  'equal-proportions': 'huntington-hill',
  'harmonic-mean': 'dean',
};

/** Canonical method for a name or alias ("Sainte-Laguë", "d'Hondt", "largest_remainder"…). */
export function parseMethod(name: string): ApportionMethod {
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-');
  if ((APPORTION_METHODS as readonly string[]).includes(key)) return key as ApportionMethod;
  const alias = METHOD_ALIASES[key];
  if (alias) return alias;
  throw new UsageError(
    t('allocate:apportion.unknown_method', { name, methods: APPORTION_METHODS.join(', ') }),
    t('allocate:apportion.aliases', { aliases: Object.keys(METHOD_ALIASES).join(', ') }),
  );
}

export interface ApportionOptions {
  method: ApportionMethod;
  /** Fewest slots any region gets (default 0). */
  min?: number;
  /** Most slots any region gets (default: no limit). */
  max?: number;
}

export interface ApportionRow<W extends Weight = Weight> {
  region: string;
  /** The weight exactly as given. */
  weight: W;
  /** Whole slots apportioned to the region. */
  quota: number;
}

export interface ApportionResult<W extends Weight = Weight> {
  /** One row per input region, in input order. */
  rows: ApportionRow<W>[];
  /** Exact ties decided by input order (earlier region first); empty when nothing was close. */
  ties: TieReport[];
}

function wholeNumber(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new UsageError(t('allocate:apportion.not_whole', { what, value }));
  }
  return value;
}

function checkRegions(regions: readonly { region: string }[]): string[] {
  const seen = new Set<string>();
  return regions.map(({ region }, k) => {
    if (typeof region !== 'string' || region.trim() === '') {
      throw new UepError(t('allocate:apportion.region_no_name', { n: k + 1 }));
    }
    if (seen.has(region)) throw new UepError(t('allocate:apportion.region_twice', { region }));
    seen.add(region);
    return region;
  });
}

/**
 * Splits `slots` whole slots over `regions` by `options.method`, each region kept within
 * [min, max]. Weights must be non-negative numbers (decimals are scaled exactly to integers);
 * zero-weight regions get only `min` unless no weighted region can take the slots.
 */
export function apportion<R extends { region: string; weight: Weight }>(
  regions: readonly R[],
  slots: number,
  options: ApportionOptions,
): ApportionResult<R['weight']> {
  // Callers from plain JS (or a CLI flag passed through) may send an alias or a bad name.
  const method = (APPORTION_METHODS as readonly string[]).includes(options.method) ? options.method : parseMethod(String(options.method));
  const total = wholeNumber(slots, 'slots');
  const min = wholeNumber(options.min ?? 0, 'min');
  const max = options.max === undefined ? total : wholeNumber(options.max, 'max');
  if (min > max) throw new UsageError(t('allocate:apportion.min_above_max', { min, max }));
  const names = checkRegions(regions);
  const n = names.length;
  if (n === 0 && total > 0) throw new UepError(t('allocate:apportion.no_regions', { total }));
  if (min * n > total) {
    throw new UsageError(t('allocate:apportion.bounds_min', { n, min, need: min * n, total }));
  }
  if (max * n < total) {
    throw new UsageError(t('allocate:apportion.bounds_max', { n, max, take: max * n, total }));
  }
  const weights = exactWeights(regions);
  if (method !== 'equal' && total > 0 && sum(weights) === 0n) {
    throw new UepError(t('allocate:apportion.zero_weights'), t('allocate:apportion.zero_weights_hint'));
  }
  const lo = new Array<number>(n).fill(min);
  const hi = new Array<number>(n).fill(max);

  let seats: number[];
  let ties: TieReport[];
  switch (method) {
    case 'equal':
      seats = lo.slice();
      ties = shareEqually(seats, hi, names.map((_, i) => i), total - min * n, total, names,
        { kind: 'equal_shares', slots: total, regions: n });
      break;
    case 'hamilton':
    case 'droop':
      ({ seats, ties } = largestRemainderApportion(method === 'hamilton' ? 'hare' : 'droop', weights, names, total, lo, hi));
      break;
    default:
      ({ seats, ties } = divisorApportion(method, weights, names, total, lo, hi));
  }

  if (seats.reduce((a, b) => a + b, 0) !== total || seats.some((s) => s < min || s > max)) {
    throw new Error(`internal error: ${method} apportionment broke its sum or bounds`);
  }
  return { rows: regions.map((r, i) => ({ region: r.region, weight: r.weight, quota: seats[i] })), ties };
}
