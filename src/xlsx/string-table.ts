/**
 * The shared-strings table, held compactly: every string as UTF-8 in 8 MB slabs, found by two
 * numbers (where it starts, how long it is). A million distinct strings take their UTF-8 bytes
 * plus 8 bytes each, where a JS array of strings would take ~40 bytes of overhead each on the heap,
 * and a slab is never copied to grow.
 */
const SLAB = 8 << 20;
/** Strings at the lowest indexes kept decoded. */
const HOT = 4096;

export class StringTable {
  private readonly slabs: Buffer[] = [];
  private used = SLAB; // forces a first slab
  private starts = new Float64Array(1024); // slab * SLAB + offset (beyond 2^32 for big tables)
  private lengths = new Uint32Array(1024);
  private count = 0;
  private readonly hot: string[] = [];

  get size(): number {
    return this.count;
  }

  /** Bytes held (slabs and index), for the bench and tests. */
  get bytes(): number {
    return this.slabs.length * SLAB + this.starts.byteLength + this.lengths.byteLength;
  }

  add(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    if (length > SLAB) throw new Error('shared string longer than 8 MB');
    if (this.used + length > SLAB) {
      this.slabs.push(Buffer.allocUnsafe(SLAB));
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    this.slabs[slab]!.write(text, this.used, length, 'utf8');
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = slab * SLAB + this.used;
    this.lengths[this.count] = length;
    this.count++;
    this.used += length;
  }

  /** The string at `index`, or undefined past the end (a cell pointing nowhere). */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    // The first strings of a sheet are its headers and the values repeated on every row (P, L,
    // kabupaten names …): those are kept decoded once.
    if (index < HOT) return (this.hot[index] ??= this.decode(index));
    return this.decode(index);
  }

  private decode(index: number): string {
    const start = this.starts[index]!;
    const slab = Math.floor(start / SLAB);
    const offset = start - slab * SLAB;
    return this.slabs[slab]!.toString('utf8', offset, offset + this.lengths[index]!);
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
