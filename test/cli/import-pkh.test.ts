import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, tempDir, uep, writeFile, nik } from '../helpers.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const STRANGER = nik('6474', 9, 9, 79, 3, true);

describe('uep import pkh', () => {
  it('links members to persons by NIK, records komponen, and counts those not in DTKS', async () => {
    const dir = tempDir();
    const db = join(dir, 'uep.sqlite');
    await uep(['import', 'dtks', writeFile(dir, 'd.csv', ['nik,nama,kabupaten', `${SITI},Siti,Samarinda`, `${BUDI},Budi,Kukar`]), '--db', db]);
    const pkh = writeFile(dir, 'pkh.csv', [
      'NIK,NAMA,ID_KELUARGA_PKH,ID_PESERTA,STATUS_PKH,IBU_HAMIL,ANAK_USIA_DINI,ANAK_SEKOLAH,LANSIA,DISABILITAS,KABUPATEN,TAHAP',
      `${SITI},Siti,KEL-001,P-001,AKTIF,0,1,2,0,0,Samarinda,3`,
      `${BUDI},Budi,KEL-002,P-002,TIDAK AKTIF,0,0,0,1,1,Kukar,3`,
      `${STRANGER},Orang Lain,KEL-003,P-003,AKTIF,,,,,,Bontang,3`,
      `${SITI},Siti,KEL-001,P-001,AKTIF,0,1,2,0,0,Samarinda,3`,
      `${nik('6474', 1, 1, 80, 4)},X,KEL-4,P-4,MUNGKIN,,,,,,Bontang,3`,
    ]);
    const r = await uep(['import', 'pkh', pkh, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'pkh', read: 5, inserted: 3, rejected: 2, not_in_dtks: 1, reasons: { nik_duplicate: 1, status_pkh_invalid: 1 },
    });
    const h = openDb(db);
    expect(h.prepare('SELECT nik, id_keluarga, aktif, anak_usia_dini, anak_sekolah, lansia, disabilitas, kode_kabupaten, extra_json FROM pkh_members ORDER BY nik').all()).toEqual([
      { nik: BUDI, id_keluarga: 'KEL-002', aktif: 0, anak_usia_dini: 0, anak_sekolah: 0, lansia: 1, disabilitas: 1, kode_kabupaten: '6402', extra_json: '{"tahap":"3"}' },
      { nik: SITI, id_keluarga: 'KEL-001', aktif: 1, anak_usia_dini: 1, anak_sekolah: 2, lansia: 0, disabilitas: 0, kode_kabupaten: '6472', extra_json: '{"tahap":"3"}' },
      { nik: STRANGER, id_keluarga: 'KEL-003', aktif: 1, anak_usia_dini: null, anak_sekolah: null, lansia: null, disabilitas: null, kode_kabupaten: '6474', extra_json: '{"tahap":"3"}' },
    ]);
    h.close();
    const again = JSON.parse((await uep(['import', 'pkh', pkh, '--db', db, '--json'])).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const status = JSON.parse((await uep(['status', '--db', db, '--json'])).stdout);
    expect(status).toMatchObject({ persons: 2, pkh_members: 3, pkh_active: 2, import_batches: 3 });
    expect(status.by_kabupaten['6472']).toEqual({ nama: 'Samarinda', persons: 1 });
    expect(status.by_kabupaten['6403']).toEqual({ nama: 'Berau', persons: 0 });
  });

  it('needs only a nik column', async () => {
    const dir = tempDir();
    const r = await uep(['import', 'pkh', writeFile(dir, 'p.csv', ['NAMA', 'Siti']), '--db', join(dir, 'u.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('p.csv line 1: missing required column nik; columns found: NAMA');
  });
});
