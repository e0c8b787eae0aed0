/**
 * `uep import recipients`: lists of people who received a UEP package in a year (from before uep,
 * or from elsewhere). Anyone on a list of an earlier year fails the earlier_recipient rule.
 */
import { UsageError } from '../errors.js';
import { displayPath } from '../fsutil/display.js';
import { t } from '../i18n/index.js';
import { missingColumns, type FieldSpec } from '../import/headers.js';
import type { ImportKind } from '../import/kind.js';
import type { ImportOptions } from '../import/summary.js';
import { parseNik } from '../nik/nik.js';

export interface RecipientsImportOptions extends ImportOptions {
  /** The year of the list, for rows without a tahun cell. */
  tahun?: number;
}

export const RECIPIENT_FIELDS: FieldSpec[] = [
  { field: 'nik', aliases: ['NO NIK', 'NIK KTP', 'NIK PENERIMA'] },
  { field: 'tahun', aliases: ['TAHUN PENERIMAAN', 'TAHUN ANGGARAN', 'TAHUN BANTUAN', 'TA'] },
  { field: 'sumber', aliases: ['PROGRAM', 'SUMBER DANA', 'KETERANGAN', 'KET'] },
  { field: 'nama', aliases: ['NAMA LENGKAP', 'NAMA PENERIMA'] },
];

export const RECIPIENTS_IMPORT: ImportKind<RecipientsImportOptions> = {
  kind: 'recipients',
  table: 'recipients',
  conflictKey: ['nik', 'tahun'],
  columns: ['nik', 'tahun', 'sumber'],
  fields: RECIPIENT_FIELDS,
  checkColumns(file, mapping, options) {
    if (!mapping.index.has('nik')) throw missingColumns(file, mapping, ['nik']);
    if (!mapping.index.has('tahun') && options.tahun === undefined) {
      throw new UsageError(t('import:option.no_tahun_column', { file: displayPath(file) }));
    }
  },
  validator(mapping, options) {
    const iNik = mapping.index.get('nik')!;
    const iTahun = mapping.index.get('tahun');
    const iSumber = mapping.index.get('sumber');
    return (f) => {
      const nikResult = parseNik(f[iNik]);
      if (!nikResult.ok) return { ok: false, reason: nikResult.reason };
      const raw = iTahun === undefined ? '' : (f[iTahun] ?? '').trim();
      const tahun = raw === '' ? options.tahun : /^\d{4}$/.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100 ? Number(raw) : undefined;
      if (tahun === undefined) return { ok: false, reason: raw === '' ? 'tahun_missing' : 'tahun_invalid', nik: nikResult.nik };
      const sumber = iSumber === undefined ? '' : (f[iSumber] ?? '').trim();
      return { ok: true, warnings: [], values: [nikResult.nik, tahun, sumber || null] };
    };
  },
  coveredColumns(mapping) {
    return mapping.index.has('sumber') ? ['tahun', 'sumber'] : ['tahun'];
  },
};
