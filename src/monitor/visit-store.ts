/** Visits into the database: an upsert on (nik, tanggal_kunjungan) that leaves identical rows alone. */
import type { Db } from '../db/open.js';
import type { Visit } from './visit-check.js';

const DATA = ['petugas', 'status_usaha', 'omzet_bulanan', 'kendala', 'tindak_lanjut', 'rujukan', 'warnings', 'instance_id', 'submitted_at'] as const;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Call inside a transaction. `batchId` null for a visit typed in with `uep monitor record`. */
export function upsertVisits(db: Db, visits: Visit[], options: { batchId: number | null; sumber: 'import' | 'record'; now: Date }): UpsertCounts {
  const stmt = db.prepare(`
    INSERT INTO visits (nik, tanggal_kunjungan, ${DATA.join(', ')}, sumber, first_batch_id, changed_batch_id, recorded_at)
    VALUES (@nik, @tanggal_kunjungan, ${DATA.map((c) => `@${c}`).join(', ')}, @sumber, @batch, @batch, @now)
    ON CONFLICT (nik, tanggal_kunjungan) DO UPDATE SET ${DATA.map((c) => `${c} = excluded.${c}`).join(', ')},
      sumber = excluded.sumber, changed_batch_id = excluded.changed_batch_id, recorded_at = excluded.recorded_at
    WHERE (${DATA.map((c) => `visits.${c} IS NOT excluded.${c}`).join(' OR ')})
      -- never replaced by an older submission of a phone form
      AND (visits.submitted_at IS NULL OR excluded.submitted_at IS NULL OR excluded.submitted_at >= visits.submitted_at)`);
  const count = db.prepare(`SELECT count(*) FROM visits`).pluck();
  const before = count.get() as number;
  let changes = 0;
  const now = options.now.toISOString();
  for (const v of visits) {
    changes += stmt.run({
      ...v, warnings: v.warnings.length > 0 ? JSON.stringify(v.warnings) : null, instance_id: v.instance_id ?? null, submitted_at: v.submitted_at ?? null,
      sumber: options.sumber, batch: options.batchId, now,
    }).changes;
  }
  const inserted = (count.get() as number) - before;
  return { inserted, updated: changes - inserted, unchanged: visits.length - changes };
}

export function visitExists(db: Db, nik: string, tanggal: string): boolean {
  return db.prepare(`SELECT 1 FROM visits WHERE nik = ? AND tanggal_kunjungan = ?`).get(nik, tanggal) !== undefined;
}
