import type { SourceBatch } from './validated.js';
import { NikSet } from './nik-set.js';

/**
 * The duplicate rule: a NIK accepted earlier in the same file makes a later row a reject; the
 * first occurrence is kept. Applied to batches in file order (batches may be validated by several
 * threads at once, so this is the one place that sees them all).
 */
export class DuplicateFilter {
  private readonly unique = new NikSet();

  constructor(private readonly reason: string) {}

  /** Room for about this many rows, known early from the file's size (see pipeline.ts). */
  expect(rows: number): void {
    this.unique.reserve(rows);
  }

  /** Marks the batch's later duplicates as excluded and rejected, and takes back their warnings. */
  apply(batch: SourceBatch): void {
    const { niks } = batch;
    for (let i = 0; i < batch.lines.length; i++) {
      if (this.unique.addAt(niks, i * 16)) continue;
      batch.exclude.push(i);
      batch.rejected.push({ line: batch.lines[i]!, reason: this.reason, fields: batch.fieldsOf(i) });
    }
    if (batch.exclude.length === 0) return;
    batch.rowCount -= batch.exclude.length;
    batch.rejected.sort((a, b) => a.line - b.line);
    const excluded = new Set(batch.exclude);
    for (const [row, codes] of batch.warned) {
      if (!excluded.has(row)) continue;
      for (const w of codes) if (--batch.warnings[w]! === 0) delete batch.warnings[w];
    }
  }
}
