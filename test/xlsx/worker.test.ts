import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers.js';

// The parsing worker runs from the built tool (dist/), as in use: `npm test` builds first.
const DIST_READER = join(ROOT, 'dist', 'xlsx', 'reader.js');

describe.runIf(existsSync(DIST_READER))('xlsx parsing worker', () => {
  it('gives the same rows as parsing in the reading thread, for every fixture and sheet', async () => {
    const { openXlsx } = (await import(DIST_READER)) as typeof import('../../src/xlsx/reader.js');
    const dir = join(FIXTURES, 'xlsx');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
      const read = async (worker: boolean) => {
        const reader = await openXlsx(join(dir, name), { worker, workerMinBytes: 0 });
        const out: unknown[] = [];
        for (const sheet of reader.sheets) for await (const batch of reader.rows(sheet)) out.push(...batch);
        reader.close();
        return out;
      };
      const inThread = await read(false);
      expect(inThread.length, name).toBeGreaterThan(1);
      expect(await read(true), name).toEqual(inThread);
    }
  });
});
