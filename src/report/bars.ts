/**
 * Horizontal bar charts in plain text: unicode blocks (eighths) scaled to the width available, a
 * thin mark where the old scheme's 46% lies, colour only through the painter passed in (the CLI
 * passes its chalk, which is colourless off a terminal).
 */
import { percent1 } from '../format/people.js';

export interface Paint {
  green(text: string): string;
  red(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN: Paint = { green: (s) => s, red: (s) => s, dim: (s) => s, bold: (s) => s };

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` (0..1) of `width` cells, in eighths of a cell. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

export interface BarRow {
  label: string;
  /** Percent 0..100, or null when there is nothing to measure. */
  persen: number | null;
  note?: string;
}

export interface ChartOptions {
  /** Total line width (the terminal's columns). */
  width: number;
  /** Percent marked on every line (e.g. 46, the old scheme), and the colour threshold. */
  reference?: number;
  paint?: Paint;
}

export function barChart(rows: readonly BarRow[], options: ChartOptions): string {
  const paint = options.paint ?? PLAIN;
  const labelWidth = Math.min(26, Math.max(0, ...rows.map((r) => r.label.length)));
  const noteWidth = Math.max(0, ...rows.map((r) => (r.note ?? '').length));
  const barWidth = Math.max(10, Math.min(60, options.width - labelWidth - noteWidth - 12));
  const ref = options.reference;
  const refAt = ref === undefined ? -1 : Math.round((ref / 100) * barWidth);
  return rows.map((r) => {
    const label = r.label.length > labelWidth ? `${r.label.slice(0, labelWidth - 1)}…` : r.label.padEnd(labelWidth);
    if (r.persen === null) return `${label}  ${' '.repeat(barWidth)}  ${'–'.padStart(6)}  ${r.note ?? ''}`.trimEnd();
    const drawn = bar(r.persen / 100, barWidth);
    let rest = ' '.repeat(barWidth - [...drawn].length);
    if (refAt >= [...drawn].length && refAt < barWidth) {
      const i = refAt - [...drawn].length;
      rest = `${rest.slice(0, i)}${paint.dim('┊')}${rest.slice(i + 1)}`;
    }
    const colour = ref === undefined ? (s: string) => s : r.persen >= ref ? paint.green : paint.red;
    const value = percent1(r.persen).padStart(6);
    return `${label}  ${colour(drawn)}${rest}  ${value}  ${r.note ?? ''}`.trimEnd();
  }).join('\n');
}
