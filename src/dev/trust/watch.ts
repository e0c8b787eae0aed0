/**
 * The mode of every file and folder created under some folders while a command runs, as first
 * seen: inotify (fs.watch) reports each creation and the file is looked at at once, and a fast
 * scan catches what the events miss. A file created 0644 and chmod-ed later is seen as 0644.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface SeenMode {
  path: string;
  mode: number;
  dir: boolean;
}

export class ModeWatch {
  private readonly seen = new Map<string, SeenMode>();
  private readonly known = new Set<string>();
  private readonly watchers: FSWatcher[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly dirs: string[]) {
    for (const d of dirs) for (const p of walk(d)) this.known.add(p);
    for (const d of dirs) {
      try {
        const w = watch(d, { recursive: true }, (_e, name) => name && this.look(join(d, String(name))));
        w.on('error', () => {}); // a folder renamed or removed while watched (a work folder put in place)
        this.watchers.push(w);
      } catch {
        // a folder that cannot be watched is still scanned
      }
    }
    this.timer = setInterval(() => this.scan(), 3);
  }

  private look(path: string): void {
    if (this.known.has(path) || this.seen.has(path)) return;
    try {
      const s = statSync(path);
      this.seen.set(path, { path, mode: s.mode & 0o777, dir: s.isDirectory() });
    } catch {
      // gone already
    }
  }

  private scan(): void {
    for (const d of this.dirs) for (const p of walk(d)) this.look(p);
  }

  /** Stops watching; returns what was created, with its first-seen mode. */
  stop(): SeenMode[] {
    this.scan();
    clearInterval(this.timer);
    for (const w of this.watchers) w.close();
    return [...this.seen.values()];
  }
}

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = join(dir, n);
    out.push(p);
    try {
      if (statSync(p).isDirectory()) out.push(...walk(p));
    } catch {
      // gone
    }
  }
  return out;
}

/** Files must be 0600 and folders 0700 (nothing for group or others). */
export function exposed(m: SeenMode): boolean {
  return (m.mode & 0o077) !== 0;
}
