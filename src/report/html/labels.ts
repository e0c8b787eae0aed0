/** Codes as a person reads them in the report's language (an unknown code is shown as it is). */
import { hasMessage, t } from '../../i18n/index.js';

export function jenisLabel(code: string): string {
  return hasMessage(`report_html:jenis.${code}`) ? t(`report_html:jenis.${code}`) : code;
}

export function kendalaLabel(code: string): string {
  return hasMessage(`report_html:kendala.${code}`) ? t(`report_html:kendala.${code}`) : code;
}

/** The office's name in full, or (short) as on a chart's axis. */
export function rujukanLabel(code: string, short = false): string {
  if (short) return code === 'disnaker' ? 'Disnaker' : code === 'disperindagkop' ? 'Disperindagkop' : code;
  return hasMessage(`report_html:rujukan.${code}`) ? t(`report_html:rujukan.${code}`) : code;
}

/** perempuan, laki-laki, tidak diketahui: the survival table's groups by sex. */
export function sexLabel(kelompok: string): string {
  const code = kelompok === 'perempuan' ? 'p' : kelompok === 'laki-laki' ? 'l' : 'unknown';
  return t(`report_html:sex.${code}`);
}

/** desil_3 → "Desil 3"; desil_tidak_diketahui → "not known". */
export function desilLabel(kelompok: string): string {
  const n = /^desil_(\d+)$/.exec(kelompok);
  return n ? t('report_html:recipients.desil_n', { n: Number(n[1]) }) : t('report_html:common.unknown');
}

export function ageLabel(band: string): string {
  return band === 'tidak_diketahui' ? t('report_html:common.unknown') : band;
}

/** "6472 Samarinda" (survival groups by regency) → "Samarinda". */
export function regencyLabel(kelompok: string): string {
  return kelompok.replace(/^\d{4} /, '');
}
