/**
 * The cases the programme found about the registry, gathered from where they are stored:
 * - findings recorded from visits, assessments or the office (registry_findings);
 * - records a person judged to be another record's duplicate (`uep review`, view duplicate_persons);
 * - assessed applicants who failed only for not being in DTKS: the assessment found a family in
 *   need that the registry does not (or no longer) list, an usul to register them.
 * Each case names the person, what is wrong, what was seen, when and by whom.
 */
import type { Db } from '../db/open.js';
import { t } from '../i18n/index.js';
import { isPairReason, PAIR_REASONS, type PairReason } from '../review/reasons.js';
import { TEMUAN, type JenisUsulan, type Sumber, type Temuan } from './temuan.js';

export interface UsulanCase {
  kode_kabupaten: string;
  jenis: JenisUsulan;
  temuan: Temuan;
  /** kunjungan/asesmen/kantor for recorded findings, asesmen for the not-in-DTKS applicants, review for duplicates. */
  sumber: Sumber | 'review';
  nik: string;
  nama: string;
  no_kk: string | null;
  kecamatan: string | null;
  desa: string | null;
  alamat: string | null;
  /** What was seen, for people (the language in use). */
  dilihat: string;
  /** When it was seen or decided, YYYY-MM-DD. */
  tanggal: string;
  oleh: string;
  /** Where the case is stored: temuan:<id>, pasangan:<id> or skor:<application id>. */
  ref: string;
}

export interface CaseFilter {
  /** Only cases seen or decided on or after this date (YYYY-MM-DD). */
  since?: string;
  kodeKabupaten?: string;
}

interface PersonCols {
  nama: string | null; no_kk: string | null; kecamatan: string | null; desa: string | null; alamat: string | null; kode_kabupaten: string | null;
}

const PERSON = `p.nama, p.no_kk, p.kecamatan, p.desa, p.alamat, p.kode_kabupaten`;

function findings(db: Db): UsulanCase[] {
  const rows = db.prepare(`SELECT f.id, f.nik, f.temuan, f.sumber, f.tanggal, f.petugas, f.catatan, f.nama AS f_nama, f.kode_kabupaten AS f_kode, ${PERSON}
    FROM registry_findings f LEFT JOIN persons p ON p.nik = f.nik`).all() as (PersonCols & {
    id: number; nik: string; temuan: Temuan; sumber: Sumber; tanggal: string; petugas: string; catatan: string | null; f_nama: string | null; f_kode: string | null;
  })[];
  return rows.map((r) => ({
    kode_kabupaten: r.kode_kabupaten ?? r.f_kode ?? '', jenis: TEMUAN[r.temuan], temuan: r.temuan, sumber: r.sumber,
    nik: r.nik, nama: r.nama ?? r.f_nama ?? '', no_kk: r.no_kk, kecamatan: r.kecamatan, desa: r.desa, alamat: r.alamat,
    dilihat: r.catatan ?? '', tanggal: r.tanggal, oleh: r.petugas, ref: `temuan:${r.id}`,
  }));
}

function duplicates(db: Db): UsulanCase[] {
  const rows = db.prepare(`SELECT d.nik, d.keep_nik, d.pair_id, d.operator, d.decided_at, x.reasons, n.note, ${PERSON}
    FROM duplicate_persons d JOIN duplicate_pairs x ON x.id = d.pair_id JOIN duplicate_decisions n ON n.id = d.decision_id
    LEFT JOIN persons p ON p.nik = d.nik`).all() as (PersonCols & {
    nik: string; keep_nik: string; pair_id: number; operator: string; decided_at: string; reasons: string; note: string | null;
  })[];
  return rows.map((r) => {
    // The reasons for: those counting against (a common name, one family card) do not help the operator.
    const reasons = r.reasons.split(',').filter(isPairReason).filter((c) => PAIR_REASONS[c] > 0).map((c: PairReason) => t(`review:reason.${c}`)).join('; ');
    const seen = t('usulan:seen.duplicate', { keep: r.keep_nik, reasons });
    return {
      kode_kabupaten: r.kode_kabupaten ?? '', jenis: TEMUAN.data_ganda, temuan: 'data_ganda' as const, sumber: 'review' as const,
      nik: r.nik, nama: r.nama ?? '', no_kk: r.no_kk, kecamatan: r.kecamatan, desa: r.desa, alamat: r.alamat,
      dilihat: r.note ? t('usulan:seen.with_note', { seen, note: r.note }) : seen,
      tanggal: r.decided_at.slice(0, 10), oleh: r.operator, ref: `pasangan:${r.pair_id}`,
    };
  });
}

function notInDtks(db: Db): UsulanCase[] {
  const rows = db.prepare(`SELECT a.id, a.tahun, a.nik, s.need_score, m.tanggal, m.assessor, ${PERSON}
    FROM scores s JOIN applications a ON a.id = s.application_id JOIN assessments m ON m.application_id = a.id JOIN persons p ON p.nik = a.nik
    WHERE s.reasons_json = '["not_in_dtks"]' AND p.in_dtks = 0`).all() as (PersonCols & {
    id: number; tahun: number; nik: string; need_score: number; tanggal: string; assessor: string;
  })[];
  return rows.map((r) => ({
    kode_kabupaten: r.kode_kabupaten ?? '', jenis: TEMUAN.belum_terdaftar, temuan: 'belum_terdaftar' as const, sumber: 'asesmen' as const,
    nik: r.nik, nama: r.nama ?? '', no_kk: r.no_kk, kecamatan: r.kecamatan, desa: r.desa, alamat: r.alamat,
    dilihat: t('usulan:seen.not_in_dtks', { tahun: r.tahun, need: r.need_score }), tanggal: r.tanggal, oleh: r.assessor, ref: `skor:${r.id}`,
  }));
}

/** Every case, by regency, then usul before sanggah, code, date and NIK. */
export function usulanCases(db: Db, filter: CaseFilter = {}): UsulanCase[] {
  return [...findings(db), ...duplicates(db), ...notInDtks(db)]
    .filter((c) => (filter.since === undefined || c.tanggal >= filter.since) && (filter.kodeKabupaten === undefined || c.kode_kabupaten === filter.kodeKabupaten))
    .sort((a, b) => cmp(a.kode_kabupaten, b.kode_kabupaten) || cmp(a.jenis, b.jenis) || cmp(a.temuan, b.temuan) || cmp(a.tanggal, b.tanggal) || cmp(a.nik, b.nik));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
