/**
 * `npm run demo`: the whole pipeline on the bundled sample data, into a fresh database in
 * demo-output/, running the real `uep` binary exactly as a user would and showing each command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = resolve(ROOT, 'demo-output');
const SAMPLE = join(ROOT, 'data', 'sample');
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
    process.stderr.write(`demo: \`uep ${args.join(' ')}\` exited with ${r.status}\n`);
    process.exit(1);
  }
  return r.stdout;
}

const sample = (name: string) => rel(join(SAMPLE, name));
const out = (name: string) => rel(join(OUT, name));

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true, mode: 0o700 });
  process.stdout.write(`uep demo: synthetic sample data from ${rel(SAMPLE)}/ into ${rel(DB)}\n`);

  // 1. The registry: a DTKS extract (comma, dirty), a BDT-style one (; + BOM + CRLF, BPS codes), PKH.
  uep('import', 'dtks', sample('dtks.csv'), '--rejects', out('rejects-dtks.csv'));
  uep('import', 'dtks', sample('bdt.csv'), '--rejects', out('rejects-bdt.csv'));
  uep('import', 'pkh', sample('pkh.csv'));
  uep('status');

  const reports = [out('rejects-dtks.csv'), out('rejects-bdt.csv')].filter((p) => existsSync(join(ROOT, p)));
  process.stdout.write(`\nDone. Database: ${rel(DB)}\nReports:\n${reports.map((r) => `  ${r}`).join('\n')}\n`);
}

main();
