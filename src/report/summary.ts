/**
 * `uep report summary`: the year on one screen: the pool (applications, eligible), the allocation
 * (its final run, else the latest draft), the money, and monitoring (survival against the old
 * scheme's 46%, overdue visits).
 */
import { latestTahun } from '../applicants/list.js';
import { currentRun, runParams, type RunRow } from '../allocate/store.js';
import { localDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { allocationRows, type AllocationRow } from '../export/allocation-rows.js';
import { percent } from '../export/run.js';
import { monitoringReport, type MonitoringReport } from './monitoring.js';
import { ageBands, regencyAllocation, type AgeLine, type RegencyAllocation } from './recipients.js';

export interface YearSummary {
  tahun: number;
  pool: { pendaftar: number; eligible: number | null };
  allocation: {
    run_id: number; status: string; selected: number; waitlisted: number; kabupaten: number; women_persen: number | null;
    by_kabupaten: RegencyAllocation[];
    /** The selected by regency and age band (age on the allocation date). */
    umur: AgeLine[];
  } | null;
  /** anggaran: the budget given to `uep allocate --budget`, null when none. */
  money: { total: number; anggaran: number | null; by_jenis: { jenis_usaha: string; penerima: number; nilai: number }[] } | null;
  monitoring: {
    as_of: string; planned: boolean; penerima: number; dikunjungi: number; bertahan: number; persen: number | null;
    old_scheme_persen: number; selisih_poin: number | null; terlambat: number;
  } | null;
}

/** The summary with what it was computed from: the run, its rows (as the exports read them) and its monitoring report. */
export interface YearFigures {
  summary: YearSummary;
  run: RunRow | null;
  /** The run's selected, as the exports read them. */
  rows: AllocationRow[];
  monitoring: MonitoringReport | null;
}

export function yearSummary(db: Db, options: { tahun?: number; asOf?: string; now: Date }): YearSummary {
  return yearFigures(db, options).summary;
}

export function yearFigures(db: Db, options: { tahun?: number; asOf?: string; now: Date }): YearFigures {
  const tahun = options.tahun
    ?? (db.prepare(`SELECT max(tahun) FROM allocation_runs WHERE status = 'final'`).pluck().get() as number | null)
    ?? latestTahun(db, options.now);
  const pendaftar = db.prepare(`SELECT count(*) FROM applications WHERE tahun = ?`).pluck().get(tahun) as number;
  const run = currentRun(db, tahun);
  const summary: YearSummary = { tahun, pool: { pendaftar, eligible: null }, allocation: null, money: null, monitoring: null };
  if (!run) return { summary, run: null, rows: [], monitoring: null };

  // The beneficiaries' rows only: the pool is counted per regency without reading its persons.
  const rows = allocationRows(db, run.id, { selectedOnly: true });
  const byKabupaten = regencyAllocation(db, run.id);
  const selected = rows;
  summary.pool.eligible = byKabupaten.reduce((s, l) => s + l.eligible, 0);
  summary.allocation = {
    run_id: run.id, status: run.status, selected: selected.length, waitlisted: byKabupaten.reduce((s, l) => s + l.cadangan, 0),
    kabupaten: new Set(selected.map((r) => r.kode_kabupaten)).size,
    women_persen: percent(selected.filter((r) => r.jenis_kelamin === 'P').length, selected.length),
    by_kabupaten: byKabupaten,
    umur: ageBands(db, run.id, localDate(new Date(run.created_at))),
  };
  const byJenis = new Map<string, { jenis_usaha: string; penerima: number; nilai: number }>();
  for (const r of selected) {
    const e = byJenis.get(r.jenis_usaha) ?? { jenis_usaha: r.jenis_usaha, penerima: 0, nilai: 0 };
    e.penerima++;
    e.nilai += r.package_value ?? 0;
    byJenis.set(r.jenis_usaha, e);
  }
  summary.money = {
    total: selected.reduce((s, r) => s + (r.package_value ?? 0), 0),
    anggaran: runParams(run).budget ?? null,
    by_jenis: [...byJenis.values()].sort((a, b) => b.nilai - a.nilai || a.jenis_usaha.localeCompare(b.jenis_usaha)),
  };
  if (run.status !== 'final') return { summary, run, rows, monitoring: null };
  const m = monitoringReport(db, { run, asOf: options.asOf, now: options.now });
  summary.monitoring = {
    as_of: m.as_of, planned: m.planned, penerima: m.overall.penerima, dikunjungi: m.overall.dikunjungi, bertahan: m.overall.bertahan,
    persen: m.overall.persen, old_scheme_persen: m.old_scheme_persen, selisih_poin: m.overall.selisih_poin, terlambat: m.overdue.length,
  };
  return { summary, run, rows, monitoring: m };
}
