/**
 * Section 3: the money: package values by business type and by regency against the budget. Figures
 * from the year summary (by business type, total, budget) and the export's ringkasan (by regency).
 * Rupiah follow their counts under the small-cell rule: one package's value times the count gives
 * the count back.
 */
import { kabupatenNama } from '../../export/run.js';
import { t } from '../../i18n/index.js';
import { suppress } from '../small-cells.js';
import { count, figure, money, num, pct, plain, rupiah, table, text, type Row } from './cells.js';
import { barChart } from './chart.js';
import type { ReportData } from './data.js';
import { jenisLabel } from './labels.js';
import { CHART_WIDTH, emptySection, section, type Section } from './section.js';


export function moneySection(d: ReportData): Section {
  const title = t('report_html:money.title');
  const m = d.summary.money;
  if (!m || d.summary.allocation?.selected === 0) return emptySection('anggaran', title, t('report_html:allocation.none'));
  const cols = (codes: string[]) => codes.map((code) => ({ code, title: t(`report_html:money.col.${code}`) }));
  const penerima = m.by_jenis.reduce((s, j) => s + j.penerima, 0);

  // By business type, then the total and the budget.
  const jv = [...m.by_jenis.map((j) => [j.penerima]), [penerima]];
  const jvis = suppress(jv, { rowLines: [[m.by_jenis.length, ...m.by_jenis.map((_, i) => i)]] });
  const jrows: Row[] = [
    ...m.by_jenis.map((j, i) => ({ key: j.jenis_usaha, cells: [text(jenisLabel(j.jenis_usaha)), count(j.penerima, jvis[i]![0]), money(j.nilai, jvis[i]![0])] })),
    { key: 'jumlah', total: true, cells: [text(t('report_html:common.total')), count(penerima, jvis.at(-1)![0]), money(m.total, jvis.at(-1)![0])] },
  ];
  if (m.anggaran !== null) {
    jrows.push({ key: 'anggaran', cells: [text(t('report_html:money.budget')), text(''), plain(m.anggaran, rupiah)] });
    jrows.push({ key: 'sisa', cells: [text(t('report_html:money.left')), text(''), plain(m.anggaran - m.total, rupiah)] });
  }
  const jchart = barChart({
    categories: jrows.map((r) => r.cells[0]!.text),
    series: [{ name: t('report_html:money.col.nilai'), values: jrows.map((r) => ({ value: r.cells[2]!.value === null ? null : r.cells[2]!.value / 1e6, label: r.cells[2]!.text })) }],
    axisLabel: num, axisName: t('report_html:money.axis'), width: CHART_WIDTH, labelRoom: 120,
  });
  const figures = [figure('chart-anggaran-jenis', t('report_html:money.jenis_chart'), jchart, table(cols(['jenis_usaha', 'penerima', 'nilai']), jrows))];

  // By regency (from ringkasan: regency × business type).
  const byKode = new Map<string, { n: number; rp: number }>();
  for (const r of d.ringkasan.rows) {
    const e = byKode.get(String(r[0])) ?? { n: 0, rp: 0 };
    e.n += Number(r[3]);
    e.rp += Number(r[4]);
    byKode.set(String(r[0]), e);
  }
  const kodes = [...byKode.keys()].sort();
  const kv = [...kodes.map((k) => [byKode.get(k)!.n]), [penerima]];
  const kvis = suppress(kv, { rowLines: [[kodes.length, ...kodes.map((_, i) => i)]] });
  const krows: Row[] = [
    ...kodes.map((k, i) => ({ key: k, cells: [text(kabupatenNama(k)), count(byKode.get(k)!.n, kvis[i]![0]), money(byKode.get(k)!.rp, kvis[i]![0])] })),
    { key: '64', total: true, cells: [text(t('report_html:common.province')), count(penerima, kvis.at(-1)![0]), money(m.total, kvis.at(-1)![0])] },
  ];
  figures.push(figure('chart-anggaran-kabupaten', t('report_html:money.regency_chart'), barChart({
    categories: krows.slice(0, -1).map((r) => r.cells[0]!.text),
    series: [{ name: t('report_html:money.col.nilai'), values: krows.slice(0, -1).map((r) => ({ value: r.cells[2]!.value === null ? null : r.cells[2]!.value / 1e6, label: r.cells[2]!.text })) }],
    axisLabel: num, axisName: t('report_html:money.axis'), width: CHART_WIDTH, labelRoom: 120,
  }), table(cols(['kabupaten', 'penerima', 'nilai']), krows)));

  const total = jrows.find((r) => r.key === 'jumlah')!.cells[2]!;
  const lead = m.anggaran === null || total.value === null
    ? t('report_html:money.lead', { total: total.text })
    : t('report_html:money.lead_budget', { total: total.text, budget: rupiah(m.anggaran), share: pct(Math.round((m.total / m.anggaran) * 1000) / 10) });
  return section('anggaran', title, [lead], figures);
}
