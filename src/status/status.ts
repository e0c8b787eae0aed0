import type { Db } from '../db/open.js';
import { schemaVersion } from '../db/open.js';
import { allKabupaten } from '../regions/resolve.js';

export interface StatusReport {
  schema_version: number;
  persons: number;
  persons_in_dtks: number;
  persons_departed: number;
  /** Persons currently in DTKS per regency, keyed by Kemendagri code. */
  by_kabupaten: Record<string, { nama: string; persons: number }>;
  pkh_members: number;
  pkh_active: number;
  import_batches: number;
  last_batches: { id: number; kind: string; file_name: string; finished_at: string | null; inserted: number; updated: number; rejected: number }[];
  warnings: Record<string, number>;
}

export function databaseStatus(db: Db): StatusReport {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const byKabupaten: StatusReport['by_kabupaten'] = {};
  const counts = new Map(
    (db.prepare(`SELECT kode_kabupaten AS kode, count(*) AS n FROM persons WHERE in_dtks = 1 GROUP BY kode_kabupaten`).all() as { kode: string; n: number }[])
      .map((r) => [r.kode, r.n]),
  );
  for (const k of allKabupaten()) byKabupaten[k.kode] = { nama: k.nama, persons: counts.get(k.kode) ?? 0 };
  const warnings: Record<string, number> = {};
  for (const r of db.prepare(`
      SELECT w.value AS code, count(*) AS n FROM persons, json_each(persons.warnings) AS w
      WHERE persons.warnings IS NOT NULL GROUP BY w.value ORDER BY n DESC, code`).all() as { code: string; n: number }[]) {
    warnings[r.code] = r.n;
  }
  return {
    schema_version: schemaVersion(db),
    persons: one(`SELECT count(*) FROM persons`),
    persons_in_dtks: one(`SELECT count(*) FROM persons WHERE in_dtks = 1`),
    persons_departed: one(`SELECT count(*) FROM persons WHERE in_dtks = 0`),
    by_kabupaten: byKabupaten,
    pkh_members: one(`SELECT count(*) FROM pkh_members`),
    pkh_active: one(`SELECT count(*) FROM pkh_members WHERE aktif = 1`),
    import_batches: one(`SELECT count(*) FROM import_batches`),
    last_batches: db.prepare(`SELECT id, kind, file_name, finished_at, inserted, updated, rejected FROM import_batches ORDER BY id DESC LIMIT 5`).all() as StatusReport['last_batches'],
    warnings,
  };
}
