import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KENDALA, RUJUKAN } from '../../src/monitor/visit-values.js';
import { uep } from '../helpers.js';
import { BUDI, DEWI, freshDb, JOKO, SITI } from '../export/builders.js';
import { centralCsv, koboCsv, type Sent } from './exports.js';
import { answer, asSelect, findNode, leaves, openForm } from './odk-engine.js';
import { fillVisit, instanceOf, read, world } from './visit-world.js';

const visits = (db: ReturnType<typeof freshDb>['db']) => db.prepare(`SELECT nik, petugas, status_usaha, omzet_bulanan, kendala, tindak_lanjut, rujukan, instance_id, submitted_at
  FROM visits ORDER BY nik, tanggal_kunjungan`).all();

describe('uep monitor form', () => {
  it('one form for every worker: the worker picks themself and sees only their beneficiaries; filled in ODK\'s engine, imported from Central and Kobo exports alike', async () => {
    const { db, dir, path, runId, apps } = await world();
    const r = await uep(['monitor', 'form', '--out', 'kunjungan.xlsx', '--db', path, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ form_id: 'uep_kunjungan', petugas: { 'PSM-01': 2, 'TKSK-02': 2 } });
    expect(JSON.parse(r.stdout).version).toMatch(new RegExp(`^${runId}\\.\\d{8}$`));
    const files = { 'penerima.csv': read(dir, 'penerima.csv'), 'petugas.csv': read(dir, 'petugas.csv') };
    expect(files['petugas.csv']).toBe('name,label\nPSM-01,PSM-01 · Bunga (PSM)\nTKSK-02,TKSK-02 · Yohanes (TKSK)\n');
    expect(files['penerima.csv'].split('\n')[0]).toBe('name,label,nama,desa,nik_tersamar,petugas');
    expect(files['penerima.csv']).toContain(`${apps.siti},${apps.siti} · Siti Aminah · Air Hitam · 6472********0001,Siti Aminah,Air Hitam,6472********0001,PSM-01`);
    for (const n of [SITI, BUDI, JOKO, DEWI]) expect(files['penerima.csv'] + read(dir, 'kunjungan.xml')).not.toContain(n);

    const xml = read(dir, 'kunjungan.xml');
    const root = await openForm(xml, files);
    const options = () => asSelect(findNode(root, '/data/id_penerima')).currentState.valueOptions.map((o) => o.value);
    expect(options()).toEqual([]);
    answer(root, '/data/petugas', 'PSM-01');
    expect(options().sort()).toEqual([String(apps.siti), String(apps.budi)].sort());
    answer(root, '/data/petugas', 'TKSK-02');
    expect(options().sort()).toEqual([String(apps.joko), String(apps.dewi)].sort());
    expect(() => answer(root, '/data/id_penerima', String(apps.siti))).toThrow(/not among the choices/);

    const siti = await fillVisit(xml, files, { petugas: 'PSM-01', id: apps.siti! }, { status: 'kesulitan', omzet: 750000, kendala: ['modal', 'bahan_baku'], tindak: 'diberi saran', rujukan: ['disperindagkop'] });
    const joko = await fillVisit(xml, files, { petugas: 'TKSK-02', id: apps.joko! }, { status: 'berhenti', omzet: 0 });
    const sent: Sent[] = [{ xml: siti, submittedAt: '2026-03-02T07:30:05.000Z', by: 'bunga' }, { xml: joko, submittedAt: '2026-03-03T02:00:00.000Z', by: 'yohanes' }];
    const want = [
      { nik: JOKO, petugas: 'TKSK-02', status_usaha: 'berhenti', omzet_bulanan: 0, kendala: null, tindak_lanjut: null, rujukan: null, instance_id: instanceOf(joko), submitted_at: '2026-03-03T02:00:00.000Z' },
      { nik: SITI, petugas: 'PSM-01', status_usaha: 'kesulitan', omzet_bulanan: 750000, kendala: 'modal,bahan_baku', tindak_lanjut: 'diberi saran', rujukan: 'disperindagkop', instance_id: instanceOf(siti), submitted_at: '2026-03-02T07:30:05.000Z' },
    ];
    writeFileSync(join(dir, 'central.csv'), centralCsv(sent, '1'));
    const imported = await uep(['monitor', 'import', 'central.csv', '--db', path, '--json'], { cwd: dir });
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    expect(visits(db)).toEqual(want);
    // The same submissions exported by KoboToolbox, one 0/1 column per option: nothing changes.
    for (const style of ['details', 'both'] as const) {
      writeFileSync(join(dir, `kobo-${style}.csv`), koboCsv(sent, { kendala: [...KENDALA], rujukan: [...RUJUKAN] }, style));
      const again = await uep(['monitor', 'import', `kobo-${style}.csv`, '--db', path, '--json'], { cwd: dir });
      expect(JSON.parse(again.stdout), style).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    }
    expect(visits(db)).toEqual(want);

    // A correction of Siti's visit sent later, in an export overlapping the first: it wins, in the file and over the stored one.
    const fixed = await fillVisit(xml, files, { petugas: 'PSM-01', id: apps.siti! }, { status: 'berjalan', omzet: 900000 });
    writeFileSync(join(dir, 'central-2.csv'), centralCsv([{ xml: fixed, submittedAt: '2026-03-04T00:00:00.000Z', by: 'bunga' }, ...sent], '1'));
    const r2 = await uep(['monitor', 'import', 'central-2.csv', '--db', path, '--json'], { cwd: dir });
    expect(JSON.parse(r2.stdout)).toMatchObject({ read: 3, inserted: 0, updated: 1, unchanged: 1, rejected: 1, reasons: { visit_duplicate: 1 } });
    expect(await uep(['monitor', 'import', 'central.csv', '--db', path, '--json'], { cwd: dir }).then((x) => JSON.parse(x.stdout))).toMatchObject({ updated: 0 });
    expect(visits(db)[1]).toMatchObject({ nik: SITI, status_usaha: 'berjalan', omzet_bulanan: 900000, instance_id: instanceOf(fixed) });
  });

  it('--petugas writes one worker\'s own form: the worker fixed, only their beneficiaries; an unknown worker is a clear error', async () => {
    const { db, dir, path, apps } = await world();
    const r = await uep(['monitor', 'form', '--out', 'tksk-02.xlsx', '--petugas', 'TKSK-02', '--db', path, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ form_id: 'uep_kunjungan_tksk_02', petugas: { 'TKSK-02': 2 } });
    expect(existsSync(join(dir, 'petugas.csv'))).toBe(false);
    const penerima = read(dir, 'penerima.csv');
    expect(penerima.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0])).sort()).toEqual([apps.joko, apps.dewi].sort());
    const xml = read(dir, 'tksk-02.xml');
    const sub = await fillVisit(xml, { 'penerima.csv': penerima }, { id: apps.dewi! }, { status: 'berjalan', omzet: 1200000 });
    expect(leaves(sub).find((l) => l.path[0] === 'petugas')!.value).toBe('TKSK-02');
    writeFileSync(join(dir, 'dewi.csv'), centralCsv([{ xml: sub, submittedAt: '2026-03-02T07:30:05.000Z', by: 'yohanes' }], '1'));
    expect(JSON.parse((await uep(['monitor', 'import', 'dewi.csv', '--db', path, '--json'], { cwd: dir })).stdout)).toMatchObject({ inserted: 1, rejected: 0 });
    expect(visits(db)).toEqual([expect.objectContaining({ nik: DEWI, petugas: 'TKSK-02', status_usaha: 'berjalan', omzet_bulanan: 1200000 })]);

    const unknown = await uep(['monitor', 'form', '--out', 'x.xlsx', '--petugas', 'PSM-99', '--db', path], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('field worker PSM-99 visits no beneficiary in the visit plan of run');
    const id = await uep(['monitor', 'form', '--out', 'x.xlsx', '--petugas', 'PSM-99', '--db', path], { cwd: dir, env: { UEP_LANG: 'id' } });
    expect(id.stderr).toContain('petugas PSM-99 tidak mendampingi penerima');
  });
});
