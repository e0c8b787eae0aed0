/**
 * Section 2: who received: women and PKH families by regency, desil against the pool, age bands and
 * business types by regency. Figures from the export's fairness and summary tables and the year
 * summary's age bands.
 */
import { kabupatenNama } from '../../export/run.js';
import { t } from '../../i18n/index.js';
import { AGE_BANDS } from '../recipients.js';
import { suppress } from '../small-cells.js';
import { bar, count, figure, num, pct, share, table, text, type Row } from './cells.js';
import { barChart } from './chart.js';
import type { ReportData } from './data.js';
import { ageLabel, desilLabel, jenisLabel } from './labels.js';
import { CHART_WIDTH, emptySection, section, type Section } from './section.js';

const PROVINCE = '64';

/** The regencies with beneficiaries, from the beneficiaries' rows. */
const regenciesOf = (d: ReportData) => [...new Set(d.rows.map((r) => r.kode_kabupaten))].sort();

/** A regency × group table of counts with row totals and a province row, suppressed along both. */
function matrix(d: ReportData, groups: string[], countOf: (kode: string, group: string) => number, id: string, title: string, groupLabel: (g: string) => string) {
  const kodes = regenciesOf(d);
  const body = kodes.map((k) => groups.map((g) => countOf(k, g)));
  const values = [...body, groups.map((_, j) => body.reduce((s, r) => s + r[j]!, 0))].map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
  const vis = suppress(values, { rowLines: [[kodes.length, ...kodes.map((_, i) => i)]], colLines: [[groups.length, ...groups.map((_, j) => j)]] });
  const rows: Row[] = values.map((r, i) => ({
    key: kodes[i] ?? PROVINCE, total: i === kodes.length,
    cells: [text(i === kodes.length ? t('report_html:common.province') : kabupatenNama(kodes[i]!)), ...r.map((v, j) => count(v, vis[i]![j]))],
  }));
  const columns = [{ code: 'kabupaten', title: t('report_html:common.regency') }, ...groups.map((g) => ({ code: g, title: groupLabel(g) })),
    { code: 'jumlah', title: t('report_html:common.total') }];
  return { rows, columns, kodes, groups, id, title };
}

export function recipientsSection(d: ReportData): Section {
  const title = t('report_html:recipients.title');
  const a = d.summary.allocation;
  if (!a || a.selected === 0) return emptySection('penerima', title, t('report_html:allocation.none'));
  const figures: string[] = [];

  // Women and PKH families by regency: the complements (not women, not PKH) take part in the rule.
  const regencies = regenciesOf(d);
  const keys = [...regencies, PROVINCE];
  const line = (kode: string, kelompok: string) => d.fairness.find((f) => f.kode === kode && f.kelompok === kelompok)!;
  const selectedOf = (kode: string) => (kode === PROVINCE ? a.selected : d.rows.filter((r) => r.kode_kabupaten === kode).length);
  const values = keys.map((k) => {
    const n = selectedOf(k);
    const women = line(k, 'perempuan').terpilih;
    const pkh = line(k, 'keluarga_pkh').terpilih;
    return [n, women, n - women, pkh, n - pkh];
  });
  const vis = suppress(values, { rowLines: [[keys.length - 1, ...regencies.map((_, i) => i)]], colLines: [[0, 1, 2], [0, 3, 4]] });
  const rows: Row[] = keys.map((k, i) => ({
    key: k, total: k === PROVINCE,
    cells: [
      text(k === PROVINCE ? t('report_html:common.province') : kabupatenNama(k)), count(values[i]![0]!, vis[i]![0]),
      count(values[i]![1]!, vis[i]![1]), share(line(k, 'perempuan').terpilih_persen, vis[i]![1]!, vis[i]![0]!, values[i]![0]!),
      count(values[i]![3]!, vis[i]![3]), share(line(k, 'keluarga_pkh').terpilih_persen, vis[i]![3]!, vis[i]![0]!, values[i]![0]!),
    ],
  }));
  const cols = ['kabupaten', 'terpilih', 'perempuan', 'perempuan_persen', 'keluarga_pkh', 'keluarga_pkh_persen']
    .map((code) => ({ code, title: t(`report_html:recipients.col.${code}`) }));
  figures.push(figure('chart-perempuan-pkh', t('report_html:recipients.women_chart'), barChart({
    categories: rows.map((r) => r.cells[0]!.text),
    series: [{ name: cols[3]!.title, values: rows.map((r) => bar(r.cells[3]!)) }, { name: cols[5]!.title, values: rows.map((r) => bar(r.cells[5]!)) }],
    axisLabel: (v) => pct(v), max: 100, width: CHART_WIDTH,
  }), table(cols, rows)));

  // Desil of the selected (the export's fairness lines, province).
  const desil = d.fairness.filter((f) => f.kode === PROVINCE && f.kelompok.startsWith('desil_') && f.terpilih > 0);
  const dv = [...desil.map((f) => [f.terpilih]), [a.selected]];
  const dvis = suppress(dv, { rowLines: [[desil.length, ...desil.map((_, i) => i)]] });
  const drows: Row[] = [...desil.map((f, i) => ({
    key: f.kelompok, cells: [text(desilLabel(f.kelompok)), count(f.terpilih, dvis[i]![0]), share(f.terpilih_persen, dvis[i]![0]!, dvis[desil.length]![0]!, a.selected)],
  })), { key: 'jumlah', total: true, cells: [text(t('report_html:common.total')), count(a.selected, dvis[desil.length]![0]), text('')] }];
  const dcols = ['desil', 'terpilih', 'terpilih_persen'].map((code) => ({ code, title: t(`report_html:recipients.col.${code}`) }));
  figures.push(figure('chart-desil', t('report_html:recipients.desil_chart'), barChart({
    categories: desil.map((f) => desilLabel(f.kelompok)), series: [{ name: dcols[2]!.title, values: drows.slice(0, -1).map((r) => bar(r.cells[2]!)) }],
    axisLabel: (v) => pct(v), width: CHART_WIDTH,
  }), table(dcols, drows), t('report_html:recipients.desil_note')));

  // Age bands by regency (age on the allocation date).
  const bands = AGE_BANDS.filter((b) => b !== 'tidak_diketahui' || a.umur.some((u) => u.kelompok_umur === b && u.penerima > 0));
  const age = matrix(d, [...bands], (k, g) => a.umur.find((u) => u.kode_kabupaten === k && u.kelompok_umur === g)?.penerima ?? 0, 'chart-umur', t('report_html:recipients.age_chart'), ageLabel);
  const ageTotal = age.rows.at(-1)!;
  figures.push(figure(age.id, age.title, barChart({
    categories: bands.map(ageLabel), series: [{ name: t('report_html:recipients.col.terpilih'), values: ageTotal.cells.slice(1, -1).map(bar) }], axisLabel: num, width: CHART_WIDTH,
  }), table(age.columns, age.rows), t('report_html:recipients.age_note')));

  // Business types by regency: the export's ringkasan (regency × business type).
  const jenis = [...new Set(d.ringkasan.rows.map((r) => String(r[2])))].sort();
  const cell = (k: string, j: string) => Number(d.ringkasan.rows.find((r) => r[0] === k && r[2] === j)?.[3] ?? 0);
  const types = matrix(d, jenis, cell, 'chart-jenis-usaha', t('report_html:recipients.jenis_chart'), jenisLabel);
  const body = types.rows.slice(0, -1);
  figures.push(figure(types.id, types.title, barChart({
    categories: body.map((r) => r.cells[0]!.text),
    series: jenis.map((j, c) => ({ name: jenisLabel(j), values: body.map((r) => bar(r.cells[c + 1]!)) })),
    axisLabel: num, stack: true, width: CHART_WIDTH,
  }), table(types.columns, types.rows)));

  const province = rows.at(-1)!.cells;
  return section('penerima', title, [t('report_html:recipients.lead', { selected: province[1]!.text, women: province[3]!.text, pkh: province[5]!.text })], figures);
}
