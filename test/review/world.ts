/**
 * A small registry with near-duplicates built to be hard, and look-alikes that are not duplicates,
 * written as a real DTKS extract and imported through the CLI. Synthetic people only.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { nik, tempDir, uep, writeFile } from '../helpers.js';

const HEADER = 'NIK,NO KK,NAMA LENGKAP,JENIS KELAMIN,TGL LAHIR,ALAMAT,KABUPATEN/KOTA,KECAMATAN,DESA/KELURAHAN,DESIL NASIONAL,HUBUNGAN_KELUARGA';

export interface Row {
  nik: string;
  kk: string;
  nama: string;
  jk: 'L' | 'P';
  lahir: string;
  alamat: string;
  kab: string;
  kec: string;
  desa: string;
  desil?: number;
  hub?: string;
}

/** Family cards far apart (real ones issued on one day differ in the serial only). */
const kk = (region: string, n: number) => `${region}010120${String((n * 373) % 10000).padStart(4, '0')}`;
const palaran = { kab: 'Samarinda', kec: 'Palaran' };

/** Pairs that are one person: [case, record a, record b]. */
export const DUPLICATES: [string, Row, Row][] = [
  ['swapped name order', {
    nik: nik('6472', 1, 1, 80, 11), kk: kk('647201', 1), nama: 'Rahmat Hidayat', jk: 'L', lahir: '1980-01-01', alamat: 'Jl. Poros Palaran RT 03', ...palaran, desa: 'Rawa Makmur',
  }, {
    nik: nik('6472', 1, 1, 80, 923), kk: kk('647201', 2), nama: 'HIDAYAT RAHMAT', jk: 'L', lahir: '1980-01-01', alamat: 'Jl. Poros Palaran RT 03', ...palaran, desa: 'Rawa Makmur',
  }],
  ['a title and one NIK digit off', {
    nik: nik('6472', 12, 3, 78, 31, true), kk: kk('647201', 3), nama: 'Hj. Siti Aminah, S.Pd', jk: 'P', lahir: '1978-03-12', alamat: 'Gg. Mawar No. 5 RT 07', ...palaran, desa: 'Handil Bakti',
  }, {
    nik: nik('6472', 12, 3, 78, 37, true), kk: kk('647201', 4), nama: 'SITI AMINAH', jk: 'P', lahir: '1978-03-12', alamat: 'Gg Mawar no 5 RT 007', ...palaran, desa: 'Handil Bakti',
  }],
  ['old spelling, one NIK digit off', {
    nik: nik('6472', 20, 6, 71, 45), kk: kk('647201', 5), nama: 'Djoko Soesanto', jk: 'L', lahir: '1971-06-20', alamat: 'Jl. Pelita RT 11', ...palaran, desa: 'Bukuan',
  }, {
    nik: nik('6472', 20, 6, 71, 48), kk: kk('647201', 6), nama: 'Joko Susanto', jk: 'L', lahir: '1971-06-20', alamat: 'Jl. Pelita RT 11', ...palaran, desa: 'Bukuan',
  }],
  ['a NIK transposition and an abbreviated name', {
    nik: '6472011503750123', kk: kk('647201', 7), nama: 'Muhammad Rizki', jk: 'L', lahir: '1975-03-15', alamat: 'Jl. Trikora RT 02', ...palaran, desa: 'Simpang Pasir',
  }, {
    nik: '6472011503751023', kk: kk('647201', 8), nama: 'M. Rizki', jk: 'L', lahir: '1975-03-15', alamat: 'Jl. Trikora RT 02', ...palaran, desa: 'Simpang Pasir',
  }],
  ['a family that moved: other regency, desa, NIK and KK; same name and birth date', {
    nik: nik('6472', 7, 7, 79, 52), kk: kk('647201', 9), nama: 'Fransiskus Lejau', jk: 'L', lahir: '1979-07-07', alamat: 'Jl. Poros Palaran RT 09', ...palaran, desa: 'Bantuas',
  }, {
    nik: nik('6474', 7, 7, 79, 3), kk: kk('647401', 555), nama: 'Fransiskus Lejau', jk: 'L', lahir: '1979-07-07', alamat: 'Jl. Ahmad Yani RT 21', kab: 'Bontang', kec: 'Bontang Selatan', desa: 'Tanjung Laut',
  }],
  ['bin, and only a part of the name on the other record', {
    nik: nik('6472', 9, 9, 82, 61), kk: kk('647201', 10), nama: 'Ahmad bin Sulaiman', jk: 'L', lahir: '1982-09-09', alamat: 'Jl. Pelita RT 04', ...palaran, desa: 'Bukuan',
  }, {
    nik: nik('6472', 9, 9, 82, 72), kk: kk('647201', 33), nama: 'Ahmad', jk: 'L', lahir: '1982-09-09', alamat: 'Jl. Pelita RT 04', ...palaran, desa: 'Bukuan',
  }],
];

/** Look-alikes that are not one person. */
export const DIFFERENT: [string, Row, Row][] = [
  ['twins: one family card, one birth date, names alike', {
    nik: nik('6472', 2, 2, 10, 1), kk: kk('647201', 20), nama: 'Hasan Basri', jk: 'L', lahir: '2010-02-02', alamat: 'Jl. Poros Palaran RT 05', ...palaran, desa: 'Rawa Makmur', hub: 'anak',
  }, {
    nik: nik('6472', 2, 2, 10, 2), kk: kk('647201', 20), nama: 'Husin Basri', jk: 'L', lahir: '2010-02-02', alamat: 'Jl. Poros Palaran RT 05', ...palaran, desa: 'Rawa Makmur', hub: 'anak',
  }],
  ['twins: Nur Aini and Nur Aina', {
    nik: nik('6472', 4, 4, 12, 1, true), kk: kk('647201', 21), nama: 'Nur Aini', jk: 'P', lahir: '2012-04-04', alamat: 'Jl. Pelita RT 08', ...palaran, desa: 'Bukuan', hub: 'anak',
  }, {
    nik: nik('6472', 4, 4, 12, 2, true), kk: kk('647201', 21), nama: 'Nur Aina', jk: 'P', lahir: '2012-04-04', alamat: 'Jl. Pelita RT 08', ...palaran, desa: 'Bukuan', hub: 'anak',
  }],
  ['a common name in another regency, born another day', {
    nik: nik('6472', 3, 5, 75, 71), kk: kk('647201', 22), nama: 'Muhammad Rizki', jk: 'L', lahir: '1975-05-03', alamat: 'Jl. Sultan RT 01', ...palaran, desa: 'Rawa Makmur',
  }, {
    nik: nik('6474', 9, 10, 75, 72), kk: kk('647401', 23), nama: 'Muhammad Rizki', jk: 'L', lahir: '1975-10-09', alamat: 'Jl. Ahmad Yani RT 02', kab: 'Bontang', kec: 'Bontang Selatan', desa: 'Tanjung Laut',
  }],
  ['the same name in another desa, born another year', {
    nik: nik('6472', 14, 8, 66, 81, true), kk: kk('647201', 24), nama: 'Rahmawati', jk: 'P', lahir: '1966-08-14', alamat: 'Jl. Pelita RT 01', ...palaran, desa: 'Bukuan',
  }, {
    nik: nik('6472', 14, 8, 69, 82, true), kk: kk('647201', 25), nama: 'Rahmawati', jk: 'P', lahir: '1969-08-14', alamat: 'Gg. Melati RT 12', ...palaran, desa: 'Simpang Pasir',
  }],
];

function line(r: Row): string {
  const cell = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [r.nik, r.kk, r.nama, r.jk, r.lahir, r.alamat, r.kab, r.kec, r.desa, String(r.desil ?? 2), r.hub ?? 'kepala keluarga'].map(cell).join(',');
}

export const ALL_ROWS: Row[] = [...DUPLICATES, ...DIFFERENT].flatMap(([, a, b]) => [a, b]);

/** A temp folder with the extract imported into uep.sqlite; returns the paths. */
export async function importWorld(rows: Row[] = ALL_ROWS): Promise<{ dir: string; db: string; file: string }> {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const file = writeFile(dir, 'dtks.csv', [HEADER, ...rows.map(line)]);
  const r = await uep(['import', 'dtks', file, '--db', db, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { dir, db, file };
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
