/**
 * A small programme world built through the CLI from real CSV files, holding every awkward case
 * of the registry facts (docs/facts.md): active PKH by each route and the ones that must not
 * count, rentan_pkh, wrse, earlier recipients (lists and final runs, a replaced beneficiary),
 * and a regency of residence that differs from the NIK's. Used by the agreement tests.
 *
 * Each PKH case is a contest in its own regency (quota 1, waitlist 1): applicant A (the case)
 * and rival B (no PKH, registered earlier), equal desil and, when the facts are right, an equal
 * total score (A's answers make up for the points A's facts give). So A wins iff the ranking
 * counts A as active PKH: the tie at the cut-off is resolved by active PKH.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDb, nik, uep, writeFile } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';

const IDS = RUBRIC.rubric.questions.map((q) => q.id);
/** Fit 91 for gorengan (see test/score/builders.ts), need from desil, dependants, the answer on rentan, and income. */
const cells = (penghasilan: 'tidak_ada' | 'tetap') => [penghasilan, '3', 'ya', 'tinggi', 'gorengan', 'memasak', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];

export interface Expected {
  pkh_aktif: boolean;
  rentan_pkh: boolean;
  wrse: boolean;
}

export interface Contest {
  name: string;
  kode: string;
  a: string;
  /** A's hubungan_keluarga in DTKS. */
  hub: 'kepala keluarga' | 'istri';
  b: string;
  expected: Expected;
}

const kk = (kode: string, n: number) => `${kode}0100000${String(n).padStart(5, '0')}`;

// Rivals: men, not heading the household, no PKH anywhere on their card.
const rival = (kode: string, serial: number) => nik(kode, 3, 3, 82, serial);
const man = (kode: string, serial: number) => nik(kode, 1, 1, 80, serial);
const woman = (kode: string, serial: number) => nik(kode, 2, 2, 84, serial, true);

export const CONTESTS: Contest[] = [
  { name: 'no PKH at all', kode: '6401', a: woman('6401', 1), hub: 'istri', b: rival('6401', 2), expected: { pkh_aktif: false, rentan_pkh: false, wrse: false } },
  { name: 'own active PKH row', kode: '6402', a: man('6402', 3), hub: 'kepala keluarga', b: rival('6402', 4), expected: { pkh_aktif: true, rentan_pkh: false, wrse: false } },
  { name: 'inactive PKH rows only (own and the wife\'s, with disabilitas)', kode: '6403', a: man('6403', 5), hub: 'kepala keluarga', b: rival('6403', 6), expected: { pkh_aktif: false, rentan_pkh: false, wrse: false } },
  { name: 'KK stored as empty strings, an active PKH member with an empty KK too', kode: '6407', a: man('6407', 7), hub: 'kepala keluarga', b: rival('6407', 8), expected: { pkh_aktif: false, rentan_pkh: false, wrse: false } },
  { name: 'PKH extract without a KK column: in PKH through his wife\'s row, KK from DTKS', kode: '6408', a: man('6408', 9), hub: 'kepala keluarga', b: rival('6408', 10), expected: { pkh_aktif: true, rentan_pkh: true, wrse: false } },
  { name: 'DTKS STATUS_PKH = 1 alone', kode: '6409', a: man('6409', 11), hub: 'kepala keluarga', b: nik('6472', 3, 3, 82, 12), expected: { pkh_aktif: true, rentan_pkh: false, wrse: false } },
  { name: 'a PKH member not in DTKS on the applicant\'s KK', kode: '6411', a: man('6411', 13), hub: 'kepala keluarga', b: rival('6411', 14), expected: { pkh_aktif: true, rentan_pkh: true, wrse: false } },
  { name: 'a woman heading her household (wrse), no PKH', kode: '6471', a: woman('6471', 15), hub: 'kepala keluarga', b: rival('6471', 16), expected: { pkh_aktif: false, rentan_pkh: false, wrse: true } },
];

/** The inactive wife (6403), the empty-KK PKH member (6407), the wife in the KK-less extract (6408), the member outside DTKS (6411). */
const W3 = woman('6403', 21);
const C4 = man('6407', 22);
const W5 = woman('6408', 23);
const M7 = woman('6411', 24);

/** Earlier recipients, all in Samarinda (6472): list 2025, selected then replaced in 2025, selected as replacement in 2025, list of 2026. */
export const E = { list2025: man('6472', 31), replaced2025: man('6472', 32), replacement2025: man('6472', 33), list2026: man('6472', 34) };
/** Lives in Bontang (6474) by DTKS; his NIK was issued in Samarinda (6472). */
export const MOVED = nik('6472', 4, 4, 86, 35);

export interface World {
  dir: string;
  db: string;
  run: (...args: string[]) => ReturnType<typeof uep>;
}

async function ok(w: World, ...args: string[]): Promise<string> {
  const r = await w.run(...args);
  expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 0, expect.any(String)]);
  return r.stdout;
}

/** Builds the world in a new temporary folder, which the caller removes (it outlives one test). */
export async function buildWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'uep-facts-'));
  const db = join(dir, 'uep.sqlite');
  const w: World = { dir, db, run: (...args) => uep([...args, '--db', db], { cwd: dir }) };
  const person = (n: string, card: string, kode: string, hub: string, statusPkh = '0') => `${n},${card},Warga ${n.slice(12)},,${kode},2,${hub},${statusPkh}`;
  const rows: string[] = [];
  CONTESTS.forEach((c, i) => {
    rows.push(person(c.a, kk(c.kode, 2 * i + 1), c.kode, c.hub, c.kode === '6409' ? '1' : '0'));
    rows.push(person(c.b, kk(c.kode, 2 * i + 2), c.kode, 'anak'));
  });
  rows.push(person(W3, kk('6403', 5), '6403', 'istri'), person(C4, '', '6407', 'kepala keluarga'), person(W5, kk('6408', 9), '6408', 'istri'));
  Object.values(E).forEach((n, i) => rows.push(person(n, kk('6472', 40 + i), '6472', 'anak')));
  rows.push(person(MOVED, kk('6474', 50), '6474', 'anak'));
  await ok(w, 'import', 'dtks', writeFile(dir, 'dtks.csv', ['nik,no_kk,nama,jenis_kelamin,kode_kabupaten,desil,hubungan_keluarga,status_pkh', ...rows]), '--quiet');

  // A PKH extract with a KK column, and one without (members linked by NIK only).
  const [own, inactive, blank] = [CONTESTS[1]!, CONTESTS[2]!, CONTESTS[3]!];
  await ok(w, 'import', 'pkh', writeFile(dir, 'pkh.csv', [
    'NIK,NAMA,NO KK,STATUS,KOMPONEN_LANSIA,KOMPONEN_DISABILITAS',
    `${own.a},Warga,${kk('6402', 3)},1,0,0`,
    `${inactive.a},Warga,${kk('6403', 5)},0,0,0`,
    `${W3},Warga,${kk('6403', 5)},0,0,1`,
    `${C4},Warga,,1,0,0`,
    `${M7},Warga,${kk('6411', 13)},1,0,1`,
  ]), '--quiet');
  await ok(w, 'import', 'pkh', writeFile(dir, 'pkh-tanpa-kk.csv', ['NIK,NAMA,STATUS,KOMPONEN_LANSIA', `${W5},Warga,1,1`]), '--quiet');
  // An older import stored blank KK cells as empty strings: blanks must never make two people one family.
  const d = openDb(db);
  d.prepare(`UPDATE persons SET no_kk = '' WHERE nik IN (?, ?)`).run(blank.a, C4);
  d.prepare(`UPDATE pkh_members SET no_kk = ' ' WHERE nik = ?`).run(C4);
  d.close();

  await ok(w, 'import', 'recipients', writeFile(dir, 'penerima.csv', ['nik,tahun', `${E.list2025},2025`, `${E.list2026},2026`]), '--quiet');

  // 2025: one slot; the replaced beneficiary did not receive the package, the replacement did.
  await ok(w, 'applicants', 'import', writeFile(dir, 'p2025.csv', ['nik,jenis_usaha,tanggal_daftar', `${E.replaced2025},gorengan,2025-01-10`, `${E.replacement2025},gorengan,2025-01-11`]), '--tahun', '2025', '--quiet');
  await ok(w, 'assess', 'import', writeFile(dir, 'a2025.csv', [`nik,assessor,tanggal,${IDS.join(',')}`,
    `${E.replaced2025},Rahmawati,2025-02-01,${cells('tidak_ada').join(',')}`, `${E.replacement2025},Rahmawati,2025-02-01,${cells('tetap').join(',')}`]), '--tahun', '2025', '--quiet');
  await ok(w, 'score', '--tahun', '2025', '--quiet');
  await ok(w, 'allocate', '--tahun', '2025', '--slots', '1', '--quiet');
  await ok(w, 'allocate', 'finalize', '1', '--quiet');
  await ok(w, 'allocate', 'replace', E.replaced2025, '--reason', 'pindah domisili', '--run', '1', '--quiet');

  // 2026: the contests (B registered first), the earlier recipients, the one who lives elsewhere than his NIK says.
  const applicants = ['nik,jenis_usaha,tanggal_daftar'];
  const forms = [`nik,assessor,tanggal,${IDS.join(',')}`];
  for (const c of CONTESTS) {
    applicants.push(`${c.b},gorengan,2026-01-05`, `${c.a},gorengan,2026-01-20`);
    const bonus = c.expected.pkh_aktif || c.expected.wrse;
    forms.push(`${c.b},Rahmawati,2026-02-01,${cells('tidak_ada').join(',')}`, `${c.a},Rahmawati,2026-02-01,${cells(bonus ? 'tetap' : 'tidak_ada').join(',')}`);
  }
  for (const n of [...Object.values(E), MOVED]) {
    applicants.push(`${n},gorengan,2026-01-07`);
    forms.push(`${n},Rahmawati,2026-02-01,${cells('tidak_ada').join(',')}`);
  }
  await ok(w, 'applicants', 'import', writeFile(dir, 'p2026.csv', applicants), '--tahun', '2026', '--quiet');
  await ok(w, 'assess', 'import', writeFile(dir, 'a2026.csv', forms), '--tahun', '2026', '--quiet');
  await ok(w, 'score', '--tahun', '2026', '--quiet');
  await ok(w, 'allocate', '--tahun', '2026', '--slots', '10', '--seed', '2026', '--quiet');
  return w;
}

/** explain --json of a person for 2026. */
export async function explained(w: World, n: string): Promise<{ score: { total_score: number; eligible: boolean; reasons: string[]; facts: Record<string, unknown>; facts_changed: unknown[] }; kode_kabupaten: string; allocation: Record<string, unknown> | null }> {
  return JSON.parse(await ok(w, 'explain', n, '--tahun', '2026', '--json')) as never;
}

/** The exported annex of run 2 (NIKs in full), as file name → rows of cells. */
export async function exported(w: World): Promise<Map<string, string[][]>> {
  await ok(w, 'export', 'allocation', '--run', '2', '--out', 'annex', '--no-mask-nik', '--quiet');
  const files = new Map<string, string[][]>();
  const manifest = JSON.parse(readFileSync(join(w.dir, 'annex', 'manifest.json'), 'utf8')) as { files: { name: string }[] };
  for (const f of manifest.files) {
    const text = readFileSync(join(w.dir, 'annex', f.name), 'utf8').trim();
    files.set(f.name, text.split('\n').map((line) => line.split(',')));
  }
  return files;
}
