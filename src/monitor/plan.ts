/**
 * The visit plan of a final allocation run: each beneficiary gets a field worker who serves their
 * kecamatan (the least loaded one where several do, ties by id), and visits at fixed months after
 * the grant date (default 1, 3, 6 and 12). Planning again keeps every assignment that is still
 * valid (the worker is active and still serves the kecamatan) and assigns only the rest, so a
 * roster change or a replacement beneficiary does not reshuffle everyone.
 */
import type { RunRow } from '../allocate/store.js';
import { localDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { beneficiaries, type Beneficiary } from './beneficiaries.js';
import { addMonths } from './dates.js';

export const DEFAULT_BULAN = [1, 3, 6, 12];

export interface PlanOptions {
  /** The run, chosen by the caller (chooseRun in src/allocate/store.ts). */
  run: RunRow;
  /** YYYY-MM-DD; default: the stored plan's, else the run's finalized date. */
  tanggalHibah?: string;
  /** Months after the grant; default: the stored plan's, else 1, 3, 6, 12. */
  bulan?: number[];
  now: Date;
}

export interface Assignment {
  beneficiary: Beneficiary;
  monitor_id: string | null;
}

export interface VisitPlan {
  run: RunRow;
  tanggal_hibah: string;
  bulan: number[];
  assignments: Assignment[];
  kept: number;
  assigned: number;
  unassigned: number;
}

/** Active workers per kecamatan code. */
export function monitorsByKecamatan(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of db.prepare(`SELECT a.kode_kecamatan, m.id FROM monitor_areas a JOIN monitors m ON m.id = a.monitor_id
      WHERE m.aktif = 1 ORDER BY a.kode_kecamatan, m.id`).all() as { kode_kecamatan: string; id: string }[]) {
    const list = out.get(r.kode_kecamatan) ?? [];
    list.push(r.id);
    out.set(r.kode_kecamatan, list);
  }
  return out;
}

/** Pure: keeps valid assignments, gives the others to the least loaded worker of their kecamatan. */
export function assign(people: Beneficiary[], serving: Map<string, string[]>, previous: Map<string, string | null>): { assignments: Assignment[]; kept: number } {
  const load = new Map<string, number>();
  const chosen = new Map<string, string | null>();
  let kept = 0;
  for (const b of people) {
    const before = previous.get(b.nik);
    if (before && b.kode_kecamatan && serving.get(b.kode_kecamatan)?.includes(before)) {
      chosen.set(b.nik, before);
      load.set(before, (load.get(before) ?? 0) + 1);
      kept++;
    }
  }
  for (const b of people) {
    if (chosen.has(b.nik)) continue;
    const candidates = b.kode_kecamatan ? serving.get(b.kode_kecamatan) ?? [] : [];
    let best: string | null = null;
    for (const id of candidates) {
      const l = load.get(id) ?? 0;
      const lb = best === null ? Infinity : load.get(best) ?? 0;
      if (l < lb || (l === lb && id < best!)) best = id;
    }
    if (best !== null) load.set(best, (load.get(best) ?? 0) + 1);
    chosen.set(b.nik, best);
  }
  return { assignments: people.map((b) => ({ beneficiary: b, monitor_id: chosen.get(b.nik) ?? null })), kept };
}

export function visitDates(tanggalHibah: string, bulan: number[]): { kunjungan_ke: number; bulan_ke: number; tanggal_rencana: string }[] {
  return bulan.map((m, i) => ({ kunjungan_ke: i + 1, bulan_ke: m, tanggal_rencana: addMonths(tanggalHibah, m) }));
}

/** Makes (or updates) and stores the plan. Call inside a transaction to tie it to writing the sheets. */
export function planVisits(db: Db, options: PlanOptions): VisitPlan {
  const { run } = options;
  if (run.status !== 'final') {
    throw new UepError(t('monitor:plan.draft', { run: run.id }), t('monitor:plan.draft_hint', { run: run.id }));
  }
  const stored = db.prepare(`SELECT tanggal_hibah, bulan_json FROM monitor_plans WHERE run_id = ?`).get(run.id) as
    { tanggal_hibah: string; bulan_json: string } | undefined;
  const tanggalHibah = options.tanggalHibah ?? stored?.tanggal_hibah ?? localDate(new Date(run.finalized_at!));
  const bulan = options.bulan ?? (stored ? (JSON.parse(stored.bulan_json) as number[]) : DEFAULT_BULAN);
  const people = beneficiaries(db, run.id);
  if (people.length === 0) throw new UepError(t('monitor:plan.nobody', { run: run.id }));
  const previous = new Map((db.prepare(`SELECT nik, monitor_id FROM visit_assignments WHERE run_id = ?`).all(run.id) as
    { nik: string; monitor_id: string | null }[]).map((r) => [r.nik, r.monitor_id]));
  const { assignments, kept } = assign(people, monitorsByKecamatan(db), previous);

  const now = options.now.toISOString();
  db.prepare(`INSERT INTO monitor_plans (run_id, tanggal_hibah, bulan_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (run_id) DO UPDATE SET tanggal_hibah = excluded.tanggal_hibah, bulan_json = excluded.bulan_json, updated_at = excluded.updated_at`)
    .run(run.id, tanggalHibah, JSON.stringify(bulan), now, now);
  db.prepare(`DELETE FROM visit_assignments WHERE run_id = ?`).run(run.id);
  const insert = db.prepare(`INSERT INTO visit_assignments (run_id, nik, monitor_id) VALUES (?, ?, ?)`);
  for (const a of assignments) insert.run(run.id, a.beneficiary.nik, a.monitor_id);
  const unassigned = assignments.filter((a) => a.monitor_id === null).length;
  return { run, tanggal_hibah: tanggalHibah, bulan, assignments, kept, assigned: assignments.length - unassigned, unassigned };
}
