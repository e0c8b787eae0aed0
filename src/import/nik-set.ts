/**
 * A set of 16-digit NIKs in two typed arrays (8 bytes a slot), for spotting duplicates within one
 * file: ~13 MB for a million NIKs, against ~80 MB for a Set of strings. It grows by half (not
 * doubling) up to 80% full, so the set and the copy made while growing stay small: this set is
 * most of what an import's memory grows with.
 * Only valid NIKs (exactly 16 digits) go in, so the two 8-digit halves are exact.
 */
export class NikSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Adds the NIK; returns false when it was already there. */
  add(nik: string): boolean {
    return this.addAt(nik, 0);
  }

  /** Adds the NIK written at `at` in `text` (e.g. one of many NIKs strung together). */
  addAt(text: string, at: number): boolean {
    // hi is never 0 for a stored NIK because we store hi + 1 (0 marks an empty slot).
    const hi = eightDigits(text, at) + 1;
    const lo = eightDigits(text, at + 8);
    if (this.insert(hi, lo)) {
      if (++this.used * 10 > this.hi.length * 8) this.grow();
      return true;
    }
    return false;
  }

  private insert(hi: number, lo: number): boolean {
    const capacity = this.hi.length;
    let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    // A 32-bit hash onto any capacity (not only powers of two) without a division.
    let slot = Math.floor((h / 4294967296) * capacity);
    for (;;) {
      const h = this.hi[slot]!;
      if (h === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        return true;
      }
      if (h === hi && this.lo[slot] === lo) return false;
      if (++slot === capacity) slot = 0;
    }
  }

  /** Makes room for `count` NIKs in all at once, so the set is not grown (and copied) on the way there. */
  reserve(count: number): void {
    if (count * 10 > this.hi.length * 8) this.grow(Math.ceil(count / 0.75));
  }

  private grow(capacity = Math.ceil(this.hi.length * 1.5)): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}

function eightDigits(s: string, at: number): number {
  let n = 0;
  for (let i = at; i < at + 8; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
