/**
 * A visit edited on the form server (issue 14): the supervisor corrects a submission, often its
 * visit date. The next export holds the new version; the import moves the stored visit, never
 * adds a second one, and an export made before the edit never brings the old version back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KENDALA, RUJUKAN } from '../../src/monitor/visit-values.js';
import { openDb, uep, type RunResult } from '../helpers.js';
import { JOKO, SITI, BUDI, type freshDb } from '../export/builders.js';
import { centralCsv, editOf, koboCsv, type Sent } from './exports.js';
import { fillVisit, instanceOf, read, world } from './visit-world.js';

type Db = ReturnType<typeof freshDb>['db'];
const MULTI = { kendala: [...KENDALA], rujukan: [...RUJUKAN] };

const visits = (db: Db) => db.prepare(`SELECT nik, tanggal_kunjungan, status_usaha, omzet_bulanan, instance_id, version_id, deprecated_id
  FROM visits ORDER BY nik, tanggal_kunjungan`).all();

async function visitWorld() {
  const w = await world();
  const r = await uep(['monitor', 'form', '--out', 'kunjungan.xlsx', '--db', w.path], { cwd: w.dir });
  expect(r.code, r.stderr).toBe(0);
  const form = { xml: read(w.dir, 'kunjungan.xml'), files: { 'penerima.csv': read(w.dir, 'penerima.csv'), 'petugas.csv': read(w.dir, 'petugas.csv') } };
  const fill = (who: { petugas: string; id: number }, v: Parameters<typeof fillVisit>[3]) => fillVisit(form.xml, form.files, who, v);
  const json = (r: RunResult) => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  /** `uep monitor import` of an export written now: its --json summary. */
  const importExport = async (name: string, text: string, ...flags: string[]) => {
    writeFileSync(join(w.dir, name), text);
    return json(await uep(['monitor', 'import', name, '--db', w.path, '--json', ...flags], { cwd: w.dir }));
  };
  return { ...w, fill, json, importExport };
}

describe('a visit edited on the form server', () => {
  it('ODK Central: a new visit date moves the visit (KEY stays the submission\'s); again changes nothing; the export before the edit brings nothing back; the report counts one visit', async () => {
    const { db, dir, path, apps, fill, json, importExport } = await visitWorld();
    const siti = await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 500000, tanggal: '2025-04-02' });
    const joko = await fill({ petugas: 'TKSK-02', id: apps.joko! }, { status: 'berhenti', omzet: 0, tanggal: '2025-04-03' });
    const first: Sent[] = [{ xml: siti, submittedAt: '2025-04-02T07:30:05.000Z', by: 'bunga' }, { xml: joko, submittedAt: '2025-04-03T02:00:00.000Z', by: 'yohanes' }];
    const before = centralCsv(first, '1');
    expect(await importExport('central-1.csv', before)).toMatchObject({ inserted: 2, notes: {} });

    // The worker typed the day of sending: the supervisor edits the date (and the turnover) on Central.
    const edited = editOf(first[0]!, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 650000, tanggal: '2025-03-28' }));
    const after = centralCsv([edited, first[1]!], '1');
    const header = after.split('\r\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['SubmissionDate', 'meta-instanceID', 'meta-deprecatedID', 'KEY', 'Edits']));
    expect(header.indexOf('meta-instanceID')).toBeLessThan(header.indexOf('KEY')); // the column the importer took before

    const dry = await importExport('central-2.csv', after, '--dry-run');
    const moved = { read: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, notes: { visit_date_changed: 1 } };
    expect(dry).toMatchObject({ ...moved, dry_run: true, batch_id: null });
    expect(visits(db)).toHaveLength(2);
    expect(visits(db)).toContainEqual(expect.objectContaining({ nik: SITI, tanggal_kunjungan: '2025-04-02' }));

    expect(await importExport('central-2.csv', after)).toMatchObject(moved);
    const want = [
      { nik: JOKO, tanggal_kunjungan: '2025-04-03', status_usaha: 'berhenti', omzet_bulanan: 0, instance_id: instanceOf(joko), version_id: instanceOf(joko), deprecated_id: null },
      { nik: SITI, tanggal_kunjungan: '2025-03-28', status_usaha: 'berjalan', omzet_bulanan: 650000, instance_id: instanceOf(siti), version_id: instanceOf(edited.xml), deprecated_id: instanceOf(siti) },
    ];
    expect(visits(db)).toEqual(want);
    expect(await importExport('central-2.csv', after)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, notes: {} });
    // The export made before the edit, read again: its version is the older one.
    expect(await importExport('central-1.csv', before)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, notes: { version_superseded: 1 } });
    expect(visits(db)).toEqual(want);

    const report = json(await uep(['report', 'monitoring', '--as-of', '2025-06-01', '--db', path, '--json'], { cwd: dir })) as { field_work: { petugas: { kelompok: string; kunjungan: number }[] } };
    expect(report.field_work.petugas.find((p) => p.kelompok === 'PSM-01')).toMatchObject({ kunjungan: 1 });

    // The summary says what moved, in the reader's words.
    const text = await uep(['monitor', 'import', 'central-1.csv', '--db', path], { cwd: dir, env: { UEP_LANG: 'id' } });
    expect(text.stderr).toContain('1 × version_superseded — versi lama sebuah kiriman');
  });

  it('ODK Central: two edits between imports still one visit (the KEY); the export between them does not undo the second', async () => {
    const { db, apps, fill, importExport } = await visitWorld();
    const v1: Sent = { xml: await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', tanggal: '2025-04-02' }), submittedAt: '2025-04-02T07:30:05.000Z', by: 'bunga' };
    const v2 = editOf(v1, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', tanggal: '2025-04-09' }));
    const v3 = editOf(v2, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'kesulitan', kendala: ['modal'], tanggal: '2025-04-16' }));
    expect(await importExport('c1.csv', centralCsv([v1], '1'))).toMatchObject({ inserted: 1 });
    expect(await importExport('c3.csv', centralCsv([v3], '1'))).toMatchObject({ inserted: 0, updated: 1, notes: { visit_date_changed: 1 } });
    expect(await importExport('c2.csv', centralCsv([v2], '1'))).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, notes: { version_superseded: 1 } });
    expect(visits(db)).toEqual([expect.objectContaining({ nik: SITI, tanggal_kunjungan: '2025-04-16', status_usaha: 'kesulitan', instance_id: instanceOf(v1.xml), version_id: instanceOf(v3.xml) })]);
    // Both versions in one file: the later is kept, the other is a duplicate of it.
    expect(await importExport('c23.csv', centralCsv([v3, v2], '1'))).toMatchObject({ read: 2, unchanged: 1, rejected: 1, reasons: { visit_duplicate: 1 } });
    expect(visits(db)).toHaveLength(1);
  });

  it('KoboToolbox: _uuid changes with each edit and meta/deprecatedID names the one before; with meta/rootUuid two edits between imports are still one visit', async () => {
    const { db, apps, fill, importExport } = await visitWorld();
    const siti1: Sent = { xml: await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 500000, tanggal: '2025-04-02' }), submittedAt: '2025-04-02T07:30:05.000Z', by: 'bunga' };
    expect(await importExport('k1.csv', koboCsv([siti1], MULTI, 'details'))).toMatchObject({ inserted: 1 });
    const siti2 = editOf(siti1, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 500000, tanggal: '2025-04-05' }));
    const k2 = koboCsv([siti2], MULTI, 'details');
    expect(k2.split('\n')[0]).toMatch(/"meta\/instanceID";"meta\/deprecatedID";"_id";"_uuid";"_submission_time"/);
    expect(await importExport('k2.csv', k2)).toMatchObject({ inserted: 0, updated: 1, notes: { visit_date_changed: 1 } });
    const siti3 = editOf(siti2, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 800000, tanggal: '2025-04-05' }));
    expect(await importExport('k3.csv', koboCsv([siti3], MULTI, 'both'))).toMatchObject({ inserted: 0, updated: 1, notes: {} });
    expect(await importExport('k2.csv', k2)).toMatchObject({ updated: 0, unchanged: 1, notes: { version_superseded: 1 } });
    expect(await importExport('k1.csv', koboCsv([siti1], MULTI, 'details'))).toMatchObject({ updated: 0, unchanged: 1, notes: { version_superseded: 1 } });
    // Without rootUuid the submission keeps the id it was first stored under; the version is the latest.
    expect(visits(db)).toEqual([{ nik: SITI, tanggal_kunjungan: '2025-04-05', status_usaha: 'berjalan', omzet_bulanan: 800000, instance_id: instanceOf(siti1.xml), version_id: instanceOf(siti3.xml), deprecated_id: instanceOf(siti2.xml) }]);

    // An export with meta/rootUuid: Budi's visit edited twice before the next import.
    const budi1: Sent = { xml: await fill({ petugas: 'PSM-01', id: apps.budi! }, { status: 'berjalan', tanggal: '2025-04-03' }), submittedAt: '2025-04-03T01:00:00.000Z', by: 'bunga' };
    const budi3 = editOf(editOf(budi1, await fill({ petugas: 'PSM-01', id: apps.budi! }, { status: 'berjalan', tanggal: '2025-04-04' })),
      await fill({ petugas: 'PSM-01', id: apps.budi! }, { status: 'berjalan', tanggal: '2025-04-10' }));
    expect(await importExport('kb1.csv', koboCsv([budi1], MULTI, 'details', { rootUuid: true }))).toMatchObject({ inserted: 1 });
    expect(await importExport('kb3.csv', koboCsv([budi3, siti3], MULTI, 'details', { rootUuid: true }))).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, notes: { visit_date_changed: 1 } });
    expect(visits(db).filter((v) => (v as { nik: string }).nik === BUDI)).toEqual([expect.objectContaining({ tanggal_kunjungan: '2025-04-10', instance_id: instanceOf(budi1.xml), version_id: instanceOf(budi3.xml) })]);
  });

  it('an edit that gives the visit to another beneficiary moves it to them', async () => {
    const { db, apps, fill, importExport } = await visitWorld();
    const v1: Sent = { xml: await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', tanggal: '2025-04-02' }), submittedAt: '2025-04-02T07:30:05.000Z', by: 'bunga' };
    await importExport('c1.csv', centralCsv([v1], '1'));
    const v2 = editOf(v1, await fill({ petugas: 'PSM-01', id: apps.budi! }, { status: 'berjalan', tanggal: '2025-04-02' }));
    expect(await importExport('c2.csv', centralCsv([v2], '1'))).toMatchObject({ inserted: 0, updated: 1, notes: { visit_person_changed: 1 } });
    expect(visits(db)).toEqual([expect.objectContaining({ nik: BUDI, tanggal_kunjungan: '2025-04-02' })]);
  });

  it('a database from before migration 9 holding the second visit an edit made: after `uep migrate` the next import leaves one visit', async () => {
    const { db, dir, path, apps, fill, importExport } = await visitWorld();
    const v1: Sent = { xml: await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', tanggal: '2025-04-02' }), submittedAt: '2025-04-02T07:30:05.000Z', by: 'bunga' };
    const v2 = editOf(v1, await fill({ petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', tanggal: '2025-03-28' }));
    await importExport('c1.csv', centralCsv([v1], '1'));
    // What uep stored until now: meta-instanceID (before KEY in the export) as instance_id, so the edit became a second visit.
    db.prepare(`INSERT INTO visits (nik, tanggal_kunjungan, petugas, status_usaha, sumber, recorded_at, instance_id, submitted_at)
      VALUES (?, '2025-03-28', 'PSM-01', 'berjalan', 'import', 'x', ?, '2025-04-02T07:30:05.000Z')`).run(SITI, instanceOf(v2.xml));
    db.exec(`DROP INDEX visits_version; DROP INDEX visits_deprecated; DROP INDEX assessments_instance; DROP INDEX assessments_version; DROP INDEX assessments_deprecated;
      ALTER TABLE visits DROP COLUMN version_id; ALTER TABLE visits DROP COLUMN deprecated_id;
      ALTER TABLE assessments DROP COLUMN version_id; ALTER TABLE assessments DROP COLUMN deprecated_id; PRAGMA user_version = 8`);
    db.close();
    const migrated = await uep(['migrate', '--db', path], { cwd: dir });
    expect(migrated.code, migrated.stderr).toBe(0);
    const after = openDb(path);
    expect(after.prepare(`SELECT tanggal_kunjungan, instance_id, version_id FROM visits ORDER BY tanggal_kunjungan`).all()).toEqual([
      { tanggal_kunjungan: '2025-03-28', instance_id: instanceOf(v2.xml), version_id: instanceOf(v2.xml) },
      { tanggal_kunjungan: '2025-04-02', instance_id: instanceOf(v1.xml), version_id: instanceOf(v1.xml) },
    ]);
    expect(await importExport('c2.csv', centralCsv([v2], '1'))).toMatchObject({ inserted: 0, updated: 1, notes: { visit_date_changed: 1 } });
    expect(visits(after)).toEqual([expect.objectContaining({ nik: SITI, tanggal_kunjungan: '2025-03-28', instance_id: instanceOf(v1.xml), version_id: instanceOf(v2.xml) })]);
    after.close();
  });
});
