/**
 * Section 4: businesses still running, month by month since the grant (Kaplan–Meier curves, see
 * km.ts), overall and by business type, regency and sex, against the old scheme's 46%; beside each,
 * the survival table of `uep report monitoring` (running at the last visit).
 * A curve is drawn for a group of five or more beneficiaries, and only while five or more are still
 * observed (at risk): fewer and the curve stops.
 */
import { t } from '../../i18n/index.js';
import type { KmPoint } from '../km.js';
import type { MonitoringReport } from '../monitoring.js';
import { SMALL_CELL, suppress, type Visibility } from '../small-cells.js';
import { count, figure, num, pct, share, table, text, type Cell, type Row } from './cells.js';
import { stepChart } from './chart.js';
import type { ReportData } from './data.js';
import { jenisLabel, regencyLabel, sexLabel } from './labels.js';
import { CHART_WIDTH, emptySection, section, type Section } from './section.js';

const DIMENSIONS: [string, (kelompok: string) => string][] = [['jenis_usaha', jenisLabel], ['kabupaten', regencyLabel], ['jenis_kelamin', sexLabel]];

/** The points of one curve that may be drawn: while at least five are at risk. */
function drawable(points: KmPoint[]): [number, number][] {
  const shown = points.filter((p) => p.berisiko >= SMALL_CELL);
  return shown.length === 0 ? [] : [[0, 100], ...shown.map((p): [number, number] => [p.bulan, p.persen])];
}

function kmAt(points: KmPoint[], bulan: number): Cell {
  const p = points.find((x) => x.bulan === bulan);
  if (!p) return text('–');
  return p.berisiko >= SMALL_CELL ? { text: pct(p.persen), value: p.persen } : { text: '×', value: null, hidden: 'complement' };
}

export function survivalSection(d: ReportData): Section {
  const title = t('report_html:survival.title');
  const m: MonitoringReport | null = d.monitoring;
  if (!m) return emptySection('kelangsungan', title, t('report_html:common.no_monitoring'));
  const old = m.old_scheme_persen;
  const reference = { value: old, label: t('report_html:survival.old_scheme', { persen: pct(old) }) };
  const curve = (dim: string, k: string) => m.kaplan_meier.filter((p) => p.dimensi === dim && p.kelompok === k);
  const lastMonth = Math.max(0, ...m.kaplan_meier.map((p) => p.bulan));
  const kmMonth = [...m.bulan].reverse().find((b) => b <= lastMonth) ?? lastMonth;

  // The survival table (all dimensions at once, so the 'semua' row reads the same everywhere).
  const cells = m.survival.filter((c) => c.dimensi !== 'bulan_sejak_hibah');
  const values = cells.map((c) => [c.penerima, c.dikunjungi, c.belum_dikunjungi, c.bertahan, c.berhenti]);
  const rowLines = DIMENSIONS.map(([dim]) => [0, ...cells.flatMap((c, i) => (c.dimensi === dim ? [i] : []))]);
  const vis = suppress(values, { rowLines, colLines: [[0, 1, 2], [1, 3, 4]] });
  const columns = ['kelompok', 'penerima', 'dikunjungi', 'bertahan', 'persen', 'km'].map((code) => ({
    code, title: t(`report_html:survival.col.${code}`, { bulan: kmMonth }),
  }));
  const rowOf = (i: number, label: string): Row => {
    const c = cells[i]!;
    const v: Visibility[] = vis[i]!;
    return {
      key: `${c.dimensi}:${c.kelompok}`, total: c.dimensi === 'semua',
      cells: [text(label), count(c.penerima, v[0]), count(c.dikunjungi, v[1]), count(c.bertahan, v[3]), share(c.persen, v[3]!, v[1]!, c.dikunjungi),
        v[0] === 'shown' && c.penerima >= SMALL_CELL ? kmAt(curve(c.dimensi, c.kelompok), kmMonth) : { text: '×', value: null, hidden: 'complement' }],
    };
  };
  const overall = rowOf(0, t('report_html:common.all'));

  const months = [...new Set([...m.bulan.filter((b) => b <= lastMonth), lastMonth])];
  const all = curve('semua', 'semua');
  const monthRows: Row[] = months.map((b) => {
    const p = all.find((x) => x.bulan === b);
    return { key: String(b), cells: [text(num(b)), p ? count(p.berisiko, p.berisiko < SMALL_CELL ? 'small' : 'shown') : text('–'), kmAt(all, b)] };
  });
  const figures = [figure('chart-kelangsungan', t('report_html:survival.overall_chart'), stepChart({
    series: [{ name: t('report_html:common.all'), points: drawable(all) }], xName: t('report_html:survival.months'), yName: t('report_html:survival.share'),
    axisLabel: (v) => pct(v), reference, width: CHART_WIDTH,
  }), table(['bulan', 'berisiko', 'km'].map((code) => ({ code, title: t(`report_html:survival.col.${code}`, { bulan: kmMonth }) })), monthRows)
    + table(columns, [overall]), t('report_html:survival.km_note'))];

  for (const [dim, label] of DIMENSIONS) {
    const idx = cells.flatMap((c, i) => (c.dimensi === dim ? [i] : []));
    const series = idx.map((i) => {
      const c = cells[i]!;
      const ok = vis[i]![0] === 'shown' && c.penerima >= SMALL_CELL;
      return { name: ok ? label(c.kelompok) : `${label(c.kelompok)} (<${SMALL_CELL})`, points: ok ? drawable(curve(dim, c.kelompok)) : [] };
    });
    figures.push(figure(`chart-kelangsungan-${dim.replace('_', '-')}`, t(`report_html:survival.by.${dim}`), stepChart({
      series, xName: t('report_html:survival.months'), yName: t('report_html:survival.share'), axisLabel: (v) => pct(v), reference, width: CHART_WIDTH,
    }), table(columns, [overall, ...idx.map((i) => rowOf(i, label(cells[i]!.kelompok)))])));
  }

  const o = overall.cells;
  const lead = [
    t('report_html:survival.lead', { persen: o[4]!.text, bertahan: o[3]!.text, dikunjungi: o[2]!.text, old: pct(old), as_of: d.asOf }),
    t('report_html:survival.unvisited', { n: count(m.overall.belum_dikunjungi, vis[0]![2]).text, penerima: o[1]!.text }),
  ];
  return section('kelangsungan', title, lead, figures);
}
