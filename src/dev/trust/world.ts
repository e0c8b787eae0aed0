/**
 * The databases the campaign starts from: the sample data (data/sample/) taken through the whole
 * pipeline once, each stage kept as a file to copy, plus the names in the data (to look for them
 * where they must not be).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../../db/open.js';
import { SAMPLE } from '../../sample/samples.js';
import { areasOfRun, subjectsOfRun, writeMonitorsCsv, writeVisitsCsv } from '../../sample/monitoring.js';
import { BIN, ROOT } from './run.js';

export const STAGES = ['registryNoPkh', 'registry', 'recipients', 'applicants', 'assessed', 'scored', 'allocated', 'final', 'monitors', 'planned'] as const;
export type Stage = (typeof STAGES)[number];

export interface World {
  dir: string;
  sample: (name: string) => string;
  /** Database files, one per stage, never written after the build. */
  bases: Record<Stage, string>;
  /** Inputs made for later stages. */
  files: { monitors: string; visits: string; backupOfScored: string };
  /** A selected beneficiary of the final run (for `allocate replace`). */
  selectedNik: string;
  /** Full names in the data, upper case (to search messages and logs for). */
  names: string[];
  tanggalHibah: string;
}

function uep(args: string[], db: string): void {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db, '--quiet'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`building the campaign's data: uep ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

function namesIn(file: string, column: RegExp): string[] {
  const rows = parse(readFileSync(file), { bom: true, delimiter: [',', ';'], relax_column_count: true, relax_quotes: true }) as string[][];
  const at = rows[0]!.findIndex((h) => column.test(h));
  return rows.slice(1).map((r) => (r[at] ?? '').trim().toUpperCase()).filter((n) => n.includes(' ') && n.length >= 8);
}

export function buildWorld(dir: string, log: (s: string) => void): World {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sample = (name: string) => join(ROOT, 'data', 'sample', name);
  const db = join(dir, 'build.sqlite');
  const bases = {} as Record<Stage, string>;
  const keep = (stage: Stage) => {
    bases[stage] = join(dir, `base-${stage}.sqlite`);
    copyFileSync(db, bases[stage]);
    log(`  ${stage}`);
  };
  const tahun = String(SAMPLE.tahun);
  log('building the campaign\'s databases from data/sample/:');
  uep(['import', 'dtks', sample('dtks.csv')], db);
  uep(['import', 'dtks', sample('bdt.csv')], db);
  keep('registryNoPkh');
  uep(['import', 'pkh', sample('pkh.csv')], db);
  keep('registry');
  uep(['import', 'recipients', sample('penerima-sebelumnya.csv')], db);
  keep('recipients');
  uep(['applicants', 'import', sample('pendaftar.csv'), '--tahun', tahun], db);
  keep('applicants');
  uep(['assess', 'import', sample('asesmen.csv'), '--tahun', tahun], db);
  keep('assessed');
  uep(['score', '--tahun', tahun], db);
  keep('scored');
  const backupOfScored = join(dir, 'backup-of-scored.sqlite');
  uep(['backup', backupOfScored], db);
  uep(['allocate', '--tahun', tahun, '--slots', '1500', '--seed', tahun], db);
  keep('allocated');
  uep(['allocate', 'finalize', '1'], db);
  keep('final');
  const read = <T>(fn: (h: ReturnType<typeof openDatabase>) => T): T => {
    const h = openDatabase(db, { readonly: true });
    try {
      return fn(h);
    } finally {
      h.close();
    }
  };
  const monitors = join(dir, 'petugas.csv');
  writeMonitorsCsv(monitors, read((h) => areasOfRun(h, 1)), { seed: SAMPLE.seed });
  uep(['monitor', 'monitors', 'import', monitors], db);
  keep('monitors');
  const tanggalHibah = '2025-09-15';
  uep(['monitor', 'plan', '--out', join(dir, 'plan-of-build'), '--tanggal-hibah', tanggalHibah], db);
  keep('planned');
  const visits = join(dir, 'laporan-kunjungan.csv');
  writeVisitsCsv(visits, { seed: SAMPLE.seed, subjects: read((h) => subjectsOfRun(h, 1)), tanggalHibah, asOf: SAMPLE.asOf });
  const selectedNik = read((h) => h.prepare(`SELECT nik FROM allocation_results WHERE run_id = 1 AND outcome = 'selected' ORDER BY rank LIMIT 1`).pluck().get() as string);
  const names = [...new Set([
    ...namesIn(sample('dtks.csv'), /NAMA/i), ...namesIn(sample('pkh.csv'), /NAMA/i), ...namesIn(sample('pendaftar.csv'), /nama/i),
    ...namesIn(sample('bdt.csv'), /NAMA/i),
  ])];
  return { dir, sample, bases, files: { monitors, visits, backupOfScored }, selectedNik, names, tanggalHibah };
}
