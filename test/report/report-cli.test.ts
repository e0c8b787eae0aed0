import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uep } from '../helpers.js';
import { freshDb } from '../export/builders.js';
import { A, cohort } from './history.js';

function world() {
  const { db, dir, path } = freshDb();
  cohort(db);
  db.close();
  return { dir, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

describe('uep report', () => {
  it('monitoring: the report on stdout, CSV per table with --out', async () => {
    const { dir, run } = world();
    const r = await run('report', 'monitoring', '--as-of', '2026-03-15', '--out', 'laporan');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Running at the last visit: 80.0% (4 of 5 visited) · old scheme 46% +34.0 points');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout + r.stderr).not.toContain(A);
    expect(readdirSync(join(dir, 'laporan')).sort()).toEqual([
      'kelangsungan.csv', 'kendala.csv', 'kunjungan_kabupaten.csv', 'kunjungan_petugas.csv', 'kurva.csv', 'kurva_km.csv', 'manifest.json', 'rujukan.csv', 'terlambat.csv',
    ]);
    expect(readFileSync(join(dir, 'laporan', 'kunjungan_petugas.csv'), 'utf8')).toBe(
      'petugas,peran,penerima,kunjungan,penerima_terlambat,kunjungan_terlewat\nM1,TKSK,3,9,2,3\nM2,PSM,3,3,3,9\n');
    expect(readFileSync(join(dir, 'laporan', 'kurva_km.csv'), 'utf8').split('\n').slice(0, 5)).toEqual([
      'dimensi,kelompok,bulan,berisiko,berhenti,tersensor,persen', 'semua,semua,0,5,0,0,100', 'semua,semua,1,5,0,1,100', 'semua,semua,2,4,0,0,100', 'semua,semua,3,4,1,1,75',
    ]);
    expect(readFileSync(join(dir, 'laporan', 'kelangsungan.csv'), 'utf8').split('\n').slice(0, 2)).toEqual([
      'dimensi,kelompok,penerima,dikunjungi,belum_dikunjungi,bertahan,berhenti,persen,selisih_poin', 'semua,semua,6,5,1,4,1,80,34',
    ]);
    expect(readFileSync(join(dir, 'laporan', 'terlambat.csv'), 'utf8').split('\n')[1]).toMatch(/^M2,Bunga,\d+,6402\*{8}0014,Dodi,Desa,640203,1,2025-04-01,348,4$/);
  });

  it('monitoring --json, and colour only on a terminal', async () => {
    const { run } = world();
    const j = await run('report', 'monitoring', '--as-of', '2026-03-15', '--json');
    expect(JSON.parse(j.stdout)).toMatchObject({ as_of: '2026-03-15', overall: { persen: 80 }, old_scheme_persen: 46 });
    const { dir, path } = freshDb();
    const tty = await uep(['report', 'summary', '--db', path], { cwd: dir, tty: true, env: { NO_COLOR: '' } });
    expect(tty.stdout).toContain('Allocation: none yet');
    expect(tty.stdout).toMatch(/\u001b\[/);
  });

  it('summary: pool, allocation, money, monitoring on one screen', async () => {
    const { run } = world();
    const r = await run('report', 'summary', '--as-of', '2026-03-15');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'UEP 2025', 'Pool: 6 applications · 6 eligible and ranked', 'Allocation: run 1 (final) · 6 selected in 2 regencies · 0 on waitlists · women 66.7%',
    ]);
    expect(r.stdout).toContain('Monitoring (as of 2026-03-15): 5 of 6 visited · still running 80.0% (+34.0 points against the old scheme\'s 46%)');
    expect(r.stdout).toContain('Overdue visits: 5');
    expect(JSON.parse((await run('report', 'summary', '--as-of', '2026-03-15', '--json')).stdout)).toMatchObject({ tahun: 2025, monitoring: { persen: 80, terlambat: 5 } });
  });

  it('bad dates and years are usage errors', async () => {
    const { run } = world();
    expect(await run('report', 'monitoring', '--as-of', '2026-13-01')).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of 2026-13-01') });
    expect(await run('report', 'summary', '--tahun', 'lalu')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tahun lalu') });
  });
});
