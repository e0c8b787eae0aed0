/** Runs the fuzz cases (fuzz-cases.ts) against the built CLI, two at a time, and checks each. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { areaOfPath, checkAudit, checkRun, leftovers } from './check.js';
import { fuzzArbitrary, type FuzzCase, type PathKind } from './fuzz-cases.js';
import { runUep } from './run.js';
import { differingTables, readState } from './state.js';
import type { Tally } from './tally.js';
import { ModeWatch } from './watch.js';
import type { World } from './world.js';

/** Makes the odd path of a case in its work folder. */
function makePath(kind: PathKind, work: string, db: string, w: World): string {
  const file = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(work, name), bytes);
    return join(work, name);
  };
  const small = 'nik,nama,kabupaten\n6472014101800001,Siti Aminah,Samarinda\n';
  switch (kind) {
    case 'missing': return join(work, 'nope.csv');
    case 'missing-folder': return join(work, 'no-such-folder', 'x.csv');
    case 'folder': mkdirSync(join(work, 'folder')); return join(work, 'folder');
    case 'dev-null': return '/dev/null';
    case 'dev-zero': return '/dev/zero';
    case 'dev-full': return '/dev/full';
    case 'proc': return '/proc/1/x';
    case 'through-file': file('plain.txt', 'x'); return join(work, 'plain.txt', 'x');
    case 'binary': return file('binary.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    case 'empty': return file('empty.csv', '');
    case 'huge': return file('huge.csv', `region,weight\n${'Samarinda,1\n'.repeat(2_000_000)}`);
    case 'escape-name': return file('evil\x1b]0;owned\x07\x1b[31m\nname.csv', small);
    case 'unicode-name': return file('Ünïcødé ✓ daftar.csv', small);
    case 'foreign-sqlite': {
      const h = new Database(join(work, 'other.db'));
      h.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (1)');
      h.close();
      return join(work, 'other.db');
    }
    case 'truncated-db': copyFileSync(w.bases.final, join(work, 'truncated.sqlite')); truncateSync(join(work, 'truncated.sqlite'), 3 * 65536); return join(work, 'truncated.sqlite');
    case 'text': return file('notes.txt', 'hello, these are notes, not data\n');
    case 'the-db': return db;
    case 'dash': return '-';
    case 'long-name': return join(work, `${'a'.repeat(300)}.csv`);
    case 'fifo': execFileSync('mkfifo', [join(work, 'fifo.csv')]); return join(work, 'fifo.csv');
  }
}

async function runCase(t: Tally, w: World, c: FuzzCase, work: string): Promise<void> {
  mkdirSync(work, { recursive: true, mode: 0o700 });
  const db = join(work, 'uep.sqlite');
  if (c.base !== 'none') copyFileSync(w.bases[c.base], db);
  if (c.file) writeFileSync(join(work, c.file.name), c.file.bytes);
  const odd = c.path ? makePath(c.path, work, db, w) : undefined;
  const args = c.args.map((a) => (a === 'P' && odd !== undefined ? odd : a));
  if (!args.includes('--db')) args.push('--db', db);
  const before = c.base !== 'none' ? readState(db) : null;
  const watch = new ModeWatch([work]);
  const o = await runUep(args, { cwd: work, timeoutMs: 60_000 });
  const found = t.findings.length;
  t.fuzzCases++;
  checkRun(t, o, { where: c.label, area: c.area, names: w.names, seen: watch.stop(), root: work });
  if (o.code === 0) t.fuzzOutcomes.ok++;
  else if (o.code === 1) t.fuzzOutcomes.refused++;
  else if (o.code === 2) t.fuzzOutcomes.usage++;
  const after = before ? readState(db) : null;
  if (before && after) {
    if (after.integrity !== 'ok') t.find({ area: 'db', kind: 'corrupt', where: c.label, detail: after.integrity });
    else if (o.code !== 0 && after.digest !== before.digest) {
      t.find({ area: c.area, kind: 'partial write', where: c.label, detail: `exit ${o.code}, yet ${differingTables(after, before).join(', ')} changed: ${o.stderr.split('\n')[0]}` });
    }
    checkAudit(t, after.audit, c.label, w.names);
  }
  for (const p of leftovers(work)) t.find({ area: areaOfPath(p), kind: 'leftover', where: c.label, detail: `${p.slice(work.length + 1)} left by a ${o.code === 0 ? 'successful' : 'failed'} run` });
  if (t.findings.length === found) rmSync(work, { recursive: true, force: true });
}

export async function fuzzCampaign(t: Tally, w: World, root: string, count: number, seed: number, log: (s: string) => void): Promise<void> {
  const cases = fc.sample(fuzzArbitrary(w), { numRuns: count, seed });
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      try {
        await runCase(t, w, cases[i]!, join(root, `case-${i}`));
      } catch (err) {
        log(`  case ${i} (${cases[i]!.label}): the campaign itself failed: ${(err as Error).stack}`);
        t.harnessErrors++;
      }
      if ((i + 1) % 250 === 0) log(`  ${i + 1} cases`);
    }
  };
  await Promise.all([worker(), worker()]);
}
