/**
 * Table cells of the HTML report: numbers formatted for the reader's language, suppressed counts
 * as "<5" or "×", and the HTML of a table. Every cell keeps its code (data-col) and every row its
 * key (data-row), so a test can find a figure whatever the language.
 */
import { formatNumber, formatPercent, formatRupiah } from '../../format/number.js';
import { language } from '../../i18n/index.js';
import { SMALL_CELL, shareShown, type Visibility } from '../small-cells.js';
import type { BarValue } from './chart.js';

export const SMALL_TEXT = `<${SMALL_CELL}`;
export const HIDDEN_TEXT = '×';

export interface Cell {
  text: string;
  /** The number shown; null for text and for suppressed cells. */
  value: number | null;
  hidden?: Visibility;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const hiddenText = (vis: Visibility) => (vis === 'small' ? SMALL_TEXT : HIDDEN_TEXT);

export function num(n: number): string {
  return formatNumber(n, language());
}

export function pct(p: number): string {
  return formatPercent(p / 100, language());
}

export function rupiah(n: number): string {
  return formatRupiah(n, language());
}

export function text(s: string): Cell {
  return { text: s, value: null };
}

/** A count under the small-cell rule. */
export function count(n: number, vis: Visibility = 'shown'): Cell {
  return vis === 'shown' ? { text: num(n), value: n } : { text: hiddenText(vis), value: null, hidden: vis };
}

/** A plain number that counts no people (slots, visits). */
export function plain(n: number | null, format: (n: number) => string = num): Cell {
  return n === null ? { text: '–', value: null } : { text: format(n), value: n };
}

/** Rupiah that follow the visibility of their count (a package's value times the count gives the count back); hidden as "×". */
export function money(n: number, vis: Visibility = 'shown'): Cell {
  return vis === 'shown' ? { text: rupiah(n), value: n } : { text: HIDDEN_TEXT, value: null, hidden: 'complement' };
}

/** A share (percent 0..100) of a group: shown only where shareShown allows. */
export function share(p: number | null, countVis: Visibility, groupVis: Visibility, groupSize: number): Cell {
  if (p === null) return { text: '–', value: null };
  return shareShown(countVis, groupVis, groupSize) ? { text: pct(p), value: p } : { text: HIDDEN_TEXT, value: null, hidden: 'complement' };
}

/** The cell as a bar of a chart. */
export function bar(c: Cell): BarValue {
  return { value: c.value, label: c.text };
}

export interface Column {
  code: string;
  title: string;
}

export interface Row {
  key: string;
  cells: Cell[];
  total?: boolean;
}

export function table(columns: Column[], rows: Row[], caption?: string): string {
  const head = columns.map((c, i) => `<th scope="col"${i > 0 ? ' class="n"' : ''}>${esc(c.title)}</th>`).join('');
  const body = rows.map((r) => `<tr data-row="${esc(r.key)}"${r.total ? ' class="total"' : ''}>${r.cells.map((c, i) => {
    const tag = i === 0 ? 'th scope="row"' : 'td';
    const cls = [i > 0 ? 'n' : '', c.hidden ? 'sup' : ''].filter(Boolean).join(' ');
    return `<${tag} data-col="${esc(columns[i]!.code)}"${cls ? ` class="${cls}"` : ''}>${esc(c.text)}</${tag.slice(0, 2)}>`;
  }).join('')}</tr>`).join('\n');
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A chart with its title and the table of its numbers beside it. */
export function figure(id: string, title: string, svg: string, tableHtml: string, note?: string): string {
  const labelled = svg.replace('<svg ', `<svg role="img" aria-label="${esc(title)}" `);
  return `<figure class="chart" id="${esc(id)}"><figcaption>${esc(title)}</figcaption><div class="pair"><div class="plot">${labelled}</div>`
    + `<div class="numbers">${tableHtml}</div></div>${note ? `<p class="note">${esc(note)}</p>` : ''}</figure>`;
}
