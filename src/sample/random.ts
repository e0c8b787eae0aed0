/**
 * A small seeded PRNG for the synthetic samples: mulberry32 over a 32-bit state, with streams
 * derived by hashing (seed, index, salt) so that any row can be regenerated on its own.
 * Never Math.random: the same seed must give the same bytes on every machine.
 */

/** Mixes 32-bit integers into one well-spread 32-bit value (murmur3 finaliser per part). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // Parts beyond 32 bits (indices above 4 billion are not expected) still contribute.
    if (part > 0xffffffff) h ^= Math.floor(part / 0x100000000);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one (seed, index, salt) combination. */
  static for(...parts: number[]): Random {
    return new Random(hash32(...parts));
  }

  /** 32 random bits as an unsigned integer (mulberry32). */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return weightedPicker(items, weights)(this);
  }

  /** n digits, leading zeros allowed. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Precomputes the cumulative weights once, for picks on a hot path. */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Random) => T {
  if (items.length === 0 || items.length !== weights.length) throw new Error('weightedPicker: items and weights must match');
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}
