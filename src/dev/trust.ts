/**
 * `npm run trust`: the long campaign (not run in CI; it takes about an hour). Hundreds of SIGKILLs at
 * random moments of every command that writes, and thousands of hostile inputs, against the built
 * CLI; each run is checked (database before or after, integrity, no "unexpected error", no hang, no
 * personal data in messages or the audit log, every file 0600 from its first byte, nothing left
 * behind by the next run). Prints the figures and what it found, by area.
 *
 *   npm run trust -- [--kills 13] [--fuzz 2000] [--seed 2026] [--dir <folder>] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fuzzCampaign } from './trust/fuzz.js';
import { KILL_SCENARIOS, killCampaign } from './trust/kills.js';
import { Tally } from './trust/tally.js';
import { buildWorld } from './trust/world.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--dir');
  const root = at > 0 ? resolve(process.argv[at + 1]!) : mkdtempSync(join(tmpdir(), 'uep-trust-'));
  const perScenario = option('kills', 13);
  const fuzz = option('fuzz', 2000);
  const seed = option('seed', 2026);
  // Every file uep creates must be 0600 by itself: nothing here narrows what it gets.
  process.umask(0o022);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const t0 = Date.now();
  log(`uep trust campaign in ${root}: ${perScenario} kills × ${KILL_SCENARIOS.length} commands, ${fuzz} fuzz cases, seed ${seed}`);
  const world = buildWorld(join(root, 'world'), log);
  const tally = new Tally();
  log('kills:');
  await killCampaign(tally, world, join(root, 'kills'), perScenario, seed, log);
  log('fuzz:');
  await fuzzCampaign(tally, world, join(root, 'fuzz'), fuzz, seed, log);
  process.stdout.write(`\nuep trust campaign (seed ${seed}, ${Math.round((Date.now() - t0) / 60000)} min)\n${tally.report()}\n`);
  if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  else process.stdout.write(`\nwork folders kept in ${root}\n`);
}

await main();
