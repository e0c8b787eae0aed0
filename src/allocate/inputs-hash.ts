/**
 * A fingerprint of everything an allocation depends on: the parameters (seed, method, weights,
 * package values …), the rubric, and every pool row. `verify` compares it to tell "the inputs
 * changed since the run" from "the same inputs now give a different result".
 */
import { createHash } from 'node:crypto';
import type { Pool } from './pool.js';
import type { AllocationParams, PoolRow } from './types.js';

/** JSON with object keys sorted, so that equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FIELDS: (keyof PoolRow)[] = [
  'application_id', 'nik', 'no_kk', 'kode_kabupaten', 'total_score', 'desil', 'pkh', 'tanggal_daftar', 'jenis_usaha', 'jenis_kelamin',
];

export function inputsHash(pool: Pick<Pool, 'rows' | 'rubric'>, params: AllocationParams): string {
  const h = createHash('sha256');
  h.update(`uep-allocation-inputs/1\n${canonicalJson(params)}\n${canonicalJson(pool.rubric)}\n`);
  const rows = [...pool.rows].sort((a, b) => a.application_id - b.application_id);
  for (const row of rows) h.update(`${JSON.stringify(FIELDS.map((f) => row[f]))}\n`);
  return h.digest('hex');
}
