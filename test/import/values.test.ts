import { describe, expect, it } from 'vitest';
import { parseDesil, parseFlag, parseHubunganKeluarga, parseJenisKelamin, parseTanggal } from '../../src/import/values.js';

describe('value parsers', () => {
  it.each([['L', 'L'], ['p', 'P'], ['LAKI-LAKI', 'L'], ['Perempuan', 'P'], ['1', 'L'], ['2', 'P'], ['Laki laki', 'L'], ['x', undefined]])(
    'jenis_kelamin %j → %j', (raw, v) => expect(parseJenisKelamin(raw)).toBe(v));

  it.each([
    ['05-07-1985', '1985-07-05'], ['5/7/1985', '1985-07-05'], ['1985-07-05', '1985-07-05'], ['05.07.1985', '1985-07-05'],
    ['1985-07-05 00:00:00', '1985-07-05'], ['31-02-1980', undefined], ['kemarin', undefined], ['07/05/85', undefined], ['', undefined],
  ])('tanggal %j → %j', (raw, v) => expect(parseTanggal(raw)).toBe(v));

  it.each([['1', 1], ['10', 10], [' 4 ', 4], ['', null], ['0', undefined], ['11', undefined], ['x', undefined], ['3.5', undefined]])(
    'desil %j → %j', (raw, v) => expect(parseDesil(raw)).toBe(v));

  it.each([['1', true], ['Ya', true], ['AKTIF', true], ['0', false], ['2', false], ['TIDAK AKTIF', false], ['?', undefined]])(
    'flag %j → %j', (raw, v) => expect(parseFlag(raw)).toBe(v));

  it.each([['1', 'kepala_keluarga'], ['Kepala Keluarga', 'kepala_keluarga'], ['2', 'pasangan'], ['ISTRI', 'pasangan'], ['3', 'anak'], ['Keponakan', 'keponakan'], ['', null]])(
    'hubungan_keluarga %j → %j', (raw, v) => expect(parseHubunganKeluarga(raw)).toBe(v));
});
