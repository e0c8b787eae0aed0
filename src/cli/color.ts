import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/** Colour only on a terminal, never with NO_COLOR, TERM=dumb or --no-color. Decided here only. */
export function useColor(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return !!io.stderr.isTTY;
}

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
