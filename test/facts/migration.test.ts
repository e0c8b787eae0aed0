/** A database scored before migration 5: its scores get the ranking's fact columns from their breakdown. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPool } from '../../src/allocate/pool.js';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { openDatabase } from '../../src/db/open.js';
import { nik, tempDir } from '../helpers.js';

describe('migration 5', () => {
  it('fills the fact columns of earlier scores from their breakdown; a score without facts is refused by the pool with the fix', () => {
    const path = join(tempDir(), 'uep.sqlite');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 4)) old.exec(m);
    old.pragma('user_version = 4');
    old.exec(`INSERT INTO import_batches (id, kind, file_name, sha256, started_at) VALUES (1, 'dtks', 'd.csv', 'x', '2026-01-01')`);
    const people = [nik('6472', 1, 1, 80, 1), nik('6401', 2, 2, 81, 2), nik('6402', 3, 3, 82, 3)];
    people.forEach((n, i) => {
      old.prepare(`INSERT INTO persons (nik, no_kk, nama, kode_kabupaten, desil, first_batch_id, changed_batch_id) VALUES (?, ?, 'Warga', ?, 3, 1, 1)`).run(n, null, n.slice(0, 4));
      old.prepare(`INSERT INTO applications (id, nik, tahun, jenis_usaha) VALUES (?, ?, 2026, 'makanan')`).run(i + 1, n);
    });
    const breakdowns = [
      JSON.stringify({ jenis_usaha: 'makanan', facts: { kode_kabupaten: '6472', desil: 2, pkh_aktif: true } }),
      JSON.stringify({ jenis_usaha: 'makanan', facts: { kode_kabupaten: '6401', desil: null, pkh_aktif: false } }),
      'not json',
    ];
    breakdowns.forEach((b, i) => old.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at)
      VALUES (?, 1, '[]', 1, 1, 1, ?, 'v', 'h', '2026-03-01')`).run(i + 1, b));
    old.close();

    const db = openDatabase(path);
    expect(db.prepare(`SELECT application_id, kode_kabupaten, desil, pkh_aktif FROM scores ORDER BY 1`).raw().all())
      .toEqual([[1, '6472', 2, 1], [2, '6401', null, 0], [3, null, null, null]]);
    expect(() => loadPool(db, 2026)).toThrow('the score of application 3 (2026) does not hold the registry facts ranking needs');
    db.prepare(`DELETE FROM scores WHERE application_id = 3`).run();
    expect(loadPool(db, 2026).rows.map((r) => [r.application_id, r.kode_kabupaten, r.desil, r.pkh])).toEqual([[1, '6472', 2, true], [2, '6401', null, false]]);
    db.close();
  });
});
