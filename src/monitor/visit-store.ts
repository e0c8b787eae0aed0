/**
 * Visits into the database: an upsert on (nik, tanggal_kunjungan) that leaves identical rows
 * alone. A phone form's submission is one visit whatever its date: an edit on the form server
 * that changes the date (or the person) moves the stored visit, unless a later version is stored.
 */
import type { Db } from '../db/open.js';
import { idsOf, SAME_SUBMISSION_SQL, storedInstanceId, versionOrder, type SubmissionVersion } from '../field/submission.js';
import type { Visit } from './visit-check.js';
import { versionOf } from './visit-reports.js';

const DATA = [
  'petugas', 'status_usaha', 'omzet_bulanan', 'kendala', 'tindak_lanjut', 'rujukan', 'warnings', 'instance_id', 'version_id', 'deprecated_id', 'submitted_at',
] as const;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** By code (monitor:note.*): visits moved by an edit, versions left out for a later one stored. */
  notes: Record<string, number>;
}

type Stored = SubmissionVersion & { id: number; nik: string; tanggal_kunjungan: string };

/** Call inside a transaction. `batchId` null for a visit typed in with `uep monitor record`. */
export function upsertVisits(db: Db, visits: Visit[], options: { batchId: number | null; sumber: 'import' | 'record'; now: Date }): UpsertCounts {
  const upsert = db.prepare(`
    INSERT INTO visits (nik, tanggal_kunjungan, ${DATA.join(', ')}, sumber, first_batch_id, changed_batch_id, recorded_at)
    VALUES (@nik, @tanggal_kunjungan, ${DATA.map((c) => `@${c}`).join(', ')}, @sumber, @batch, @batch, @now)
    ON CONFLICT (nik, tanggal_kunjungan) DO UPDATE SET ${DATA.map((c) => `${c} = excluded.${c}`).join(', ')},
      sumber = excluded.sumber, changed_batch_id = excluded.changed_batch_id, recorded_at = excluded.recorded_at
    WHERE (${DATA.map((c) => `visits.${c} IS NOT excluded.${c}`).join(' OR ')})
      -- never replaced by an older submission of a phone form
      AND (visits.submitted_at IS NULL OR excluded.submitted_at IS NULL OR excluded.submitted_at >= visits.submitted_at)`);
  const exists = db.prepare(`SELECT 1 FROM visits WHERE nik = ? AND tanggal_kunjungan = ?`).pluck();
  const versions = db.prepare(`SELECT id, nik, tanggal_kunjungan, instance_id, version_id, deprecated_id, submitted_at FROM visits WHERE ${SAME_SUBMISSION_SQL}`);
  const remove = db.prepare(`DELETE FROM visits WHERE id = ?`);
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, notes: {} };
  const note = (code: string) => (counts.notes[code] = (counts.notes[code] ?? 0) + 1);
  const now = options.now.toISOString();
  for (const v of visits) {
    const row = versionOf(v);
    const stored = row.version_id ? versions.all({ ids: JSON.stringify(idsOf(row)), version: row.version_id }) as Stored[] : [];
    if (stored.some((s) => versionOrder(row, s) === 'older')) {
      note('version_superseded');
      counts.unchanged++;
      continue;
    }
    const moved = stored.filter((s) => s.nik !== v.nik || s.tanggal_kunjungan !== v.tanggal_kunjungan);
    for (const s of moved) remove.run(s.id);
    const existed = exists.get(v.nik, v.tanggal_kunjungan) !== undefined;
    const changed = upsert.run({
      ...v, warnings: v.warnings.length > 0 ? JSON.stringify(v.warnings) : null,
      ...row, instance_id: storedInstanceId(row, stored),
      sumber: options.sumber, batch: options.batchId, now,
    }).changes > 0;
    if (moved.length > 0) {
      // One visit changed (its old date removed), not a new one.
      note(moved.some((s) => s.nik !== v.nik) ? 'visit_person_changed' : 'visit_date_changed');
      counts.updated++;
    } else if (!existed) counts.inserted++;
    else if (changed) counts.updated++;
    else counts.unchanged++;
  }
  return counts;
}

export function visitExists(db: Db, nik: string, tanggal: string): boolean {
  return db.prepare(`SELECT 1 FROM visits WHERE nik = ? AND tanggal_kunjungan = ?`).pluck().get(nik, tanggal) !== undefined;
}
