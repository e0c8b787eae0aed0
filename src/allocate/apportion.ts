/**
 * Apportionment: splitting N whole slots over regions in proportion to their weights
 * (population, households, votes), with exact integer arithmetic and reported ties.
 * Pure functions: no I/O.
 */
import { UepError, UsageError } from '../errors.js';
import { divisorApportion } from './divisor.js';
import { exactWeights, sum, type Weight } from './exact.js';
import { largestRemainderApportion } from './largest-remainder.js';
import { shareEqually, type TieReport } from './ties.js';

export type { TieReport } from './ties.js';
export type { Weight } from './exact.js';

export const APPORTION_METHODS = [
  'equal', 'hamilton', 'droop', 'webster', 'huntington-hill', 'dhondt', 'adams', 'dean',
] as const;
export type ApportionMethod = (typeof APPORTION_METHODS)[number];

/** One line per method, for help text. */
export const METHOD_DESCRIPTIONS: Readonly<Record<ApportionMethod, string>> = {
  equal: 'the same number for every region; slots left over go to the first regions',
  hamilton: 'largest remainder with the Hare quota (Hamilton, Hare–Niemeyer)',
  droop: 'largest remainder with the Droop quota ⌊total/(slots+1)⌋+1',
  webster: 'divisor method rounding at .5 (Webster, Sainte-Laguë)',
  'huntington-hill': 'divisor method rounding at the geometric mean, one slot each first (US House)',
  dhondt: "divisor method rounding down (D'Hondt, Jefferson)",
  adams: 'divisor method rounding up, one slot each first (Adams)',
  dean: 'divisor method rounding at the harmonic mean, one slot each first (Dean)',
};

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
    `unknown apportionment method "${name}"; valid methods: ${APPORTION_METHODS.join(', ')}`,
    `aliases: ${Object.keys(METHOD_ALIASES).join(', ')}`,
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
    throw new UsageError(`${what} must be a whole number of at least 0, got ${value}`);
  }
  return value;
}

function checkRegions(regions: readonly { region: string }[]): string[] {
  const seen = new Set<string>();
  return regions.map(({ region }, k) => {
    if (typeof region !== 'string' || region.trim() === '') {
      throw new UepError(`region ${k + 1} has no name`);
    }
    if (seen.has(region)) throw new UepError(`region "${region}" is listed twice`);
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
  if (min > max) throw new UsageError(`min (${min}) is more than max (${max})`);
  const names = checkRegions(regions);
  const n = names.length;
  if (n === 0 && total > 0) throw new UepError(`no regions to apportion ${total} slots over`);
  if (min * n > total) {
    throw new UsageError(`impossible bounds: ${n} regions with at least ${min} each need ${min * n} slots, but there are only ${total}`);
  }
  if (max * n < total) {
    throw new UsageError(`impossible bounds: ${n} regions with at most ${max} each take only ${max * n} of the ${total} slots`);
  }
  const weights = exactWeights(regions);
  if (method !== 'equal' && total > 0 && sum(weights) === 0n) {
    throw new UepError('every weight is zero, so there is nothing to apportion by', 'use the method "equal"');
  }
  const lo = new Array<number>(n).fill(min);
  const hi = new Array<number>(n).fill(max);

  let seats: number[];
  let ties: TieReport[];
  switch (method) {
    case 'equal':
      seats = lo.slice();
      ties = shareEqually(seats, hi, names.map((_, i) => i), total - min * n, total, names,
        `equal shares: ${total} slots over ${n} regions`);
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
