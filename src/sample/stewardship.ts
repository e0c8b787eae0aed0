/**
 * The demo's stewardship chapter (issue 16), after the year is allocated: a later extract that
 * carries three people a second time (a title and one NIK digit off, the name parts swapped, an
 * old spelling), found by `uep review duplicates` and decided; a finding from a visit for the
 * regency's DTSEN proposals; an appeal of an applicant who was not selected; the PDP record.
 * Synthetic people only: the second records are made from the sample's own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open.js';
import { kabupatenByKode } from '../regions/resolve.js';
import { DTKS_HEADER } from './dtks.js';

interface Row {
  nik: string; no_kk: string | null; nama: string; jenis_kelamin: string | null; tanggal_lahir: string | null; alamat: string | null;
  kode_kabupaten: string; kecamatan: string | null; desa: string | null; desil: number | null;
}

/** Another valid NIK one digit away: the serial's last digit moved by one. */
const nikOff = (nik: string) => `${nik.slice(0, 15)}${(Number(nik[15]) + 1) % 10}`;
const swapped = (nama: string) => nama.split(/\s+/).reverse().join(' ');
const oldSpelling = (nama: string) => nama.replace(/u/g, 'oe').replace(/U/g, 'OE').replace(/j/g, 'dj').replace(/J/g, 'Dj');
const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function demoStewardship(uep: (...args: string[]) => string, o: { dbPath: string; out: string; tahun: number }): void {
  const read = <T>(fn: (db: Db) => T): T => {
    const db = openDatabase(o.dbPath);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  // Three registered people with two-part names and a birth date, whose NIK one digit off is free.
  const people = read((db) => db.prepare(`SELECT nik, no_kk, nama, jenis_kelamin, tanggal_lahir, alamat, kode_kabupaten, kecamatan, desa, desil FROM persons p
    WHERE in_dtks = 1 AND tanggal_lahir IS NOT NULL AND nama LIKE '% %' AND nama NOT LIKE '% % %' AND desa IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.nik = substr(p.nik, 1, 15) || ((CAST(substr(p.nik, 16) AS INTEGER) + 1) % 10))
    ORDER BY nik LIMIT 3`).all() as Row[]);
  const second = people.map((p, i) => ({
    ...p,
    nik: i === 0 ? nikOff(p.nik) : `${p.nik.slice(0, 12)}${String((Number(p.nik.slice(12)) + 5000) % 10000).padStart(4, '0')}`,
    nama: i === 0 ? `Hj. ${p.nama}, S.Pd` : i === 1 ? swapped(p.nama) : oldSpelling(p.nama),
    no_kk: null,
  }));
  const file = join(o.out, 'dtks-tambahan.csv');
  const columns = ['NIK', 'NO KK', 'NAMA LENGKAP', 'JENIS KELAMIN', 'TGL LAHIR', 'ALAMAT', 'KABUPATEN/KOTA', 'KECAMATAN', 'DESA/KELURAHAN', 'DESIL NASIONAL'];
  if (!columns.every((c) => DTKS_HEADER.includes(c))) throw new Error('demo: DTKS header changed');
  writeFileSync(file, `${[columns.join(','), ...second.map((p) => [p.nik, p.no_kk, p.nama, p.jenis_kelamin, p.tanggal_lahir, p.alamat, kabupatenByKode(p.kode_kabupaten)?.nama ?? p.kode_kabupaten, p.kecamatan, p.desa, p.desil].map(cell).join(','))].join('\n')}\n`, { mode: 0o600 });
  uep('import', 'dtks', file);
  uep('review', 'duplicates');
  const pairs = (JSON.parse(uep('review', 'list', '--json', '--quiet')) as { pairs: { id: number }[] }).pairs;
  if (pairs[0]) uep('review', 'decide', String(pairs[0].id), '--as', 'same_person', '--keep', 'a', '--note', 'KTP lama, dicek di kantor desa', '--operator', 'Rahmawati');
  if (pairs[1]) uep('review', 'decide', String(pairs[1].id), '--as', 'unsure', '--operator', 'Rahmawati');

  // A visit found a beneficiary had moved; an applicant found not eligible objects.
  const [beneficiary, notSelected] = read((db) => [
    db.prepare(`SELECT r.nik FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id WHERE u.tahun = ? AND u.status = 'final' AND r.outcome = 'selected' ORDER BY r.nik LIMIT 1`).pluck().get(o.tahun),
    db.prepare(`SELECT a.nik FROM applications a JOIN scores s ON s.application_id = a.id WHERE a.tahun = ? AND s.eligible = 0 ORDER BY a.nik LIMIT 1`).pluck().get(o.tahun),
  ] as (string | undefined)[]);
  if (beneficiary) {
    uep('usulan', 'record', beneficiary, '--temuan', 'pindah_domisili', '--sumber', 'kunjungan', '--petugas', 'Agus Salim (PSM)', '--catatan', 'pindah ke Kutai Kartanegara bersama keluarga');
  }
  uep('export', 'usulan', '--out', join(o.out, 'usulan-dtsen'), '--excel');
  if (notSelected) {
    uep('appeal', 'record', notSelected, '--reason', 'merasa lebih membutuhkan dari tetangga yang terpilih', '--tahun', String(o.tahun));
    uep('appeal', 'list');
    uep('appeal', 'decide', '1', '--uphold', '--note', 'skor dan peringkat sesuai data DTKS dan asesmen');
  }
  uep('report', 'pdp', '--out', join(o.out, 'catatan-pemrosesan-pdp.txt'));
}
