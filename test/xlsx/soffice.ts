/**
 * LibreOffice in the tests: workbooks uep writes are opened by a real spreadsheet application and
 * saved as CSV, then compared cell by cell. `soffice --headless` takes ~2-5 s to start, so every
 * conversion of a test file is one call with all its workbooks; each call has its own profile
 * (-env:UserInstallation), so test files running in parallel do not share one. CI installs
 * LibreOffice (.ci/run: libreoffice-calc-nogui); without it these tests fail, they never skip.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { pathToFileURL } from 'node:url';

/**
 * CSV export options of LibreOffice's filter: comma, double quote, UTF-8, from line 1, quoted text
 * cells off, formulas off (their values), cells as shown (formats applied: dates dd-mm-yyyy,
 * rupiah), and the last token -1: every sheet to its own file, `<name>-<sheet>.csv`.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function soffice(args: string[], cwd: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'uep-lo-profile-'));
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], {
      cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    if (r.error) throw new Error(`soffice could not run (${r.error.message}): install LibreOffice (Debian: libreoffice-calc-nogui)`);
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Each workbook's sheets as LibreOffice shows them: file → sheet name → rows of cells. */
export function sheetsAsShown(files: string[]): Map<string, Map<string, string[][]>> {
  const work = mkdtempSync(join(tmpdir(), 'uep-lo-'));
  try {
    const inputs = files.map((f, i) => {
      const copy = join(work, `f${i}.xlsx`);
      copyFileSync(f, copy);
      return copy;
    });
    const out = join(work, 'out');
    mkdirSync(out);
    soffice(['--convert-to', CSV_FILTER, '--outdir', out, ...inputs], work);
    const result = new Map<string, Map<string, string[][]>>(files.map((f) => [f, new Map()]));
    for (const name of readdirSync(out)) {
      const m = /^f(\d+)-(.*)\.csv$/.exec(name);
      if (!m) continue;
      const rows = parse(readFileSync(join(out, name)), { relax_column_count: true, bom: true }) as string[][];
      result.get(files[Number(m[1])]!)!.set(m[2]!, rows);
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** LibreOffice opening a CSV file as a person does by double-click (the filter options given) and saving it as .xlsx. */
export function csvToXlsx(files: string[], infilter: string, outDir: string): string[] {
  soffice([`--infilter=${infilter}`, '--convert-to', 'xlsx', '--outdir', outDir, ...files], outDir);
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.xlsx')));
}

/** LibreOffice converting files to another format (`fods`, `xlsx`) into `outDir`: the paths written. */
export function convert(files: string[], format: string, outDir: string): string[] {
  soffice(['--convert-to', format, '--outdir', outDir, ...files], outDir);
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${format}`)));
}

/**
 * CSV files as LibreOffice shows them when a person opens them with these import options
 * (`--infilter`, e.g. CSV:59,34,76,1 — semicolon, double quote, UTF-8, from line 1): each file's
 * rows of cells as shown.
 */
export function csvFilesAsShown(files: string[], infilter: string): Map<string, string[][]> {
  const work = mkdtempSync(join(tmpdir(), 'uep-lo-'));
  try {
    const inputs = files.map((f, i) => {
      const copy = join(work, `f${i}.csv`);
      copyFileSync(f, copy);
      return copy;
    });
    const out = join(work, 'out');
    mkdirSync(out);
    soffice([`--infilter=${infilter}`, '--convert-to', CSV_FILTER.replace(/,-1$/, ',1'), '--outdir', out, ...inputs], work);
    // With a sheet number LibreOffice names the file after the sheet too: f0-f0.csv.
    const written = readdirSync(out);
    return new Map(files.map((f, i) => {
      const name = written.find((n) => n === `f${i}.csv` || n.startsWith(`f${i}-`))!;
      return [f, parse(readFileSync(join(out, name)), { relax_column_count: true, bom: true }) as string[][]];
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
