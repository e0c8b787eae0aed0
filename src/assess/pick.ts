/** Choosing whom to assess: by NIK, by searching the unassessed, or the next unassessed in line. */
import { listApplicants, type ApplicantRow } from '../applicants/list.js';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import type { Prompter, PromptChoice } from '../prompter.js';
import { jenisLabel } from '../report/html/labels.js';

const SHOWN = 50;

export function applicantLabel(a: ApplicantRow): string {
  return `${a.nama} · ${maskNik(a.nik)} · ${a.kabupaten} · ${jenisLabel(a.jenis_usaha)}`;
}

/** The application of a person in a year, whatever its status. */
export function applicantByNik(db: Db, nik: string, tahun: number): ApplicantRow {
  const row = listApplicants(db, { tahun, nik })[0];
  if (!row) {
    throw new UepError(t('assess:error.no_application', { nik: maskNik(nik), tahun }), t('assess:error.no_application_hint'));
  }
  return row;
}

/** Unassessed applications in registration order (optionally of one regency). */
export function unassessed(db: Db, tahun: number, kabupaten?: string): ApplicantRow[] {
  return listApplicants(db, { tahun, kabupaten, status: 'registered' });
}

/**
 * The officer searches the unassessed by name, regency, the masked NIK as shown, or a full NIK.
 * Digits match only digits the list shows: never the hidden middle of a NIK.
 */
export async function searchApplicant(prompter: Prompter, candidates: ApplicantRow[]): Promise<ApplicantRow> {
  const items = candidates.map((a) => ({ a, text: `${a.nama} ${maskNik(a.nik)} ${a.kabupaten}`.toLowerCase() }));
  const source = (term: string): PromptChoice<ApplicantRow>[] => {
    const words = term.toLowerCase().split(/\s+/).filter((w) => w !== '');
    const matches = (i: (typeof items)[number], w: string) => (/^\d{16}$/.test(w) ? i.a.nik === w : i.text.includes(w));
    return items.filter((i) => words.every((w) => matches(i, w))).slice(0, SHOWN).map((i) => ({ value: i.a, name: applicantLabel(i.a) }));
  };
  return prompter.search({ message: t('assess:interview.search', { count: candidates.length }), source });
}
