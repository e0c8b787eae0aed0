/**
 * A NIK typed into the wrong argument is echoed by the error that refuses it: masked there, like
 * everywhere else (found by `npm run trust`: `allocate verify "'6472014101800001"` printed it whole,
 * and `allocate --slots 6472014101800001` was accepted and named "slot number 6472014101800001").
 */
import { describe, expect, it } from 'vitest';
import { tempDir, uep } from '../helpers.js';

const NIK = '6472014101800001';

describe('errors never show a NIK typed into an argument', () => {
  it.each([
    [['allocate', 'verify', `'${NIK}`]],
    [['allocate', '--tahun', NIK]],
    [['export', 'allocation', '--out', 'x', '--run', NIK]],
    [['--lang', NIK, 'status']],
    [['status', `--x${NIK}`]],
    // A NIK pasted as the number of slots was once accepted and echoed as "slot number 6472…".
    [['quota', '--slots', NIK]],
    [['allocate', '--tahun', '2026', '--slots', NIK, '--dry-run']],
  ])('uep %j', async (args) => {
    const dir = tempDir();
    expect((await uep(['migrate', '--db', `${dir}/uep.sqlite`, '--quiet'])).code).toBe(0);
    const r = await uep([...args, '--db', `${dir}/uep.sqlite`], { cwd: dir });
    expect([1, 2], r.stderr).toContain(r.code);
    expect(r.stderr).toMatch(/6472\*{8}0001/);
    expect(r.stderr).not.toContain(NIK);
  });
});
