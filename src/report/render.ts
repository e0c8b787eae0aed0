/** The monitoring report and the year summary as terminal text, in the reader's language: aligned tables and bar charts. */
import { day, decimal1, num, percent1, rupiah } from '../format/people.js';
import { formatTable } from '../format/table.js';
import { language, t } from '../i18n/index.js';
import { barChart, PLAIN, type Paint } from './bars.js';
import type { MonitoringReport } from './monitoring.js';
import type { SurvivalCell } from './survival.js';
import type { YearSummary } from './summary.js';

export interface RenderOptions {
  width: number;
  paint?: Paint;
  /** Overdue lines shown (the files hold all). */
  overdueLimit?: number;
}

/** "+34.0 points" against the old scheme, green or red; '' when there is nothing to compare. */
function against(x: number | null, p: Paint): string {
  if (x === null) return '';
  const text = t('report:points', { value: decimal1(x, true) });
  return x >= 0 ? p.green(text) : p.red(text);
}

function chart(cells: SurvivalCell[], o: RenderOptions): string {
  return barChart(cells.map((c) => {
    const seen = `${num(c.bertahan)}/${num(c.dikunjungi)}`;
    return { label: c.kelompok, persen: c.persen, note: c.belum_dikunjungi ? `${seen} · ${t('report:monitoring.not_visited_note', { n: num(c.belum_dikunjungi) })}` : seen };
  }), { width: o.width, reference: 46, paint: o.paint });
}

const DIMENSIONS: [string, string][] = [
  ['kabupaten', 'report:monitoring.by_kabupaten'], ['jenis_usaha', 'report:monitoring.by_jenis_usaha'],
  ['jenis_kelamin', 'report:monitoring.by_jenis_kelamin'], ['bulan_sejak_hibah', 'report:monitoring.by_bulan'],
];

function overdueTable(r: MonitoringReport, limit: number): string {
  const headings = {
    petugas: t('report:overdue.col.petugas'), nik: 'nik', nama: t('report:overdue.col.nama'), kecamatan: t('report:overdue.col.kecamatan'),
    visit: t('report:overdue.col.visit'), due: t('report:overdue.col.due'), days_late: t('report:overdue.col.days_late'), missed: t('report:overdue.col.missed'),
  };
  return formatTable(r.overdue.slice(0, limit).map((x) => ({
    petugas: x.petugas ?? t('report:overdue.no_petugas'), nik: x.nik, nama: x.nama, kecamatan: x.kecamatan ?? '', visit: x.kunjungan_ke,
    due: day(x.tanggal_rencana), days_late: x.hari_terlambat, missed: x.terlewat,
  })), undefined, { headings, lang: language() });
}

export function renderMonitoring(r: MonitoringReport, o: RenderOptions): string {
  const p = o.paint ?? PLAIN;
  const all = r.overall;
  const out = [
    p.bold(t('report:monitoring.title', { run: r.run.id, tahun: r.run.tahun, as_of: r.as_of, hibah: r.tanggal_hibah })),
    t('report:monitoring.running', {
      persen: p.bold(percent1(all.persen)), bertahan: num(all.bertahan), dikunjungi: num(all.dikunjungi), old: r.old_scheme_persen, vs: against(all.selisih_poin, p),
    }).trimEnd(),
    t('report:monitoring.not_visited', { n: num(all.belum_dikunjungi), penerima: num(all.penerima) }),
    t('report:monitoring.status', { list: Object.entries(r.status).map(([s, c]) => `${s} ${num(c)}`).join(' · ') }),
  ];
  for (const [dim, title] of DIMENSIONS) {
    const cells = r.survival.filter((c) => c.dimensi === dim);
    if (cells.length > 0) out.push('', p.bold(t(title)), chart(cells, o));
  }
  if (r.curve.length > 0) {
    out.push('', p.bold(t('report:monitoring.curve')), barChart(
      r.curve.map((c) => ({ label: t('report:monitoring.month', { n: c.bulan }), persen: c.persen, note: `${num(c.bertahan)}/${num(c.dikunjungi)}` })),
      { width: o.width, reference: 46, paint: o.paint }));
  }
  const limit = o.overdueLimit ?? 15;
  out.push('', p.bold(t('report:overdue.title', { n: num(r.overdue.length) })));
  if (!r.planned) out.push(p.dim(`  ${t('report:overdue.no_plan')}`));
  else if (r.overdue.length > 0) {
    out.push(overdueTable(r, limit));
    if (r.overdue.length > limit) out.push(p.dim(`  ${t('report:overdue.more', { n: num(r.overdue.length - limit) })}`));
  }
  out.push('', p.bold(t('report:monitoring.obstacles')), barChart(
    r.kendala.map((k) => ({ label: k.kendala, persen: k.persen, note: t('report:monitoring.obstacle_note', { penerima: num(k.penerima), kunjungan: num(k.kunjungan) }) })),
    { width: o.width, paint: o.paint }));
  const referrals = { rujukan: t('report:monitoring.col.rujukan'), beneficiaries: t('report:monitoring.col.beneficiaries'), visits: t('report:monitoring.col.visits') };
  out.push('', p.bold(t('report:monitoring.referrals')), formatTable(r.rujukan.map((x) => ({ rujukan: x.rujukan, beneficiaries: x.penerima, visits: x.kunjungan })),
    undefined, { headings: referrals, lang: language(), empty: t('report:none') }));
  return out.join('\n');
}

export function renderSummary(s: YearSummary, o: RenderOptions): string {
  const p = o.paint ?? PLAIN;
  const pool = s.pool.eligible === null
    ? t('report:summary.pool', { count: s.pool.pendaftar, n: num(s.pool.pendaftar) })
    : t('report:summary.pool_eligible', { count: s.pool.pendaftar, n: num(s.pool.pendaftar), eligible: num(s.pool.eligible) });
  const out = [p.bold(t('report:summary.title', { tahun: s.tahun })), pool];
  const a = s.allocation;
  if (!a) out.push(t('report:summary.no_allocation'));
  else {
    const status = a.status === 'final' ? t('allocate:run_status.final') : p.red(t('allocate:run_status.draft'));
    out.push(t('report:summary.allocation', {
      run: a.run_id, status, selected: num(a.selected), kabupaten: num(a.kabupaten), waitlisted: num(a.waitlisted), women: percent1(a.women_persen),
    }));
  }
  if (s.money) {
    out.push(t('report:summary.money', { total: p.bold(rupiah(s.money.total)) }));
    const headings = { jenis_usaha: t('report:summary.col.jenis_usaha'), penerima: t('report:summary.col.penerima'), rupiah: t('report:summary.col.rupiah') };
    out.push(formatTable(s.money.by_jenis.map((j) => ({ jenis_usaha: j.jenis_usaha, penerima: j.penerima, rupiah: rupiah(j.nilai) })),
      undefined, { headings, lang: language(), empty: t('report:none') }));
  }
  const m = s.monitoring;
  if (m) {
    const params = { as_of: m.as_of, dikunjungi: num(m.dikunjungi), penerima: num(m.penerima), persen: p.bold(percent1(m.persen)), points: against(m.selisih_poin, p), old: m.old_scheme_persen };
    out.push(m.selisih_poin === null ? t('report:summary.monitoring', params) : t('report:summary.monitoring_vs', params));
    out.push(barChart([{ label: t('report:summary.survival_bar'), persen: m.persen }], { width: o.width, reference: m.old_scheme_persen, paint: o.paint }));
    out.push(m.planned ? t('report:overdue.title', { n: num(m.terlambat) }) : p.dim(t('report:summary.no_plan')));
  } else if (a) out.push(p.dim(t('report:summary.not_final')));
  return out.join('\n');
}
