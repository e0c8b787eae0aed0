/**
 * `uep applicants import`: registrations collected by the regencies, one application per person
 * per programme year. A row identical to the stored application passes (counted unchanged, so a
 * file can be imported again); a different one for the same person and year is already_registered.
 */
import type { Db } from '../db/open.js';
import { extrasEncoder } from '../import/extras.js';
import { missingColumns, type FieldSpec, type HeaderMapping } from '../import/headers.js';
import type { ImportKind, RowValidator } from '../import/kind.js';
import type { ImportOptions } from '../import/summary.js';
import { parseTanggal } from '../import/values.js';
import { parseNik } from '../nik/nik.js';
import { parseJenisUsaha } from './jenis-usaha.js';

export interface ApplicantsImportOptions extends ImportOptions {
  /** Programme year of the applications. */
  tahun: number;
}

export const APPLICANT_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'NIK PENDAFTAR'] },
  { field: 'jenis_usaha', aliases: ['JENIS USAHA', 'USAHA', 'JENIS PAKET', 'PAKET USAHA', 'USAHA YANG DIMINTA'] },
  { field: 'tanggal_daftar', aliases: ['TANGGAL DAFTAR', 'TGL DAFTAR', 'TANGGAL PENDAFTARAN', 'TGL PENDAFTARAN'] },
  { field: 'no_hp', aliases: ['NO HP', 'NOMOR HP', 'HP', 'NO TELEPON', 'TELEPON', 'NO WA'] },
  { field: 'keterangan', aliases: ['KET', 'CATATAN'] },
  // Read so it does not land in extra_json; the name of record is DTKS's.
  { field: 'nama', aliases: ['NAMA LENGKAP', 'NAMA PENDAFTAR'] },
];

export const APPLICATION_COLUMNS = ['nik', 'tahun', 'jenis_usaha', 'tanggal_daftar', 'no_hp', 'keterangan', 'extra_json'];
const OPTIONAL: [string, string][] = [['no_hp', 'no_hp'], ['keterangan', 'keterangan']];

type Stored = { jenis_usaha: string; tanggal_daftar: string | null; no_hp: string | null; keterangan: string | null; extra_json: string | null };

function applicantValidator(mapping: HeaderMapping, options: ApplicantsImportOptions, db: Db): RowValidator {
  const at = (field: string) => mapping.index.get(field);
  const get = (f: string[], field: string) => {
    const i = at(field);
    return i === undefined ? '' : (f[i] ?? '').trim();
  };
  const person = db.prepare(`SELECT in_dtks FROM persons WHERE nik = ?`).pluck();
  const existing = db.prepare(`SELECT jenis_usaha, tanggal_daftar, no_hp, keterangan, extra_json FROM applications WHERE nik = ? AND tahun = ?`);
  const covered = new Set(APPLICANTS_IMPORT.coveredColumns!(mapping));
  const extras = extrasEncoder(mapping.unknown);
  const iNik = at('nik')!;

  return (f) => {
    const nikResult = parseNik(f[iNik]);
    if (!nikResult.ok) return { ok: false, reason: nikResult.reason };
    const nik = nikResult.nik;
    if (person.get(nik) !== 1) return { ok: false, reason: 'not_in_dtks', nik };
    const jenis = parseJenisUsaha(get(f, 'jenis_usaha'));
    if (!jenis) return { ok: false, reason: 'jenis_usaha_invalid', nik };
    const warnings: string[] = [];
    const tglRaw = get(f, 'tanggal_daftar');
    const tanggal = tglRaw === '' ? null : parseTanggal(tglRaw) ?? null;
    if (tglRaw === '') warnings.push('tanggal_daftar_missing');
    else if (tanggal === null) warnings.push('tanggal_daftar_invalid');
    const hp = get(f, 'no_hp').replace(/^'/, '').replace(/[\s.-]/g, '');
    const row: Stored = {
      jenis_usaha: jenis, tanggal_daftar: tanggal, no_hp: hp || null, keterangan: get(f, 'keterangan') || null,
      extra_json: extras(f),
    };
    const stored = existing.get(nik, options.tahun) as Stored | undefined;
    if (stored && (Object.keys(row) as (keyof Stored)[]).some((k) => covered.has(k) && row[k] !== stored[k])) {
      return { ok: false, reason: 'already_registered', nik };
    }
    return { ok: true, warnings, values: [nik, options.tahun, row.jenis_usaha, row.tanggal_daftar, row.no_hp, row.keterangan, row.extra_json] };
  };
}

export const APPLICANTS_IMPORT: ImportKind<ApplicantsImportOptions> = {
  kind: 'applicants',
  table: 'applications',
  conflictKey: ['nik', 'tahun'],
  duplicateReason: 'already_registered',
  columns: APPLICATION_COLUMNS,
  fields: APPLICANT_FIELDS,
  checkColumns(file, mapping) {
    const missing = ['nik', 'jenis_usaha', 'tanggal_daftar'].filter((f) => !mapping.index.has(f));
    if (missing.length > 0) throw missingColumns(file, mapping, missing);
  },
  validator: applicantValidator,
  coveredColumns(mapping) {
    const cols = ['tahun', 'jenis_usaha', 'tanggal_daftar'];
    for (const [field, column] of OPTIONAL) if (mapping.index.has(field)) cols.push(column);
    if (mapping.unknown.length > 0) cols.push('extra_json');
    return cols;
  },
};
