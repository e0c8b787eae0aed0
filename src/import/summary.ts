/**
 * What every import of a CSV file shares, below the pipeline and each kind: its options, its
 * summary, how a rejected row is counted, and the two ways an import ends without writing.
 */
import type { CsvEncoding } from '../csv/reader.js';
import { UepError } from '../errors.js';
import { displayPath } from '../fsutil/display.js';
import { t } from '../i18n/index.js';

export interface ImportOptions {
  encoding?: CsvEncoding;
  delimiter?: string;
  /** `field=Header` overrides. */
  map?: string[];
  /** The sheet of an .xlsx file: its name or 1-based position (default: the only visible one). */
  sheet?: string;
  strict?: boolean;
  dryRun?: boolean;
  snapshot?: boolean;
  rejectsPath?: string;
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { rows: number; bytesRead: number; totalBytes: number }) => void;
  /** How many rejected lines the summary names when there is no rejects file. */
  sampleRejects?: number;
  /** Files at least this big are parsed in a worker thread (default 4 MB). */
  workerMinBytes?: number;
}

/** The rejected rows of a file: how many, how many per reason code, and the first lines. */
export interface RejectCounts {
  rejected: number;
  reasons: Record<string, number>;
  /** The first rejected lines in file order (at most the sample size). */
  first_rejects: { line: number; reason: string }[];
}

export interface ImportSummary extends RejectCounts {
  kind: string;
  file: string;
  sha256: string;
  batch_id: number | null;
  dry_run: boolean;
  snapshot: boolean;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines with every cell empty (Excel leaves these): skipped, not rejected. */
  blank: number;
  warnings: Record<string, number>;
  /** What the import did beyond the counts, by code (e.g. a visit an edit on the form server moved). */
  notes?: Record<string, number>;
  rejects_file: string | null;
  [extra: string]: unknown;
}

/** Rejected lines a summary names when no rejects file is written. */
export const SAMPLE_REJECTS = 5;

export function newRejectCounts(): RejectCounts {
  return { rejected: 0, reasons: {}, first_rejects: [] };
}

/** The summary before the first row: every count zero. */
export function newSummary(kind: string, file: string, options: Pick<ImportOptions, 'dryRun' | 'snapshot' | 'rejectsPath'>): ImportSummary {
  return {
    kind, file, sha256: '', batch_id: null, dry_run: !!options.dryRun, snapshot: !!options.snapshot,
    read: 0, inserted: 0, updated: 0, unchanged: 0, blank: 0, ...newRejectCounts(), warnings: {}, rejects_file: options.rejectsPath ?? null,
  };
}

/**
 * Counts one rejected line. The sample keeps the first lines of the file whatever order they are
 * counted in (duplicates are known only once the whole file is in, and are counted last).
 */
export function countReject(counts: RejectCounts, line: number, reason: string, sampleSize = SAMPLE_REJECTS): void {
  counts.rejected++;
  counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
  const sample = counts.first_rejects;
  if (sample.length >= sampleSize && (sampleSize === 0 || line >= sample[sample.length - 1]!.line)) return;
  let at = sample.length;
  while (at > 0 && sample[at - 1]!.line > line) at--;
  sample.splice(at, 0, { line, reason });
  if (sample.length > sampleSize) sample.pop();
}

/** The import was refused as a whole (`--strict` with rejected rows): nothing was written. */
export class ImportRejectedError extends UepError {
  constructor(readonly summary: ImportSummary) {
    super(t('import:error.strict', { file: displayPath(summary.file), count: summary.rejected }), t('import:error.strict_hint'));
  }
}

export class ImportInterruptedError extends UepError {
  /** The shell's convention for "stopped by Ctrl-C". */
  override readonly exitCode = 130;
  constructor(file: string, rows: number) {
    super(t('import:error.interrupted', { file: displayPath(file), rows }));
  }
}
