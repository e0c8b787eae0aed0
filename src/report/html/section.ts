/** A section of the HTML report: its id (a code, the same in every language), title, lead text and figures. */
import { esc } from './cells.js';

export interface Section {
  id: string;
  title: string;
  html: string;
  /** Charts drawn in this section. */
  charts: number;
}

/** Charts are drawn this wide and scale with the page (SVG viewBox). */
export const CHART_WIDTH = 560;

export function section(id: string, title: string, lead: string[], figures: string[]): Section {
  const paragraphs = lead.map((p) => `<p class="lead">${esc(p)}</p>`).join('\n');
  return { id, title, charts: figures.length, html: `<section id="${esc(id)}"><h2>${esc(title)}</h2>\n${paragraphs}\n${figures.join('\n')}\n</section>` };
}

/** A section with nothing to show yet, saying why. */
export function emptySection(id: string, title: string, why: string): Section {
  return { id, title, charts: 0, html: `<section id="${esc(id)}" class="empty"><h2>${esc(title)}</h2><p class="lead">${esc(why)}</p></section>` };
}
