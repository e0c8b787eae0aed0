/**
 * Section 5: the field work: visits made and beneficiaries behind their plan by regency and by field
 * worker (the ten furthest behind; every worker is in `uep report monitoring --out`), obstacles
 * at the last visit, referrals to training. Figures of the monitoring report.
 */
import { kabupatenNama } from '../../export/run.js';
import { t } from '../../i18n/index.js';
import type { FieldWorkLine } from '../fieldwork.js';
import { suppress } from '../small-cells.js';
import { bar, count, figure, num, plain, share, table, text, type Row } from './cells.js';
import { barChart } from './chart.js';
import type { ReportData } from './data.js';
import { kendalaLabel, rujukanLabel } from './labels.js';
import { CHART_WIDTH, emptySection, section, type Section } from './section.js';

export const WORKERS_SHOWN = 10;

/** People columns (assigned, behind, and the complement: on schedule) under the rule; visits are not people. */
function lineCells(lines: FieldWorkLine[], totalRow: boolean) {
  const values = lines.map((l) => [l.penerima, l.penerima_terlambat, l.penerima - l.penerima_terlambat]);
  const parts = lines.map((_, i) => i).slice(0, totalRow ? -1 : undefined);
  return suppress(values, { rowLines: totalRow ? [[lines.length - 1, ...parts]] : [], colLines: [[0, 1, 2]] });
}

export function fieldWorkSection(d: ReportData): Section {
  const title = t('report_html:fieldwork.title');
  const m = d.monitoring;
  if (!m) return emptySection('lapangan', title, t('report_html:common.no_monitoring'));
  const figures: string[] = [];
  const cols = (codes: string[]) => codes.map((code) => ({ code, title: t(`report_html:fieldwork.col.${code}`) }));
  const sum = (ls: FieldWorkLine[], k: keyof Omit<FieldWorkLine, 'kelompok'>) => ls.reduce((s, l) => s + l[k], 0);

  const regencies = m.field_work.kabupaten;
  const total: FieldWorkLine = { kelompok: '64', penerima: sum(regencies, 'penerima'), kunjungan: sum(regencies, 'kunjungan'),
    penerima_terlambat: sum(regencies, 'penerima_terlambat'), kunjungan_terlewat: sum(regencies, 'kunjungan_terlewat') };
  const all = [...regencies, total];
  const vis = lineCells(all, true);
  const rows: Row[] = all.map((l, i) => ({
    key: l.kelompok ?? '', total: i === all.length - 1,
    cells: [text(i === all.length - 1 ? t('report_html:common.province') : kabupatenNama(l.kelompok ?? '')), count(l.penerima, vis[i]![0]),
      plain(l.kunjungan), count(l.penerima_terlambat, vis[i]![1]), plain(l.kunjungan_terlewat)],
  }));
  const rcols = cols(['kabupaten', 'penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat']);
  figures.push(figure('chart-kunjungan-kabupaten', t('report_html:fieldwork.regency_chart'), barChart({
    categories: rows.slice(0, -1).map((r) => r.cells[0]!.text),
    series: [{ name: rcols[1]!.title, values: rows.slice(0, -1).map((r) => bar(r.cells[1]!)) }, { name: rcols[3]!.title, values: rows.slice(0, -1).map((r) => bar(r.cells[3]!)) }],
    axisLabel: num, width: CHART_WIDTH,
  }), table(rcols, rows), m.planned ? undefined : t('report_html:fieldwork.no_plan')));

  const workers = [...m.field_work.petugas].filter((w) => w.penerima_terlambat > 0)
    .sort((a, b) => b.penerima_terlambat - a.penerima_terlambat || b.kunjungan_terlewat - a.kunjungan_terlewat || (a.kelompok ?? '').localeCompare(b.kelompok ?? ''))
    .slice(0, WORKERS_SHOWN);
  const wvis = lineCells(workers, false);
  const wname = (k: string | null) => k ?? t('report_html:fieldwork.no_worker');
  const wrows: Row[] = workers.map((w, i) => ({
    key: w.kelompok ?? '', cells: [text(wname(w.kelompok)), text(w.peran ?? ''), count(w.penerima, wvis[i]![0]), plain(w.kunjungan),
      count(w.penerima_terlambat, wvis[i]![1]), plain(w.kunjungan_terlewat)],
  }));
  const wcols = cols(['petugas', 'peran', 'penerima', 'kunjungan', 'penerima_terlambat', 'kunjungan_terlewat']);
  figures.push(figure('chart-kunjungan-petugas', t('report_html:fieldwork.worker_chart', { n: WORKERS_SHOWN }), barChart({
    categories: wrows.map((r) => r.cells[0]!.text),
    series: [{ name: wcols[4]!.title, values: wrows.map((r) => bar(r.cells[4]!)) }], axisLabel: num, width: CHART_WIDTH,
  }), table(wcols, wrows), t('report_html:fieldwork.worker_note', { shown: workers.length, behind: m.field_work.petugas.filter((w) => w.penerima_terlambat > 0).length, all: m.field_work.petugas.length })));

  // Obstacles at the last visit: a share of the visited (a person may report several).
  const visited = m.overall.dikunjungi;
  const visitedVis = visited > 0 && visited < 5 ? 'small' : 'shown';
  const krows: Row[] = m.kendala.map((k) => {
    const v = suppress([[k.penerima]])[0]![0]!;
    return { key: k.kendala, cells: [text(kendalaLabel(k.kendala)), count(k.penerima, v), share(k.persen, v, visitedVis, visited), plain(k.kunjungan)] };
  });
  const kcols = cols(['kendala', 'penerima', 'persen', 'kunjungan']);
  figures.push(figure('chart-kendala', t('report_html:fieldwork.obstacles_chart'), barChart({
    categories: krows.map((r) => r.cells[0]!.text), series: [{ name: kcols[1]!.title, values: krows.map((r) => bar(r.cells[1]!)) }], axisLabel: num, width: CHART_WIDTH,
  }), table(kcols, krows)));

  const rrows: Row[] = m.rujukan.map((r) => {
    const v = suppress([[r.penerima]])[0]![0]!;
    return { key: r.rujukan, cells: [text(rujukanLabel(r.rujukan)), count(r.penerima, v), plain(r.kunjungan)] };
  });
  const rjcols = cols(['rujukan', 'penerima', 'kunjungan']);
  figures.push(figure('chart-rujukan', t('report_html:fieldwork.referrals_chart'), barChart({
    categories: m.rujukan.map((r) => rujukanLabel(r.rujukan, true)), series: [{ name: rjcols[1]!.title, values: rrows.map((r) => bar(r.cells[1]!)) }], axisLabel: num, width: CHART_WIDTH,
  }), table(rjcols, rrows)));

  const totals = rows.at(-1)!.cells;
  return section('lapangan', title, [t('report_html:fieldwork.lead', { visits: totals[2]!.text, behind: totals[3]!.text, penerima: totals[1]!.text })], figures);
}
