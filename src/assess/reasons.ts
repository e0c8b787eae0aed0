/**
 * What the reject codes of `uep assess import` mean, for the person reading an import summary.
 * The codes never change with the language; `<question id>_missing` and `<question id>_invalid`
 * are made from the rubric's question ids, so their explanation names the question.
 */
import { hasMessage, t } from '../i18n/index.js';
import type { Rubric } from '../rubric/types.js';

/** Codes of the assessment forms themselves (the NIK's own codes and nik_duplicate belong to every import). */
export const ASSESS_REASONS = [
  'not_registered', 'already_assessed', 'assessor_missing', 'tanggal_missing', 'tanggal_invalid', 'tanggal_future', 'jenis_usaha_invalid',
  // Forms filled on phones identify the applicant by the list's id and masked NIK (issue 14).
  'id_pendaftar_unknown', 'nik_mismatch', 'nik_masked', 'nik_missing',
] as const;

/** What an import did beyond its counts (src/assess/edits.ts). */
export const ASSESS_NOTES = ['assessment_person_changed', 'version_superseded'] as const;

export const assessNoteText = (code: string): string | undefined => (hasMessage(`assess:note.${code}`) ? t(`assess:note.${code}`) : undefined);

/** The explanation of a code, or undefined when it is not one of the assessment import's. */
export function assessReasonText(code: string, rubric: Rubric): string | undefined {
  if (hasMessage(`assess:reason.${code}`)) return t(`assess:reason.${code}`);
  for (const q of rubric.questions) {
    if (code === `${q.id}_missing`) return t('assess:answer_reason.missing', { question: q.id });
    if (code !== `${q.id}_invalid`) continue;
    return q.type === 'number'
      ? t('assess:answer_reason.not_whole_in_range', { question: q.id, min: q.min, max: q.max })
      : t('assess:answer_reason.not_an_option', { question: q.id });
  }
  return undefined;
}

/** `code — explanation` where there is one, else the code as it is. */
export function explainAssessReason(code: string, rubric: Rubric): string {
  const text = assessReasonText(code, rubric);
  return text === undefined ? code : t('assess:explained', { code, text });
}
