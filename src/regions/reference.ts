import { readFileSync } from 'node:fs';

/**
 * The shipped reference data (data/regions/): the ten regencies with both code systems,
 * and the Kemendagri kecamatan and desa/kelurahan lists. Loaded once, lazily.
 */
export interface Kabupaten {
  /** Kemendagri code: the one inside a NIK and in Dukcapil data. */
  kode: string;
  /** BPS code: the one in BDT/DTKS KDPROP+KDKAB columns. Differs for four regencies. */
  kodeBps: string;
  nama: string;
  jenis: 'kabupaten' | 'kota';
  alsoWritten: string[];
}

export interface Kecamatan {
  kode: string;
  kodeKabupaten: string;
  nama: string;
}

export interface Desa {
  kode: string;
  kodeKecamatan: string;
  nama: string;
}

export const DATA_DIR = new URL('../../data/', import.meta.url);

/** Rows of one of our own reference CSVs (no quoting in them), header row first. */
export function readReferenceRows(relative: string): string[][] {
  const text = readFileSync(new URL(relative, DATA_DIR), 'utf8').replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split(','));
}

/** The same rows as objects keyed by the header. */
export function readReferenceCsv(relative: string): Record<string, string>[] {
  const [keys, ...rows] = readReferenceRows(relative);
  return rows.map((cells) => Object.fromEntries(keys!.map((k, i) => [k, cells[i] ?? ''])));
}

let cache: { kabupaten: Kabupaten[]; kecamatan: Kecamatan[]; desa: Desa[]; kecamatanAliases: Map<string, string> } | undefined;

export function reference() {
  cache ??= {
    kabupaten: readReferenceCsv('regions/regency_codes.csv').map((r) => ({
      kode: r.kemendagri!,
      kodeBps: r.bps!,
      nama: r.name!,
      jenis: r.kind === 'kota' ? 'kota' : 'kabupaten',
      alsoWritten: r.also_written ? r.also_written.split(';') : [],
    })),
    kecamatan: readReferenceCsv('regions/districts.csv').map((r) => ({ kode: r.code!, kodeKabupaten: r.regency_code!, nama: r.name! })),
    desa: readReferenceCsv('regions/villages.csv').map((r) => ({ kode: r.code!, kodeKecamatan: r.district_code!, nama: r.name! })),
    kecamatanAliases: new Map(readReferenceCsv('regions/kecamatan_aliases.csv').map((r) => [r.alias!, r.kecamatan_code!])),
  };
  return cache;
}
