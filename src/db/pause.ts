/**
 * Pause points, so that a test can force an interleaving between two processes (a restore while an
 * import waits between its staging and its merge) instead of hoping for it. The CLI arms them from
 * UEP_TEST_PAUSE=<point>[,<point>…]@<folder>: at an armed point the process writes
 * <folder>/<point>.paused and waits until <folder>/<point>.go exists. Unarmed, a point costs nothing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let armed: { points: Set<string>; dir: string } | undefined;

/** `spec` as in UEP_TEST_PAUSE; undefined or malformed disarms every point. */
export function armPausePoints(spec: string | undefined): void {
  const at = spec?.lastIndexOf('@') ?? -1;
  armed = spec && at > 0 ? { points: new Set(spec.slice(0, at).split(',')), dir: spec.slice(at + 1) } : undefined;
}

/** Waits at `point` if a test armed it (for at most two minutes, so nothing can hang for ever). */
export async function pausePoint(point: string): Promise<void> {
  if (!armed?.points.has(point)) return;
  const { dir } = armed;
  writeFileSync(join(dir, `${point}.paused`), String(process.pid));
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(dir, `${point}.go`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}
