/**
 * `uep report monitoring`: survival of the businesses of one allocation run (default: the final
 * run of the latest year) on a reference date, with the survival curve, overdue visits, obstacles
 * and referrals. Reads the run's selected beneficiaries, their visits, and the visit plan.
 */
import type { RunRow } from '../allocate/store.js';
import { localDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { beneficiaries, grantDate } from '../monitor/beneficiaries.js';
import { DEFAULT_BULAN } from '../monitor/plan.js';
import { STATUS_USAHA, type StatusUsaha } from '../monitor/visit-values.js';
import { maskNik } from '../nik/nik.js';
import { fieldWork, type FieldWork } from './fieldwork.js';
import { obstacles, overdueVisits, referrals, type KendalaLine, type RujukanLine } from './followup.js';
import { kaplanMeier, type KmPoint } from './km.js';
import { lastVisits, OLD_SCHEME_PERSEN, survivalCurve, survivalTable, type CurvePoint, type SurvivalCell, type VisitFact } from './survival.js';

export interface OverdueLine {
  id_penerima: number;
  nik: string;
  nama: string;
  desa: string | null;
  kecamatan: string | null;
  petugas: string | null;
  petugas_nama: string | null;
  kunjungan_ke: number;
  tanggal_rencana: string;
  hari_terlambat: number;
  terlewat: number;
}

export interface MonitoringReport {
  run: { id: number; tahun: number; status: string };
  as_of: string;
  tanggal_hibah: string;
  bulan: number[];
  /** A visit plan exists (without one there are no overdue visits to list). */
  planned: boolean;
  old_scheme_persen: number;
  overall: SurvivalCell;
  /** Beneficiaries by their status at the last visit. */
  status: Record<StatusUsaha, number>;
  survival: SurvivalCell[];
  curve: CurvePoint[];
  /** Kaplan–Meier curves overall and by regency, business type and sex (see km.ts). */
  kaplan_meier: KmPoint[];
  overdue: OverdueLine[];
  /** Visits made and overdue by field worker and by regency. */
  field_work: FieldWork;
  kendala: KendalaLine[];
  rujukan: RujukanLine[];
}

export interface MonitoringOptions {
  /** The run, chosen by the caller (chooseRun in src/allocate/store.ts). */
  run: RunRow;
  /** YYYY-MM-DD; default: today. */
  asOf?: string;
  now: Date;
}

const split = (s: string | null) => (s ? s.split(',') : []);

export function monitoringReport(db: Db, options: MonitoringOptions): MonitoringReport {
  const { run } = options;
  const asOf = options.asOf ?? localDate(options.now);
  const tanggalHibah = grantDate(db, run.id);
  if (!tanggalHibah) throw new UepError(t('report:monitoring.nothing_yet', { run: run.id }));
  const plan = db.prepare(`SELECT bulan_json FROM monitor_plans WHERE run_id = ?`).pluck().get(run.id) as string | undefined;
  const bulan = plan ? (JSON.parse(plan) as number[]) : DEFAULT_BULAN;
  const people = beneficiaries(db, run.id);
  const visits = (db.prepare(`
    SELECT v.nik, v.tanggal_kunjungan AS tanggal, v.status_usaha AS status, v.kendala, v.rujukan FROM visits v
    WHERE v.nik IN (SELECT nik FROM allocation_results WHERE run_id = ? AND outcome = 'selected') AND v.tanggal_kunjungan <= ?
    ORDER BY v.nik, v.tanggal_kunjungan`).all(run.id, asOf) as { nik: string; tanggal: string; status: StatusUsaha; kendala: string | null; rujukan: string | null }[])
    .map((v): VisitFact => ({ ...v, kendala: split(v.kendala), rujukan: split(v.rujukan) }));
  const last = lastVisits(visits, asOf);
  const survival = survivalTable(people, last, tanggalHibah, bulan);
  const status = Object.fromEntries(STATUS_USAHA.map((s) => [s, 0])) as Record<StatusUsaha, number>;
  for (const v of last.values()) status[v.status]++;

  const assigned = db.prepare(`SELECT a.nik, a.monitor_id, m.nama FROM visit_assignments a LEFT JOIN monitors m ON m.id = a.monitor_id
    WHERE a.run_id = ?`).all(run.id) as { nik: string; monitor_id: string | null; nama: string | null }[];
  const byNik = new Map(people.map((p) => [p.nik, p]));
  const monitorName = new Map(assigned.map((a) => [a.monitor_id, a.nama]));
  const planned = assigned.filter((a) => byNik.has(a.nik));
  const late = overdueVisits(planned, visits, tanggalHibah, bulan, asOf);
  const roles = new Map(db.prepare(`SELECT id, peran FROM monitors`).raw().all() as [string, string][]);
  const overdue = late.map((o): OverdueLine => {
    const p = byNik.get(o.nik)!;
    return {
      id_penerima: p.application_id, nik: maskNik(o.nik), nama: p.nama, desa: p.desa, kecamatan: p.kecamatan, petugas: o.monitor_id,
      petugas_nama: monitorName.get(o.monitor_id) ?? null, kunjungan_ke: o.kunjungan_ke, tanggal_rencana: o.tanggal_rencana,
      hari_terlambat: o.hari_terlambat, terlewat: o.terlewat,
    };
  });
  return {
    run: { id: run.id, tahun: run.tahun, status: run.status }, as_of: asOf, tanggal_hibah: tanggalHibah, bulan, planned: plan !== undefined,
    old_scheme_persen: OLD_SCHEME_PERSEN, overall: survival[0]!, status, survival,
    curve: survivalCurve(people, visits, tanggalHibah, asOf), kaplan_meier: kaplanMeier(people, visits, tanggalHibah, asOf), overdue,
    field_work: fieldWork(people, planned, roles, visits, late, tanggalHibah, asOf), kendala: obstacles(last, visits, asOf), rujukan: referrals(visits, asOf),
  };
}
