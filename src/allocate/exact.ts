/**
 * Exact arithmetic helpers for apportionment: weights become BigInt integers (scaled by one
 * common power of ten when some are decimals), and every comparison is a BigInt cross-product.
 */
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';

/** A region's weight: an integer or decimal number, a BigInt, or a decimal string ("12.5"). */
export type Weight = number | bigint | string;

const DECIMAL = /^\+?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
/** Beyond 10^±400 a weight is a typo, not a population; refusing it keeps BigInts small. */
const MAX_POWER = 400;

interface Decimal {
  digits: bigint;
  /** value = digits / 10^scale */
  scale: number;
}

function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  if (intPart === '' && frac === '') return undefined;
  const power = (m[3] === undefined ? 0 : Number(m[3])) - frac.length;
  if (Math.abs(power) > MAX_POWER) return undefined;
  const digits = BigInt((intPart + frac) || '0');
  if (power >= 0) return { digits: digits * 10n ** BigInt(power), scale: 0 };
  return { digits, scale: -power };
}

type WeightProblem = 'allocate:weight.negative' | 'allocate:weight.not_number' | 'allocate:weight.not_finite';

function badWeight(problem: WeightProblem, region: string, weight: Weight): UepError {
  const shown = typeof weight === 'string' ? JSON.stringify(weight) : String(weight);
  return new UepError(t(problem, { region, weight: shown }));
}

function toDecimal(region: string, weight: Weight): Decimal {
  if (typeof weight === 'bigint') {
    if (weight < 0n) throw badWeight('allocate:weight.negative', region, weight);
    return { digits: weight, scale: 0 };
  }
  if (typeof weight === 'number') {
    if (Number.isNaN(weight)) throw badWeight('allocate:weight.not_number', region, weight);
    if (!Number.isFinite(weight)) throw badWeight('allocate:weight.not_finite', region, weight);
    if (weight < 0) throw badWeight('allocate:weight.negative', region, weight);
    // String() gives the shortest decimal that round-trips, e.g. 12.5 → "12.5", 1e21 → "1e+21".
    const d = parseDecimal(String(Math.abs(weight)));
    if (!d) throw badWeight('allocate:weight.not_number', region, weight);
    return d;
  }
  if (typeof weight === 'string') {
    const text = weight.trim();
    const negative = text.startsWith('-');
    const d = parseDecimal(negative ? text.slice(1) : text);
    if (!d) throw badWeight('allocate:weight.not_number', region, weight);
    if (negative && d.digits !== 0n) throw badWeight('allocate:weight.negative', region, weight);
    return d;
  }
  throw badWeight('allocate:weight.not_number', region, weight as Weight);
}

/**
 * Converts weights to non-negative BigInt integers with one common scale, exactly:
 * [12.5, 3] → [125n, 30n]. Throws on negative, NaN, infinite or non-numeric weights.
 */
export function exactWeights(regions: readonly { region: string; weight: Weight }[]): bigint[] {
  const decimals = regions.map((r) => toDecimal(r.region, r.weight));
  const scale = decimals.reduce((s, d) => Math.max(s, d.scale), 0);
  return decimals.map((d) => d.digits * 10n ** BigInt(scale - d.scale));
}

export function sum(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** Sign of a − b, as -1, 0 or 1. */
export function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** "num/den" in lowest terms ("3" when the denominator divides). */
export function formatFraction(num: bigint, den: bigint): string {
  const g = gcd(num, den) || 1n;
  const n = num / g;
  const d = den / g;
  return d === 1n ? `${n}` : `${n}/${d}`;
}
