import { nikDateParts } from '../nik/nik.js';

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD date. */
export function yearsBetween(born: string, at: string): number {
  // MM-DD compares as text: a birthday later in the year than `at` is still to come.
  return Number(at.slice(0, 4)) - Number(born.slice(0, 4)) - (at.slice(5, 10) < born.slice(5, 10) ? 1 : 0);
}

/**
 * Age at a date: from the DTKS birth date when there is one, else from the NIK's DDMMYY. A NIK has
 * no century: the latest one that does not put the birth after the date is taken (a NIK YY of 05
 * read in 2026 is 2005, not 1905; 30 is 1930).
 */
export function ageAt(tanggalLahir: string | null, nik: string, at: string): number | null {
  if (tanggalLahir && tanggalLahir.length === 10) return yearsBetween(tanggalLahir, at);
  const parts = nikDateParts(nik);
  if (!parts) return null;
  const mmdd = `${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  let year = Math.floor(Number(at.slice(0, 4)) / 100) * 100 + parts.yy;
  if (`${year}-${mmdd}` > at) year -= 100;
  return yearsBetween(`${year}-${mmdd}`, at);
}
