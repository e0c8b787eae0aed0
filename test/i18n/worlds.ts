/**
 * Databases for the language tests of scoring, allocation, explain, exports and reports: the same
 * worlds the commands' own CLI tests use, and a runner that picks the language of each run.
 */
import { join } from 'node:path';
import { nik, tempDir, uep, writeFile, type RunResult } from '../helpers.js';
import { Applicants, dbIn } from '../allocate/builders.js';
import { freshDb, smallWorld } from '../export/builders.js';
import { cohort } from '../report/history.js';
import { RUBRIC } from '../score/builders.js';

export type Lang = 'id' | 'en';
export type Runner = (lang: Lang, ...args: string[]) => Promise<RunResult>;

function runner(dir: string, db: string): Runner {
  return (lang, ...args) => uep([...args, '--db', db], { cwd: dir, env: { UEP_LANG: lang } });
}

export const SITI = nik('6472', 5, 7, 85, 1, true);
export const BUDI = nik('6402', 1, 1, 90, 2);

/** Two registrations of 2026 imported through the CLI, assessed from forms and scored: Siti eligible, Budi not (fit_below_min). */
export async function scoredWorld(): Promise<{ dir: string; db: string; run: Runner }> {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const run = runner(dir, db);
  const ok = async (...args: string[]) => {
    const r = await run('en', ...args, '--quiet');
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  await ok('import', 'dtks', writeFile(dir, 'dtks.csv', [
    'NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL,HUBUNGAN_KELUARGA,STATUS_PKH,TGL LAHIR',
    `${SITI},Siti Aminah,Kota Samarinda,2,kepala keluarga,1,05-07-1985`,
    `${BUDI},Budi Santoso,Kukar,3,anak,0,01-01-1990`,
  ]));
  await ok('applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`, `${BUDI},bengkel,2026-01-11`]), '--tahun', '2026');
  const ids = RUBRIC.rubric.questions.map((q) => q.id);
  await ok('assess', 'import', writeFile(dir, 'asesmen.csv', [
    `nik,assessor,tanggal,${ids.join(',')}`,
    `${SITI},Rahmawati,2026-02-01,tidak_ada,3,ya,tinggi,gorengan,memasak,tempat_jualan,alat_masak,ada,penuh,sehat`,
    `${BUDI},Agus,2026-02-02,tidak_tetap,0,tidak,sedang,,memasak,tempat_jualan,,sepi,sebagian,cukup`,
  ]));
  await ok('score');
  return { dir, db, run };
}

/** Scored applicants in three regencies (Mahakam Ulu has 4: its quota moves), and a weights file w.csv naming them. */
export function allocationWorld(): { dir: string; db: string; run: Runner; niks: string[] } {
  const dir = tempDir();
  const handle = dbIn(dir);
  const a = new Applicants(handle);
  const niks: string[] = [];
  for (const [kode, n] of [['6472', 30], ['6401', 30], ['6411', 4]] as const) {
    for (let i = 0; i < n; i++) niks.push(a.add({ kode, score: 90 - i, pkh: i % 3 === 0, jenis: i % 2 ? 'bengkel' : 'gorengan' }).nik);
  }
  handle.close();
  writeFile(dir, 'w.csv', ['region,weight', 'Samarinda,1', 'Kab. Paser,1', 'Mahulu,1']);
  return { dir, db: join(dir, 'uep.sqlite'), run: runner(dir, join(dir, 'uep.sqlite')), niks };
}

/** A small final run of 2025 (export builders): four selected, one waitlisted. */
export function exportWorld(): { dir: string; run: Runner } {
  const { db, dir, path } = freshDb();
  smallWorld(db);
  db.close();
  return { dir, run: runner(dir, path) };
}

/** The monitoring cohort of 2025 with its visit plan and visits (report history). */
export function reportWorld(): { dir: string; run: Runner } {
  const { db, dir, path } = freshDb();
  cohort(db);
  db.close();
  return { dir, run: runner(dir, path) };
}
