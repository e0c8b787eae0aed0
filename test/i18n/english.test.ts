import { describe, expect, it } from 'vitest';
import { englishIn } from './english.js';
import { uep } from '../helpers.js';

describe('the English detector used by the Indonesian tests', () => {
  it('finds catalogue English and stray English phrases, and passes Indonesian', () => {
    expect(englishIn('uep: missing required argument: file')).not.toEqual([]);
    expect(englishIn('the file is empty')).not.toEqual([]);
    expect(englishIn('uep: argumen wajib belum diisi: berkas')).toEqual([]);
    expect(englishIn('kode `nik_scientific` dan opsi --dry-run')).toEqual([]);
  });

  it('finds none in the Indonesian usage errors of commander', async () => {
    const r = await uep(['import', 'dtks', '--bogus'], { env: { UEP_LANG: 'id' } });
    expect(r.code).toBe(2);
    expect(englishIn(r.stderr)).toEqual([]);
  });
});
