import { describeHeader, looksLikeData } from '../csv/header.js';
import { DataError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

/** A column the importer knows, with the header spellings seen in real extracts. */
export interface FieldSpec {
  field: string;
  aliases: string[];
}

/** Header matching ignores case, spaces, underscores, dots, slashes and hyphens. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_./\\-]/g, '');
}

export interface HeaderMapping {
  /** field → column index */
  index: Map<string, number>;
  /** Columns no field claimed: kept on the row as JSON so nothing in the extract is lost. */
  unknown: { name: string; index: number }[];
  header: string[];
}

/** Parses repeated `--map field=Header` options. */
export function parseMapOptions(values: string[] | undefined, fields: FieldSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) throw new UsageError(t('import:option.bad_map', { value: v }));
    const field = v.slice(0, eq).trim();
    if (!fields.some((f) => f.field === field)) {
      throw new UsageError(t('import:option.unknown_field', { value: v, field, fields: fields.map((f) => f.field).join(', ') }));
    }
    out.set(field, v.slice(eq + 1).trim());
  }
  return out;
}

export function mapHeader(file: string, header: string[], fields: FieldSpec[], overrides = new Map<string, string>()): HeaderMapping {
  const keys = header.map(headerKey);
  const index = new Map<string, number>();
  const claimed = new Set<number>();
  for (const [field, name] of overrides) {
    const i = keys.indexOf(headerKey(name));
    if (i === -1) {
      throw new DataError(file, 1, undefined, t('import:option.no_such_column', { field, name, header: describeHeader(header) }));
    }
    index.set(field, i);
    claimed.add(i);
  }
  for (const spec of fields) {
    if (index.has(spec.field)) continue;
    const wanted = [spec.field, ...spec.aliases].map(headerKey);
    const i = keys.findIndex((k, j) => !claimed.has(j) && wanted.includes(k));
    if (i !== -1) {
      index.set(spec.field, i);
      claimed.add(i);
    }
  }
  const unknown = header.map((name, i) => ({ name, index: i })).filter((c) => !claimed.has(c.index) && c.name.trim() !== '');
  return { index, unknown, header };
}

/**
 * Error for a file missing a required column, naming what was found; a file whose first line is a
 * person's row (no header) is told so, and that row is not echoed.
 */
export function missingColumns(file: string, mapping: HeaderMapping, missing: string[]): DataError {
  const columns = { count: missing.length, columns: missing.join(', ') };
  if (looksLikeData(mapping.header)) {
    return new DataError(file, 1, undefined, t('import:columns.looks_like_data', columns), t('import:columns.looks_like_data_hint'));
  }
  const hint = mapping.header.length === 1 && /[;\t|]/.test(mapping.header[0]!)
    ? t('import:columns.split_hint')
    : t('import:columns.map_hint', { field: missing[0]?.split(' ')[0] });
  return new DataError(file, 1, undefined, t('import:columns.missing', { ...columns, header: describeHeader(mapping.header) }), hint);
}
