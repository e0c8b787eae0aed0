import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/format/date.js';
import { formatNumber, formatPercent, formatRupiah } from '../../src/format/number.js';
import { formatTimestamp } from '../../src/format/time.js';
import { chooseLanguage, langFlag } from '../../src/i18n/language.js';
import { setLanguage, t } from '../../src/i18n/index.js';


describe('formats of the locale', () => {
  it('writes numbers, money and shares as Indonesians do, and as English readers do', () => {
    expect(formatNumber(1500, 'id')).toBe('1.500');
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(2.5, 'id')).toBe('2,5');
    expect(formatRupiah(4_750_000, 'id')).toBe('Rp4.750.000');
    expect(formatRupiah(4_750_000, 'en')).toBe('Rp4,750,000');
    expect(formatRupiah(-1000, 'id')).toBe('-Rp1.000');
    expect(formatPercent(0.719, 'id')).toBe('71,9%');
    expect(formatPercent(0.719, 'en')).toBe('71.9%');
  });

  it('writes dates short and long', () => {
    expect(formatDate('2026-12-02', 'id')).toBe('02-12-2026');
    expect(formatDate('2026-12-02', 'en')).toBe('2026-12-02');
    expect(formatDate('2026-12-02T10:00:00Z', 'en')).toBe('2026-12-02');
    expect(formatDate('2026-12-02', 'id', 'long')).toBe('2 Desember 2026');
    expect(formatDate('2026-12-02', 'en', 'long')).toBe('2 December 2026');
    expect(formatDate('not a date', 'id')).toBe('not a date');
  });

  it('shows a stored UTC time in the local zone with its name, as each language writes it', () => {
    expect(formatTimestamp('2026-12-02T12:05:00.000Z', 'Asia/Makassar', 'id')).toBe('02-12-2026 20.05.00 WITA');
    expect(formatTimestamp('2026-12-02T12:05:00.000Z', 'Asia/Makassar', 'en')).toBe('2026-12-02 20:05:00 WITA');
    expect(formatTimestamp('2026-12-02T23:30:00Z', 'Asia/Jakarta', 'id')).toBe('03-12-2026 06.30.00 WIB');
  });

  it('interpolates with the formats of the chosen language', () => {
    setLanguage('id');
    expect(t('common:location.line_field', { file: 'a.csv', line: 1500, field: 'nik', problem: 'x' })).toBe('a.csv baris 1500, kolom nik: x');
    setLanguage('en');
    expect(t('common:location.line', { file: 'a.csv', line: 3, problem: 'x' })).toBe('a.csv line 3: x');
  });
});

describe('choosing the language', () => {
  it('takes --lang, then UEP_LANG, then the locale, else Indonesian', () => {
    expect(chooseLanguage('en', { UEP_LANG: 'id' })).toBe('en');
    expect(chooseLanguage(undefined, { UEP_LANG: 'en', LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, { LC_ALL: 'id_ID.UTF-8', LANG: 'en_US.UTF-8' })).toBe('id');
    expect(chooseLanguage(undefined, { LC_MESSAGES: 'en_GB', LANG: 'C' })).toBe('en');
    expect(chooseLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('id');
    expect(chooseLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('id');
    expect(chooseLanguage(undefined, {})).toBe('id');
  });

  it('reads --lang from raw arguments', () => {
    expect(langFlag(['status', '--lang', 'en'])).toBe('en');
    expect(langFlag(['--lang=id', 'status'])).toBe('id');
    expect(langFlag(['import', 'dtks', '--', '--lang', 'en'])).toBeUndefined();
  });
});
