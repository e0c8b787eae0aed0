import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import type { Beneficiary } from '../../src/monitor/beneficiaries.js';
import { addMonths, daysBetween, monthsBetween } from '../../src/monitor/dates.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { assign, visitDates } from '../../src/monitor/plan.js';
import { writeVisitPlan } from '../../src/monitor/sheets.js';
import { writeFile } from '../helpers.js';
import { allocationRun, freshDb, smallWorld, SITI, BUDI, JOKO, DEWI } from '../export/builders.js';

const NOW = new Date('2025-03-02T00:00:00Z');

function who(nik: string, kode_kecamatan: string | null): Beneficiary {
  return { run_id: 1, application_id: 1, nik, nama: '', alamat: null, desa: null, kecamatan: null, kode_kecamatan, kode_kabupaten: '6472', jenis_usaha: 'makanan', jenis_kelamin: 'P' };
}

describe('dates', () => {
  it('adds months clamped to the month end, counts days and months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-01', 12)).toBe('2026-03-01');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(monthsBetween('2025-03-01', '2025-03-25')).toBe(1);
    expect(monthsBetween('2025-03-01', '2025-03-10')).toBe(0);
    expect(visitDates('2025-03-01', [1, 3, 6, 12]).map((d) => d.tanggal_rencana)).toEqual(['2025-04-01', '2025-06-01', '2025-09-01', '2026-03-01']);
  });
});

describe('assign', () => {
  it('balances the load where several workers serve a kecamatan, ties by id', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((n) => who(n, 'K1'));
    const { assignments } = assign(people, new Map([['K1', ['M2', 'M1']]]), new Map());
    expect(assignments.map((a) => a.monitor_id)).toEqual(['M1', 'M2', 'M1', 'M2', 'M1']);
  });

  it('keeps valid earlier assignments and counts them in the load; nobody serves → null', () => {
    const people = [who('a', 'K1'), who('b', 'K1'), who('c', 'K1'), who('d', 'K9'), who('e', null)];
    const previous = new Map<string, string | null>([['a', 'M1'], ['b', 'M1'], ['c', 'GONE']]);
    const { assignments, kept } = assign(people, new Map([['K1', ['M1', 'M2']]]), previous);
    expect(kept).toBe(2);
    expect(assignments.map((a) => a.monitor_id)).toEqual(['M1', 'M1', 'M2', null, null]);
  });
});

async function world() {
  const { db, dir } = freshDb();
  const { runId, apps } = smallWorld(db);
  await importMonitors(db, writeFile(dir, 'petugas.csv', [
    'id,nama,peran,kecamatan,kabupaten', 'TKSK-01,Ahmad,TKSK,Samarinda Ulu,Samarinda', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda',
  ]));
  return { db, dir, runId, apps };
}

describe('monitor plan', () => {
  it('assigns, schedules and writes masked visit sheets, one per worker', async () => {
    const { db, dir, runId, apps } = await world();
    const out = join(dir, 'plan');
    const r = await writeVisitPlan(db, { run: getRun(db, runId), now: NOW, dir: out });
    expect(r).toMatchObject({ tanggal_hibah: '2025-03-01', bulan: [1, 3, 6, 12], beneficiaries: 4, assigned: 2, unassigned: 2, monitors: 2 });
    expect(readdirSync(out).sort()).toEqual(['belum-ada-petugas.csv', 'kunjungan-psm-01.csv', 'kunjungan-tksk-01.csv', 'manifest.json', 'petugas.csv']);
    const sheets = readFileSync(join(out, 'kunjungan-psm-01.csv'), 'utf8') + readFileSync(join(out, 'kunjungan-tksk-01.csv'), 'utf8');
    for (const full of [SITI, BUDI]) expect(sheets).not.toContain(full);
    expect(readFileSync(join(out, 'kunjungan-psm-01.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'id_penerima,nik,nama,alamat,desa,kecamatan,jenis_usaha,kunjungan_ke,bulan_ke,tanggal_rencana,petugas,tanggal_kunjungan,status_usaha,omzet_bulanan,kendala,tindak_lanjut,rujukan',
      `${apps.budi},6472********0002,"'=HYPERLINK(""http://x"")",'-,Dadi Mulya,Samarinda Ulu,bengkel,1,1,2025-04-01,PSM-01,,,,,,`,
      `${apps.budi},6472********0002,"'=HYPERLINK(""http://x"")",'-,Dadi Mulya,Samarinda Ulu,bengkel,2,3,2025-06-01,PSM-01,,,,,,`,
    ]);
    expect(readFileSync(join(out, 'belum-ada-petugas.csv'), 'utf8')).toContain('6402********0004,Joko');
    expect(readFileSync(join(out, 'petugas.csv'), 'utf8')).toBe('petugas,nama,peran,kecamatan,penerima,kunjungan\nPSM-01,Bunga,PSM,Samarinda Ulu,1,4\nTKSK-01,Ahmad,TKSK,Samarinda Ulu,1,4\n');
  });

  it('planning again keeps assignments and assigns the newly covered', async () => {
    const { db, dir, runId } = await world();
    await writeVisitPlan(db, { run: getRun(db, runId), now: NOW, dir: join(dir, 'p1'), tanggalHibah: '2025-03-05', bulan: [2, 4] });
    const before = db.prepare(`SELECT nik, monitor_id FROM visit_assignments WHERE monitor_id IS NOT NULL ORDER BY nik`).all();
    await importMonitors(db, writeFile(dir, 'petugas2.csv', [
      'id,nama,peran,kecamatan,kabupaten', 'TKSK-01,Ahmad,TKSK,Samarinda Ulu,Samarinda', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda',
      'PSM-09,Gita,PSM,Loa Janan,Kukar',
    ]));
    const r = await writeVisitPlan(db, { run: getRun(db, runId), now: NOW, dir: join(dir, 'p2') });
    expect(r).toMatchObject({ tanggal_hibah: '2025-03-05', bulan: [2, 4], kept: 2, assigned: 4, unassigned: 0 });
    const after = db.prepare(`SELECT nik, monitor_id FROM visit_assignments ORDER BY nik`).all() as { nik: string; monitor_id: string }[];
    expect(after.filter((a) => a.nik !== JOKO && a.nik !== DEWI)).toEqual(before);
    expect(after.filter((a) => a.nik === JOKO || a.nik === DEWI).map((a) => a.monitor_id)).toEqual(['PSM-09', 'PSM-09']);
  });

  it('stores nothing when the sheets cannot be written, and refuses a draft run', async () => {
    const { db, dir, runId } = await world();
    const out = join(dir, 'full');
    mkdirSync(out);
    writeFile(out, 'old.csv', 'x');
    await expect(writeVisitPlan(db, { run: getRun(db, runId), now: NOW, dir: out })).rejects.toThrow(/already holds 1 file/);
    expect(db.prepare(`SELECT count(*) FROM visit_assignments`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM monitor_plans`).pluck().get()).toBe(0);
    const draft = allocationRun(db, { tahun: 2026, status: 'draft' });
    await expect(writeVisitPlan(db, { run: getRun(db, draft), now: NOW, dir: join(dir, 'd') })).rejects.toThrow(/is a draft/);
  });
});
