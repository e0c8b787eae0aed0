import { readReferenceRows } from '../regions/reference.js';
import { nameKey } from '../regions/resolve.js';

/**
 * The real regions the synthetic people live in (data/regions/): the ten regencies weighted by
 * population, and the villages that exist in both the Kemendagri and the BPS lists.
 */
/** Data rows (no header) of a file in data/regions/, read by the importer's own reader. */
function readCsv(name: string): string[][] {
  return readReferenceRows(`regions/${name}`).slice(1);
}

/** The importer's own normalisation of region names: letters and digits, lower case. */
export const regionKey = nameKey;

export interface Regency {
  /** Kemendagri code (inside NIKs). */
  kode: string;
  /** BPS code (BDT KDPROP+KDKAB only). */
  bps: string;
  nama: string;
  kota: boolean;
  /** Spellings seen in extracts, all resolvable by the importer. */
  spellings: string[];
}

export interface Village {
  kode: string;
  nama: string;
  kelurahan: boolean;
  kodeKecamatan: string;
  kecamatan: string;
  kabupaten: string;
  /** 7-digit BPS kecamatan and 10-digit BPS desa codes, matched by name. */
  bpsKecamatan: string;
  bpsDesa: string;
  /** The name occurs once in the regency (resolvable without the kecamatan). */
  uniqueInRegency: boolean;
}

/** Dukcapil population, December 2024: rows are spread over the regencies by these. */
export const POPULATION: Record<string, number> = {
  '6401': 309667, '6402': 806964, '6403': 299005, '6407': 186581, '6408': 448850,
  '6409': 202067, '6411': 39715, '6471': 757418, '6472': 881225, '6474': 191811,
};

export const REGENCIES: readonly Regency[] = readCsv('regency_codes.csv').map(([kode, bps, nama, kind, also]) => {
  const kota = kind === 'kota';
  const name = nama!;
  const prefixed = kota ? [`Kota ${name}`, `KOTA ${name.toUpperCase()}`] : [`Kab. ${name}`, `KABUPATEN ${name.toUpperCase()}`, `Kabupaten ${name}`];
  return { kode: kode!, bps: bps!, nama: name, kota, spellings: [name, name.toUpperCase(), ...prefixed, ...(also ? also.split(';') : [])] };
});

export const regencyByKode = new Map(REGENCIES.map((r) => [r.kode, r]));

export function regency(kode: string): Regency {
  const r = regencyByKode.get(kode);
  if (!r) throw new Error(`unknown regency ${kode}`);
  return r;
}

export const districts = readCsv('districts.csv'); // code, regency_code, name
export const kecamatanName = new Map(districts.map(([code, , name]) => [code!, name!]));
export const aliasesByKecamatan = new Map<string, string[]>();
for (const [alias, code] of readCsv('kecamatan_aliases.csv')) aliasesByKecamatan.set(code!, [...(aliasesByKecamatan.get(code!) ?? []), alias!]);
export const bpsDistricts = readCsv('bps/districts.csv');
export const bpsVillages = readCsv('bps/villages.csv');
export const allVillages = readCsv('villages.csv'); // code, district_code, name

/** Villages of each regency whose kecamatan and desa also exist (by name) in the BPS coding, so that
 * DTKS (names) and BDT (BPS codes) extracts describe the same places. 902 of 1,038. */
export const VILLAGES_BY_REGENCY = new Map<string, Village[]>(REGENCIES.map((r) => [r.kode, []]));

{
  const count = new Map<string, number>();
  for (const [, district, name] of allVillages) {
    const k = `${district!.slice(0, 4)}|${regionKey(name!)}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  for (const [code, district, name] of allVillages) {
    const kab = district!.slice(0, 4);
    const kec = kecamatanName.get(district!)!;
    const kecKeys = [kec, ...(aliasesByKecamatan.get(district!) ?? [])].map(regionKey);
    const bpsKec = bpsDistricts.find(([, reg, n]) => reg === regency(kab).bps && kecKeys.includes(regionKey(n!)));
    if (!bpsKec) continue;
    const bpsDesa = bpsVillages.find(([, d, n]) => d === bpsKec[0] && regionKey(n!) === regionKey(name!));
    if (!bpsDesa) continue;
    VILLAGES_BY_REGENCY.get(kab)!.push({
      kode: code!, nama: name!, kelurahan: code![6] === '1', kodeKecamatan: district!, kecamatan: kec, kabupaten: kab,
      bpsKecamatan: bpsKec[0]!, bpsDesa: bpsDesa[0]!, uniqueInRegency: count.get(`${kab}|${regionKey(name!)}`) === 1,
    });
  }
}

export const villageByKode = new Map([...VILLAGES_BY_REGENCY.values()].flat().map((v) => [v.kode, v]));

/** A village of the residence pool by Kemendagri code. */
export function village(kode: string): Village {
  const v = villageByKode.get(kode);
  if (!v) throw new Error(`unknown village ${kode}`);
  return v;
}

/** Real names from other regencies that resolve to nothing in `kabupaten` (for *_unknown dirt). */
export function foreignNames(kabupaten: string, what: 'kecamatan' | 'desa'): string[] {
  const own = new Set<string>();
  const names = new Set<string>();
  if (what === 'kecamatan') {
    for (const [code, reg, name] of districts) {
      if (reg === kabupaten) for (const n of [name!, ...(aliasesByKecamatan.get(code!) ?? [])]) own.add(regionKey(n));
      else names.add(name!);
    }
  } else {
    for (const [, district, name] of allVillages) (district!.startsWith(kabupaten) ? own.add(regionKey(name!)) : names.add(name!));
  }
  const prefixes = what === 'kecamatan' ? ['kecamatan', 'kec'] : ['kelurahan', 'desa', 'kel', 'ds'];
  const strip = (k: string) => {
    for (const p of prefixes) if (k.startsWith(p) && k.length > p.length) return k.slice(p.length);
    return k;
  };
  return [...names].filter((n) => !own.has(regionKey(n)) && !own.has(strip(regionKey(n)))).sort();
}
