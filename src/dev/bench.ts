/**
 * `npm run bench`: import speed and memory on a generated 1M-row DTKS extract, against the
 * sqlite3 command-line tool's `.import` of the same file (same columns, NIK primary key, WAL,
 * synchronous=NORMAL), the same file imported again into the full database (the merge path), the
 * duplicate scan over its persons (uep review duplicates), then
 * scoring and allocation over 200k applicants, and the HTML report of such a year.
 * Then the same extract as an .xlsx made by LibreOffice (`soffice --convert-to xlsx`, cached in
 * bench-output/: the conversion takes minutes), imported, against the bare streaming read of the
 * same file by the libraries (yauzl inflating, saxes parsing every element with handlers that do
 * nothing). uep reads the other parts with saxes too, but its sheets with its own scanner.
 * Last, the .xlsx writer: 1M export-like rows written as one sheet (bench-xlsx-write.ts).
 * BENCH_ROWS changes the extract size; BENCH_REPEAT the number of timed runs (median reported);
 * BENCH_XLSX=only runs the .xlsx parts alone, BENCH_XLSX=write the writer alone, BENCH_XLSX=no skips them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDtksCsv } from '../sample/dtks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = resolve(ROOT, 'bench-output');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);

interface Timed {
  seconds: number;
  maxRssMb: number;
  /** User + system CPU seconds of all the process's threads. */
  cpu?: number;
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Runs a command under /usr/bin/time for wall time and peak RSS of the child. */
function timed(cmd: string, args: string[], input?: string): Timed & { stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M %U %S', cmd, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), maxRssMb: Number(m[2]) / 1024, cpu: Number(m[3]) + Number(m[4]), stdout: r.stdout };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function repeat(fn: () => Timed): Timed {
  const runs = Array.from({ length: REPEAT }, fn);
  return { seconds: median(runs.map((r) => r.seconds)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), cpu: median(runs.map((r) => r.cpu ?? 0)) };
}

/**
 * The extract as LibreOffice saves it as .xlsx (shared strings after the sheet): as it comes, NIKs
 * become numbers (every row is then rejected); with `textIds`, the NIK and KK columns are imported
 * as Text, as an office that follows the hint saves them (every row is then stored).
 */
function xlsxOf(csv: string, textIds = false): string {
  const xlsx = csv.replace(/\.csv$/, textIds ? '-text.xlsx' : '.xlsx');
  if (existsSync(xlsx)) return xlsx;
  process.stderr.write(`converting ${csv} to .xlsx with LibreOffice (minutes) …\n`);
  const profile = join(OUT, 'lo-profile');
  const work = join(OUT, 'lo-convert');
  mkdirSync(work, { recursive: true });
  // CSV filter options: comma, double quote, UTF-8, from line 1, then column formats (2 = Text).
  const filter = `--infilter=CSV:44,34,76,1${textIds ? ',1/2/2/2' : ''}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', filter, '--convert-to', 'xlsx', '--outdir', work, csv], { encoding: 'utf8' });
  rmSync(profile, { recursive: true, force: true });
  const made = join(work, basename(csv).replace(/\.csv$/, '.xlsx'));
  if (r.status !== 0 || !existsSync(made)) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  renameSync(made, xlsx);
  return xlsx;
}

function benchXlsx(csv: string): string[] {
  return [...benchXlsxFile(xlsxOf(csv), 'NIKs as numbers'), ...benchXlsxFile(xlsxOf(csv, true), 'NIK and KK columns as Text')];
}

function benchXlsxFile(xlsx: string, what: string): string[] {
  const db = join(OUT, 'uep-xlsx.sqlite');
  const bare = repeat(() => timed(process.execPath, [join(ROOT, 'dist/dev/bench-xlsx-read.js'), xlsx]));
  let summary: Record<string, unknown> = {};
  const imported = repeat(() => {
    removeDb(db);
    const r = timed(process.execPath, [join(ROOT, 'bin/uep.js'), 'import', 'dtks', xlsx, '--db', db, '--json', '--quiet']);
    summary = JSON.parse(r.stdout);
    return r;
  });
  removeDb(db);
  return [
    `xlsx: ${(statSync(xlsx).size / 1e6).toFixed(0)} MB, written by LibreOffice, ${what}`,
    `  yauzl+saxes bare read  ${bare.seconds.toFixed(1)} s (CPU ${bare.cpu!.toFixed(1)} s), peak RSS ${bare.maxRssMb.toFixed(0)} MB`,
    `  uep import dtks .xlsx  ${imported.seconds.toFixed(1)} s (CPU ${imported.cpu!.toFixed(1)} s in two threads), peak RSS ${imported.maxRssMb.toFixed(0)} MB (target < 400) ` +
      `(read ${summary.read}, inserted ${summary.inserted}, rejected ${summary.rejected})`,
    `  ratio import / bare read ${(imported.seconds / bare.seconds).toFixed(2)} (target ≤ 1.50)`,
  ];
}

/** The .xlsx writer alone: rows written, time, peak RSS, size. */
function benchXlsxWrite(): string {
  const dir = join(OUT, 'xlsx-write');
  const rows = Number(process.env.BENCH_XLSX_WRITE_ROWS ?? 1_000_000);
  const r = repeat(() => timed(process.execPath, [join(ROOT, 'dist/dev/bench-xlsx-write.js'), dir, String(rows)]));
  const size = statSync(join(dir, 'bench.xlsx')).size;
  rmSync(dir, { recursive: true, force: true });
  return `uep .xlsx write        ${rows.toLocaleString('en-US')} rows × 10 columns in ${r.seconds.toFixed(1)} s (CPU ${r.cpu!.toFixed(1)} s), `
    + `peak RSS ${r.maxRssMb.toFixed(0)} MB, ${(size / 1e6).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (process.env.BENCH_XLSX === 'write') {
    process.stdout.write(`${benchXlsxWrite()}\n`);
    return;
  }
  const csv = join(OUT, `dtks-${ROWS}.csv`);
  if (!existsSync(csv)) {
    process.stderr.write(`generating ${ROWS.toLocaleString('en-US')} rows into ${csv} …\n`);
    await writeDtksCsv(csv, { rows: ROWS, seed: 2026, style: 'dtks', dirt: 0.03 });
  }
  if (process.env.BENCH_XLSX === 'only') {
    process.stdout.write(`${[...benchXlsx(csv), benchXlsxWrite()].join('\n')}\n`);
    return;
  }

  const header = readFileSync(csv, 'utf8').slice(0, 4096).split('\n', 1)[0]!.replace(/^\uFEFF/, '');
  const columns = header.split(',').map((_, i) => (i === 0 ? 'nik TEXT PRIMARY KEY' : `c${i} TEXT`));
  const plainColumns = header.split(',').map((_, i) => (i === 0 ? 'nik TEXT' : `c${i} TEXT`));
  const mb = statSync(csv).size / 1e6;
  process.stderr.write(`extract: ${ROWS.toLocaleString('en-US')} rows, ${columns.length} columns, ${mb.toFixed(0)} MB\n`);

  const db = join(OUT, 'uep.sqlite');
  let summary: Record<string, unknown> = {};
  const uep = repeat(() => {
    removeDb(db);
    const r = timed(process.execPath, [join(ROOT, 'bin/uep.js'), 'import', 'dtks', csv, '--db', db, '--json', '--quiet']);
    summary = JSON.parse(r.stdout);
    return r;
  });

  // With --rejects: later duplicates' original cells are read again from the file.
  removeDb(db);
  const rejectsFile = join(OUT, 'rejects.csv');
  rmSync(rejectsFile, { force: true });
  const withRejects = timed(process.execPath, [join(ROOT, 'bin/uep.js'), 'import', 'dtks', csv, '--db', db, '--json', '--quiet', '--rejects', rejectsFile]);
  rmSync(rejectsFile, { force: true });

  // The same file again into the full database: the merge path (staged, then one sorted upsert).
  const again = timed(process.execPath, [join(ROOT, 'bin/uep.js'), 'import', 'dtks', csv, '--db', db, '--json', '--quiet']);
  const againSummary = JSON.parse(again.stdout) as Record<string, unknown>;

  // Likely duplicates among the imported persons (issue 16): read, blocking, comparisons, stored pairs.
  const review = timed(process.execPath, [join(ROOT, 'bin/uep.js'), 'review', 'duplicates', '--db', db, '--json', '--quiet']);
  const reviewDoc = JSON.parse(review.stdout) as { scan: Record<string, number>; saved: Record<string, number> };

  const sqliteRun = (cols: string[]) => repeat(() => {
    const target = join(OUT, 'sqlite3.sqlite');
    removeDb(target);
    const script = [
      'PRAGMA journal_mode=WAL;', 'PRAGMA synchronous=NORMAL;', `CREATE TABLE persons (${cols.join(', ')});`,
      '.mode csv', `.import --skip 1 '${csv}' persons`,
    ].join('\n');
    const scriptFile = join(OUT, 'import.sql');
    writeFileSync(scriptFile, script);
    // Duplicate NIKs make .import print one error line each: ignored here, as uep rejects them.
    const r = timed('/bin/sh', ['-c', `sqlite3 '${target}' < '${scriptFile}' 2>/dev/null; true`]);
    removeDb(target);
    return r;
  });
  const withPk = sqliteRun(columns);
  const noIndex = sqliteRun(plainColumns);

  const lines = [
    `uep import dtks        ${uep.seconds.toFixed(1)} s, peak RSS ${uep.maxRssMb.toFixed(0)} MB ` +
      `(inserted ${summary.inserted}, rejected ${summary.rejected})`,
    `uep import --rejects  ${withRejects.seconds.toFixed(1)} s, peak RSS ${withRejects.maxRssMb.toFixed(0)} MB`,
    `uep import again      ${again.seconds.toFixed(1)} s, peak RSS ${again.maxRssMb.toFixed(0)} MB ` +
      `(unchanged ${againSummary.unchanged}, inserted ${againSummary.inserted}, updated ${againSummary.updated})`,
    `sqlite3 .import (PK)   ${withPk.seconds.toFixed(1)} s`,
    `sqlite3 .import (none) ${noIndex.seconds.toFixed(1)} s`,
    `ratio uep / sqlite3 PK ${(uep.seconds / withPk.seconds).toFixed(2)} (target ≤ 1.00); against no index ${(uep.seconds / noIndex.seconds).toFixed(2)}`,
    `uep review duplicates ${review.seconds.toFixed(1)} s (CPU ${review.cpu!.toFixed(1)} s), peak RSS ${review.maxRssMb.toFixed(0)} MB ` +
      `(${reviewDoc.scan.persons} persons, ${reviewDoc.scan.comparisons} comparisons, ${reviewDoc.saved.found} candidate pairs)`,
  ];

  for (const [name, module, fn] of [['score', 'bench-score.js', 'benchScore'], ['allocate', 'bench-allocate.js', 'benchAllocate']] as const) {
    const path = new URL(`./${module}`, import.meta.url);
    if (!existsSync(fileURLToPath(path))) continue;
    const mod = (await import(path.href)) as Record<string, (dir: string) => Promise<{ applicants: number; seconds: number }>>;
    const r = await mod[fn]!(OUT);
    lines.push(`uep ${name.padEnd(18)} ${r.seconds.toFixed(2)} s for ${r.applicants.toLocaleString('en-US')} applicants`);
  }
  const report = new URL('./bench-report.js', import.meta.url);
  if (existsSync(fileURLToPath(report))) {
    const { benchReport } = (await import(report.href)) as typeof import('./bench-report.js');
    const r = await benchReport(OUT);
    lines.push(`uep report html      ${r.seconds.toFixed(2)} s, ${(r.bytes / 1e6).toFixed(2)} MB for ${r.applicants.toLocaleString('en-US')} applicants, `
      + `${r.beneficiaries.toLocaleString('en-US')} beneficiaries, ${r.visits.toLocaleString('en-US')} visits (targets: < 3 s, < 2 MB)`);
  }
  if (process.env.BENCH_XLSX !== 'no') lines.push(...benchXlsx(csv), benchXlsxWrite());
  process.stdout.write(`${lines.join('\n')}\n`);
  removeDb(db);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
  process.exitCode = 1;
});
