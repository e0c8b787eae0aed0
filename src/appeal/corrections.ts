/**
 * A fixed DTKS value, as an appeal decision gives it: `--set desil=3`, `--set tanggal_lahir=1980-05-01`.
 * Only the person's columns the registry facts are computed from (src/score/facts.ts) can be set.
 */
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { parseTanggal } from '../import/values.js';
import { kabupatenFromCode, kabupatenFromName } from '../regions/resolve.js';

export const CORRECTABLE = ['desil', 'tanggal_lahir', 'jenis_kelamin', 'kode_kabupaten', 'no_kk'] as const;
export type Correctable = (typeof CORRECTABLE)[number];

export interface Correction {
  field: Correctable;
  value: string | number;
}

function parseValue(field: Correctable, raw: string): string | number | undefined {
  const v = raw.trim();
  switch (field) {
    case 'desil': return /^(10|[1-9])$/.test(v) ? Number(v) : undefined;
    case 'tanggal_lahir': return parseTanggal(v);
    case 'jenis_kelamin': return /^[LP]$/i.test(v) ? v.toUpperCase() : undefined;
    case 'kode_kabupaten': return (kabupatenFromCode(v, 'kemendagri') ?? kabupatenFromName(v))?.kode;
    case 'no_kk': return /^\d{16}$/.test(v) ? v : undefined;
  }
}

/** `field=value` → a correction, or a UsageError naming the flag and what it expects. */
export function parseCorrection(text: string): Correction {
  const at = text.indexOf('=');
  const field = (at < 0 ? text : text.slice(0, at)).trim();
  if (!(CORRECTABLE as readonly string[]).includes(field)) {
    throw new UsageError(t('appeal:error.bad_field', { field, fields: CORRECTABLE.join(', ') }));
  }
  const value = at < 0 ? undefined : parseValue(field as Correctable, text.slice(at + 1));
  if (value === undefined) throw new UsageError(t(`appeal:error.bad_value.${field as Correctable}`));
  return { field: field as Correctable, value };
}

export interface AppliedCorrection {
  field: Correctable;
  before: string | number | null;
  after: string | number;
}

/** Sets the values on the person's row; returns what changed (unchanged values are left out). */
export function applyCorrections(db: Db, nik: string, corrections: Correction[]): AppliedCorrection[] {
  const applied: AppliedCorrection[] = [];
  for (const c of corrections) {
    const before = db.prepare(`SELECT ${c.field} FROM persons WHERE nik = ?`).pluck().get(nik) as string | number | null;
    if (before === c.value) continue;
    db.prepare(`UPDATE persons SET ${c.field} = ? WHERE nik = ?`).run(c.value, nik);
    applied.push({ field: c.field, before, after: c.value });
  }
  return applied;
}
