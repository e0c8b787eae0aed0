/**
 * Recording a finding about a person's registry data (a visit saw they moved, an assessment found
 * the family is not poor, …), for the regency's DTSEN proposals. One row, one transaction.
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import type { RecordedTemuan, Sumber } from './temuan.js';

export interface FindingInput {
  nik: string;
  temuan: RecordedTemuan;
  sumber: Sumber;
  /** When it was seen, YYYY-MM-DD. */
  tanggal: string;
  /** Who saw it (field worker, assessor, officer). */
  petugas: string;
  catatan?: string;
  /** For a person the registry does not hold: their name and regency (Kemendagri code). */
  nama?: string;
  kodeKabupaten?: string;
  operator: string;
  now: Date;
}

export interface FindingResult {
  id: number;
  nik_masked: string;
  temuan: RecordedTemuan;
  in_registry: boolean;
}

export function recordFinding(db: Db, input: FindingInput): FindingResult {
  return db.transaction((): FindingResult => {
    const inRegistry = db.prepare(`SELECT 1 FROM persons WHERE nik = ?`).get(input.nik) !== undefined;
    const nama = input.nama?.trim() || null;
    if (!inRegistry && (nama === null || input.kodeKabupaten === undefined)) {
      throw new UepError(t('usulan:error.not_in_registry', { nik: maskNik(input.nik) }), t('usulan:error.not_in_registry_hint'));
    }
    const id = Number(db.prepare(`INSERT INTO registry_findings (nik, temuan, sumber, tanggal, petugas, catatan, nama, kode_kabupaten, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(input.nik, input.temuan, input.sumber, input.tanggal, input.petugas.trim(),
      input.catatan?.trim() || null, nama, input.kodeKabupaten ?? null, input.operator, input.now.toISOString()).lastInsertRowid);
    return { id, nik_masked: maskNik(input.nik), temuan: input.temuan, in_registry: inRegistry };
  }).immediate();
}
