/**
 * The registry facts of applicants (see Facts and docs/facts.md), defined here and nowhere else.
 * Scoring computes them and stores them with each score; the pool, the run, exports, reports and
 * explain read them from there. The data come from the views of migration 5 (pkh_active_members,
 * received_packages), read once into sets: 200k applicants cost one pass, not a query each.
 */
import type { Db } from '../db/open.js';
import { ageAt } from './age.js';
import type { Facts } from './types.js';

/** A person's family card in SQL: blank is no card (the views use the same rule). */
export const familyCardSql = (alias: string) => `NULLIF(trim(${alias}.no_kk), '')`;

/** Who is in PKH, as the view pkh_active_members says. */
export interface PkhFamilies {
  /** NIKs with an active PKH row of their own. */
  nik: Set<string>;
  /** Family cards with an active PKH member. */
  kk: Set<string>;
  /** The same for members with PKH komponen disabilitas or lansia. */
  rentanNik: Set<string>;
  rentanKk: Set<string>;
}

/** Reads pkh_active_members; `only` narrows it to one person and their family card. */
export function loadPkhFamilies(db: Db, only?: { nik: string; kk: string | null }): PkhFamilies {
  const f: PkhFamilies = { nik: new Set(), kk: new Set(), rentanNik: new Set(), rentanKk: new Set() };
  const rows = db.prepare(`SELECT nik, no_kk, rentan FROM pkh_active_members ${only ? 'WHERE nik = @nik OR no_kk = @kk' : ''}`).raw();
  for (const [nik, kk, rentan] of rows.iterate(only ? { nik: only.nik, kk: only.kk } : {}) as Iterable<[string, string | null, number]>) {
    f.nik.add(nik);
    if (kk !== null) f.kk.add(kk);
    if (rentan) {
      f.rentanNik.add(nik);
      if (kk !== null) f.rentanKk.add(kk);
    }
  }
  return f;
}

/**
 * NIK → the latest year before `tahun` in which they received a package (view received_packages),
 * under this NIK or under another record judged the same person (view same_person_links).
 */
export function loadEarlierPackages(db: Db, tahun: number, nik?: string): Map<string, number> {
  const rows = db.prepare(`SELECT nik, max(tahun) FROM (
      SELECT nik, tahun FROM received_packages
      UNION ALL SELECT l.nik, r.tahun FROM same_person_links l JOIN received_packages r ON r.nik = l.other_nik
    ) WHERE tahun < @tahun ${nik ? 'AND nik = @nik' : ''} GROUP BY nik`).raw();
  return new Map(rows.all(nik ? { tahun, nik } : { tahun }) as [string, number][]);
}

/** NIK → the pair in which a person judged the record a duplicate of another (view duplicate_persons). */
export function loadDuplicates(db: Db, nik?: string): Map<string, number> {
  const rows = db.prepare(`SELECT nik, pair_id FROM duplicate_persons ${nik ? 'WHERE nik = @nik' : ''}`).raw();
  return new Map(rows.all(nik ? { nik } : {}) as [string, number][]);
}

/** What the PKH facts of a person are decided from; no_kk as familyCardSql gives it. */
export interface PkhPerson {
  nik: string;
  no_kk: string | null;
  status_pkh: number | null;
}

/**
 * pkh_aktif, the one definition: DTKS says so (status_pkh = 1), or the person has an active PKH
 * row, or anyone on the same family card has one (their card: the PKH row's, else DTKS's).
 */
export function pkhAktif(p: PkhPerson, f: PkhFamilies): boolean {
  return p.status_pkh === 1 || f.nik.has(p.nik) || (p.no_kk !== null && f.kk.has(p.no_kk));
}

/** rentan_pkh: an active PKH member of the family (as for pkh_aktif) has komponen disabilitas or lansia. */
export function rentanPkh(p: PkhPerson, f: PkhFamilies): boolean {
  return f.rentanNik.has(p.nik) || (p.no_kk !== null && f.rentanKk.has(p.no_kk));
}

/** wrse: a woman heading her household (DTKS jenis_kelamin and hubungan_keluarga). */
export function wrse(p: { jenis_kelamin: string | null; hubungan_keluarga: string | null }): boolean {
  return p.jenis_kelamin === 'P' && p.hubungan_keluarga === 'kepala_keluarga';
}

/** Everything the facts of a programme year are computed from, besides the person. */
export interface Households {
  pkh: PkhFamilies;
  /** NIK → latest year before the programme year in which they received a package. */
  recipients: Map<string, number>;
  /** NIK → the pair that judged the record a duplicate. */
  duplicates: Map<string, number>;
}

/** Loads the sets for a programme year; `only` narrows them to one person and their KK. */
export function loadHouseholds(db: Db, tahun: number, only?: { nik: string; kk: string | null }): Households {
  return { pkh: loadPkhFamilies(db, only), recipients: loadEarlierPackages(db, tahun, only?.nik), duplicates: loadDuplicates(db, only?.nik) };
}

/** The columns of persons (and the application count) facts are computed from. */
export interface PersonRow extends PkhPerson {
  in_dtks: number;
  kode_kabupaten: string | null;
  desil: number | null;
  jenis_kelamin: string | null;
  hubungan_keluarga: string | null;
  tanggal_lahir: string | null;
  applications: number;
}

export const PERSON_FACT_COLUMNS = `p.nik, p.in_dtks, p.kode_kabupaten, p.desil, p.jenis_kelamin, p.hubungan_keluarga, p.tanggal_lahir, ${familyCardSql('p')} AS no_kk, p.status_pkh`;

/** The facts of one applicant at the assessment date (YYYY-MM-DD). */
export function factsOf(p: PersonRow, h: Households, tanggal: string): Facts {
  return {
    in_dtks: p.in_dtks === 1,
    // The regency of residence: DTKS's (persons.kode_kabupaten), never the NIK's prefix.
    kode_kabupaten: p.kode_kabupaten,
    age: ageAt(p.tanggal_lahir, p.nik, tanggal),
    desil: p.desil,
    pkh_aktif: pkhAktif(p, h.pkh),
    wrse: wrse(p),
    rentan_pkh: rentanPkh(p, h.pkh),
    earlier_recipient: h.recipients.get(p.nik) ?? null,
    applications: p.applications,
    duplicate_of: h.duplicates.get(p.nik) ?? null,
  };
}

/** The facts of one person for a year's application as the registry says now (interview preview, explain). */
export function personFacts(db: Db, nik: string, tahun: number, tanggal: string): Facts | undefined {
  const p = db.prepare(`
    SELECT ${PERSON_FACT_COLUMNS}, (SELECT count(*) FROM applications b WHERE b.nik = p.nik AND b.tahun = @tahun) AS applications
    FROM persons p WHERE p.nik = @nik`).get({ nik, tahun }) as PersonRow | undefined;
  if (!p) return undefined;
  return factsOf(p, loadHouseholds(db, tahun, { nik, kk: p.no_kk }), tanggal);
}
