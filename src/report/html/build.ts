/**
 * `uep report html`: the programme at a glance as one self-contained HTML file: six sections, each
 * a chart (SVG, drawn now) with its numbers beside it, in the chosen language, under the small-cell
 * rule. Returns the document and a summary of it (codes and numbers only: the same in every language).
 */
import type { Db } from '../../db/open.js';
import { language, t } from '../../i18n/index.js';
import { formatDate } from '../../format/date.js';
import { formatTimestamp } from '../../format/time.js';
import { SMALL_CELL } from '../small-cells.js';
import { count, pct, rupiah } from './cells.js';
import { reportData, type ReportData } from './data.js';
import { page } from './page.js';
import { allocationSection } from './section-allocation.js';
import { fieldWorkSection } from './section-fieldwork.js';
import { moneySection } from './section-money.js';
import { recipientsSection } from './section-recipients.js';
import { reproducibilitySection } from './section-reproducibility.js';
import { survivalSection } from './section-survival.js';

export interface HtmlReportOptions {
  tahun?: number;
  /** YYYY-MM-DD; default: today. */
  asOf?: string;
  now: Date;
  /** The zone times are shown in (the TZ of the process; default the process's own). */
  timeZone?: string;
  /** uep's version, for the reproducibility section. */
  version: string;
}

export interface HtmlReportSummary {
  tahun: number;
  run: { id: number; status: string } | null;
  as_of: string;
  sections: { id: string; charts: number }[];
  charts: number;
  /** Table cells shown as "<5" or "×". */
  suppressed_cells: number;
}

function cards(d: ReportData): { value: string; label: string }[] {
  const a = d.summary.allocation;
  const out = [{ value: count(d.summary.pool.pendaftar, d.summary.pool.pendaftar < SMALL_CELL && d.summary.pool.pendaftar > 0 ? 'small' : 'shown').text, label: t('report_html:cards.applicants') }];
  if (a) out.push({ value: count(a.selected, a.selected < SMALL_CELL && a.selected > 0 ? 'small' : 'shown').text, label: t('report_html:cards.selected') });
  if (a && a.women_persen !== null && a.selected >= SMALL_CELL) out.push({ value: pct(a.women_persen), label: t('report_html:cards.women') });
  if (d.summary.money && a && a.selected >= SMALL_CELL) out.push({ value: rupiah(d.summary.money.total), label: t('report_html:cards.money') });
  const m = d.summary.monitoring;
  if (m && m.persen !== null && m.dikunjungi >= SMALL_CELL && m.bertahan >= SMALL_CELL && m.dikunjungi - m.bertahan >= SMALL_CELL) {
    out.push({ value: pct(m.persen), label: t('report_html:cards.running', { old: pct(m.old_scheme_persen) }) });
  }
  return out;
}

export function buildHtmlReport(db: Db, options: HtmlReportOptions): { html: string; summary: HtmlReportSummary } {
  const d = reportData(db, options);
  const lang = language();
  const sections = [allocationSection(d), recipientsSection(d), moneySection(d), survivalSection(d), fieldWorkSection(d), reproducibilitySection(d, options.version)];
  const html = page({
    lang,
    title: t('report_html:page.title', { tahun: d.summary.tahun }),
    subtitle: [
      t('report_html:page.office'),
      t('report_html:page.as_of', { date: formatDate(d.asOf, lang, 'long'), generated: formatTimestamp(options.now.toISOString(), options.timeZone, lang) }),
    ],
    cards: cards(d),
    sections,
    footer: [t('report_html:page.small_cells', { n: SMALL_CELL }), t('report_html:page.sources')],
  });
  return {
    html,
    summary: {
      tahun: d.summary.tahun,
      run: d.run ? { id: d.run.id, status: d.run.status } : null,
      as_of: d.asOf,
      sections: sections.map((s) => ({ id: s.id, charts: s.charts })),
      charts: sections.reduce((s, x) => s + x.charts, 0),
      suppressed_cells: (html.match(/<t[dh] [^>]*class="[^"]*\bsup\b/g) ?? []).length,
    },
  };
}
