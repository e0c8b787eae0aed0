/**
 * Digests shown to people are 12 hex characters: a 16-character start of a sha256 can be 16 digits
 * (found by `npm run trust`: "sha256 7585628577997766…" looked like a NIK to its scanner).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortDigest } from '../../src/format/digest.js';
import { tempDir, uep, writeFile } from '../helpers.js';

describe('digests for people', () => {
  it('never 16 characters, so never 16 digits in a row', () => {
    expect(shortDigest('7585628577997766aaaa')).toBe('758562857799');
  });

  it('the import summary shows the short form; --json keeps the whole digest', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'd.csv', ['NIK,NAMA,KABUPATEN', '6472014101800001,Siti Aminah,Samarinda']);
    const whole = createHash('sha256').update(readFileSync(file)).digest('hex');
    const human = await uep(['import', 'dtks', file, '--db', join(dir, 'a.sqlite')], { cwd: dir });
    expect(human.stderr).toContain(`sha256 ${whole.slice(0, 12)}…`);
    expect(human.stderr).not.toContain(whole.slice(0, 13));
    const json = await uep(['import', 'dtks', file, '--db', join(dir, 'b.sqlite'), '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout).sha256).toBe(whole);
  });
});
