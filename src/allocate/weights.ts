/**
 * Reads a weights file for apportionment: CSV with columns `region,weight` (any case, any
 * order, other columns ignored), separated by comma, semicolon, tab or | (detected as in every CSV
 * read, src/csv/reader.ts), UTF-8 with or without BOM.
 * Semicolon files may write decimals with a comma ("12,5"), as Excel does in Indonesian locale.
 */
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { detectDelimiter } from '../csv/reader.js';
import { describeHeader } from '../csv/header.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayValue } from '../fsutil/display.js';
import { MiB, readInputText, type InputSpec } from '../fsutil/input.js';

/** A weights file names a few regions: a megabyte is far more than any real one. */
const WEIGHTS_FILE: InputSpec = { what: 'files:what.weights', flag: '--weights', maxBytes: MiB };

export interface RegionWeightRow {
  region: string;
  weight: number;
}

const NUMBER = /^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The weight as a number, or the problem with it. Refuses what a double cannot hold exactly. */
function parseWeight(raw: string, delimiter: string): number | string {
  let text = raw.trim();
  if (text === '') return t('allocate:weights.empty_cell');
  if (delimiter === ';' && /^[+-]?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  const shown = displayValue(raw);
  if (text.startsWith('-') && NUMBER.test(text.slice(1))) return t('allocate:weights.negative', { value: shown });
  if (!NUMBER.test(text)) return t('allocate:weights.not_number', { value: shown });
  const value = Number(text);
  if (!Number.isFinite(value)) return t('allocate:weights.too_large', { value: shown });
  const significant = text.replace(/e.*$/i, '').replace('.', '').replace(/^\+?0*/, '').replace(/0*$/, '');
  if (significant.length > 15 && !(Number.isSafeInteger(value) && /^\+?\d+$/.test(text))) {
    return t('allocate:weights.too_precise', { value: shown });
  }
  return value;
}

/** Reads `region,weight` rows; a bad row throws a DataError naming the file, line and field. */
export async function readWeightsCsv(path: string): Promise<RegionWeightRow[]> {
  const name = basename(path);
  const { text } = readInputText(path, WEIGHTS_FILE);
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new DataError(name, line, undefined, t('allocate:weights.unreadable', { reason: err.message.replace(/ at line \d+.*$/s, '') }));
    }
    throw err;
  }
  const [head, ...rows] = records;
  if (!head) throw new DataError(name, undefined, undefined, t('allocate:weights.file_empty'), t('allocate:weights.file_empty_hint'));
  const columns = head.record.map((c) => c.replace(/^\uFEFF/, '').trim().toLowerCase());
  const column = (wanted: string): number => {
    const at = columns.indexOf(wanted);
    if (at < 0) {
      throw new DataError(name, head.info.lines, undefined, t('allocate:weights.no_column', { column: wanted, header: describeHeader(head.record) }),
        t('allocate:weights.no_column_hint'));
    }
    if (columns.indexOf(wanted, at + 1) >= 0) throw new DataError(name, head.info.lines, wanted, t('allocate:weights.column_twice', { column: wanted }));
    return at;
  };
  const regionAt = column('region');
  const weightAt = column('weight');
  const seen = new Map<string, number>();
  const out: RegionWeightRow[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const region = (record[regionAt] ?? '').trim();
    if (region === '') throw new DataError(name, line, 'region', record[regionAt] === undefined ? t('allocate:weights.missing_cell') : t('allocate:weights.empty_cell'));
    const first = seen.get(region);
    if (first !== undefined) throw new DataError(name, line, 'region', t('allocate:weights.region_again', { region: displayValue(region), first }));
    seen.set(region, line);
    const raw = record[weightAt];
    if (raw === undefined) throw new DataError(name, line, 'weight', t('allocate:weights.missing_cell'));
    const weight = parseWeight(raw, delimiter);
    if (typeof weight === 'string') throw new DataError(name, line, 'weight', weight);
    out.push({ region, weight });
  }
  if (out.length === 0) throw new DataError(name, undefined, undefined, t('allocate:weights.no_rows'));
  return out;
}
