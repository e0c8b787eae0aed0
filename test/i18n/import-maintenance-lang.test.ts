/**
 * Issue 12 for imports, applicants, status, audit and the maintenance commands (and the messages
 * every command shares: flags, files, the database): each command's help in both languages, their
 * error paths in Indonesian with no English left, --json the same bytes in both languages, and each
 * import reason code explained in both catalogues.
 */
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';
import { APPLICANTS_IMPORT } from '../../src/applicants/import.js';
import { RECIPIENTS_IMPORT } from '../../src/applicants/recipients.js';
import { DTKS_IMPORT } from '../../src/import/dtks.js';
import { PKH_IMPORT } from '../../src/import/pkh.js';
import { IMPORT_KINDS, IMPORT_REJECTS, IMPORT_WARNINGS } from '../../src/import/reasons.js';
import { nik, ROOT, tempDir, uep, writeFile, type RunResult } from '../helpers.js';
import { englishIn } from './english.js';

type Lang = 'id' | 'en';
const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const DTKS_HEADER = 'NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL,JENIS KELAMIN,TGL LAHIR';

function world() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const run = (lang: Lang, ...args: string[]) => uep([...args, '--db', db], { cwd: dir, env: { UEP_LANG: lang } });
  return { dir, db, run };
}

/** A DTKS extract with one clean row, warnings and several kinds of rejected rows. */
function mixedDtks(dir: string): string {
  return writeFile(dir, 'dtks.csv', [
    DTKS_HEADER,
    `${SITI},Siti Aminah,Kota Samarinda,2,L,05-07-1985`, // sex_mismatch (the NIK says P)
    `${BUDI},Budi Santoso,Kukar,3,L,01-01-1990`,
    '6.47201E+15,Ani,Samarinda,2,P,',
    `${SITI},Siti Aminah,Kota Samarinda,2,P,05-07-1985`,
    `${nik('6472', 1, 1, 80, 9)},Tono,Jakarta,2,L,`,
    `${nik('6472', 1, 1, 80, 8)},Tini,Samarinda,12,P,`,
  ]);
}

interface ErrorCase {
  name: string;
  code: number;
  /** Indonesian words the message must hold (besides the flag, file or value it names). */
  says: string[];
  run: () => Promise<RunResult>;
}

async function expectIndonesian(c: ErrorCase): Promise<void> {
  const r = await c.run();
  expect([c.name, r.code], r.stderr).toEqual([c.name, c.code]);
  expect(r.stderr).toMatch(/^uep: |^Impor selesai|^Pemeriksaan selesai/);
  for (const words of c.says) expect(r.stderr.replace(/\s+/g, ' '), r.stderr).toContain(words);
  expect(englishIn(r.stderr), r.stderr).toEqual([]);
}

function importErrors(): ErrorCase[] {
  const { dir, db, run } = world();
  const ok = writeFile(dir, 'ok.csv', [DTKS_HEADER, `${SITI},Siti Aminah,Samarinda,2,P,`]);
  return [
    { name: 'a file that is not there', code: 1, says: ['tidak dapat membaca', 'tiada.csv: berkas tidak ada', 'saran: periksa nama berkas'],
      run: () => run('id', 'import', 'dtks', 'tiada.csv') },
    { name: 'a folder instead of a file', code: 1, says: ['ini sebuah folder, bukan berkas'], run: () => run('id', 'import', 'dtks', dir) },
    { name: 'a required column missing', code: 1, says: ['baris 1: kolom wajib nik, kabupaten (atau kode_kabupaten, atau KDPROP+KDKAB) tidak ada; kolom yang ditemukan: nama', 'saran: sebutkan kolomnya dengan --map'],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'nonik.csv', ['nama', 'Siti'])) },
    { name: 'a header split by another delimiter', code: 1, says: ["coba --delimiter ';'"],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'semi.csv', ['nama;alamat', 'Siti;Jl. A']), '--delimiter', ',') },
    { name: 'a file without its header', code: 1, says: ['baris pertama tampaknya berisi data'],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'nohead.csv', [`${SITI},Siti,Samarinda,2`])) },
    { name: '--map with no =', code: 2, says: ['--map nik: seharusnya isian=Judul'], run: () => run('id', 'import', 'dtks', ok, '--map', 'nik') },
    { name: '--map of an unknown field', code: 2, says: ['isian "nomor" tidak dikenal'], run: () => run('id', 'import', 'dtks', ok, '--map', 'nomor=NIK') },
    { name: '--map to a column not there', code: 1, says: ['--map nik=NO NIK: kolom tersebut tidak ada'], run: () => run('id', 'import', 'dtks', ok, '--map', 'nik=NO NIK') },
    { name: '--encoding', code: 2, says: ['--encoding utf16: seharusnya utf8 atau latin1'], run: () => run('id', 'import', 'dtks', ok, '--encoding', 'utf16') },
    { name: '--delimiter', code: 2, says: ['--delimiter x: seharusnya'], run: () => run('id', 'import', 'dtks', ok, '--delimiter', 'x') },
    { name: '--kode', code: 2, says: ['--kode bpk: seharusnya kemendagri atau bps'], run: () => run('id', 'import', 'dtks', ok, '--kode', 'bpk') },
    { name: 'an .xls workbook', code: 1, says: ['buku kerja Excel lama (XLS)', 'saran: buka di Excel'],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'lama.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))) },
    { name: 'a UTF-16 file', code: 1, says: ['berpengodean UTF-16'], run: () => run('id', 'import', 'dtks', writeFile(dir, 'u16.csv', Buffer.from([0xff, 0xfe, 0x6e, 0]))) },
    { name: 'an empty file', code: 1, says: ['berkas kosong (tidak ada baris judul)'], run: () => run('id', 'import', 'dtks', writeFile(dir, 'kosong.csv', '')) },
    { name: 'an unbalanced quote', code: 1, says: ['tanda petik tidak berpasangan'],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'petik.csv', [DTKS_HEADER, `${SITI},"Siti,Samarinda,2,P,`])) },
    { name: 'a file that is not UTF-8', code: 1, says: ['bukan teks UTF-8 yang sah', '--encoding latin1'],
      run: () => run('id', 'import', 'dtks', writeFile(dir, 'latin.csv', Buffer.from(`${DTKS_HEADER}\n${SITI},Sit\xed,Samarinda,2,P,\n`, 'latin1'))) },
    { name: '--strict with rejected rows', code: 1, says: ['4 baris ditolak dengan --strict; tidak ada yang ditulis', 'nik_scientific — NIK diubah menjadi angka'],
      run: () => run('id', 'import', 'dtks', mixedDtks(dir), '--strict') },
    { name: '--rejects on a file that exists', code: 1, says: ['berkas ini sudah ada', 'tambahkan --force untuk menimpanya'],
      run: () => run('id', 'import', 'dtks', ok, '--rejects', writeFile(dir, 'ada.csv', 'x')) },
    { name: '--rejects on the file imported', code: 1, says: ['ini adalah berkas yang sedang diimpor', 'akan menimpa berkas yang sedang diimpor'],
      run: () => run('id', 'import', 'dtks', ok, '--rejects', ok, '--force') },
    { name: '--rejects in a folder that does not exist', code: 1, says: ['tidak ada', 'mkdir -p'],
      run: () => run('id', 'import', 'dtks', ok, '--rejects', join(dir, 'tiada', 'r.csv')) },
    { name: '--rejects on the database', code: 1, says: ['ini adalah basis data'], run: async () => {
      await run('en', 'import', 'dtks', ok, '--quiet');
      return run('id', 'import', 'dtks', ok, '--rejects', db, '--force');
    } },
    { name: 'a recipients list without its year', code: 2, says: ['tidak memiliki kolom tahun', '--tahun <tahun>'],
      run: () => run('id', 'import', 'recipients', writeFile(dir, 'penerima.csv', ['nik', SITI])) },
    { name: 'applicants list --status', code: 2, says: ['--status selesai: seharusnya salah satu dari registered'], run: () => run('id', 'applicants', 'list', '--status', 'selesai') },
    { name: 'applicants import --tahun', code: 2, says: ['--tahun lalu: seharusnya tahun, mis. 2026'], run: () => run('id', 'applicants', 'import', ok, '--tahun', 'lalu') },
    { name: 'applicants list --kabupaten', code: 2, says: ['bukan salah satu dari sepuluh kabupaten/kota'], run: () => run('id', 'applicants', 'list', '--kabupaten', 'Jakarta') },
  ];
}

function databaseErrors(): ErrorCase[] {
  const { dir, db, run } = world();
  const at = (lang: Lang, path: string, ...args: string[]) => uep([...args, '--db', path], { cwd: dir, env: { UEP_LANG: lang } });
  const ok = writeFile(dir, 'ok.csv', [DTKS_HEADER, `${SITI},Siti Aminah,Samarinda,2,P,`]);
  const ready = async () => expect((await run('en', 'import', 'dtks', ok, '--quiet')).code).toBe(0);
  return [
    { name: 'status without a database', code: 1, says: ['tidak ada basis data di', 'saran: periksa --db atau UEP_DB'], run: () => at('id', join(dir, 'salah.sqlite'), 'status') },
    { name: 'status on a text file', code: 1, says: ['bukan basis data uep (bukan berkas SQLite)'], run: () => at('id', ok, 'status') },
    { name: 'doctor on a folder', code: 1, says: ['adalah folder, bukan berkas basis data'], run: () => at('id', dir, 'doctor') },
    { name: 'audit --since', code: 2, says: ['--since kemarin: seharusnya tanggal'], run: async () => { await ready(); return run('id', 'audit', '--since', 'kemarin'); } },
    { name: 'audit --limit', code: 2, says: ['--limit 0: seharusnya bilangan bulat paling sedikit 1'], run: async () => { await ready(); return run('id', 'audit', '--limit', '0'); } },
    { name: 'backup onto a file that exists', code: 1, says: ['sudah ada', 'tambahkan --force'], run: async () => { await ready(); return run('id', 'backup', ok); } },
    { name: 'backup into a folder not there', code: 1, says: ['cadangan', 'tidak dapat ditulis: folder', 'mkdir -p'],
      run: async () => { await ready(); return run('id', 'backup', join(dir, 'tiada', 'b.sqlite')); } },
    { name: 'backup onto the database', code: 1, says: ['adalah basis data itu sendiri'], run: async () => { await ready(); return run('id', 'backup', db, '--force'); } },
    { name: 'restore of a file not there', code: 1, says: ['tidak ada berkas cadangan di', '`uep backup <berkas>`'], run: () => run('id', 'restore', join(dir, 'tiada.sqlite')) },
    { name: 'restore of a text file', code: 1, says: ['bukan cadangan uep (bukan berkas SQLite)', 'saran: pilih berkas yang ditulis oleh `uep backup`'],
      run: () => run('id', 'restore', ok) },
    { name: 'restore of another application\'s database', code: 1, says: ['bukan cadangan uep (isinya data aplikasi lain)'], run: () => {
      const other = new Database(join(dir, 'lain.sqlite'));
      other.exec('CREATE TABLE catatan (isi TEXT)');
      other.close();
      return run('id', 'restore', join(dir, 'lain.sqlite'));
    } },
    { name: 'restore of an empty file', code: 1, says: ['bukan cadangan uep (berkasnya kosong)'], run: () => run('id', 'restore', writeFile(dir, 'kosong.sqlite', '')) },
    { name: 'restore of the database itself', code: 1, says: ['adalah basis data itu sendiri'], run: async () => { await ready(); return run('id', 'restore', db); } },
    { name: 'a usage error of commander', code: 2, says: ['opsi tidak dikenal: --tidak-ada'], run: () => run('id', 'status', '--tidak-ada') },
  ];
}

describe('error paths in Indonesian', () => {
  it('imports and applicants', async () => {
    for (const c of importErrors()) await expectIndonesian(c);
  }, 120_000);

  it('the database, status, audit, backup and restore', async () => {
    for (const c of databaseErrors()) await expectIndonesian(c);
  }, 120_000);
});

describe('what the commands say, in Indonesian', () => {
  it('the import summary: counts in Indonesian numbers, each code with its explanation, the first rejected lines', async () => {
    const { dir, run } = world();
    const rows = Array.from({ length: 1200 }, (_, i) => `${nik('6472', 1 + (i % 28), 1 + (i % 12), 80, i + 1)},Warga ${i},Samarinda,2,,`);
    const big = await run('id', 'import', 'dtks', writeFile(dir, 'besar.csv', [DTKS_HEADER, ...rows]));
    expect(big.code).toBe(0);
    expect(big.stderr).toMatch(/^Impor selesai: besar\.csv \(DTKS\), 1\.200 baris dibaca dalam \d+,\d detik\n {2}ditambahkan 1\.200 · diperbarui 0 · tidak berubah 0 · ditolak 0\n/);
    const mixed = await run('id', 'import', 'dtks', mixedDtks(dir));
    expect(mixed.code).toBe(0);
    for (const line of [
      '  ditolak, menurut alasan:',
      '    1 × nik_scientific — NIK diubah menjadi angka oleh spreadsheet (6.47201E+15) sehingga digit terakhirnya hilang',
      '    1 × nik_duplicate — NIK yang sama sudah ada pada baris sebelumnya di berkas ini',
      '    1 × region_unknown — kabupaten/kota bukan salah satu kabupaten/kota di Kalimantan Timur',
      '    1 × desil_invalid — desil bukan bilangan bulat 1 sampai 10',
      '  catatan peringatan (disimpan pada barisnya):',
      '    1 × sex_mismatch — jenis kelamin berbeda dengan yang tercantum dalam NIK',
      '  baris pertama yang ditolak: baris 4 (nik_scientific), baris 5 (nik_duplicate), baris 6 (region_unknown), baris 7 (desil_invalid); tulis semuanya dengan --rejects <berkas>',
    ]) expect(mixed.stderr).toContain(line);
    expect(englishIn(mixed.stderr)).toEqual([]);
    const english = await run('en', 'import', 'dtks', mixedDtks(dir), '--dry-run');
    expect(english.stderr).toContain('Checked (dry run, nothing written) dtks.csv (DTKS): 6 rows read in');
    expect(english.stderr).toContain('    1 × nik_scientific — a spreadsheet turned the NIK into a number (6.47201E+15) and its last digits are lost');
  });

  it('status, doctor, audit, backup, migrate and restore', async () => {
    const { dir, run } = world();
    expect((await run('en', 'import', 'dtks', mixedDtks(dir), '--quiet')).code).toBe(0);
    const said: RunResult[] = [];
    const ok = async (...args: string[]) => {
      const r = await run('id', ...args);
      expect([args.join(' '), r.code], r.stderr).toEqual([args.join(' '), 0]);
      said.push(r);
      return r;
    };
    const status = await ok('status');
    expect(status.stdout).toMatch(/^Basis data \S+ \(skema \d+\)\nOrang: 2 \(dalam DTKS 2, keluar 0\) · peserta PKH: 0 \(aktif 0\) · kelompok impor: 1\n/);
    expect(status.stdout).toMatch(/kode\s+kabupaten\/kota\s+orang/);
    expect(status.stdout).toMatch(/sex_mismatch\s+1\s+jenis kelamin berbeda dengan yang tercantum dalam NIK/);
    expect(status.stdout).toMatch(/^ 1\s+DTKS\s+dtks\.csv\s+\d\d-\d\d-\d{4} \d\d\.\d\d\.\d\d/m);
    expect((await ok('doctor')).stdout).toMatch(/^pemeriksaan\s+hasil\s+keterangan\n[-\s]+\nkeutuhan\s+baik\s+ok\n/);
    const audit = (await ok('audit')).stdout;
    expect(audit).toMatch(/^id\s+waktu\s+operator\s+perintah\s+status\s+perubahan\s+parameter\n/);
    expect(audit).toMatch(/import dtks\s+selesai\s+2\s+\{"file":"\(tidak dicatat\)"/);
    expect((await ok('backup', 'cadangan.sqlite')).stderr).toMatch(/^Cadangan \S+ ditulis ke \S+cadangan\.sqlite \(\d+ halaman\)\n$/);
    expect((await ok('migrate')).stderr).toMatch(/memakai versi skema \d+, yaitu versi yang dipakai uep ini\.\n$/);
    expect((await ok('restore', 'cadangan.sqlite')).stderr).toMatch(/dipulihkan dari cadangan\.sqlite \(skema \d+, keutuhan baik\); basis data sebelumnya disimpan sebagai /);
    expect((await ok('applicants', 'list')).stderr).toBe('tidak ada pendaftaran tahun 2026\n'.replace('2026', String(new Date().getFullYear())));
    for (const r of said) expect(englishIn(`${r.stdout}\n${r.stderr}`)).toEqual([]);
  });
});

describe('--json is the same in both languages', () => {
  it('import dtks, applicants import, import recipients, status and doctor', async () => {
    const { dir, db } = world();
    const copy = join(dir, 'copy.sqlite');
    const both = async (...args: string[]) => {
      const id = await uep([...args, '--json', '--db', db], { cwd: dir, env: { UEP_LANG: 'id' } });
      const en = await uep([...args, '--json', '--db', copy], { cwd: dir, env: { UEP_LANG: 'en' } });
      expect([id.code, en.code], id.stderr).toEqual([0, 0]);
      const plain = (r: RunResult) => r.stdout.replace(/"seconds": [\d.]+/, '"seconds": 0').replaceAll(copy, db);
      expect(plain(id)).toBe(plain(en));
      return JSON.parse(id.stdout) as Record<string, unknown>;
    };
    expect(await both('import', 'dtks', mixedDtks(dir))).toMatchObject({ rejected: 4, warnings: { sex_mismatch: 1 } });
    copyFileSync(db, copy);
    await both('applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`, `${SITI},bengkel,`]), '--tahun', '2026');
    await both('import', 'recipients', writeFile(dir, 'r.csv', ['nik,tahun', `${BUDI},2024`, `${BUDI},dulu`]));
    // Reading commands: the same database in both languages (the copy's imports ran at other times).
    for (const args of [['status'], ['doctor'], ['applicants', 'list', '--tahun', '2026']]) {
      const [id, en] = await Promise.all((['id', 'en'] as const).map((lang) => uep([...args, '--json', '--db', db], { cwd: dir, env: { UEP_LANG: lang } })));
      expect([id!.code, en!.code]).toEqual([0, 0]);
      expect(id!.stdout).toBe(en!.stdout);
    }
    const doctor = JSON.parse((await uep(['doctor', '--json', '--db', db])).stdout) as unknown;
    expect(doctor).toMatchObject({ ok: true, checks: expect.arrayContaining([{ check: 'integrity', ok: true, detail: 'ok' }]) });
  });
});

/** The reason and warning codes the import sources write (`reason: 'x'`, `warnings.push('x')`). */
function codesInSource(): { rejects: Set<string>; warnings: Set<string> } {
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : n.endsWith('.ts') ? [join(d, n)] : []));
  const text = ['src/import', 'src/applicants', 'src/nik'].flatMap((d) => files(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');
  return {
    rejects: new Set([...text.matchAll(/reason: '([a-z_]+)'|duplicateReason: '([a-z_]+)'|reason: [^,}]*\? '([a-z_]+)' : '([a-z_]+)'/g)].flatMap((m) => m.slice(1).filter(Boolean))),
    warnings: new Set([...text.matchAll(/warnings\.push\('([a-z_]+)'\)/g)].map((m) => m[1]!)),
  };
}

describe('import reason codes', () => {
  const keys = (lang: Lang, prefix: string) =>
    [...flatten(loadCatalogue(lang).reasons!).keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1)).sort();

  it.each(['id', 'en'] as const)('every code has one explanation in %s, and only codes do', (lang) => {
    expect(keys(lang, 'reject')).toEqual([...IMPORT_REJECTS].sort());
    expect(keys(lang, 'warning')).toEqual([...IMPORT_WARNINGS].sort());
  });

  it.each(['id', 'en'] as const)('every kind of import has its name in %s, and the audit statuses theirs', (lang) => {
    const catalogue = loadCatalogue(lang);
    expect([...flatten(catalogue.import!).keys()].filter((k) => k.startsWith('kind.')).map((k) => k.slice(5)).sort()).toEqual([...IMPORT_KINDS].sort());
    for (const kind of [DTKS_IMPORT, PKH_IMPORT, APPLICANTS_IMPORT, RECIPIENTS_IMPORT].map((k) => k.kind)) expect(IMPORT_KINDS).toContain(kind);
    expect([...flatten(catalogue.status!).keys()].filter((k) => k.startsWith('audit_status.')).sort()).toEqual(['audit_status.done', 'audit_status.failed', 'audit_status.interrupted']);
  });

  it('the lists hold every code the import sources write (and nik_duplicate, column_count of the pipeline)', () => {
    const { rejects, warnings } = codesInSource();
    expect(rejects.size).toBeGreaterThan(10);
    for (const code of rejects) expect(IMPORT_REJECTS, code).toContain(code);
    for (const code of warnings) expect(IMPORT_WARNINGS, code).toContain(code);
    for (const code of ['nik_duplicate', 'column_count', 'nik_missing', 'nik_scientific', 'nik_format', 'nik_date']) expect(IMPORT_REJECTS).toContain(code);
  });

  it.each(['cli', 'csv', 'db', 'files', 'import', 'reasons', 'maintenance', 'status', 'applicants'])('the Indonesian catalogue %s holds no English', (ns) => {
    // Placeholders are names for the code, not words for people.
    const found = [...flatten(loadCatalogue('id')[ns]!)].flatMap(([key, text]) => englishIn(text.replace(/\{\{[^}]*\}\}/g, '…')).map((e) => `${key}: ${e}`));
    expect(found).toEqual([]);
  });
});
