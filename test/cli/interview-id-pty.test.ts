/**
 * The interview and the visit record in Indonesian, in a real pseudo-terminal (built binary):
 * every prompt, choice, key-help line, confirmation and summary as the officer reads them,
 * including the prompt library's own texts and a refused number.
 */
import { describe, expect, it } from 'vitest';
import { freshDb, SITI as PENERIMA, smallWorld } from '../export/builders.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { englishIn } from '../i18n/english.js';
import { DOWN, drive, ENTER, hasPython, registered } from './pty.js';

const BACKSPACE = '\x7f';

describe.skipIf(!hasPython)('uep assess and uep monitor record in Indonesian (pseudo-terminal)', () => {
  it('the interview: search, identity, every question, a refused number, the agreed type, the saved line', async () => {
    const { dir, db } = await registered();
    const r = drive(dir, db, ['assess', '--json', '--assessor', 'Rahmawati'], [
      ['Pilih pendaftar untuk asesmen (1 belum menjalani asesmen; ketik nama, NIK atau kabupaten/kota)', ['zzz']],
      ['Tidak ada yang cocok dengan yang Anda ketik', [BACKSPACE, BACKSPACE, BACKSPACE, 'siti']],
      ['Siti Aminah · 6472********0001 · Samarinda · Gorengan', [ENTER]],
      ['Apakah ini orang yang ada di hadapan Anda? Cocokkan dengan KTP:', []],
      ['desa/kelurahan Air Hitam · Samarinda · KK 6472********0021', []],
      ['mengajukan Gorengan', [ENTER]],
      ['Tanggal asesmen (HH-BB-TTTT)', ['\x15', '20-02-2026', ENTER]],
      ['Penghasilan calon penerima saat ini', [ENTER]],
      ['Jumlah tanggungan (anak, orang tua, anggota keluarga lain yang dibiayai) (0–20; ketik < untuk kembali)', ['25', ENTER]],
      ['Ketik angka dari 0 sampai 20', [BACKSPACE, BACKSPACE, 'tiga', ENTER]],
      ['Ketik bilangan bulat, hanya angka', [BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE, '3', ENTER]],
      ['Ada anggota keluarga penyandang disabilitas', [ENTER]],
      ['Minat dan motivasi', [DOWN, ENTER]],
      ['Usaha yang pernah', [DOWN, DOWN, ' ', ENTER]],
      ['Keterampilan yang dimiliki', [' ', ENTER]],
      ['Tempat yang tersedia', [' ', ENTER]],
      ['Peralatan usaha', [' ', ENTER]],
      ['Pasar atau pembeli', [DOWN, ENTER]],
      ['Dukungan keluarga', [ENTER]],
      ['Kondisi kesehatan', [ENTER]],
      ['Jenis usaha yang disepakati', [ENTER]],
      ['Simpan asesmen ini (asesor Rahmawati, 20-02-2026)?', [ENTER]],
    ], 'id');
    expect(r.code).toBe(0);
    const screen = r.screen;
    // The library's key help and Yes/No, in Indonesian.
    expect(screen).toContain('↑↓ pindah • ⏎ pilih');
    expect(screen).toContain('↑↓ pindah • spasi pilih • a semua • i balik pilihan • ⏎ selesai');
    expect(screen).toMatch(/mengajukan Gorengan \(Y\/t\)/);
    expect(screen).toContain('Siti Aminah · NIK 6472********0001 · lahir 05-07-1985 · umur ');
    expect(screen).toContain('← kembali ke pertanyaan sebelumnya');
    expect(screen).toContain('Tidak ada penghasilan');
    expect(screen).toContain('Gorengan (kesesuaian 91) ← yang diajukan');
    expect(screen).toContain('Tersimpan: 6472********0001 · Gorengan · memenuhi syarat · skor total 89,88');
    expect(screen).not.toContain('navigate');
    expect(englishIn(screen)).toEqual([]);
    // --json is the same in every language: machine values.
    expect(JSON.parse(r.stdout!)).toMatchObject({ tahun: 2026, saved: [{ nik: '6472********0001', jenis_usaha_disepakati: 'gorengan', eligible: true, total: 89.88 }] });
    const d = openDb(db);
    expect(d.prepare(`SELECT answers_json, tanggal FROM assessments`).get()).toMatchObject({ tanggal: '2026-02-20' });
    expect(JSON.parse((d.prepare(`SELECT answers_json FROM assessments`).pluck().get() as string))).toMatchObject({ jumlah_tanggungan: 3, penghasilan: 'tidak_ada' });
    d.close();
  });

  it('the visit record: the person, every question with its choices explained, the saved line', async () => {
    const { db: handle, dir, path } = freshDb();
    smallWorld(handle);
    handle.close();
    const roster = writeFile(dir, 'petugas.csv', ['id;nama;peran;kecamatan;kabupaten', 'TKSK-01;Ahmad;TKSK;Samarinda Ulu;Samarinda']);
    expect((await uep(['monitor', 'monitors', 'import', roster, '--db', path])).code).toBe(0);
    const r = drive(dir, path, ['monitor', 'record', PENERIMA], [
      ['Tanggal kunjungan (HH-BB-TTTT)', ['\x15', '32-04-2025', ENTER]],
      ['tulis tanggal seperti 01-06-2025 atau 2025-06-01', ['\x15', '02-04-2025', ENTER]],
      ['Petugas', [ENTER]],
      ['Status usaha', [DOWN, ENTER]],
      ['Omzet bulanan (Rp, kosongkan jika tidak diketahui)', ['banyak', ENTER]],
      ['tulis dalam rupiah tanpa desimal', ['\x15', '750.000', ENTER]],
      ['Kendala', [' ', DOWN, ' ', ENTER]],
      ['Tindak lanjut (boleh kosong)', ['pendampingan', ENTER]],
      ['Rujukan pelatihan', [DOWN, ' ', ENTER]],
      ['Simpan kunjungan ini?', [ENTER]],
    ], 'id');
    expect(r.code).toBe(0);
    const screen = r.screen;
    expect(screen).toContain('6472********0001 Siti Aminah · Air Hitam, Samarinda Ulu · Makanan');
    expect(screen).toContain('bantuan diserahkan');
    expect(screen).toContain('kunjungan sebelumnya: belum ada');
    expect(screen).toContain('TKSK-01 Ahmad (TKSK)');
    expect(screen).toContain('petugas lain (ketik ID-nya)');
    expect(screen).toContain('kesulitan — usaha berjalan tetapi mengalami kesulitan');
    expect(screen).toContain('Disperindagkop (perdagangan dan koperasi)');
    expect(screen).toContain('Tersimpan: 6472********0001 02-04-2025 kesulitan');
    expect(englishIn(screen)).toEqual([]);
    const d = openDb(path);
    expect(d.prepare(`SELECT tanggal_kunjungan, petugas, status_usaha, omzet_bulanan, kendala, tindak_lanjut, rujukan FROM visits`).all()).toEqual([{
      tanggal_kunjungan: '2025-04-02', petugas: 'TKSK-01', status_usaha: 'kesulitan', omzet_bulanan: 750000, kendala: 'modal,pemasaran',
      tindak_lanjut: 'pendampingan', rujukan: 'disperindagkop',
    }]);
    d.close();
  });
});
