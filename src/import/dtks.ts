import { t } from '../i18n/index.js';
import { looksScientific, parseNik, nikDateParts, nikProvinsi, type NikDate } from '../nik/nik.js';
import {
  desaFromName, kabupatenFromBdt, kabupatenFromCode, kabupatenFromName, kecamatanFromName, type KodeSystem,
} from '../regions/resolve.js';
import type { Kabupaten } from '../regions/reference.js';
import { extrasEncoder } from './extras.js';
import { decideKode, withProvinsi } from './kode-decision.js';
import { missingColumns, type FieldSpec, type HeaderMapping } from './headers.js';
import type { ImportKind, RowValidator } from './kind.js';
import type { ImportOptions } from './summary.js';
import { collapseSpaces, parseDesil, parseFlag, parseHubunganKeluarga, parseJenisKelamin, parseTanggal } from './values.js';

export interface DtksImportOptions extends ImportOptions {
  /** The system of `kode_kabupaten` columns. KDPROP/KDKAB are always BPS. */
  kode?: KodeSystem;
}

/** Columns of DTKS/DTSEN/BDT extracts and the header spellings seen in real files. */
export const DTKS_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'nomor_induk_kependudukan'] },
  { field: 'no_kk', aliases: ['NO KK', 'NoKK', 'NOMOR KK', 'NKK', 'NO KARTU KELUARGA', 'nomor_kartu_keluarga'] },
  { field: 'nama', aliases: ['NAMA LENGKAP', 'NAMA ART', 'NAMA PENERIMA'] },
  { field: 'jenis_kelamin', aliases: ['JK', 'JnsKel', 'JENIS KELAMIN'] },
  { field: 'tanggal_lahir', aliases: ['TGL LAHIR', 'TglLahir', 'TANGGAL LAHIR'] },
  { field: 'alamat', aliases: ['alamat_ktp'] },
  { field: 'kabupaten', aliases: ['KABUPATEN/KOTA', 'KAB_KOTA', 'nama_kabupaten', 'KAB/KOTA', 'KOTA/KABUPATEN', 'kabupaten_kota'] },
  { field: 'kode_kabupaten', aliases: ['KODE KAB', 'KODE KABUPATEN', 'KODE_KAB_KOTA', 'kode_kabupaten_kota'] },
  { field: 'kode_provinsi', aliases: ['KODE PROV', 'KODE PROVINSI'] },
  { field: 'kdprop', aliases: [] },
  { field: 'kdkab', aliases: [] },
  { field: 'kecamatan', aliases: ['NAMA KECAMATAN', 'KEC'] },
  { field: 'desa', aliases: ['DESA/KELURAHAN', 'KELURAHAN', 'KELURAHAN/DESA', 'NAMA DESA', 'kelurahan_desa'] },
  { field: 'desil', aliases: ['DESIL NASIONAL', 'DESIL_NASIONAL'] },
  // DTSEN ranks households within the province and the regency too; the rubric reads the national one.
  { field: 'desil_provinsi', aliases: ['DESIL PROV'] },
  { field: 'desil_kabupaten_kota', aliases: ['DESIL KABUPATEN', 'DESIL KAB', 'DESIL KAB/KOTA'] },
  { field: 'hubungan_keluarga', aliases: ['Hub_KRT', 'HUBUNGAN KELUARGA', 'HUB KELUARGA', 'SHDK', 'status_hubungan_keluarga'] },
  { field: 'status_pkh', aliases: ['Ada_pkh', 'PKH', 'STATUS PKH'] },
];

export const PERSON_COLUMNS = [
  'nik', 'no_kk', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'alamat', 'kode_kabupaten', 'kecamatan', 'kode_kecamatan',
  'desa', 'kode_desa', 'desil', 'hubungan_keluarga', 'status_pkh', 'extra_json', 'desil_provinsi', 'desil_kabupaten_kota',
];

/** Reads the regency of a row from whichever columns the file has. */
export function regionResolver(mapping: HeaderMapping, kode: KodeSystem): (f: string[]) => { kab?: Kabupaten; mismatch: boolean } {
  const at = (field: string) => mapping.index.get(field);
  const iName = at('kabupaten');
  const iCode = at('kode_kabupaten');
  const iProp = at('kdprop') ?? at('kode_provinsi');
  const iKab = at('kdkab');
  return (f) => {
    let byCode: Kabupaten | undefined;
    if (iCode !== undefined && f[iCode]!.trim() !== '') byCode = kabupatenFromCode(withProvinsi(iProp === undefined ? '' : f[iProp]!, f[iCode]!), kode);
    else if (iKab !== undefined && f[iKab]!.trim() !== '') byCode = kabupatenFromBdt(iProp !== undefined ? f[iProp]! : '', f[iKab]!);
    const nameValue = iName !== undefined ? f[iName]!.trim() : '';
    const byName = nameValue !== '' ? kabupatenFromName(nameValue) : undefined;
    // A code wins (it is system-made); a name that disagrees is kept as a warning.
    if (byCode) return { kab: byCode, mismatch: byName !== undefined && byName !== byCode };
    const codeGiven = (iCode !== undefined && f[iCode]!.trim() !== '') || (iKab !== undefined && f[iKab]!.trim() !== '');
    return { kab: codeGiven ? undefined : byName, mismatch: false };
  };
}

export function requireRegionColumns(mapping: HeaderMapping): string | undefined {
  const has = (f: string) => mapping.index.has(f);
  return has('kabupaten') || has('kode_kabupaten') || has('kdkab') ? undefined : t('import:columns.region');
}

/** Whether an ISO date (YYYY-MM-DD) is the birth date a NIK encodes (which has no century). */
function sameDate(iso: string, fromNik: NikDate): boolean {
  const two = (at: number) => (iso.charCodeAt(at) - 48) * 10 + (iso.charCodeAt(at + 1) - 48);
  return two(8) === fromNik.day && two(5) === fromNik.month && two(2) === fromNik.yy;
}

function dtksValidator(mapping: HeaderMapping, options: DtksImportOptions): RowValidator {
  const at = (field: string) => mapping.index.get(field);
  const get = (f: string[], i: number | undefined) => (i === undefined ? '' : (f[i] ?? '').trim());
  const iNik = at('nik')!, iNama = at('nama')!, iKk = at('no_kk'), iJk = at('jenis_kelamin'), iTgl = at('tanggal_lahir');
  const iAlamat = at('alamat'), iKec = at('kecamatan'), iDesa = at('desa'), iDesil = at('desil');
  const iHub = at('hubungan_keluarga'), iPkh = at('status_pkh');
  const iDesilProv = at('desil_provinsi'), iDesilKab = at('desil_kabupaten_kota');
  const region = regionResolver(mapping, options.kode ?? 'kemendagri');
  const extras = extrasEncoder(mapping.unknown);

  return (f) => {
    const nikResult = parseNik(f[iNik]);
    if (!nikResult.ok) return { ok: false, reason: nikResult.reason };
    const nik = nikResult.nik;
    const nama = collapseSpaces(get(f, iNama));
    if (nama === '') return { ok: false, reason: 'nama_missing', nik };
    const { kab, mismatch } = region(f);
    if (!kab) return { ok: false, reason: 'region_unknown', nik };
    const desil = parseDesil(get(f, iDesil));
    if (desil === undefined) return { ok: false, reason: 'desil_invalid', nik };

    const warnings: string[] = [];
    const fromNik = nikDateParts(nik)!;
    if (nikProvinsi(nik) !== '64') warnings.push('nik_outside_province');
    if (mismatch) warnings.push('kabupaten_mismatch');

    const jkRaw = get(f, iJk);
    let jenisKelamin = jkRaw === '' ? fromNik.jenisKelamin : parseJenisKelamin(jkRaw);
    if (jenisKelamin === undefined) {
      warnings.push('jenis_kelamin_invalid');
      jenisKelamin = fromNik.jenisKelamin;
    } else if (jenisKelamin !== fromNik.jenisKelamin) warnings.push('sex_mismatch');

    const tglRaw = get(f, iTgl);
    let tanggalLahir: string | null = null;
    if (tglRaw !== '') {
      tanggalLahir = parseTanggal(tglRaw) ?? null;
      if (tanggalLahir === null) warnings.push('tanggal_lahir_invalid');
      else {
        if (!sameDate(tanggalLahir, fromNik)) warnings.push('birthdate_mismatch');
      }
    }

    const kecRaw = get(f, iKec);
    const kec = kecRaw !== '' ? kecamatanFromName(kab.kode, kecRaw) : undefined;
    if (kecRaw !== '' && !kec) warnings.push('kecamatan_unknown');
    const desaRaw = get(f, iDesa);
    const desa = desaRaw !== '' ? desaFromName(kab.kode, kec?.kode, desaRaw) : undefined;
    if (desaRaw !== '' && !desa) warnings.push('desa_unknown');

    // A provincial or regency desil that cannot be read is kept out, with a warning: the row stays.
    const desilWilayah = [get(f, iDesilProv), get(f, iDesilKab)].map((raw) => {
      const d = parseDesil(raw);
      if (d === undefined) warnings.push('desil_wilayah_invalid');
      return d ?? null;
    });
    const extra = extras(f);
    const pkh = parseFlag(get(f, iPkh));
    let noKk = get(f, iKk).replace(/^'/, '');
    // A KK a spreadsheet turned into a number has lost its 16th digit: not stored, but the row stays.
    if (looksScientific(noKk)) {
      warnings.push('no_kk_scientific');
      noKk = '';
    }
    return {
      ok: true,
      warnings,
      values: [
        nik, noKk === '' ? null : noKk, nama, jenisKelamin, tanggalLahir, get(f, iAlamat) || null, kab.kode,
        kec?.nama ?? (kecRaw || null), kec?.kode ?? null, desa?.nama ?? (desaRaw || null), desa?.kode ?? null,
        desil, parseHubunganKeluarga(get(f, iHub)), pkh === undefined ? null : pkh ? 1 : 0, extra, ...desilWilayah,
      ],
    };
  };
}

export const DTKS_IMPORT: ImportKind<DtksImportOptions> = {
  kind: 'dtks',
  table: 'persons',
  columns: PERSON_COLUMNS,
  fields: DTKS_FIELDS,
  snapshot: true,
  checkColumns(file, mapping) {
    const missing = ['nik', 'nama'].filter((f) => !mapping.index.has(f));
    const region = requireRegionColumns(mapping);
    if (region) missing.push(region);
    if (missing.length > 0) throw missingColumns(file, mapping, missing);
  },
  decide: decideKode,
  validator: dtksValidator,
  coveredColumns(mapping) {
    const has = (f: string) => mapping.index.has(f);
    const cols = ['nama', 'kode_kabupaten'];
    const optional: [string, string[]][] = [
      ['no_kk', ['no_kk']], ['jenis_kelamin', ['jenis_kelamin']], ['tanggal_lahir', ['tanggal_lahir']], ['alamat', ['alamat']],
      ['kecamatan', ['kecamatan', 'kode_kecamatan']], ['desa', ['desa', 'kode_desa']], ['desil', ['desil']],
      ['hubungan_keluarga', ['hubungan_keluarga']], ['status_pkh', ['status_pkh']],
      ['desil_provinsi', ['desil_provinsi']], ['desil_kabupaten_kota', ['desil_kabupaten_kota']],
    ];
    for (const [field, columns] of optional) if (has(field)) cols.push(...columns);
    if (mapping.unknown.length > 0) cols.push('extra_json');
    return cols;
  },
  onInsert: { in_dtks: '1' },
  onUpdate: { set: 'in_dtks = 1, departed_batch_id = NULL', changedWhen: 'persons.in_dtks = 0' },
  afterMerge({ db, rowsOfFile, seenTable, batchId, snapshot }): Record<string, number> {
    if (!snapshot || !seenTable) return snapshot ? { departed: 0 } : {};
    // A complete extract of the regencies it covers: whoever of them is absent has left DTKS.
    const departed = db.prepare(`
      UPDATE persons SET in_dtks = 0, departed_batch_id = ?
      WHERE in_dtks = 1
        AND kode_kabupaten IN (SELECT DISTINCT kode_kabupaten FROM temp.uep_stage)
        AND nik NOT IN (${rowsOfFile})
        AND nik NOT IN (SELECT nik FROM ${seenTable})`).run(batchId).changes;
    return { departed };
  },
};
