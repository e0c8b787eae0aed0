/** Small helpers the exports and reports share: a run's manifest record, regency names, slugs, shares. */
import type { RunRow } from '../allocate/store.js';
import { kabupatenByKode } from '../regions/resolve.js';

/** The run's record for a manifest: what it is, never who is in it. */
export function runAbout(run: RunRow): Record<string, unknown> {
  return {
    id: run.id, tahun: run.tahun, status: run.status, seed: run.seed, created_at: run.created_at, finalized_at: run.finalized_at,
  };
}

export function kabupatenNama(kode: string): string {
  return kabupatenByKode(kode)?.nama ?? kode;
}

/** "Kutai Kartanegara" → "kutai-kartanegara", for file names. */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A share as a percentage with one decimal, or null when the whole is zero. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
