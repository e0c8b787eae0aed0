/**
 * The columns of ODK Central and KoboToolbox exports, turned into the names uep reads.
 * - Group prefixes: Central joins groups with `-` (`grp_asesmen-keterampilan`), Kobo with `/`
 *   (`grp_asesmen/keterampilan`); both become `keterampilan`.
 * - Meta columns: `meta-instanceID`, `meta/instanceID` → `instanceID` (likewise `deprecatedID`,
 *   `rootUuid`); `KEY`, `_uuid`, `SubmissionDate`, `_submission_time`, `_submitted_by` … keep
 *   their names (import fields alias them; src/field/submission.ts says what the ids mean).
 * - A select_multiple split into one 0/1 column per option (`keterampilan/memasak`, Kobo's
 *   "details" and Central's "split select multiples") becomes `keterampilan/memasak`; `oneHotCell`
 *   reads those columns back as the space-separated answer ODK writes in the single column.
 * A header is renamed only when it names something the import knows once its prefix is gone, so
 * paper forms ("NO. NIK", "TGL/BLN") keep their headers as they are.
 */
import { headerKey } from '../import/headers.js';

export interface ExportSchema {
  /** Field names and aliases the import reads (any spelling headerKey accepts). */
  known: readonly string[];
  /** select_multiple questions: name → option values. */
  multi: Readonly<Record<string, readonly string[]>>;
}

const SEPARATOR = /[/-]/;
const META = ['instanceID', 'instanceName', 'deprecatedID', 'rootUuid'];

export function exportColumnNames(header: readonly string[], schema: ExportSchema): string[] {
  const known = new Set([...schema.known, ...META].map(headerKey));
  const multi = new Map(Object.entries(schema.multi).map(([q, options]) => [q, new Set(options)]));
  return header.map((raw) => {
    const name = raw.trim();
    if (known.has(headerKey(name)) || !SEPARATOR.test(name)) return raw;
    const parts = name.split(SEPARATOR).filter((p) => p !== '');
    const last = parts[parts.length - 1] ?? '';
    const before = parts[parts.length - 2];
    if (before !== undefined && multi.get(before)?.has(last)) return `${before}/${last}`;
    return known.has(headerKey(last)) ? last : raw;
  });
}

/** Indexes of a multi question's one-hot columns in the renamed header: option value → column. */
export function oneHotColumns(names: readonly string[], question: string, options: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const option of options) {
    const i = names.indexOf(`${question}/${option}`);
    if (i !== -1) out.set(option, i);
  }
  return out;
}

const TICKED = new Set(['1', 'true', 'ya', 'yes', 'y', '1.0']);
const UNTICKED = new Set(['0', 'false', 'tidak', 'no', 'n', '0.0', '']);

/**
 * The answer of one-hot columns as ODK writes the single column (values separated by spaces):
 * undefined when a cell is neither ticked nor unticked; '' when every cell is empty (not answered).
 */
export function oneHotCell(fields: readonly string[], columns: ReadonlyMap<string, number>): string | undefined {
  const ticked: string[] = [];
  for (const [option, i] of columns) {
    const cell = (fields[i] ?? '').trim().toLowerCase();
    if (TICKED.has(cell)) ticked.push(option);
    else if (!UNTICKED.has(cell)) return undefined;
  }
  return ticked.join(' ');
}

/**
 * A submission time as stored (ISO UTC): Central writes `2026-03-02T07:30:05.123Z`, Kobo
 * `2026-03-02T07:30:05` (UTC, no zone). Undefined when empty or unreadable.
 */
export function submissionTime(raw: string): string | undefined {
  const text = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  const time = new Date(zoned);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The submission's identity: `uuid:…` as Central's KEY and meta/instanceID write it, Kobo's `_uuid` without the prefix. */
export function instanceIdOf(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return text.startsWith('uuid:') ? text : `uuid:${text}`;
}
