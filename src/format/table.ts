import type { Lang } from '../i18n/language.js';
import { formatNumber } from './number.js';

export interface TableOptions {
  /** Column headings for people, by column key (default: the key itself). */
  headings?: Readonly<Record<string, string>>;
  /** Write numbers as people of this language do (1.500; 22,5); default String(). Still right-aligned. */
  lang?: Lang;
  /** What a table without rows reads (default "(none)"). */
  empty?: string;
}

/** An aligned text table for people; numbers right-aligned. Used by the CLI and by the reports rendered as text. */
export function formatTable(rows: Record<string, unknown>[], columns?: string[], options: TableOptions = {}): string {
  if (rows.length === 0) return options.empty ?? '(none)';
  const cols = columns ?? Object.keys(rows[0]!);
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' && options.lang ? formatNumber(v, options.lang, 3) : String(v));
  const cells = rows.map((r) => cols.map((c) => text(r[c])));
  const numeric = cols.map((_, i) => rows.every((r) => typeof r[cols[i]!] === 'number' || r[cols[i]!] === null));
  const heads = cols.map((c) => options.headings?.[c] ?? c);
  const widths = cols.map((_, i) => Math.max(heads[i]!.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(heads), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
