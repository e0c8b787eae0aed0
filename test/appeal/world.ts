/** A small allocated year, built through the CLI: the appeal and PDP tests start from it. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir, uep, writeFile } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';

export const ANI = '6472010101800001';
export const BUDI = '6472010202810002';
export const CITRA = '6472010303820003';
export const DEDI = '6472010404830004';
const CELLS = 'tidak_ada,3,ya,tinggi,gorengan,memasak,tempat_jualan,alat_masak,ada,penuh,sehat';

/**
 * Four applicants of Samarinda with the same answers; Dedi's desil (6) is above the rubric's
 * maximum. Two slots: two selected, one waitlisted; the run is final.
 */
export async function allocated(finalize = true) {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const run = (...args: string[]) => uep([...args, '--db', db], { cwd: dir });
  const ok = async (...args: string[]) => {
    const r = await run(...args, '--quiet');
    expect(r.stderr).toBe('');
    return r;
  };
  await ok('import', 'dtks', writeFile(dir, 'dtks.csv', [
    'NIK,NO KK,NAMA LENGKAP,JENIS KELAMIN,TGL LAHIR,ALAMAT,KABUPATEN/KOTA,KECAMATAN,DESA/KELURAHAN,DESIL NASIONAL,HUBUNGAN_KELUARGA',
    `${ANI},6472010101200001,Ani Lestari,P,1980-01-01,Jl. A RT 1,Samarinda,Palaran,Bukuan,1,kepala keluarga`,
    `${BUDI},6472010101200002,Budi Santoso,L,1981-02-02,Jl. B RT 2,Samarinda,Palaran,Bukuan,2,kepala keluarga`,
    `${CITRA},6472010101200003,Citra Dewi,P,1982-03-03,Jl. C RT 3,Samarinda,Palaran,Bukuan,3,kepala keluarga`,
    `${DEDI},6472010101200004,Dedi Kurnia,L,1983-04-04,Jl. D RT 4,Samarinda,Palaran,Bukuan,6,kepala keluarga`,
  ]));
  const all = [ANI, BUDI, CITRA, DEDI];
  await ok('applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', ...all.map((n, i) => `${n},gorengan,2026-01-1${i}`)]), '--tahun', '2026');
  const ids = RUBRIC.rubric.questions.map((q) => q.id).join(',');
  await ok('assess', 'import', writeFile(dir, 'a.csv', [`nik,assessor,tanggal,${ids}`, ...all.map((n) => `${n},Yusuf,2026-02-01,${CELLS}`)]), '--tahun', '2026');
  await ok('score', '--tahun', '2026');
  await ok('allocate', '--tahun', '2026', '--slots', '2', '--seed', '1', '--waitlist', '1');
  if (finalize) await ok('allocate', 'finalize', '1');
  const explainJson = async (nik: string) => JSON.parse((await run('explain', nik, '--json')).stdout) as {
    score: { eligible: boolean; reasons: string[]; total_score: number }; allocation: { rank: number; cutoff_score: number; outcome: string } | null;
  };
  const outcomes = async () => Object.fromEntries(await Promise.all(all.map(async (n) => [n, (await explainJson(n)).allocation?.outcome ?? null])));
  /** The NIKs of the run's two selected beneficiaries and its one waitlisted applicant. */
  const places = async () => {
    const o = await outcomes();
    const of = (outcome: string) => Object.keys(o).filter((n) => o[n] === outcome);
    return { outcomes: o, selected: of('selected'), waitlisted: of('waitlist')[0]! };
  };
  return { dir, db, run, explainJson, outcomes, places };
}
