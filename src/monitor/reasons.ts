/**
 * The codes of monitoring, and what each means for a person. The codes never change with the
 * language (reports, rejects files and scripts rely on them); where a person reads one, the
 * explanation is shown beside it: `tanggal_future — tanggal kunjungan di masa depan`.
 */
import { hasMessage, t } from '../i18n/index.js';

/** Why a visit report row is refused (uep monitor import, uep monitor record). */
export const VISIT_REASONS = [
  'id_penerima_unknown', 'nik_missing', 'nik_masked', 'nik_mismatch', 'not_a_beneficiary', 'tanggal_missing', 'tanggal_invalid',
  'tanggal_future', 'tanggal_before_grant', 'petugas_missing', 'status_usaha_missing', 'status_usaha_invalid', 'omzet_invalid',
  'kendala_invalid', 'rujukan_invalid', 'visit_duplicate', 'column_count',
] as const;

/** What is stored with an accepted visit but worth a second look. */
export const VISIT_WARNINGS = ['petugas_unknown', 'omzet_while_stopped', 'kendala_missing'] as const;

/** What an import did beyond its counts: a visit an edit on the form server moved, a version left out. */
export const VISIT_NOTES = ['visit_date_changed', 'visit_person_changed', 'version_superseded'] as const;

/** Why a row of the field workers' roster is refused. */
export const ROSTER_REASONS = [
  'id_missing', 'nama_missing', 'peran_invalid', 'kabupaten_missing', 'kabupaten_unknown', 'kecamatan_missing', 'kecamatan_unknown', 'id_conflict',
] as const;

/** The explanation alone, or undefined when the code is not one of monitoring's (the import summary lists them). */
export const reasonText = (code: string): string | undefined => (hasMessage(`monitor:reason.${code}`) ? t(`monitor:reason.${code}`) : undefined);
export const warningText = (code: string): string | undefined => (hasMessage(`monitor:warning.${code}`) ? t(`monitor:warning.${code}`) : undefined);
export const noteText = (code: string): string | undefined => (hasMessage(`monitor:note.${code}`) ? t(`monitor:note.${code}`) : undefined);

/** `code — explanation`, or the code alone when it is not one of monitoring's (a NIK code, say). */
export function explainReason(code: string): string {
  const key = `monitor:reason.${code}`;
  return hasMessage(key) ? t('monitor:explained', { code, text: t(`monitor:reason.${code}`) }) : code;
}

export function explainWarning(code: string): string {
  const key = `monitor:warning.${code}`;
  return hasMessage(key) ? t('monitor:explained', { code, text: t(`monitor:warning.${code}`) }) : code;
}
