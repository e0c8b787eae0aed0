import { describe, expect, it } from 'vitest';
import { importMonitors, parsePeran } from '../../src/monitor/monitors.js';
import { tempDir, writeFile } from '../helpers.js';
import { freshDb } from '../export/builders.js';

const ROSTER = [
  'id;nama;peran;kecamatan;kabupaten',
  'TKSK-01;Ahmad;TKSK;Samarinda Ulu;Samarinda',
  'PSM-01;Bunga;psm;Samarinda Ulu / Sungai Kunjang;Kota Samarinda',
  'PSM-02;Citra;Pekerja Sosial Masyarakat;Loa Janan;Kutai Kartanegara',
  'PSM-02;Citra;PSM;Tenggarong;6402',
];

describe('monitor roster import', () => {
  it('reads workers and the kecamatan they serve, several per worker', async () => {
    const { db } = freshDb();
    const s = await importMonitors(db, writeFile(tempDir(), 'petugas.csv', ROSTER));
    expect(s).toMatchObject({ read: 4, monitors: 3, areas: 5, inserted: 3, updated: 0, unchanged: 0, deactivated: 0 });
    expect(db.prepare(`SELECT monitor_id, kode_kecamatan FROM monitor_areas ORDER BY monitor_id, kode_kecamatan`).all()).toEqual([
      { monitor_id: 'PSM-01', kode_kecamatan: '647203' }, { monitor_id: 'PSM-01', kode_kecamatan: '647206' },
      { monitor_id: 'PSM-02', kode_kecamatan: '640203' }, { monitor_id: 'PSM-02', kode_kecamatan: '640206' },
      { monitor_id: 'TKSK-01', kode_kecamatan: '647203' },
    ]);
  });

  it('is idempotent, and a new roster retires those left out', async () => {
    const { db } = freshDb();
    const dir = tempDir();
    await importMonitors(db, writeFile(dir, 'a.csv', ROSTER));
    expect(await importMonitors(db, writeFile(dir, 'a.csv', ROSTER))).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, deactivated: 0 });
    const next = await importMonitors(db, writeFile(dir, 'b.csv', [ROSTER[0]!, ROSTER[1]!, 'PSM-03;Dian;PSM;Loa Janan;Kukar']));
    expect(next).toMatchObject({ inserted: 1, updated: 0, unchanged: 1, deactivated: 2 });
    expect(db.prepare(`SELECT id, aktif FROM monitors ORDER BY id`).all()).toEqual([
      { id: 'PSM-01', aktif: 0 }, { id: 'PSM-02', aktif: 0 }, { id: 'PSM-03', aktif: 1 }, { id: 'TKSK-01', aktif: 1 },
    ]);
  });

  it('refuses the whole roster with the reason of each bad row, naming no one', async () => {
    const { db } = freshDb();
    const file = writeFile(tempDir(), 'bad.csv', [
      'id,nama,peran,kecamatan,kabupaten', 'A,Ahmad,TKSK,Palaran,Samarinda', 'B,,PSM,Palaran,Samarinda', 'C,Cici,Lurah,Palaran,Samarinda',
      'D,Dodi,PSM,Palaran,Jakarta', 'E,Eko,PSM,Atlantis,Samarinda', 'A,Ahmad Lain,TKSK,Palaran,Samarinda',
    ]);
    await expect(importMonitors(db, file)).rejects.toThrow(
      'bad.csv: 5 row(s) rejected, the roster was not imported: line 3 nama_missing — the name is empty; line 4 peran_invalid — the role is not PSM or TKSK; '
      + 'line 5 kabupaten_unknown — not a regency of Kalimantan Timur; line 6 kecamatan_unknown — not a kecamatan of that regency; line 7 id_conflict — the same id with another name or role');
    expect(db.prepare(`SELECT count(*) FROM monitors`).pluck().get()).toBe(0);
  });

  it('accepts kode_kecamatan instead of names, and a dry run writes nothing', async () => {
    const { db } = freshDb();
    const file = writeFile(tempDir(), 'k.csv', ['ID PETUGAS,NAMA PETUGAS,JABATAN,KODE KECAMATAN', 'X1,Eka,TKSK,64.72.03']);
    expect(await importMonitors(db, file, { dryRun: true })).toMatchObject({ monitors: 1, inserted: 1, batch_id: null });
    expect(db.prepare(`SELECT count(*) FROM monitors`).pluck().get()).toBe(0);
    await importMonitors(db, file);
    expect(db.prepare(`SELECT kecamatan FROM monitor_areas`).pluck().get()).toBe('Samarinda Ulu');
  });

  it.each([['TKSK', 'TKSK'], ['tksk', 'TKSK'], ['P.S.M', 'PSM'], ['pendamping', undefined]])('peran %j', (raw, want) => {
    expect(parsePeran(raw)).toBe(want);
  });
});
