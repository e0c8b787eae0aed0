/**
 * `uep monitor monitors import <file>`: the roster of field workers (PSM, TKSK) and the
 * kecamatan each serves. The file is the complete current roster: workers absent from it are
 * kept (plans and visits name them) but marked inactive, so new plans skip them. One row per
 * worker and kecamatan, or several kecamatan in one cell separated by ; / or |.
 * All or nothing: a roster with any bad row is refused with the reasons (a wrong roster sends
 * workers to the wrong villages); re-importing the same file changes nothing.
 */
import { basename } from 'node:path';
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayPath } from '../fsutil/display.js';
import { openFileRecords, type FileRecordOptions } from '../import/xlsx/file-records.js';
import { mapHeader, missingColumns, parseMapOptions, type FieldSpec } from '../import/headers.js';
import { countReject, newRejectCounts, type RejectCounts } from '../import/summary.js';
import { reference } from '../regions/reference.js';
import { kabupatenFromCode, kabupatenFromName, kecamatanFromName } from '../regions/resolve.js';
import { explainReason } from './reasons.js';

export const MONITOR_FIELDS: FieldSpec[] = [
  { field: 'id', aliases: ['ID PETUGAS', 'KODE PETUGAS', 'NIP', 'NO INDUK'] },
  { field: 'nama', aliases: ['NAMA PETUGAS', 'NAMA LENGKAP'] },
  { field: 'peran', aliases: ['ROLE', 'JABATAN', 'JENIS PETUGAS', 'PERAN PETUGAS'] },
  { field: 'kecamatan', aliases: ['KEC', 'NAMA KECAMATAN', 'WILAYAH TUGAS'] },
  { field: 'kabupaten', aliases: ['KABUPATEN/KOTA', 'KAB/KOTA', 'KAB_KOTA', 'KODE KABUPATEN', 'kode_kabupaten'] },
  { field: 'kode_kecamatan', aliases: ['KODE KEC', 'KODE KECAMATAN'] },
  { field: 'no_hp', aliases: ['HP', 'NO HP', 'TELEPON', 'NO TELEPON'] },
];

export interface MonitorRow {
  id: string;
  nama: string;
  peran: 'PSM' | 'TKSK';
  no_hp: string | null;
  areas: { kode_kabupaten: string; kode_kecamatan: string; kecamatan: string }[];
}

export interface MonitorImportSummary {
  kind: 'monitors';
  file: string;
  sha256: string;
  dry_run: boolean;
  read: number;
  monitors: number;
  /** Worker × kecamatan pairs. */
  areas: number;
  /** Distinct kecamatan served. */
  kecamatan: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  batch_id: number | null;
}

export function parsePeran(raw: string): 'PSM' | 'TKSK' | undefined {
  const k = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'psm' || k === 'pekerjasosialmasyarakat') return 'PSM';
  if (k === 'tksk' || k === 'tenagakesejahteraansosialkecamatan') return 'TKSK';
  return undefined;
}

class Rejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export async function readMonitors(db: Db, file: string, options: FileRecordOptions = {}):
  Promise<{ monitors: MonitorRow[]; read: number; sha256: string }> {
  const name = basename(file);
  const src = await openFileRecords(db, file, MONITOR_FIELDS, options);
  const mapping = mapHeader(name, src.header, MONITOR_FIELDS, parseMapOptions(options.map, MONITOR_FIELDS));
  const missing = ['id', 'nama', 'peran'].filter((f) => !mapping.index.has(f));
  if (!mapping.index.has('kode_kecamatan') && !(mapping.index.has('kecamatan') && mapping.index.has('kabupaten'))) {
    missing.push(t('monitor:monitors.area_columns'));
  }
  if (missing.length > 0) throw missingColumns(name, mapping, missing);
  const get = (f: string[], field: string) => (f[mapping.index.get(field) ?? -1] ?? '').trim();
  const byKode = new Map(reference().kecamatan.map((k) => [k.kode, k]));
  const monitors = new Map<string, MonitorRow>();
  const problems = newRejectCounts();
  let read = 0;

  const areasOf = (f: string[]): MonitorRow['areas'] => {
    const kodes = get(f, 'kode_kecamatan');
    if (kodes !== '') {
      return kodes.split(/[;/|]/).map((k) => k.trim().replace(/\./g, '')).filter(Boolean).map((k) => {
        const kec = byKode.get(k);
        if (!kec) throw new Rejected('kecamatan_unknown');
        return { kode_kabupaten: kec.kodeKabupaten, kode_kecamatan: kec.kode, kecamatan: kec.nama };
      });
    }
    const kabRaw = get(f, 'kabupaten');
    const kab = kabupatenFromCode(kabRaw, 'kemendagri') ?? kabupatenFromName(kabRaw);
    if (!kab) throw new Rejected(kabRaw === '' ? 'kabupaten_missing' : 'kabupaten_unknown');
    const names = get(f, 'kecamatan').split(/[;/|]/).map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) throw new Rejected('kecamatan_missing');
    return names.map((n) => {
      const kec = kecamatanFromName(kab.kode, n);
      if (!kec) throw new Rejected('kecamatan_unknown');
      return { kode_kabupaten: kab.kode, kode_kecamatan: kec.kode, kecamatan: kec.nama };
    });
  };

  for await (const batch of src.batches()) {
    for (const { line, fields } of batch) {
      if (fields.every((x) => x.trim() === '')) continue;
      read++;
      try {
        const id = get(fields, 'id').replace(/^'/, '');
        if (id === '') throw new Rejected('id_missing');
        const nama = get(fields, 'nama').replace(/\s+/g, ' ');
        if (nama === '') throw new Rejected('nama_missing');
        const peran = parsePeran(get(fields, 'peran'));
        if (!peran) throw new Rejected('peran_invalid');
        const areas = areasOf(fields);
        const known = monitors.get(id);
        if (known && (known.nama !== nama || known.peran !== peran)) throw new Rejected('id_conflict');
        const m = known ?? { id, nama, peran, no_hp: get(fields, 'no_hp').replace(/^'/, '') || null, areas: [] };
        for (const a of areas) if (!m.areas.some((x) => x.kode_kecamatan === a.kode_kecamatan)) m.areas.push(a);
        monitors.set(id, m);
      } catch (err) {
        if (!(err instanceof Rejected)) throw err;
        countReject(problems, line, err.reason);
      }
    }
  }
  if (problems.rejected > 0) {
    throw new UepError(t('monitor:monitors.rejected', { file: displayPath(name), count: problems.rejected, rows: rejectedRows(problems) }),
      t('monitor:monitors.rejected_hint'));
  }
  return { monitors: [...monitors.values()], read, sha256: await src.sha256() };
}

/** "baris 3: kecamatan_unknown — kecamatan tidak dikenal; …": the first rejected rows, explained. */
function rejectedRows(counts: RejectCounts): string {
  const rows = counts.first_rejects.map((r) => t('monitor:monitors.rejected_row', { line: r.line, reason: explainReason(r.reason) }));
  return rows.join('; ') + (counts.rejected > counts.first_rejects.length ? '; …' : '');
}

class DryRunRollback extends Error {}

export async function importMonitors(db: Db, file: string, options: FileRecordOptions & { dryRun?: boolean; now?: Date } = {}):
  Promise<MonitorImportSummary> {
  const { monitors, read, sha256 } = await readMonitors(db, file, options);
  const now = (options.now ?? new Date()).toISOString();
  const summary: MonitorImportSummary = {
    kind: 'monitors', file: basename(file), sha256, dry_run: !!options.dryRun, read, monitors: monitors.length,
    areas: monitors.reduce((s, m) => s + m.areas.length, 0),
    kecamatan: new Set(monitors.flatMap((m) => m.areas.map((a) => a.kode_kecamatan))).size, inserted: 0, updated: 0, unchanged: 0, deactivated: 0, batch_id: null,
  };
  try {
    db.transaction(() => {
      const batchId = Number(db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, read, started_at) VALUES ('monitors', ?, ?, ?, ?)`)
        .run(summary.file, sha256, read, now).lastInsertRowid);
      const areaKey = (id: string) => (db.prepare(`SELECT kode_kecamatan FROM monitor_areas WHERE monitor_id = ? ORDER BY kode_kecamatan`)
        .pluck().all(id) as string[]).join(',');
      const find = db.prepare(`SELECT nama, peran, no_hp, aktif FROM monitors WHERE id = ?`);
      const insertArea = db.prepare(`INSERT INTO monitor_areas (monitor_id, kode_kabupaten, kode_kecamatan, kecamatan) VALUES (?, ?, ?, ?)`);
      for (const m of monitors) {
        const old = find.get(m.id) as { nama: string; peran: string; no_hp: string | null; aktif: number } | undefined;
        const areas = m.areas.map((a) => a.kode_kecamatan).sort().join(',');
        if (old && old.nama === m.nama && old.peran === m.peran && old.no_hp === m.no_hp && old.aktif === 1 && areaKey(m.id) === areas) {
          summary.unchanged++;
          continue;
        }
        if (old) summary.updated++;
        else summary.inserted++;
        db.prepare(`INSERT INTO monitors (id, nama, peran, no_hp, aktif, batch_id) VALUES (?, ?, ?, ?, 1, ?)
          ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, peran = excluded.peran, no_hp = excluded.no_hp, aktif = 1, batch_id = excluded.batch_id`)
          .run(m.id, m.nama, m.peran, m.no_hp, batchId);
        db.prepare(`DELETE FROM monitor_areas WHERE monitor_id = ?`).run(m.id);
        for (const a of m.areas) insertArea.run(m.id, a.kode_kabupaten, a.kode_kecamatan, a.kecamatan);
      }
      const ids = JSON.stringify(monitors.map((m) => m.id));
      summary.deactivated = db.prepare(`UPDATE monitors SET aktif = 0, batch_id = ? WHERE aktif = 1 AND id NOT IN (SELECT value FROM json_each(?))`)
        .run(batchId, ids).changes;
      summary.batch_id = options.dryRun ? null : batchId;
      db.prepare(`UPDATE import_batches SET inserted = ?, updated = ?, unchanged = ?, departed = ?, finished_at = ? WHERE id = ?`)
        .run(summary.inserted, summary.updated, summary.unchanged, summary.deactivated, new Date().toISOString(), batchId);
      if (options.dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return summary;
}
