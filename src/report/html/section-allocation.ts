/** Section 1: allocation by regency: quota first and after re-apportionment, eligible, selected, waitlist. */
import { t } from '../../i18n/index.js';
import { suppress } from '../small-cells.js';
import { bar, count, figure, num, plain, table, text, type Row } from './cells.js';
import { barChart } from './chart.js';
import type { ReportData } from './data.js';
import { CHART_WIDTH, emptySection, section, type Section } from './section.js';

const signed = (n: number) => (n > 0 ? `+${num(n)}` : num(n));

export function allocationSection(d: ReportData): Section {
  const a = d.summary.allocation;
  const title = t('report_html:allocation.title');
  if (!a) return emptySection('alokasi', title, t('report_html:allocation.none'));
  const lines = a.by_kabupaten;
  const total = {
    kode_kabupaten: '64', kabupaten: t('report_html:common.province'), kuota_awal: lines.reduce((s, l) => s + l.kuota_awal, 0),
    kuota: lines.reduce((s, l) => s + l.kuota, 0), perubahan: 0, eligible: lines.reduce((s, l) => s + l.eligible, 0),
    terpilih: lines.reduce((s, l) => s + l.terpilih, 0), cadangan: lines.reduce((s, l) => s + l.cadangan, 0),
  };
  const all = [...lines, total];
  // People: eligible, selected, waitlist; the province row is the sum of the regencies.
  const vis = suppress(all.map((l) => [l.eligible, l.terpilih, l.cadangan]), { rowLines: [[all.length - 1, ...lines.map((_, i) => i)]] });
  const rows: Row[] = all.map((l, i) => ({
    key: l.kode_kabupaten, total: i === all.length - 1,
    cells: [text(l.kabupaten), plain(l.kuota_awal), plain(l.kuota), plain(l.perubahan, signed), count(l.eligible, vis[i]![0]), count(l.terpilih, vis[i]![1]), count(l.cadangan, vis[i]![2])],
  }));
  const columns = ['kabupaten', 'kuota_awal', 'kuota', 'perubahan', 'eligible', 'terpilih', 'cadangan'].map((code) => ({ code, title: t(`report_html:allocation.col.${code}`) }));
  const chartRows = rows.slice(0, -1);
  const svg = barChart({
    categories: lines.map((l) => l.kabupaten),
    series: [
      { name: t('report_html:allocation.col.kuota'), values: chartRows.map((r) => bar(r.cells[2]!)) },
      { name: t('report_html:allocation.col.terpilih'), values: chartRows.map((r) => bar(r.cells[5]!)) },
      { name: t('report_html:allocation.col.cadangan'), values: chartRows.map((r) => bar(r.cells[6]!)) },
    ],
    axisLabel: num, width: CHART_WIDTH,
  });
  const moved = lines.reduce((s, l) => s + Math.max(0, l.perubahan), 0);
  const lead = [
    t('report_html:allocation.lead', { selected: a.selected, kabupaten: a.kabupaten, waitlisted: a.waitlisted }),
    moved > 0 ? t('report_html:allocation.moved', { slots: moved }) : t('report_html:allocation.not_moved'),
    a.status === 'final' ? '' : t('report_html:common.draft', { run: a.run_id }),
  ].filter(Boolean);
  return section('alokasi', title, lead, [figure('chart-alokasi', t('report_html:allocation.chart'), svg, table(columns, rows), t('report_html:allocation.note'))]);
}
