/**
 * uep assess … and uep monitor … in both languages: every command's help, every error path of
 * their CLI tests again in Indonesian with no English left (test/i18n/english.ts), and --json the
 * same bytes whichever language is chosen.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prompters } from '../../src/cli/prompts.js';
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';
import { setLanguage, t } from '../../src/i18n/index.js';
import { freshDb, RINA, SITI as PENERIMA, smallWorld } from '../export/builders.js';
import { englishIn } from '../i18n/english.js';
import { nik, tempDir, uep, writeFile, type RunResult } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';
import { officer, ScriptedPrompter } from '../assess/scripted.js';
import { BUDI_ANSWERS, SITI_ANSWERS } from '../score/builders.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const IDS = RUBRIC.rubric.questions.map((q) => q.id);
const CELLS = ['tidak_ada', '3', 'ya', 'tinggi', 'gorengan', 'memasak', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];
const ROSTER = ['id;nama;peran;kecamatan;kabupaten', 'TKSK-01;Ahmad;TKSK;Samarinda Ulu;Samarinda'];

const id = { env: { UEP_LANG: 'id' } };
const english = (r: RunResult) => englishIn(`${r.stdout}\n${r.stderr}`);

/** Two applicants of 2026 registered through the CLI. */
async function registered() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  await uep(['import', 'dtks', writeFile(dir, 'dtks.csv', [
    'NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL,HUBUNGAN_KELUARGA,STATUS_PKH,TGL LAHIR',
    `${SITI},Siti Aminah,Kota Samarinda,2,kepala keluarga,1,05-07-1985`, `${BUDI},Budi Santoso,Kukar,3,anak,0,01-01-1990`,
  ]), '--db', db, '--quiet']);
  await uep(['applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`, `${BUDI},bengkel,2026-01-11`]),
    '--tahun', '2026', '--db', db, '--quiet']);
  return { dir, db };
}

/** A final allocation run of 2025 with beneficiaries in Samarinda Ulu (test/export/builders.ts). */
function monitored() {
  const { db, dir, path } = freshDb();
  smallWorld(db);
  db.close();
  return { dir, db: path };
}

const original = prompters.create;
afterEach(() => {
  prompters.create = original;
  setLanguage('en');
});

/** Every assess and monitor command, with the catalogue key of its description. */
const DESCRIPTION: Record<string, string> = {
  assess: 'assess:help.assess', 'assess import': 'assess:help.import', monitor: 'monitor:help.monitor', 'monitor monitors': 'monitor:help.monitors',
  'monitor monitors import': 'monitor:help.monitors_import', 'monitor plan': 'monitor:help.plan', 'monitor import': 'monitor:help.import',
  'monitor record': 'field:record.description',
};
const COMMANDS = Object.keys(DESCRIPTION).map((c) => c.split(' '));

describe('the Indonesian catalogues of this area', () => {
  it.each(['assess', 'monitor', 'prompt', 'rubric'])('%s: no message holds English', (ns) => {
    const found = [...flatten(loadCatalogue('id')[ns]!)].flatMap(([key, text]) => englishIn(text).map((e) => `${key}: ${e}`));
    expect(found).toEqual([]);
  });
});

describe('help of every assess and monitor command', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('uep %s --help: Indonesian with no English; English with --lang en', async (_, args) => {
    const ind = await uep([...args, '--help'], id);
    expect(ind.code).toBe(0);
    expect(ind.stdout).toMatch(/^Cara pakai: uep /);
    expect(english(ind)).toEqual([]);
    const eng = await uep([...args, '--help', '--lang', 'en'], { env: { UEP_LANG: 'id' } });
    expect(eng.code).toBe(0);
    expect(eng.stdout).toMatch(/^Usage: uep /);
    // The same command described in each language, from the catalogue.
    const key = DESCRIPTION[args.join(' ')]!;
    setLanguage('en');
    expect(eng.stdout.replace(/\s+/g, ' ')).toContain(t(key));
    setLanguage('id');
    expect(ind.stdout.replace(/\s+/g, ' ')).toContain(t(key));
  });
});

interface ErrorCase {
  name: string;
  run: () => Promise<RunResult>;
  code: number;
  /** Words of the Indonesian message (and the codes it keeps). */
  says: string[];
}

const badRubric = (dir: string) => {
  const json = JSON.parse(RUBRIC.content);
  json.need.components.desil.weight = 'x';
  return writeFile(dir, 'rubric-baru.json', JSON.stringify(json));
};

/** The error paths of test/cli/assess-score-cli.test.ts and test/monitor/*.test.ts, and the rest of the commands' refusals. */
const ERRORS: ErrorCase[] = [
  { name: 'assess without a terminal', code: 2, says: ['memerlukan terminal', 'uep assess import <berkas>'],
    run: async () => { const { db } = await registered(); return uep(['assess', SITI, '--db', db], id); } },
  { name: 'assess with a bad NIK', code: 2, says: ['NIK tidak sah (nik_format)'],
    run: async () => { const { db } = await registered(); return uep(['assess', '12345', '--db', db], { ...id, tty: true }); } },
  { name: 'assess with a NIK and --next', code: 2, says: ['--next, jangan keduanya'],
    run: async () => { const { db } = await registered(); return uep(['assess', SITI, '--next', '--db', db], { ...id, tty: true }); } },
  { name: 'assess of a NIK with no application that year', code: 1, says: ['tidak memiliki pendaftaran pada tahun 2025', '--tahun'],
    run: async () => { const { db } = await registered(); return uep(['assess', SITI, '--tahun', '2025', '--db', db], { ...id, tty: true }); } },
  { name: 'assess when nobody is left to assess', code: 1, says: ['tidak ada pendaftar tahun 2027'],
    run: async () => { const { db } = await registered(); return uep(['assess', '--tahun', '2027', '--db', db], { ...id, tty: true }); } },
  { name: 'a malformed --rubric (assess import)', code: 1, says: ['need.components.desil.weight harus berupa angka antara 0 dan 100 (ditemukan: "x")', 'docs/rubric.md'],
    run: async () => { const { dir, db } = await registered(); return uep(['assess', 'import', 'x.csv', '--rubric', badRubric(dir), '--db', db], { ...id, cwd: dir }); } },
  { name: 'a malformed --rubric (score)', code: 1, says: ['need.components.desil.weight harus berupa angka'],
    run: async () => { const { dir, db } = await registered(); return uep(['score', '--rubric', badRubric(dir), '--db', db], { ...id, cwd: dir }); } },
  { name: 'a --rubric that is not JSON', code: 1, says: ['bukan JSON yang sah: ada kesalahan di baris 2, kolom 1'],
    run: async () => { const { dir, db } = await registered(); return uep(['assess', 'import', 'x.csv', '--rubric', writeFile(dir, 'r.json', '{ "version": "1",\n}'), '--db', db], id); } },
  { name: 'monitor plan --bulan with a month twice', code: 2, says: ['--bulan 3,1,3', 'tanpa pengulangan'],
    run: async () => { const { db, dir } = monitored(); return uep(['monitor', 'plan', '--out', 'x', '--bulan', '3,1,3', '--db', db], { ...id, cwd: dir }); } },
  { name: 'monitor record without a terminal', code: 2, says: ['mengajukan pertanyaan di terminal', 'uep monitor import <berkas>'],
    run: async () => { const { db } = monitored(); return uep(['monitor', 'record', PENERIMA, '--db', db], id); } },
  { name: 'monitor record of a search that finds nobody', code: 1, says: ['tidak ada penerima putaran final yang cocok dengan pencarian', 'id_penerima pada lembar kunjungan'],
    run: async () => { const { db } = monitored(); return uep(['monitor', 'record', '123', '--db', db], { ...id, tty: true }); } },
  { name: 'monitor record of someone not a beneficiary', code: 1, says: ['tidak ada penerima putaran final yang cocok dengan pencarian'],
    run: async () => { const { db } = monitored(); return uep(['monitor', 'record', RINA, '--db', db], { ...id, tty: true }); } },
  { name: 'monitor monitors import with bad rows', code: 1, says: ['2 baris ditolak', 'baris 3 peran_invalid — peran bukan PSM atau TKSK', 'kecamatan_unknown — kecamatan tidak dikenal'],
    run: async () => {
      const { db, dir } = monitored();
      const file = writeFile(dir, 'petugas.csv', [...ROSTER, 'X-1;Budi;Lurah;Samarinda Ulu;Samarinda', 'X-2;Cici;PSM;Atlantis;Samarinda']);
      return uep(['monitor', 'monitors', 'import', file, '--db', db], id);
    } },
  { name: 'monitor plan --tanggal-hibah that is not a date', code: 2, says: ['--tanggal-hibah kemarin: seharusnya tanggal'],
    run: async () => { const { db, dir } = monitored(); return uep(['monitor', 'plan', '--out', 'x', '--tanggal-hibah', 'kemarin', '--db', db], { ...id, cwd: dir }); } },
  { name: 'monitor import without its columns', code: 1, says: ['tanggal_kunjungan', 'tidak ada; kolom yang ditemukan: nik, petugas'],
    run: async () => { const { db, dir } = monitored(); return uep(['monitor', 'import', writeFile(dir, 'v.csv', ['nik,petugas', `${PENERIMA},X`]), '--db', db], id); } },
  { name: 'monitor import --strict with a rejected row (the import summary)', code: 1,
    says: ['1 × tanggal_future — tanggal kunjungan berada di masa depan', '1 baris ditolak dengan --strict'],
    run: async () => {
      const { db, dir } = monitored();
      const file = writeFile(dir, 'v.csv', ['nik,tanggal_kunjungan,petugas,status_usaha', `${PENERIMA},2099-01-01,X,berjalan`]);
      return uep(['monitor', 'import', file, '--strict', '--db', db], id);
    } },
  { name: 'assess import with rejected rows (the import summary)', code: 0,
    says: ['tanggal_invalid — tanggal asesmen tidak terbaca sebagai tanggal', 'Impor selesai: asesmen.csv (asesmen)'],
    run: async () => {
      const { dir, db } = await registered();
      const file = writeFile(dir, 'asesmen.csv', [`nik,assessor,tanggal,${IDS.join(',')}`, `${SITI},Rahmawati,31-02-2026,${CELLS.join(',')}`]);
      return uep(['assess', 'import', file, '--db', db], id);
    } },
];

describe('every error path of assess and monitor, in Indonesian', () => {
  it.each(ERRORS.map((e) => [e.name, e]))('%s', async (_, e) => {
    prompters.create = () => new ScriptedPrompter(() => {
      throw new Error('must not prompt');
    });
    const r = await e.run();
    expect(r.code).toBe(e.code);
    for (const words of e.says) expect(r.stderr.replace(/\s+/g, ' ')).toContain(words);
    expect(english(r)).toEqual([]);
  });
});

describe('the interview\'s summary in Indonesian', () => {
  it('saved lines, eligible or not with each failed rule explained; the score preview\'s unmet requirements in Indonesian', async () => {
    const { db } = await registered();
    prompters.create = () => new ScriptedPrompter(officer(RUBRIC.rubric, SITI_ANSWERS));
    const siti = await uep(['assess', SITI, '--assessor', 'Rahmawati', '--db', db], { ...id, tty: true });
    expect(siti.code).toBe(0);
    expect(siti.stderr).toMatch(/belum ada: lahan untuk kandang ayam/);
    expect(siti.stderr).toContain('Tersimpan: 6472********0001 · Gorengan · memenuhi syarat · skor total 89,88 (pratinjau; skor dicatat oleh `uep score`)');
    expect(english(siti)).toEqual([]);
    prompters.create = () => new ScriptedPrompter(officer(RUBRIC.rubric, BUDI_ANSWERS));
    const budi = await uep(['assess', BUDI, '--assessor', 'Agus', '--db', db], { ...id, tty: true });
    expect(budi.code).toBe(0);
    expect(budi.stderr).toContain('Tersimpan: 6402********0002 · Bengkel · tidak memenuhi syarat: '
      + 'fit_below_min — skor kesesuaian usaha di bawah batas minimum · skor total 22,75');
    expect(english(budi)).toEqual([]);
  });
});

/** The --json of a run, with the one field that differs between two runs (the time taken) left out. */
function json(r: RunResult): unknown {
  expect(r.code).toBe(0);
  const value = JSON.parse(r.stdout) as Record<string, unknown>;
  delete value.seconds;
  return value;
}

describe('--json is the same in both languages', () => {
  it('assess import, with accepted and rejected rows', async () => {
    const { dir, db } = await registered();
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(db, copy);
    const file = writeFile(dir, 'asesmen.csv', [`nik,assessor,tanggal,${IDS.join(',')}`,
      `${SITI},Rahmawati,2026-02-01,${CELLS.join(',')}`, `${BUDI},Agus,2099-02-02,${CELLS.join(',')}`]);
    const ind = json(await uep(['assess', 'import', file, '--json', '--db', db], id));
    const eng = json(await uep(['assess', 'import', file, '--json', '--db', copy, '--lang', 'en']));
    expect(ind).toEqual(eng);
    expect(ind).toMatchObject({ kind: 'assessments', inserted: 1, rejected: 1, reasons: { tanggal_future: 1 } });
  });

  it('monitor monitors import, monitor plan and monitor import (a warning and a reject among the visits)', async () => {
    const { db, dir } = monitored();
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(db, copy);
    const roster = writeFile(dir, 'petugas.csv', ROSTER);
    const visits = writeFile(dir, 'v.csv', ['nik,tanggal_kunjungan,petugas,status_usaha,omzet_bulanan',
      `${PENERIMA},2025-04-02,X-9,berhenti,500000`, `${PENERIMA},2099-01-01,TKSK-01,berjalan,`]);
    const said: string[] = [];
    const both = async (args: string[]) => {
      const r = await uep([...args, '--json', '--db', db], { ...id, cwd: dir });
      said.push(r.stderr);
      const eng = json(await uep([...args, '--json', '--db', copy, '--lang', 'en'], { cwd: dir }));
      return [json(r), eng] as const;
    };
    const [r1, r2] = await both(['monitor', 'monitors', 'import', roster]);
    expect(r1).toEqual(r2);
    const [p1, p2] = await both(['monitor', 'plan', '--out', 'lembar-{run}', '--tanggal-hibah', '2025-03-01', '--force']);
    expect({ ...(p1 as object), dir: '' }).toEqual({ ...(p2 as object), dir: '' });
    // What the two commands said meanwhile, in Indonesian.
    expect(said[0]).toContain('Diimpor petugas.csv: 1 petugas melayani 1 kecamatan · baru 1 · berubah 0 · tetap 0 · tidak lagi dalam daftar 0');
    expect(said[1]).toContain('bantuan diserahkan 01-03-2025, kunjungan pada bulan ke-1, 3, 6, 12 · 2 dari 4 penerima ditugaskan kepada 1 petugas');
    expect(said[1]).toContain('perhatian: 2 penerima tinggal di kecamatan yang tidak dilayani petugas aktif');
    const table = await uep(['monitor', 'plan', '--out', 'lembar-{run}', '--force', '--db', db], { ...id, cwd: dir });
    expect(table.stdout).toMatch(/^berkas\s+baris\n/);
    expect(table.stdout).toMatch(/kunjungan-tksk-01\.csv\s+8\n/);
    for (const text of said) expect(englishIn(text)).toEqual([]);
    const [v1, v2] = await both(['monitor', 'import', visits]);
    expect(v1).toEqual(v2);
    expect(v1).toMatchObject({ inserted: 1, rejected: 1, reasons: { tanggal_future: 1 }, warnings: { petugas_unknown: 1, omzet_while_stopped: 1 } });
  });
});
