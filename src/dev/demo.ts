/**
 * `npm run demo`: the whole pipeline on the bundled sample data, into a fresh database in
 * demo-output/, running the real `uep` binary exactly as a user would and showing each command.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/open.js';
import { chooseLanguage, setLanguage, t } from '../i18n/index.js';
import { demoMonitoring } from '../sample/monitoring.js';
import { SAMPLE } from '../sample/samples.js';
import { demoStewardship } from '../sample/stewardship.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = resolve(ROOT, 'demo-output');
const SAMPLE_DIR = join(ROOT, 'data', 'sample');
const DB = join(OUT, 'uep.sqlite');
const rel = (p: string) => relative(ROOT, p) || '.';

/** Runs `uep <args>` against the demo database, echoing the command; stops the demo on failure. */
function uep(...args: string[]): string {
  process.stdout.write(`\n$ uep ${args.map((a) => (/[\s;]/.test(a) ? `'${a}'` : a)).join(' ')}\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'uep.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, UEP_DB: DB },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    process.stderr.write(`${t('demo:failed', { command: args.join(' '), code: r.status })}\n`);
    process.exit(1);
  }
  return r.stdout;
}

const sample = (name: string) => rel(join(SAMPLE_DIR, name));
const out = (name: string) => rel(join(OUT, name));

/** A selected beneficiary to explain (read directly: the demo shows `uep explain`, not the query). */
function firstSelected(tahun: number): string | undefined {
  const db = openDatabase(DB);
  try {
    return db.prepare(`SELECT r.nik FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id
      WHERE u.tahun = ? AND r.outcome = 'selected' ORDER BY r.kode_kabupaten, r.rank LIMIT 1`).pluck().get(tahun) as string | undefined;
  } finally {
    db.close();
  }
}

function main(): void {
  // The demo speaks as uep does: UEP_LANG, else the locale, else Indonesian (its commands choose the same way).
  setLanguage(chooseLanguage(undefined, process.env));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true, mode: 0o700 });
  process.stdout.write(`${t('demo:start', { sample: rel(SAMPLE_DIR), db: rel(DB) })}\n`);

  // 1. The registry: a DTKS extract (comma, dirty), a BDT-style one (; + BOM + CRLF, BPS codes), PKH.
  uep('import', 'dtks', sample('dtks.csv'), '--rejects', out('rejects-dtks.csv'));
  uep('import', 'dtks', sample('bdt.csv'), '--rejects', out('rejects-bdt.csv'));
  uep('import', 'pkh', sample('pkh.csv'));
  uep('status');

  // 2. Candidates: earlier recipients, this year's registrations, assessment forms, scores.
  const tahun = String(SAMPLE.tahun);
  uep('import', 'recipients', sample('penerima-sebelumnya.csv'));
  uep('applicants', 'import', sample('pendaftar.csv'), '--tahun', tahun, '--rejects', out('rejects-pendaftar.csv'));
  uep('assess', 'import', sample('asesmen.csv'), '--tahun', tahun, '--rejects', out('rejects-asesmen.csv'));
  uep('score', '--tahun', tahun);

  // 3. Allocation: 1,500 packages over the ten regencies, then locked and checked.
  uep('quota', '--slots', '1500');
  uep('allocate', '--tahun', tahun, '--slots', '1500', '--seed', tahun);
  uep('allocate', 'finalize', '1');
  uep('allocate', 'verify', '1');
  const best = firstSelected(SAMPLE.tahun);
  if (best) uep('explain', best, '--tahun', tahun);

  // 4. After the grant: field workers, visit plan, a generated visit history, exports and reports.
  // The demo pretends the packages were handed out in September 2025, so a year of visits exists.
  demoMonitoring(uep, { dbPath: DB, out: OUT, seed: SAMPLE.seed, tanggalHibah: '2025-09-15', asOf: SAMPLE.asOf });

  // 5. Stewardship of the registry: likely duplicates decided, DTSEN proposals, an appeal, the PDP record.
  demoStewardship(uep, { dbPath: DB, out: OUT, tahun: SAMPLE.tahun });
  uep('audit');

  const reports = readdirSync(OUT).filter((f) => f !== 'uep.sqlite' && !f.startsWith('uep.sqlite-')).map((f) => `  ${out(f)}`);
  process.stdout.write(`\n${t('demo:done', { db: rel(DB) })}\n${t('demo:files')}\n${reports.join('\n')}\n`);
  const html = readdirSync(OUT).find((f) => f.startsWith('laporan-uep-') && f.endsWith('.html'));
  if (html) process.stdout.write(`\n${t('demo:report', { file: out(html) })}\n`);
}

main();
