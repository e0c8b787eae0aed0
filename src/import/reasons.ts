/**
 * What the reason codes of an import mean, for the person reading its summary. The codes never
 * change with the language (the --json summary, rejects files and scripts rely on them); where a
 * person reads one, the explanation stands beside it: `nik_scientific — NIK diubah menjadi angka …`.
 * Assessment and visit imports have codes of their own (src/assess/reasons.ts, src/monitor/reasons.ts).
 */
import { hasMessage, t } from '../i18n/index.js';

/** Why a row of a DTKS, PKH, applicants or recipients file is refused (the NIK's codes belong to every import). */
export const IMPORT_REJECTS = [
  'nik_missing', 'nik_scientific', 'nik_format', 'nik_date', 'nik_duplicate', 'column_count', 'nama_missing', 'region_unknown',
  'desil_invalid', 'status_pkh_invalid', 'komponen_invalid', 'not_in_dtks', 'jenis_usaha_invalid', 'already_registered',
  'tahun_missing', 'tahun_invalid',
] as const;

/** What is stored with an accepted row but worth a second look. */
export const IMPORT_WARNINGS = [
  'nik_outside_province', 'kabupaten_mismatch', 'region_unknown', 'jenis_kelamin_invalid', 'sex_mismatch', 'tanggal_lahir_invalid',
  'birthdate_mismatch', 'kecamatan_unknown', 'desa_unknown', 'desil_wilayah_invalid', 'no_kk_scientific', 'tanggal_daftar_missing',
  'tanggal_daftar_invalid',
] as const;

/** The kinds of import (summary.kind), each with its name for people (`import:kind.<kind>`). */
export const IMPORT_KINDS = ['dtks', 'pkh', 'recipients', 'applicants', 'assessments', 'visits', 'monitors'] as const;

/** What a person calls an import's kind: `pendaftar` for applicants; the kind itself when it has no name. */
export function kindLabel(kind: string): string {
  return hasMessage(`import:kind.${kind}`) ? t(`import:kind.${kind}`) : kind;
}

/** Explains a code, or says it does not know it (undefined). */
export type CodeExplainer = (code: string) => string | undefined;

export const explainReject: CodeExplainer = (code) => (hasMessage(`reasons:reject.${code}`) ? t(`reasons:reject.${code}`) : undefined);
export const explainImportWarning: CodeExplainer = (code) => (hasMessage(`reasons:warning.${code}`) ? t(`reasons:warning.${code}`) : undefined);

/** `code — explanation` with the first explainer that knows the code, else the code as it is. */
export function explained(code: string, ...explainers: CodeExplainer[]): string {
  for (const explain of explainers) {
    const text = explain(code);
    if (text !== undefined) return t('reasons:explained', { code, text });
  }
  return code;
}
