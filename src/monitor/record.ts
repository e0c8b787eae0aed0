/**
 * `uep monitor record <nik>`: one visit typed in. The core half: what the officer is shown about
 * the person (masked NIK, name, place, the field workers who serve them, earlier visits), and the
 * save, checked exactly like an imported row. Prompting lives in the CLI.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { localDate } from '../dates.js';
import { maskNik, parseNik } from '../nik/nik.js';
import { beneficiaryIndex } from './beneficiaries.js';
import { explainReason } from './reasons.js';
import { visitChecker, type Visit, type VisitCells } from './visit-check.js';
import { upsertVisits, visitExists } from './visit-store.js';

export interface RecordSubject {
  nik: string;
  nik_masked: string;
  nama: string;
  desa: string | null;
  kecamatan: string | null;
  jenis_usaha: string | null;
  tanggal_hibah: string | null;
  /** The assigned worker first, then the others who serve the kecamatan. */
  monitors: { id: string; nama: string; peran: string }[];
  visits: { tanggal_kunjungan: string; status_usaha: string }[];
}

export function recordSubject(db: Db, nikRaw: string): RecordSubject {
  const parsed = parseNik(nikRaw);
  if (!parsed.ok) throw new UepError(t('monitor:record.bad_nik', { reason: parsed.reason }));
  const nik = parsed.nik;
  const index = beneficiaryIndex(db);
  if (!index.grantOf.has(nik)) throw new UepError(t('monitor:record.not_beneficiary'), t('monitor:record.not_beneficiary_hint'));
  const p = db.prepare(`SELECT nama, desa, kecamatan, kode_kecamatan FROM persons WHERE nik = ?`).get(nik) as
    { nama: string; desa: string | null; kecamatan: string | null; kode_kecamatan: string | null } | undefined;
  const jenis = db.prepare(`SELECT r.jenis_usaha FROM allocation_results r JOIN allocation_runs a ON a.id = r.run_id
    WHERE a.status = 'final' AND r.outcome = 'selected' AND r.nik = ? ORDER BY r.run_id DESC LIMIT 1`).pluck().get(nik) as string | undefined;
  const monitors = db.prepare(`
    SELECT m.id, m.nama, m.peran FROM monitors m
    WHERE m.aktif = 1 AND (m.id IN (SELECT monitor_id FROM visit_assignments WHERE nik = @nik)
      OR m.id IN (SELECT monitor_id FROM monitor_areas WHERE kode_kecamatan = @kec))
    ORDER BY m.id IN (SELECT monitor_id FROM visit_assignments WHERE nik = @nik) DESC, m.id`)
    .all({ nik, kec: p?.kode_kecamatan ?? null }) as RecordSubject['monitors'];
  const visits = db.prepare(`SELECT tanggal_kunjungan, status_usaha FROM visits WHERE nik = ? ORDER BY tanggal_kunjungan`)
    .all(nik) as RecordSubject['visits'];
  return {
    nik, nik_masked: maskNik(nik), nama: p?.nama ?? '', desa: p?.desa ?? null, kecamatan: p?.kecamatan ?? null,
    jenis_usaha: jenis ?? null, tanggal_hibah: index.grantOf.get(nik) ?? null, monitors, visits,
  };
}

export interface RecordResult {
  visit: Visit;
  inserted: number;
  updated: number;
}

/** Checks and saves one visit. A visit already recorded for that day is replaced only with `replace`. */
export function recordVisit(db: Db, cells: VisitCells, options: { replace?: boolean; now: Date }): RecordResult {
  const monitorIds = new Set(db.prepare(`SELECT id FROM monitors`).pluck().all() as string[]);
  const result = visitChecker(beneficiaryIndex(db), monitorIds, localDate(options.now))(cells);
  if (!result.ok) throw new UepError(t('monitor:record.refused', { reason: explainReason(result.reason) }));
  const { visit } = result;
  return db.transaction((): RecordResult => {
    if (visitExists(db, visit.nik, visit.tanggal_kunjungan) && !options.replace) {
      throw new UepError(t('monitor:record.already_recorded', { tanggal: visit.tanggal_kunjungan }), t('monitor:record.already_recorded_hint'));
    }
    const counts = upsertVisits(db, [visit], { batchId: null, sumber: 'record', now: options.now });
    return { visit, inserted: counts.inserted, updated: counts.updated };
  }).immediate();
}
