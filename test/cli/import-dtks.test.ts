import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nik, openDb, tempDir, uep, writeFile } from '../helpers.js';


const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);

const HEADER = 'NIK;NO KK;NAMA LENGKAP;JENIS KELAMIN;TGL LAHIR;ALAMAT;KABUPATEN/KOTA;KECAMATAN;DESA/KELURAHAN;DESIL NASIONAL;Hub_KRT;STATUS_PKH;PEKERJAAN';

function dtksLines(rows: string[]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
}

const CLEAN = [
  `${SITI};6472010101200001;Siti Aminah;P;05-07-1985;"Jl. Antasari No. 3;\r\nRT 04 ""Gg. Damai""";Kota Samarinda;Samarinda Ulu;Air Hitam;2;1;1;Pedagang`,
  `${BUDI};6402010101200002;Budi Santoso;LAKI-LAKI;01/01/1990;Jl. Mulawarman;Kukar;Tenggarong;;3;1;0;Nelayan`,
  `${RINA};6403010101200003;Rina;2;1992-08-17;;Kab. Berau;;;1;2;;`,
];

async function importDtks(dir: string, file: string, ...args: string[]) {
  return uep(['import', 'dtks', file, '--db', join(dir, 'uep.sqlite'), '--json', ...args], { cwd: dir });
}

describe('uep import dtks', () => {
  it('reads a BOM + ; + CRLF file with quoted delimiters, quotes and newlines, and keeps unknown columns', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'dtks.csv', dtksLines(CLEAN));
    const r = await importDtks(dir, file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, reasons: {}, warnings: {} });
    const db = openDb(join(dir, 'uep.sqlite'));
    const siti = db.prepare('SELECT * FROM persons WHERE nik = ?').get(SITI) as Record<string, unknown>;
    expect(siti).toMatchObject({
      nama: 'Siti Aminah', jenis_kelamin: 'P', tanggal_lahir: '1985-07-05', alamat: 'Jl. Antasari No. 3;\r\nRT 04 "Gg. Damai"',
      kode_kabupaten: '6472', kecamatan: 'Samarinda Ulu', kode_kecamatan: '647203', desa: 'Air Hitam', desil: 2,
      hubungan_keluarga: 'kepala_keluarga', status_pkh: 1, extra_json: '{"pekerjaan":"Pedagang"}', in_dtks: 1, no_kk: '6472010101200001',
    });
    expect(db.prepare('SELECT kode_kabupaten FROM persons ORDER BY nik').pluck().all()).toEqual(['6402', '6403', '6472']);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    db.close();
  });

  it('creates the database readable by its owner only, with the schema version set', async () => {
    const dir = tempDir();
    await importDtks(dir, writeFile(dir, 'dtks.csv', dtksLines(CLEAN)));
    expect(statSync(join(dir, 'uep.sqlite')).mode & 0o777).toBe(0o600);
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('rejects every bad row with its reason code and writes them with --rejects', async () => {
    const dir = tempDir();
    const rows = [
      ...CLEAN,
      `6.47201E+15;;Mangled;P;;;Samarinda;;;1;;;`, // line 5
      `647201450785;;Short;P;;;Samarinda;;;1;;;`,
      `;;No Nik;P;;;Samarinda;;;1;;;`,
      `${nik('6472', 35, 1, 80, 9)};;Bad Date;L;;;Samarinda;;;1;;;`,
      `${nik('6472', 1, 1, 80, 10)};;;L;;;Samarinda;;;1;;;`,
      `${nik('6472', 1, 1, 80, 11)};;Jakarta;L;;;Jakarta Selatan;;;1;;;`,
      `${nik('6472', 1, 1, 80, 12)};;Desil;L;;;Samarinda;;;11;;;`,
      `${SITI};;Siti Again;P;;;Samarinda;;;1;;;`, // line 12
    ];
    const r = await importDtks(dir, writeFile(dir, 'dtks.csv', dtksLines(rows)), '--rejects', join(dir, 'rejects.csv'));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      read: 11, inserted: 3, rejected: 8,
      reasons: { nik_scientific: 1, nik_format: 1, nik_missing: 1, nik_date: 1, nama_missing: 1, region_unknown: 1, desil_invalid: 1, nik_duplicate: 1 },
    });
    const rejects = readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n');
    expect(rejects[0]).toBe(`line,reason,raw,${HEADER.replace(/;/g, ',')}`);
    expect(rejects[1]).toBe('6,nik_scientific,,6.47201E+15,,Mangled,P,,,Samarinda,,,1,,,');
    expect(rejects[8]).toMatch(/^13,nik_duplicate,/); // the quoted newline in row 1 moves later lines down
    expect(statSync(join(dir, 'rejects.csv')).mode & 0o777).toBe(0o600);
    // The first occurrence of the duplicated NIK is the one kept.
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nama FROM persons WHERE nik = ?').pluck().get(SITI)).toBe('Siti Aminah');
    db.close();
  });

  it('keeps the first of a repeated NIK and writes the later ones with their original cells (latin1, quoted newline)', async () => {
    const dir = tempDir();
    const rows = [
      `${SITI};;Siti;P;;;Samarinda;;;1;;;`,
      `${BUDI};;Budi;L;;;Samarinda;;;1;;;`,
      `${SITI};;Sitï Ämînah;P;;"Jl. Mawar\r\nRT 1";Samarinda;;;9;;;Penjahit`, // later: rejected
      `${RINA};;Rina;P;;;Samarinda;;;x;;;`, // desil_invalid
      `${SITI};;Siti lagi;P;;;Samarinda;;;2;;;`, // later again: rejected
    ];
    const file = writeFile(dir, 'dtks.csv', Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'latin1'));
    const r = await importDtks(dir, file, '--encoding', 'latin1', '--rejects', join(dir, 'rejects.csv'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 5, inserted: 2, rejected: 3, reasons: { nik_duplicate: 2, desil_invalid: 1 } });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nama, desil FROM persons WHERE nik = ?').get(SITI)).toEqual({ nama: 'Siti', desil: 1 });
    db.close();
    // Duplicates are known only once the whole file is in: they follow the other rejects.
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n').slice(1, 5)).toEqual([
      `6,desil_invalid,,${RINA},,Rina,P,,,Samarinda,,,x,,,`,
      `4,nik_duplicate,,${SITI},,Sitï Ämînah,P,,"Jl. Mawar\r`,
      'RT 1",Samarinda,,,9,,,Penjahit',
      `7,nik_duplicate,,${SITI},,Siti lagi,P,,,Samarinda,,,2,,,`,
    ]);
  });

  it('names the first rejected lines in the human summary without --rejects', async () => {
    const dir = tempDir();
    const r = await uep(['import', 'dtks', writeFile(dir, 'd.csv', dtksLines([...CLEAN, `6,47201E+15;;X;P;;;Samarinda;;;1;;;`])), '--db', join(dir, 'u.sqlite')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('inserted 3 · updated 0 · unchanged 0 · rejected 1');
    expect(r.stderr).toContain('first rejected: line 6 (nik_scientific); write them all with --rejects <file>');
  });

  it('stores warnings for rows it accepts', async () => {
    const dir = tempDir();
    const rows = [
      `${nik('6472', 5, 7, 85, 21, true)};;Sex Mismatch;L;05-07-1985;;Samarinda;;;1;;;`,
      `${nik('6472', 5, 7, 85, 22, true)};;Date Mismatch;P;06-07-1985;;Samarinda;;;1;;;`,
      `${nik('3578', 5, 7, 85, 23, true)};;Surabaya Nik;P;;;Samarinda;;;1;;;`,
      `${nik('6472', 5, 7, 85, 24, true)};;Kec Unknown;P;;;Samarinda;Atlantis;Atlantis;1;;;`,
      `${nik('6472', 5, 7, 85, 25, true)};;Bad Tgl;P;31-02-1985;;Samarinda;;;1;;;`,
    ];
    const r = await importDtks(dir, writeFile(dir, 'w.csv', dtksLines(rows)));
    expect(JSON.parse(r.stdout)).toMatchObject({
      inserted: 5, rejected: 0,
      warnings: { sex_mismatch: 1, birthdate_mismatch: 1, nik_outside_province: 1, kecamatan_unknown: 1, desa_unknown: 1, tanggal_lahir_invalid: 1 },
    });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare(`SELECT warnings, tanggal_lahir FROM persons WHERE nama = 'Bad Tgl'`).get()).toEqual({ warnings: '["tanggal_lahir_invalid"]', tanggal_lahir: null });
    expect(db.prepare(`SELECT kecamatan FROM persons WHERE nama = 'Kec Unknown'`).pluck().get()).toBe('Atlantis');
    db.close();
    const status = await uep(['status', '--db', join(dir, 'uep.sqlite'), '--json'], { cwd: dir });
    expect(JSON.parse(status.stdout).warnings).toMatchObject({ sex_mismatch: 1, desa_unknown: 1 });
  });

  it('is idempotent, and counts a changed value as updated (names and codes of a regency compare equal)', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'dtks.csv', dtksLines(CLEAN));
    await importDtks(dir, file);
    const again = JSON.parse((await importDtks(dir, file)).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    // Same people written differently (code instead of name, other date and sex spellings) + one real change.
    const other = writeFile(dir, 'other.csv', [
      'nik,nama,jenis_kelamin,tanggal_lahir,kode_kabupaten,desil,no_kk,alamat,kecamatan,desa,hubungan_keluarga,status_pkh,pekerjaan',
      `${SITI},Siti Aminah,PEREMPUAN,1985-07-05,64.72,2,6472010101200001,"Jl. Antasari No. 3;\r\nRT 04 ""Gg. Damai""",SAMARINDA ULU,air hitam,Kepala Keluarga,Ya,Pedagang`,
      `${BUDI},Budi Santoso,L,1990-01-01,6402,4,6402010101200002,Jl. Mulawarman,Tenggarong,,1,0,Nelayan`,
    ]);
    const r = JSON.parse((await importDtks(dir, other)).stdout);
    expect(r).toMatchObject({ read: 2, inserted: 0, updated: 1, unchanged: 1 });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT desil FROM persons WHERE nik = ?').pluck().get(BUDI)).toBe(4);
    db.close();
  });

  it('--strict aborts on any rejected row and leaves the database untouched', async () => {
    const dir = tempDir();
    await importDtks(dir, writeFile(dir, 'a.csv', dtksLines(CLEAN.slice(0, 1))));
    const before = readFileSync(join(dir, 'uep.sqlite'));
    const bad = writeFile(dir, 'b.csv', dtksLines([...CLEAN.slice(1), `123;;X;L;;;Samarinda;;;1;;;`]));
    const r = await importDtks(dir, bad, '--strict');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('b.csv: 1 row(s) rejected with --strict; nothing was written');
    // The summary above the refusal says the file was checked, never that it was imported.
    expect(r.stderr).toMatch(/^Checked \(--strict, nothing written\) b\.csv \(DTKS\)/m);
    expect(r.stderr).not.toMatch(/^Imported/m);
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    db.close();
    expect(before.length).toBeGreaterThan(0);
  });

  it('--dry-run reports real counts and writes nothing', async () => {
    const dir = tempDir();
    const r = await importDtks(dir, writeFile(dir, 'a.csv', dtksLines(CLEAN)), '--dry-run');
    expect(JSON.parse(r.stdout)).toMatchObject({ dry_run: true, inserted: 3, batch_id: null });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    db.close();
  });

  it('--snapshot marks absent persons of the covered regencies as departed, never deleting them', async () => {
    const dir = tempDir();
    await importDtks(dir, writeFile(dir, 'all.csv', dtksLines(CLEAN)));
    // A complete extract for Samarinda only, without Siti: Budi (Kukar) and Rina (Berau) are not covered.
    const other = nik('6472', 2, 2, 82, 40);
    const snap = writeFile(dir, 'smd.csv', dtksLines([`${other};;Ahmad;L;;;Samarinda;;;3;;;`]));
    const r = JSON.parse((await importDtks(dir, snap, '--snapshot')).stdout);
    expect(r).toMatchObject({ inserted: 1, departed: 1 });
    const db = openDb(join(dir, 'uep.sqlite'));
    expect(db.prepare('SELECT nik, in_dtks FROM persons ORDER BY nik').all()).toEqual([
      { nik: BUDI, in_dtks: 1 }, { nik: RINA, in_dtks: 1 }, { nik: other, in_dtks: 1 }, { nik: SITI, in_dtks: 0 },
    ]);
    db.close();
    // Back in the next extract: counted as updated, in DTKS again.
    const back = JSON.parse((await importDtks(dir, writeFile(dir, 'back.csv', dtksLines(CLEAN.slice(0, 1))))).stdout);
    expect(back).toMatchObject({ updated: 1, inserted: 0 });
  });

  it('a rejected row still counts as present for --snapshot', async () => {
    const dir = tempDir();
    await importDtks(dir, writeFile(dir, 'all.csv', dtksLines(CLEAN)));
    const rows = [`${SITI};;Siti Aminah;P;;;Samarinda;;;99;;;`, `${nik('6472', 2, 2, 82, 41)};;Ahmad;L;;;Samarinda;;;3;;;`];
    const r = JSON.parse((await importDtks(dir, writeFile(dir, 's.csv', dtksLines(rows)), '--snapshot')).stdout);
    expect(r).toMatchObject({ rejected: 1, departed: 0 });
  });

  it('reads BDT-style KDPROP/KDKAB (BPS codes) and --kode bps code columns', async () => {
    const dir = tempDir();
    const bdt = writeFile(dir, 'bdt.csv', [
      'KDPROP|KDKAB|KDKEC|NIK|NoKK|Nama|JnsKel|TglLahir|Hub_KRT|Ada_pkh',
      `64|03|010|${BUDI}|6402010101200002|Budi|1|01-01-1990|1|1`,
      `64|05|010|${RINA}||Rina|2|17-08-1992|2|0`,
      `64|02|010|${nik('6407', 3, 3, 83, 5)}||Kubar Person|1||1|2`,
    ]);
    const r = JSON.parse((await importDtks(dir, bdt)).stdout);
    expect(r).toMatchObject({ inserted: 3, rejected: 0 });
    const db = openDb(join(dir, 'uep.sqlite'));
    // BPS 6403 = Kutai Kartanegara (Kemendagri 6402); BPS 6405 = Berau (6403); BPS 6402 = Kutai Barat (6407).
    expect(db.prepare('SELECT nama, kode_kabupaten, status_pkh FROM persons ORDER BY nama').all()).toEqual([
      { nama: 'Budi', kode_kabupaten: '6402', status_pkh: 1 },
      { nama: 'Kubar Person', kode_kabupaten: '6407', status_pkh: 0 },
      { nama: 'Rina', kode_kabupaten: '6403', status_pkh: 0 },
    ]);
    db.close();
    const codes = writeFile(dir, 'codes.csv', ['nik,nama,kode_kabupaten', `${RINA},Rina,6405`]);
    // Columns absent from a file leave stored values alone: only the regency is compared here.
    expect(JSON.parse((await importDtks(dir, codes, '--kode', 'bps')).stdout)).toMatchObject({ unchanged: 1 });
    const wrong = JSON.parse((await importDtks(dir, codes)).stdout);
    expect(wrong).toMatchObject({ rejected: 1, reasons: { region_unknown: 1 } }); // 6405 is no Kemendagri code
  });

  it('refuses a file missing a required column before writing anything, naming the columns found', async () => {
    const dir = tempDir();
    const r = await importDtks(dir, writeFile(dir, 'm.csv', ['NIK,NAMA', `${SITI},Siti`]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('uep: m.csv line 1: missing required column kabupaten (or kode_kabupaten, or KDPROP+KDKAB); columns found: NIK, NAMA');
    expect(existsSync(join(dir, 'uep.sqlite')) ? openDb(join(dir, 'uep.sqlite')).prepare('SELECT count(*) FROM import_batches').pluck().get() : 0).toBe(0);
  });

  it('suggests the delimiter when the header did not split', async () => {
    const dir = tempDir();
    const r = await importDtks(dir, writeFile(dir, 'm.csv', ['NIK;NAMA;KABUPATEN', `${SITI};Siti;Samarinda`]), '--delimiter', ',');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("hint: the header looks split by another delimiter: try --delimiter ';'");
  });

  it('fails clearly on a missing file, an empty file and binary garbage', async () => {
    const dir = tempDir();
    const missing = await importDtks(dir, join(dir, 'nope.csv'));
    expect([missing.code, missing.stderr]).toEqual([1, `uep: cannot read ${join(dir, 'nope.csv')}: no such file\n`
      + '  hint: check the name and the folder (a relative path starts from the current folder)\n']);
    const empty = await importDtks(dir, writeFile(dir, 'empty.csv', ''));
    expect([empty.code, empty.stderr.trim()]).toEqual([1, 'uep: empty.csv: the file is empty (no header line)']);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const bin = await importDtks(dir, writeFile(dir, 'garbage.csv', garbage));
    expect(bin.code).toBe(1);
    expect(bin.stderr).toMatch(/^uep: garbage\.csv line \d+: (contains a NUL byte|is not valid UTF-8)/);
    expect(bin.stderr).not.toContain('    at ');
  });

  it('exits 2 on usage errors', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'a.csv', dtksLines(CLEAN));
    expect((await importDtks(dir, f, '--kode', 'dukcapil')).code).toBe(2);
    expect((await importDtks(dir, f, '--encoding', 'ebcdic')).code).toBe(2);
    expect((await importDtks(dir, f, '--map', 'umur=UMUR')).code).toBe(2);
    expect((await uep(['import', 'dtks'], { cwd: dir })).code).toBe(2);
    expect((await uep(['import', 'dtks', f, '--bogus'], { cwd: dir })).code).toBe(2);
  });

  it('does not overwrite an existing --rejects file without --force', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'a.csv', dtksLines([...CLEAN, '1;;X;L;;;Samarinda;;;1;;;']));
    writeFile(dir, 'rej.csv', 'keep me');
    const r = await importDtks(dir, f, '--rejects', join(dir, 'rej.csv'));
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'rej.csv'), 'utf8')).toBe('keep me');
    expect((await importDtks(dir, f, '--rejects', join(dir, 'rej.csv'), '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'rej.csv'), 'utf8')).toMatch(/^line,reason,raw,NIK/);
  });
});
