/**
 * The code system of a DTSEN extract's regency codes (`kode_kabupaten_kota`, with `kode_provinsi`),
 * settled on evidence from the file (regions/kode-evidence.ts) when --kode is not given: DTSEN
 * comes from BPS–Bappenas, but a regency's own export may carry Dukcapil codes, and a wrong guess
 * puts Kutai Kartanegara's people in Berau. Other code columns keep the documented default
 * (Kemendagri unless --kode bps).
 */
import type { CsvRecord } from '../csv/parser.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { KodeEvidence } from '../regions/kode-evidence.js';
import type { KodeSystem } from '../regions/resolve.js';
import { headerKey, type HeaderMapping } from './headers.js';

/** "05" or 5 beside kode_provinsi 64 → "6405"; a full code stays as it is, without dots. */
export function withProvinsi(provinsi: string, code: string): string {
  const kab = code.trim();
  const prov = provinsi.trim();
  return /^\d{1,2}$/.test(kab) && /^\d{2}$/.test(prov) ? `${prov}${kab.padStart(2, '0')}` : kab;
}

const DTSEN_CODE_COLUMN = headerKey('kode_kabupaten_kota');

export async function decideKode(
  file: string, mapping: HeaderMapping, options: { kode?: KodeSystem }, records: () => AsyncGenerator<CsvRecord[]>,
): Promise<Record<string, string>> {
  const iCode = mapping.index.get('kode_kabupaten');
  if (options.kode !== undefined || iCode === undefined || headerKey(mapping.header[iCode]!) !== DTSEN_CODE_COLUMN) return {};
  const iProp = mapping.index.get('kode_provinsi') ?? mapping.index.get('kdprop');
  const iNik = mapping.index.get('nik')!;
  const evidence = new KodeEvidence();
  for await (const batch of records()) {
    for (const r of batch) {
      const code = withProvinsi(iProp === undefined ? '' : r.fields[iProp] ?? '', r.fields[iCode] ?? '').replace(/[.\s]/g, '');
      if (/^\d{4}$/.test(code)) evidence.add(code, r.fields[iNik] ?? '');
    }
    if (evidence.settled) break;
  }
  const decision = evidence.decide();
  if (!decision.system) throw new UsageError(t(`xlsx:kode.${decision.evidence}`, { file }), t('xlsx:kode.hint'));
  return { kode: decision.system, kode_evidence: decision.evidence };
}
