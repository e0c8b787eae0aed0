/**
 * The identity check at the start of an interview: what the registry (DTKS, table persons) says
 * about the applicant, to compare with the KTP in front of the officer. NIK and KK are masked
 * (maskNik), never shown whole; a value the registry lacks is "-".
 */
import type { ApplicantRow } from '../applicants/list.js';
import type { Db } from '../db/open.js';
import { formatDate } from '../format/date.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { jenisLabel } from '../report/html/labels.js';
import { yearsBetween } from '../score/age.js';
import { familyCardSql } from '../score/facts.js';

export interface IdentityCard {
  nama: string;
  nik: string;
  lahir: string;
  umur: string;
  desa: string;
  kk: string;
  kabupaten: string;
}

const MISSING = '-';

/** The applicant's registry record as shown for the check; age at `today` (YYYY-MM-DD), from the DTKS birth date only. */
export function identityCard(db: Db, a: ApplicantRow, today: string): IdentityCard {
  const p = db.prepare(`SELECT tanggal_lahir, NULLIF(trim(p.desa), '') AS desa, ${familyCardSql('p')} AS no_kk FROM persons p WHERE p.nik = ?`)
    .get(a.nik) as { tanggal_lahir: string | null; desa: string | null; no_kk: string | null } | undefined;
  const born = p?.tanggal_lahir && /^\d{4}-\d{2}-\d{2}$/.test(p.tanggal_lahir) ? p.tanggal_lahir : null;
  return {
    nama: a.nama || MISSING,
    nik: maskNik(a.nik),
    // As the KTP prints it (dd-mm-yyyy) in every language: the officer compares the two side by side.
    lahir: born ? formatDate(born, 'id') : MISSING,
    umur: born ? String(yearsBetween(born, today)) : MISSING,
    desa: p?.desa ?? MISSING,
    kk: p?.no_kk ? maskNik(p.no_kk) : MISSING,
    kabupaten: a.kabupaten || MISSING,
  };
}

/** "Is this the person in front of you?" with the record to compare, and the business type asked for. */
export function identityQuestion(db: Db, a: ApplicantRow, today: string): string {
  return t('assess:interview.identity', { ...identityCard(db, a, today), jenis: jenisLabel(a.jenis_usaha) });
}
