/**
 * The page around the sections: one HTML document with its styles inline and no outside resource
 * (no fonts, scripts or images to fetch: offices have slow or no internet). The system font stack
 * reads well on a laptop; print CSS gives A4 pages, each section starting on a new page, and keeps
 * a chart with its table on one page.
 */
import { esc } from './cells.js';
import { FONT } from './chart.js';
import type { Section } from './section.js';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${FONT}; color: #1f2937; background: #f3f4f6; margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
header.top { background: #1f5f99; color: #fff; padding: 20px 24px; border-radius: 8px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; }
header.top p { margin: 2px 0; opacity: .92; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0 8px; }
.card { background: #fff; border-radius: 8px; padding: 12px 14px; border: 1px solid #e5e7eb; }
.card .v { font-size: 22px; font-weight: 700; color: #1f5f99; overflow-wrap: anywhere; }
.card .k { font-size: 13px; color: #4b5563; }
nav.toc { margin: 8px 0 0; font-size: 14px; }
nav.toc a { color: #1f5f99; margin-right: 14px; text-decoration: none; }
section { background: #fff; border-radius: 8px; border: 1px solid #e5e7eb; padding: 18px 22px; margin: 18px 0; }
section h2 { margin: 0 0 8px; font-size: 21px; color: #1f5f99; }
p.lead { margin: 4px 0; }
figure.chart { margin: 16px 0 8px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 650; font-size: 16px; margin-bottom: 6px; }
.pair { display: grid; grid-template-columns: minmax(340px, 1fr) minmax(0, max-content); gap: 18px; align-items: start; }
.numbers { overflow-x: auto; }
.plot svg { width: 100%; max-width: 640px; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; }
caption { text-align: left; font-weight: 600; padding: 2px 0; }
th, td { padding: 3px 6px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; font-weight: 600; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #9ca3af; }
.sup { color: #6b7280; font-style: italic; }
.repro td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; white-space: normal; text-align: left; }
p.note { font-size: 13px; color: #4b5563; margin: 4px 0; }
footer { font-size: 13px; color: #4b5563; margin: 12px 0 30px; }
@media (max-width: 980px) { .pair { grid-template-columns: 1fr; } }
@page { size: A4; margin: 11mm 10mm; }
@media print {
  body { background: #fff; font-size: 10.5px; }
  main { padding: 0; max-width: none; }
  header.top { background: #fff; color: #1f2937; border: 1px solid #9ca3af; padding: 8px 12px; }
  header.top h1 { font-size: 19px; }
  .cards { margin: 8px 0; gap: 6px; grid-template-columns: repeat(4, 1fr); }
  .card { padding: 5px 8px; }
  .card .v { font-size: 16px; }
  nav.toc { display: none; }
  section { border: 0; padding: 0; margin: 0; break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  section h2 { font-size: 16px; }
  figure.chart { margin: 8px 0 4px; }
  figcaption { font-size: 12px; }
  .pair { grid-template-columns: minmax(0, 1fr) minmax(0, max-content); gap: 8px; }
  .numbers { overflow: visible; }
  table { font-size: 8.5px; margin-bottom: 3px; }
  th, td { padding: 1px 3px; }
  p.note { font-size: 8.5px; }
  footer { font-size: 8.5px; }
}
`;

export interface PageParts {
  lang: string;
  title: string;
  subtitle: string[];
  cards: { value: string; label: string }[];
  sections: Section[];
  footer: string[];
}

export function page(p: PageParts): string {
  const cards = p.cards.map((c) => `<div class="card"><div class="v">${esc(c.value)}</div><div class="k">${esc(c.label)}</div></div>`).join('');
  const toc = p.sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.title)}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="${esc(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="top"><h1>${esc(p.title)}</h1>${p.subtitle.map((s) => `<p>${esc(s)}</p>`).join('')}</header>
<div class="cards">${cards}</div>
<nav class="toc">${toc}</nav>
${p.sections.map((s) => s.html).join('\n')}
<footer>${p.footer.map((f) => `<p>${esc(f)}</p>`).join('')}</footer>
</main>
</body>
</html>
`;
}
