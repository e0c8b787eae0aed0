import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile } from '../../src/fsutil/atomic.js';
import { displayLine, displayPath, displayValue } from '../../src/fsutil/display.js';
import { readInputFile, readInputText } from '../../src/fsutil/input.js';
import { OutputDir } from '../../src/fsutil/outdir.js';
import { tempDir, writeFile } from '../helpers.js';

describe('displayPath', () => {
  it.each([
    ['plain/dir/file.csv', 'plain/dir/file.csv'],
    ['a\u001b[2Jb.csv', 'a\\x1b[2Jb.csv'],
    ['bell\u0007\r\n.csv', 'bell\\x07\\x0d\\x0a.csv'],
    ['rtl\u202egpj.csv', 'rtl\\u202egpj.csv'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['Sitï Ämînah 😀.csv', 'Sitï Ämînah 😀.csv'],
  ])('%j → %j', (path, shown) => expect(displayPath(path)).toBe(shown));

  it('a message line keeps its line breaks; a value is cut', () => {
    expect(displayLine('one\u001b\ntwo')).toBe('one\\x1b\ntwo');
    expect(displayValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('input files', () => {
  const spec = { what: 'weights file', flag: '--weights', maxBytes: 64 };

  it('reads a small text file; refuses one over the limit, also when it only grows past it while read', () => {
    const dir = tempDir();
    expect(readInputText(writeFile(dir, 'ok.csv', '\uFEFFregion,weight\n'), spec).text).toBe('region,weight\n');
    expect(() => readInputFile(writeFile(dir, 'big.csv', 'x'.repeat(65)), spec)).toThrow(/it is 65 bytes, too large for a weights file \(at most 64 bytes\)/);
    // Files under /proc say they are empty, then give their content: the limit holds as they are read.
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(() => readInputFile('/proc/self/status', spec)).toThrow(/it holds more than 64 bytes, too large for a weights file \(at most 64 bytes\)/);
  });

  it('refuses UTF-16 and text that is not UTF-8, with the fix', () => {
    const dir = tempDir();
    expect(() => readInputText(writeFile(dir, 'u16.csv', Buffer.from([0xff, 0xfe, 0x72, 0x00])), spec)).toThrow(/the file is UTF-16 encoded/);
    expect(() => readInputText(writeFile(dir, 'l1.csv', Buffer.from('Sit\xef\n', 'latin1')), spec)).toThrow(/it is not UTF-8 text/);
  });
});

describe('files written', () => {
  it('are 0600 from their first byte, whatever the umask', () => {
    const dir = tempDir();
    const old = process.umask(0);
    try {
      const file = new AtomicFile(join(dir, 'r.csv'));
      expect(statSync(file.tmp).size).toBe(0);
      expect(statSync(file.tmp).mode & 0o777).toBe(0o600);
      file.abort();
    } finally {
      process.umask(old);
    }
  });

  it('two output folders for one target, interleaved in one process: the second to commit is refused, the first kept', () => {
    const dir = tempDir();
    const target = join(dir, 'out');
    const first = OutputDir.open(target);
    const second = OutputDir.open(target);
    first.add('a.csv', 'first\n');
    second.add('a.csv', 'second\n');
    first.commit();
    expect(() => second.commit()).toThrow(/output folder .*out was written by another uep command while this one ran \(it holds 1 file\(s\)\)/);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(target)).toEqual(['a.csv']);
  });
});
