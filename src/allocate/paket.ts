/**
 * Business package values (rupiah) per jenis_usaha, from data/paket.csv or the officer's own
 * file (`--paket`): columns jenis_usaha,nilai_paket; other columns ignored. Editable: the values
 * are copied into each run's parameters, so a later edit never changes a stored run.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCsv } from '../csv/reader.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayValue } from '../fsutil/display.js';
import { MiB, type InputSpec } from '../fsutil/input.js';
import { nameKey } from '../regions/resolve.js';

/** Six business types and their values: a megabyte is far more than any real file. */
const PAKET_FILE: InputSpec = { what: 'files:what.paket', flag: '--paket', maxBytes: MiB };

export const DEFAULT_PAKET_FILE = fileURLToPath(new URL('../../data/paket.csv', import.meta.url));
export const JENIS_USAHA = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'] as const;

/** "4750000", "4.750.000", "Rp 4,750,000" → 4750000; undefined when not whole rupiah. */
export function parseRupiah(raw: string): number | undefined {
  const text = raw.trim().replace(/^rp\.?\s*/i, '');
  if (!/^\d{1,3}(?:([.,\s])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(text)) return undefined;
  const value = Number(text.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export async function readPaketCsv(file: string = DEFAULT_PAKET_FILE): Promise<Record<string, number>> {
  const name = basename(file);
  const src = await openCsv(file, { input: PAKET_FILE });
  const keys = src.header.map(nameKey);
  const at = (field: string) => {
    const i = keys.indexOf(nameKey(field));
    if (i < 0) throw new DataError(name, src.headerLine, field, t('allocate:paket.column_missing'), t('allocate:paket.column_missing_hint'));
    return i;
  };
  const iJenis = at('jenis_usaha');
  const iNilai = at('nilai_paket');
  const paket: Record<string, number> = {};
  for await (const batch of src.batches()) {
    for (const { line, fields } of batch) {
      if (fields.every((f) => f.trim() === '')) continue;
      const jenis = (fields[iJenis] ?? '').trim().toLowerCase();
      if (!(JENIS_USAHA as readonly string[]).includes(jenis)) {
        throw new DataError(name, line, 'jenis_usaha', t('allocate:paket.unknown_jenis', { value: displayValue(jenis) }), t('allocate:paket.expected_jenis', { jenis: JENIS_USAHA.join(', ') }));
      }
      if (jenis in paket) throw new DataError(name, line, 'jenis_usaha', t('allocate:paket.twice', { value: displayValue(jenis) }));
      const value = parseRupiah(fields[iNilai] ?? '');
      if (value === undefined) throw new DataError(name, line, 'nilai_paket', t('allocate:paket.not_rupiah', { value: displayValue(fields[iNilai] ?? '') }));
      paket[jenis] = value;
    }
  }
  const missing = JENIS_USAHA.filter((j) => !(j in paket));
  if (missing.length > 0) throw new DataError(name, undefined, 'jenis_usaha', t('allocate:paket.missing', { jenis: missing.join(', ') }));
  return paket;
}
