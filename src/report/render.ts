/** The monitoring report and the year summary as terminal text: aligned tables and bar charts. */
import { formatTable } from '../format/table.js';
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

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)}%`);
const poin = (x: number | null) => (x === null ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(1)} points`);
export const rupiah = (x: number) => `Rp${x.toLocaleString('id-ID')}`;

function chart(cells: SurvivalCell[], o: RenderOptions): string {
  return barChart(cells.map((c) => ({ label: c.kelompok, persen: c.persen, note: `${n(c.bertahan)}/${n(c.dikunjungi)}${c.belum_dikunjungi ? ` · ${n(c.belum_dikunjungi)} not visited` : ''}` })),
    { width: o.width, reference: 46, paint: o.paint });
}

export function renderMonitoring(r: MonitoringReport, o: RenderOptions): string {
  const p = o.paint ?? PLAIN;
  const all = r.overall;
  const vs = all.selisih_poin === null ? '' : all.selisih_poin >= 0 ? p.green(poin(all.selisih_poin)) : p.red(poin(all.selisih_poin));
  const out = [
    p.bold(`Business survival · run ${r.run.id} (${r.run.tahun}) · as of ${r.as_of} · grant ${r.tanggal_hibah}`),
    `Running at the last visit: ${p.bold(pct(all.persen))} (${n(all.bertahan)} of ${n(all.dikunjungi)} visited) · old scheme ${r.old_scheme_persen}% ${vs}`,
    `Not yet visited: ${n(all.belum_dikunjungi)} of ${n(all.penerima)} (not counted in the rate)`,
    `Status at the last visit: ${Object.entries(r.status).map(([s, c]) => `${s} ${n(c)}`).join(' · ')}`,
  ];
  const dims: [string, string][] = [['kabupaten', 'By regency'], ['jenis_usaha', 'By business type'], ['jenis_kelamin', 'By sex'],
    ['bulan_sejak_hibah', 'By months from grant to last visit']];
  for (const [dim, title] of dims) {
    const cells = r.survival.filter((c) => c.dimensi === dim);
    if (cells.length > 0) out.push('', p.bold(title), chart(cells, o));
  }
  if (r.curve.length > 0) {
    out.push('', p.bold('Survival curve (months since grant)'), barChart(
      r.curve.map((c) => ({ label: `month ${c.bulan}`, persen: c.persen, note: `${n(c.bertahan)}/${n(c.dikunjungi)}` })),
      { width: o.width, reference: 46, paint: o.paint }));
  }
  const limit = o.overdueLimit ?? 15;
  out.push('', p.bold(`Overdue visits: ${n(r.overdue.length)}`));
  if (!r.planned) out.push(p.dim('  no visit plan for this run yet: `uep monitor plan`'));
  else if (r.overdue.length > 0) {
    out.push(formatTable(r.overdue.slice(0, limit).map((x) => ({
      petugas: x.petugas ?? '(none)', nik: x.nik, nama: x.nama, kecamatan: x.kecamatan ?? '', visit: x.kunjungan_ke, due: x.tanggal_rencana,
      days_late: x.hari_terlambat, missed: x.terlewat,
    }))));
    if (r.overdue.length > limit) out.push(p.dim(`  … and ${n(r.overdue.length - limit)} more (all of them with --out)`));
  }
  out.push('', p.bold('Obstacles at the last visit'), barChart(
    r.kendala.map((k) => ({ label: k.kendala, persen: k.persen, note: `${n(k.penerima)} · ${n(k.kunjungan)} visits` })), { width: o.width, paint: o.paint }));
  out.push('', p.bold('Referrals to training'), formatTable(r.rujukan.map((x) => ({ rujukan: x.rujukan, beneficiaries: x.penerima, visits: x.kunjungan }))));
  return out.join('\n');
}

export function renderSummary(s: YearSummary, o: RenderOptions): string {
  const p = o.paint ?? PLAIN;
  const out = [p.bold(`UEP ${s.tahun}`), `Pool: ${n(s.pool.pendaftar)} applications${s.pool.eligible === null ? '' : ` · ${n(s.pool.eligible)} eligible and ranked`}`];
  const a = s.allocation;
  if (!a) out.push('Allocation: none yet (`uep allocate`)');
  else {
    out.push(`Allocation: run ${a.run_id} (${a.status === 'final' ? 'final' : p.red('draft')}) · ${n(a.selected)} selected in ${a.kabupaten} regencies · ${n(a.waitlisted)} on waitlists · women ${pct(a.women_persen)}`);
  }
  if (s.money) {
    out.push(`Money: ${p.bold(rupiah(s.money.total))}`);
    out.push(formatTable(s.money.by_jenis.map((j) => ({ jenis_usaha: j.jenis_usaha, penerima: j.penerima, rupiah: rupiah(j.nilai) }))));
  }
  const m = s.monitoring;
  if (m) {
    const vs = m.selisih_poin === null ? '' : ` (${m.selisih_poin >= 0 ? p.green(poin(m.selisih_poin)) : p.red(poin(m.selisih_poin))} against the old scheme's ${m.old_scheme_persen}%)`;
    out.push(`Monitoring (as of ${m.as_of}): ${n(m.dikunjungi)} of ${n(m.penerima)} visited · still running ${p.bold(pct(m.persen))}${vs}`);
    out.push(barChart([{ label: 'survival', persen: m.persen }], { width: o.width, reference: m.old_scheme_persen, paint: o.paint }));
    out.push(m.planned ? `Overdue visits: ${n(m.terlambat)}` : p.dim('No visit plan yet: `uep monitor plan`'));
  } else if (a) out.push(p.dim('Monitoring starts once the allocation is final.'));
  return out.join('\n');
}
