import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/fsutil/atomic.js';
import { OutputDir } from '../../src/fsutil/outdir.js';
import { localDate } from '../../src/dates.js';
import { expandOutPattern } from '../../src/fsutil/pattern.js';
import { tempDir } from '../helpers.js';

describe('OutputDir', () => {
  it('creates the folder 0700 and its files 0600, visible only after commit', () => {
    const dir = join(tempDir(), 'a', 'b');
    const out = OutputDir.open(dir);
    out.add('one.csv', 'x\n');
    expect(existsSync(dir)).toBe(false); // a new folder is filled as a hidden sibling, renamed at commit
    const files = out.commit();
    expect(files).toEqual([{ name: 'one.csv', bytes: 2, sha256: createHash('sha256').update('x\n').digest('hex') }]);
    expect(readdirSync(dir)).toEqual(['one.csv']);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'one.csv')).mode & 0o777).toBe(0o600);
  });

  it('a failure while filling leaves no file at all, not even a temporary one', () => {
    const dir = tempDir();
    expect(() => OutputDir.write(dir, {}, (out) => {
      out.add('first.csv', 'complete\n');
      out.add('second.csv', 'also complete\n');
      throw new Error('disk full while writing the third');
    })).toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder that already holds files, unless forced; leftovers of a killed run do not count', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.penerima.csv.123.1.tmp'), 'half');
    OutputDir.write(dir, {}, (out) => out.add('a.csv', '1\n'));
    expect(() => OutputDir.open(dir)).toThrow(/already holds 1 file\(s\): add --force/);
    OutputDir.write(dir, { force: true }, (out) => out.add('a.csv', '2\n'));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('2\n');
  });

  it('refuses a file given as the folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), '');
    expect(() => OutputDir.open(join(dir, 'f'))).toThrow(/is a file, not a folder/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file in one step, 0600', () => {
    const dir = tempDir();
    const path = join(dir, 'x.json');
    writeFileAtomic(path, '{}\n');
    writeFileAtomic(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['x.json']);
  });

  it('leaves nothing when the target folder does not exist', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'missing', 'x'), 'y')).toThrow();
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('--out patterns', () => {
  const now = new Date(2026, 0, 5, 7, 3); // local time
  it('expands {date}, {time}, {run}, {tahun}', () => {
    expect(expandOutPattern('reports/{date}', { now })).toBe('reports/2026-01-05');
    expect(expandOutPattern('r/{tahun}/run-{run}-{date}-{time}', { now, run: 3, tahun: 2025 })).toBe('r/2025/run-3-2026-01-05-0703');
    expect(localDate(now)).toBe('2026-01-05');
    expect(expandOutPattern('plain', { now })).toBe('plain');
  });
  it('refuses unknown placeholders and missing values as usage errors', () => {
    expect(() => expandOutPattern('r/{datum}', { now })).toThrow(UsageError);
    expect(() => expandOutPattern('r/{run}', { now })).toThrow(/\{run\} has no value/);
  });
});
