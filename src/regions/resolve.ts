import { memoByString as memo } from '../memo.js';
import { reference, type Kabupaten, type Kecamatan, type Desa } from './reference.js';

/** Which code system a code column uses. Kemendagri unless the user says otherwise. */
export type KodeSystem = 'kemendagri' | 'bps';

/** Lower case, no accents, letters and digits only: "Kab. Kutai-Kartanegara" → "kabkutaikartanegara". */
export function nameKey(raw: string): string {
  return raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function stripPrefix(key: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (key.startsWith(p) && key.length > p.length) return key.slice(p.length);
  return key;
}

const KABUPATEN_PREFIXES = ['kabupaten', 'kab', 'kota'] as const;
const KECAMATAN_PREFIXES = ['kecamatan', 'kec'] as const;
const DESA_PREFIXES = ['kelurahan', 'desa', 'kel', 'ds'] as const;

interface Indexes {
  byKode: Map<string, Kabupaten>;
  byBps: Map<string, Kabupaten>;
  kabupatenByName: Map<string, Kabupaten>;
  kecamatanByName: Map<string, Map<string, Kecamatan>>; // kabupaten kode → name key → kecamatan
  desaByName: Map<string, Map<string, Desa>>; // kecamatan kode → name key → desa
  desaInKabupaten: Map<string, Map<string, Desa | null>>; // null: the name is ambiguous there
  kecamatanByKode: Map<string, Kecamatan>;
}

let indexes: Indexes | undefined;

function build(): Indexes {
  const ref = reference();
  const byKode = new Map(ref.kabupaten.map((k) => [k.kode, k]));
  const byBps = new Map(ref.kabupaten.map((k) => [k.kodeBps, k]));
  const kabupatenByName = new Map<string, Kabupaten>();
  for (const k of ref.kabupaten) {
    for (const n of [k.nama, ...k.alsoWritten]) kabupatenByName.set(stripPrefix(nameKey(n), KABUPATEN_PREFIXES), k);
  }
  const kecamatanByKode = new Map(ref.kecamatan.map((k) => [k.kode, k]));
  const kecamatanByName = new Map<string, Map<string, Kecamatan>>();
  for (const kec of ref.kecamatan) {
    let m = kecamatanByName.get(kec.kodeKabupaten);
    if (!m) kecamatanByName.set(kec.kodeKabupaten, (m = new Map()));
    m.set(nameKey(kec.nama), kec);
  }
  for (const [alias, kode] of ref.kecamatanAliases) {
    const kec = kecamatanByKode.get(kode);
    if (kec) kecamatanByName.get(kec.kodeKabupaten)!.set(nameKey(alias), kec);
  }
  const desaByName = new Map<string, Map<string, Desa>>();
  const desaInKabupaten = new Map<string, Map<string, Desa | null>>();
  for (const d of ref.desa) {
    let m = desaByName.get(d.kodeKecamatan);
    if (!m) desaByName.set(d.kodeKecamatan, (m = new Map()));
    const key = nameKey(d.nama);
    m.set(key, d);
    const kab = kecamatanByKode.get(d.kodeKecamatan)!.kodeKabupaten;
    let k = desaInKabupaten.get(kab);
    if (!k) desaInKabupaten.set(kab, (k = new Map()));
    k.set(key, k.has(key) ? null : d);
  }
  return { byKode, byBps, kabupatenByName, kecamatanByName, desaByName, desaInKabupaten, kecamatanByKode };
}

function idx(): Indexes {
  return (indexes ??= build());
}

export function allKabupaten(): Kabupaten[] {
  return reference().kabupaten;
}

export function kabupatenByKode(kode: string): Kabupaten | undefined {
  return idx().byKode.get(kode);
}

/** "Kota Samarinda", "SAMARINDA", "Kukar", "Kab. Paser" → the regency; undefined when not one of the ten. */
export const kabupatenFromName = memo(kabupatenFromNameUncached);

function kabupatenFromNameUncached(raw: string): Kabupaten | undefined {
  const key = nameKey(raw);
  if (key === '') return undefined;
  return idx().kabupatenByName.get(key) ?? idx().kabupatenByName.get(stripPrefix(key, KABUPATEN_PREFIXES));
}

/** "6472" or "64.72" in the given code system → the regency. Never mixes the two systems. */
export function kabupatenFromCode(raw: string, system: KodeSystem): Kabupaten | undefined {
  const digits = raw.trim().replace(/[.\s]/g, '');
  if (!/^\d{4}$/.test(digits)) return undefined;
  return (system === 'bps' ? idx().byBps : idx().byKode).get(digits);
}

/** BDT style: KDPROP "64" and KDKAB "3" / "03" / "6403" — always BPS codes. */
export function kabupatenFromBdt(kdprop: string, kdkab: string): Kabupaten | undefined {
  const prop = kdprop.trim();
  const kab = kdkab.trim();
  if (/^\d{4}$/.test(kab)) return kab.startsWith(prop || '64') ? idx().byBps.get(kab) : undefined;
  if (!/^\d{1,2}$/.test(kab) || (prop !== '' && prop !== '64')) return undefined;
  return idx().byBps.get(`64${kab.padStart(2, '0')}`);
}

/** Per regency, a memo of spelling → kecamatan (nested maps: no key strings to build per row). */
const kecamatanMemo = new Map<string, (raw: string) => Kecamatan | undefined>();

export function kecamatanFromName(kodeKabupaten: string, raw: string): Kecamatan | undefined {
  let m = kecamatanMemo.get(kodeKabupaten);
  if (!m) kecamatanMemo.set(kodeKabupaten, (m = memo((r) => kecamatanFromNameUncached(kodeKabupaten, r))));
  return m(raw);
}

function kecamatanFromNameUncached(kodeKabupaten: string, raw: string): Kecamatan | undefined {
  const names = idx().kecamatanByName.get(kodeKabupaten);
  if (!names) return undefined;
  const key = nameKey(raw);
  return names.get(key) ?? names.get(stripPrefix(key, KECAMATAN_PREFIXES));
}

/** A desa/kelurahan by name, within its kecamatan when known, else when unique in the regency. */
const desaMemo = new Map<string, (raw: string) => Desa | undefined>();

export function desaFromName(kodeKabupaten: string, kodeKecamatan: string | undefined, raw: string): Desa | undefined {
  const scope = kodeKecamatan ?? `k${kodeKabupaten}`;
  let m = desaMemo.get(scope);
  if (!m) desaMemo.set(scope, (m = memo((r) => desaFromNameUncached(kodeKabupaten, kodeKecamatan, r))));
  return m(raw);
}

function desaFromNameUncached(kodeKabupaten: string, kodeKecamatan: string | undefined, raw: string): Desa | undefined {
  const key = nameKey(raw);
  const stripped = stripPrefix(key, DESA_PREFIXES);
  if (kodeKecamatan) {
    const names = idx().desaByName.get(kodeKecamatan);
    return names?.get(key) ?? names?.get(stripped);
  }
  const names = idx().desaInKabupaten.get(kodeKabupaten);
  return names?.get(key) ?? names?.get(stripped) ?? undefined;
}
