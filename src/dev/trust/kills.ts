/**
 * SIGKILL at random moments of every command that writes: the database must be exactly as before
 * or exactly as after (never in between, never damaged), outputs whole or absent, every file 0600
 * from its first byte, and the next run must clear whatever the killed one left.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { areaOfPath, checkAudit, checkRun, leftovers } from './check.js';
import { Random } from '../../sample/random.js';
import { runUep } from './run.js';
import { differingTables, readState, type DbState } from './state.js';
import type { Area, Tally } from './tally.js';
import { ModeWatch } from './watch.js';
import type { Stage, World } from './world.js';

interface KillScenario {
  name: string;
  area: Area;
  /** The database the command starts from (null: none yet). */
  base: Stage | null;
  args: (w: World, work: string) => string[];
  /** The database whose state a full run ends in, when not the command's own (restore: the backup's). */
  afterOf?: (w: World) => string;
  /** Something the command writes besides the database: whole or absent after a kill. */
  output?: { kind: 'folder' | 'backup' | 'aside'; path: (work: string) => string };
  /** The next run, after a kill (default: the same arguments). */
  next?: (args: string[]) => string[];
  nextCodes?: number[];
}

const TAHUN = ['--tahun', '2026'];

export const KILL_SCENARIOS: KillScenario[] = [
  { name: 'import dtks (new database)', area: 'db', base: null, args: (w, d) => ['import', 'dtks', w.sample('dtks.csv'), '--rejects', join(d, 'rejects.csv'), '--force'] },
  { name: 'import dtks --snapshot', area: 'db', base: 'registry', args: (w, d) => ['import', 'dtks', w.sample('bdt.csv'), '--snapshot', '--rejects', join(d, 'rejects.csv'), '--force'] },
  { name: 'import pkh', area: 'db', base: 'registryNoPkh', args: (w) => ['import', 'pkh', w.sample('pkh.csv')] },
  { name: 'import recipients', area: 'db', base: 'registry', args: (w) => ['import', 'recipients', w.sample('penerima-sebelumnya.csv')] },
  { name: 'applicants import', area: 'db', base: 'recipients', args: (w, d) => ['applicants', 'import', w.sample('pendaftar.csv'), ...TAHUN, '--rejects', join(d, 'rejects.csv'), '--force'] },
  { name: 'assess import', area: 'db', base: 'applicants', args: (w) => ['assess', 'import', w.sample('asesmen.csv'), ...TAHUN] },
  { name: 'score', area: 'db', base: 'assessed', args: () => ['score', ...TAHUN] },
  { name: 'allocate', area: 'db', base: 'scored', args: () => ['allocate', ...TAHUN, '--slots', '1500', '--seed', '2026'] },
  { name: 'allocate finalize', area: 'db', base: 'allocated', args: () => ['allocate', 'finalize', '1'], nextCodes: [0, 1] },
  { name: 'allocate replace', area: 'db', base: 'final', args: (w) => ['allocate', 'replace', w.selectedNik, '--reason', 'pindah ke luar daerah'], nextCodes: [0, 1] },
  {
    name: 'export allocation', area: 'files', base: 'final', args: (_w, d) => ['export', 'allocation', '--out', join(d, 'lampiran'), '--excel'],
    output: { kind: 'folder', path: (d) => join(d, 'lampiran') }, next: (a) => [...a, '--force'],
  },
  {
    name: 'backup', area: 'db', base: 'final', args: (_w, d) => ['backup', join(d, 'backup.sqlite')],
    output: { kind: 'backup', path: (d) => join(d, 'backup.sqlite') }, next: (a) => [...a, '--force'],
  },
  {
    name: 'restore', area: 'db', base: 'final', args: (w) => ['restore', w.files.backupOfScored], afterOf: (w) => w.files.backupOfScored,
    output: { kind: 'aside', path: (d) => d },
  },
  { name: 'monitor monitors import', area: 'db', base: 'final', args: (w) => ['monitor', 'monitors', 'import', w.files.monitors] },
  {
    name: 'monitor plan', area: 'db', base: 'monitors', args: (w, d) => ['monitor', 'plan', '--out', join(d, 'lembar'), '--tanggal-hibah', w.tanggalHibah, '--excel'],
    output: { kind: 'folder', path: (d) => join(d, 'lembar') }, next: (a) => [...a, '--force'],
  },
  { name: 'monitor import', area: 'db', base: 'planned', args: (w, d) => ['monitor', 'import', w.files.visits, '--rejects', join(d, 'rejects.csv'), '--force'] },
];

/** A fresh work folder holding a copy of the scenario's base database. */
function workFolder(root: string, s: KillScenario, w: World, label: string): { work: string; db: string } {
  const work = join(root, `${s.name.replace(/\W+/g, '-')}-${label}`);
  mkdirSync(work, { recursive: true, mode: 0o700 });
  const db = join(work, 'uep.sqlite');
  if (s.base) copyFileSync(w.bases[s.base], db);
  return { work, db };
}

const EMPTY_DIGEST = createHash('sha256').update('').digest('hex').slice(0, 16);

/** No database, or one without rows (a run killed while creating it): as before a first import. */
function isEmpty(state: DbState | null): boolean {
  return state === null || Object.values(state.tables).every((digest) => digest === EMPTY_DIGEST);
}

/** Whether what the command writes besides the database is whole (or absent). */
function outputProblem(s: KillScenario, work: string, before: DbState | null, after: DbState | null): string | undefined {
  if (!s.output) return undefined;
  const path = s.output.path(work);
  if (s.output.kind === 'folder') {
    if (!existsSync(path)) return undefined;
    const names = readdirSync(path).sort();
    if (!names.includes('manifest.json')) return `${names.length} file(s) without a manifest`;
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    for (const f of manifest.files) {
      if (!existsSync(join(path, f.name))) return `${f.name} listed but missing`;
      if (createHash('sha256').update(readFileSync(join(path, f.name))).digest('hex') !== f.sha256) return `${f.name} does not match its sha256`;
    }
    const extra = names.filter((n) => n !== 'manifest.json' && !manifest.files.some((f) => f.name === n));
    return extra.length > 0 ? `files not in the manifest: ${extra.join(', ')}` : undefined;
  }
  if (s.output.kind === 'backup') {
    if (!existsSync(path)) return undefined;
    const b = readState(path);
    return b?.integrity !== 'ok' || b.digest !== before?.digest ? `the backup file is not a whole copy (${b?.integrity})` : undefined;
  }
  const aside = readdirSync(path).filter((n) => /before-restore-[^.]*$/.test(n));
  for (const a of aside) {
    const st = readState(join(path, a));
    if (st?.integrity !== 'ok' || (st.digest !== before?.digest && st.digest !== after?.digest)) return `${a} is not a whole copy of the database`;
  }
  return undefined;
}

export async function killCampaign(t: Tally, w: World, root: string, perScenario: number, seed: number, log: (s: string) => void): Promise<void> {
  for (const s of KILL_SCENARIOS) {
    try {
      await killScenario(t, w, root, s, perScenario, seed, log);
    } catch (err) {
      log(`  ${s.name}: the campaign itself failed: ${(err as Error).stack}`);
      t.harnessErrors++;
    }
  }
}

async function killScenario(t: Tally, w: World, root: string, s: KillScenario, perScenario: number, seed: number, log: (s: string) => void): Promise<void> {
  const ref = workFolder(root, s, w, 'full');
  const before = s.base ? readState(ref.db) : null;
  const args = (work: string, db: string) => [...s.args(w, work), '--db', db, '--json'];
  const watch = new ModeWatch([ref.work]);
  const full = await runUep(args(ref.work, ref.db), { cwd: ref.work });
  checkRun(t, full, { where: `${s.name} (full run)`, area: s.area, names: w.names, seen: watch.stop(), root: ref.work, codes: [0], stdout: true });
  const after = s.afterOf ? readState(s.afterOf(w)) : readState(ref.db);
  // A second full run shows whether the fingerprint is reproducible (it must be, to tell states apart).
  const again = workFolder(root, s, w, 'again');
  await runUep(args(again.work, again.db), { cwd: again.work });
  const afterAgain = s.afterOf ? after : readState(again.db);
  const afters = new Set([after?.digest, afterAgain?.digest]);
  if (afters.size > 1) log(`  note: ${s.name}: two full runs differ in ${differingTables(after!, afterAgain!).join(', ')}`);
  const rng = Random.for(seed, KILL_SCENARIOS.indexOf(s), 0x6b11);
  let kills = 0;
  for (let attempt = 0; kills < perScenario && attempt < perScenario * 3; attempt++) {
    const k = workFolder(root, s, w, `k${attempt}`);
    const found = t.findings.length;
    const delay = Math.floor(rng.next() * (full.ms + 50));
    const kw = new ModeWatch([k.work]);
    const o = await runUep(args(k.work, k.db), { cwd: k.work, killAfterMs: delay });
    const where = `${s.name} killed after ${delay} ms`;
    checkRun(t, o, { where, area: s.area, names: w.names, seen: kw.stop(), root: k.work, stdout: true });
    if (!o.killed) {
      t.finishedBeforeKill++;
      rmSync(k.work, { recursive: true, force: true });
      continue;
    }
    kills++;
    t.kills++;
    const state = readState(k.db);
    if (state && state.integrity !== 'ok') {
      t.find({ area: 'db', kind: 'corrupt', where: s.name, detail: `${where}: integrity ${state.integrity}` });
    } else if ((s.base === null && isEmpty(state)) || state?.digest === before?.digest) t.states.before++;
    else if (state && afters.has(state.digest)) t.states.after++;
    else {
      t.states.other++;
      t.find({ area: 'db', kind: 'other state', where: s.name, detail: `${where}: differs from before in ${state && before ? differingTables(state, before).join(', ') : 'everything'}` });
    }
    if (state) checkAudit(t, state.audit, where, w.names);
    const problem = outputProblem(s, k.work, before, after);
    if (problem) t.find({ area: s.output?.kind === 'folder' ? 'files' : 'db', kind: 'incomplete output', where: s.name, detail: `${where}: ${problem}` });
    // The next run: it must work, and clear what the killed one left.
    const nw = new ModeWatch([k.work]);
    const next = await runUep(s.next ? s.next(args(k.work, k.db)) : args(k.work, k.db), { cwd: k.work });
    checkRun(t, next, { where: `${s.name} after a kill`, area: s.area, names: w.names, seen: nw.stop(), root: k.work, codes: s.nextCodes ?? [0], stdout: true });
    for (const p of leftovers(k.work)) t.find({ area: areaOfPath(p), kind: 'leftover', where: s.name, detail: `${p.slice(k.work.length + 1)} still there after the next run` });
    const end = readState(k.db);
    if (end && end.integrity !== 'ok') t.find({ area: 'db', kind: 'corrupt', where: s.name, detail: `after the next run: ${end.integrity}` });
    if (end) checkAudit(t, end.audit, `${s.name} after a kill`, w.names);
    if (t.findings.length === found) rmSync(k.work, { recursive: true, force: true }); // kept only when something was found
  }
  for (const d of [ref.work, again.work]) rmSync(d, { recursive: true, force: true });
  log(`  ${s.name}: ${kills} kills (full run ${full.ms} ms)`);
}
