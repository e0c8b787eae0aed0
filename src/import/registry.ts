import { DTKS_IMPORT } from './dtks.js';
import type { ImportKind } from './kind.js';
import { PKH_IMPORT } from './pkh.js';

/** Kinds whose validation needs no database, so a worker thread can run it by name. */
export const WORKER_KINDS: Record<string, ImportKind<never>> = {
  dtks: DTKS_IMPORT as ImportKind<never>,
  pkh: PKH_IMPORT as ImportKind<never>,
};
