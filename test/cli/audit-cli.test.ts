import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nik, tempDir, uep, writeFile } from '../helpers.js';

describe('uep audit --limit', () => {
  it('shows the last N entries, however many started lines their commands left', async () => {
    const dir = tempDir();
    const db = join(dir, 'u.sqlite');
    const file = writeFile(dir, 'd.csv', ['nik,nama,kabupaten', `${nik('6472', 1, 1, 80, 1)},Orang Satu,Samarinda`]);
    // Each import leaves a 'started' and a 'done' line; only the 'done' lines are shown.
    for (let i = 0; i < 4; i++) expect((await uep(['import', 'dtks', file, '--db', db, '--quiet'])).code).toBe(0);
    const all = JSON.parse((await uep(['audit', '--db', db, '--json'])).stdout) as { id: number }[];
    expect(all).toHaveLength(4);
    for (const n of [1, 3, 4, 10]) {
      const last = JSON.parse((await uep(['audit', '--db', db, '--json', '--limit', String(n)])).stdout) as { id: number }[];
      expect(last.map((e) => e.id), `--limit ${n}`).toEqual(all.slice(-n).map((e) => e.id));
    }
    const table = (await uep(['audit', '--db', db, '--limit', '3'])).stdout.trim().split('\n');
    expect(table).toHaveLength(2 + 3);
  });
});
