import { parseNik } from '../nik/nik.js';
import { missingColumns, type FieldSpec, type HeaderMapping } from './headers.js';
import { regionResolver, type DtksImportOptions } from './dtks.js';
import { extrasEncoder } from './extras.js';
import type { ImportKind, RowValidator } from './kind.js';
import { parseFlag } from './values.js';

/** PKH (Program Keluarga Harapan) membership extracts. */
export const PKH_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'NIK PENGURUS'] },
  { field: 'nama', aliases: ['NAMA LENGKAP', 'NAMA ART', 'NAMA PENGURUS', 'NAMA PENERIMA'] },
  { field: 'no_kk', aliases: ['NO KK', 'NoKK', 'NOMOR KK'] },
  { field: 'id_keluarga', aliases: ['ID_KELUARGA_PKH', 'IDKeluarga', 'ID KELUARGA PKH', 'ID_KELUARGA'] },
  { field: 'id_peserta', aliases: ['ID_PESERTA_PKH', 'ID PESERTA', 'IDPeserta'] },
  { field: 'status_pkh', aliases: ['Ada_pkh', 'STATUS', 'AKTIF', 'STATUS KEPESERTAAN'] },
  { field: 'ibu_hamil', aliases: ['BUMIL', 'IBU HAMIL', 'KOMPONEN_BUMIL'] },
  { field: 'anak_usia_dini', aliases: ['AUD', 'BALITA', 'ANAK USIA DINI', 'KOMPONEN_AUD'] },
  { field: 'anak_sekolah', aliases: ['ANAK SEKOLAH', 'KOMPONEN_ANAK_SEKOLAH'] },
  { field: 'lansia', aliases: ['KOMPONEN_LANSIA'] },
  { field: 'disabilitas', aliases: ['DISABILITAS BERAT', 'KOMPONEN_DISABILITAS', 'PENYANDANG DISABILITAS'] },
  { field: 'kabupaten', aliases: ['KABUPATEN/KOTA', 'KAB_KOTA', 'nama_kabupaten', 'KAB/KOTA'] },
  { field: 'kode_kabupaten', aliases: ['KODE KAB', 'KODE KABUPATEN'] },
  { field: 'kdprop', aliases: [] },
  { field: 'kdkab', aliases: [] },
];

const KOMPONEN = ['ibu_hamil', 'anak_usia_dini', 'anak_sekolah', 'lansia', 'disabilitas'] as const;

export const PKH_COLUMNS = [
  'nik', 'nama', 'no_kk', 'id_keluarga', 'id_peserta', 'aktif', ...KOMPONEN, 'kode_kabupaten', 'extra_json',
];

/** A komponen cell: a count (0–99), or a yes/no flag read as 1/0; empty → unknown. */
function parseKomponen(raw: string): number | null | undefined {
  const v = raw.trim();
  if (v === '') return null;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const flag = parseFlag(v);
  return flag === undefined ? undefined : flag ? 1 : 0;
}

function pkhValidator(mapping: HeaderMapping, options: DtksImportOptions): RowValidator {
  const at = (field: string) => mapping.index.get(field);
  const get = (f: string[], i: number | undefined) => (i === undefined ? '' : (f[i] ?? '').trim());
  const iNik = at('nik')!, iStatus = at('status_pkh');
  const hasRegion = at('kabupaten') !== undefined || at('kode_kabupaten') !== undefined || at('kdkab') !== undefined;
  const region = regionResolver(mapping, options.kode ?? 'kemendagri');
  const komponen = KOMPONEN.map((k) => at(k));
  const extras = extrasEncoder(mapping.unknown);
  return (f) => {
    const nikResult = parseNik(f[iNik]);
    if (!nikResult.ok) return { ok: false, reason: nikResult.reason };
    const nik = nikResult.nik;
    const warnings: string[] = [];
    // No status column: being listed in a PKH extract means an active member.
    const statusRaw = get(f, iStatus);
    const aktif = statusRaw === '' ? true : parseFlag(statusRaw);
    if (aktif === undefined) return { ok: false, reason: 'status_pkh_invalid', nik };
    const counts: (number | null)[] = [];
    for (const i of komponen) {
      const n = parseKomponen(get(f, i));
      if (n === undefined) return { ok: false, reason: 'komponen_invalid', nik };
      counts.push(n);
    }
    let kode: string | null = null;
    if (hasRegion) {
      const { kab, mismatch } = region(f);
      if (kab) kode = kab.kode;
      else warnings.push('region_unknown');
      if (mismatch) warnings.push('kabupaten_mismatch');
    }
    return {
      ok: true,
      warnings,
      values: [
        nik, get(f, at('nama')) || null, get(f, at('no_kk')).replace(/^'/, '') || null, get(f, at('id_keluarga')) || null,
        get(f, at('id_peserta')) || null, aktif ? 1 : 0, ...counts, kode, extras(f),
      ],
    };
  };
}

export const PKH_IMPORT: ImportKind<DtksImportOptions> = {
  kind: 'pkh',
  table: 'pkh_members',
  columns: PKH_COLUMNS,
  fields: PKH_FIELDS,
  checkColumns(file, mapping) {
    if (!mapping.index.has('nik')) throw missingColumns(file, mapping, ['nik']);
  },
  validator: pkhValidator,
  afterMerge({ db, rowsOfFile }) {
    // Kept, but counted: PKH members the DTKS data does not (or no longer) hold.
    const notInDtks = db.prepare(`
      SELECT count(*) FROM (${rowsOfFile}) s
        WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.nik = s.nik AND p.in_dtks = 1)`).pluck().get() as number;
    return { not_in_dtks: notInDtks };
  },
};
