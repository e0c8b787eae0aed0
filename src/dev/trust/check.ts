/** The checks every run gets: exit, crash, hang, messages, personal data, modes of what it created. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Outcome } from './run.js';
import { personalData } from './state.js';
import type { Area, Tally } from './tally.js';
import { exposed, type SeenMode } from './watch.js';

/** Whose code wrote a file: the database layer (databases, backup/restore temp files) or the file writers. */
export function areaOfPath(path: string): Area {
  return /\.sqlite|\.(backup|restore|aside)\.tmp|before-restore|\.db$|-(wal|shm|journal)$/.test(path) ? 'db' : 'files';
}

export interface RunCheck {
  where: string;
  area: Area;
  names: readonly string[];
  seen: SeenMode[];
  root: string;
  /** Exit codes that are right for this run (default: 0, 1 or 2). */
  codes?: number[];
  /** Look at stdout for personal data too (writing commands print only summaries). */
  stdout?: boolean;
}

export function checkRun(t: Tally, o: Outcome, c: RunCheck): void {
  t.runs++;
  const detail = (s: string) => `${s} [${c.where}]`;
  if (o.hung) t.find({ area: c.area, kind: 'hang', where: c.where, detail: detail(`still running after ${o.ms} ms`) });
  else if (!o.killed) {
    if (o.signal) t.find({ area: c.area, kind: 'crash', where: c.where, detail: detail(`ended by ${o.signal}: ${o.stderr.slice(-300)}`) });
    else if (/unexpected error/.test(o.stderr)) t.find({ area: c.area, kind: 'unexpected error', where: c.where, detail: detail(o.stderr.split('\n')[0]!) });
    else if (/\n\s+at .+:\d+:\d+\)?\n/.test(o.stderr)) t.find({ area: c.area, kind: 'crash', where: c.where, detail: detail(o.stderr.slice(0, 300)) });
    else if (!(c.codes ?? [0, 1, 2]).includes(o.code ?? -1)) t.find({ area: c.area, kind: 'wrong exit', where: c.where, detail: detail(`exit ${o.code}: ${o.stderr.split('\n')[0]}`) });
  }
  const leak = personalData(o.stderr, c.names) ?? (c.stdout ? personalData(o.stdout, c.names) : undefined);
  if (leak) t.find({ area: c.area, kind: 'personal data', where: c.where, detail: detail(`${leak} in the command's ${personalData(o.stderr, c.names) ? 'stderr' : 'stdout'}`) });
  t.filesChecked += c.seen.length;
  for (const m of c.seen.filter(exposed)) {
    t.find({ area: areaOfPath(m.path), kind: 'file mode', where: c.where, detail: detail(`${relative(c.root, m.path)} created ${m.mode.toString(8).padStart(4, '0')}`) });
  }
}

/** The audit log holds no personal data. */
export function checkAudit(t: Tally, audit: string, where: string, names: readonly string[]): void {
  const leak = personalData(audit, names);
  if (leak) t.find({ area: 'db', kind: 'personal data', where, detail: `${leak} in the audit log [${where}]` });
}

/** Temporary files left in `dir` (after a run that should have cleared them). */
export function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (/\.tmp(-journal|-wal|-shm)?$|-journal$/.test(n)) found.push(p);
      else if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(dir);
  return found;
}
