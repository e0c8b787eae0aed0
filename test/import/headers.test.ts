import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader, parseMapOptions } from '../../src/import/headers.js';
import { DTKS_FIELDS } from '../../src/import/dtks.js';

const field = (header: string[], f: string, overrides?: Map<string, string>) => {
  const m = mapHeader('x.csv', header, DTKS_FIELDS, overrides);
  const i = m.index.get(f);
  return i === undefined ? undefined : header[i];
};

describe('header aliases', () => {
  it('ignores case, spaces, underscores, dots and slashes', () => {
    expect(headerKey(' No. NIK ')).toBe('nonik');
    expect(headerKey('KABUPATEN/KOTA')).toBe('kabupatenkota');
  });

  it.each([
    ['nik', ['NIK'], 'NIK'], ['nik', ['NO NIK'], 'NO NIK'], ['nik', ['nik_ktp'], 'nik_ktp'],
    ['no_kk', ['NoKK'], 'NoKK'], ['no_kk', ['NOMOR KK'], 'NOMOR KK'], ['no_kk', ['No. KK'], 'No. KK'],
    ['nama', ['NAMA LENGKAP'], 'NAMA LENGKAP'], ['nama', ['NAMA ART'], 'NAMA ART'],
    ['jenis_kelamin', ['JnsKel'], 'JnsKel'], ['jenis_kelamin', ['JK'], 'JK'],
    ['tanggal_lahir', ['TglLahir'], 'TglLahir'], ['tanggal_lahir', ['TGL LAHIR'], 'TGL LAHIR'],
    ['kabupaten', ['KABUPATEN/KOTA'], 'KABUPATEN/KOTA'], ['kabupaten', ['KAB_KOTA'], 'KAB_KOTA'], ['kabupaten', ['nama_kabupaten'], 'nama_kabupaten'],
    ['kode_kabupaten', ['KODE KAB'], 'KODE KAB'], ['kdprop', ['KDPROP'], 'KDPROP'], ['kdkab', ['KDKAB'], 'KDKAB'],
    ['desa', ['DESA/KELURAHAN'], 'DESA/KELURAHAN'], ['desa', ['KELURAHAN'], 'KELURAHAN'],
    ['desil', ['DESIL NASIONAL'], 'DESIL NASIONAL'], ['hubungan_keluarga', ['Hub_KRT'], 'Hub_KRT'], ['status_pkh', ['Ada_pkh'], 'Ada_pkh'],
  ])('%s ← %j', (f, header, expected) => expect(field(header, f)).toBe(expected));

  it('keeps unknown columns, and --map overrides', () => {
    const m = mapHeader('x.csv', ['ID', 'NAMA KTP', 'PEKERJAAN'], DTKS_FIELDS, parseMapOptions(['nik=ID', 'nama=nama ktp'], DTKS_FIELDS));
    expect(m.index.get('nik')).toBe(0);
    expect(m.index.get('nama')).toBe(1);
    expect(m.unknown).toEqual([{ name: 'PEKERJAAN', index: 2 }]);
  });

  it('rejects a malformed or unknown --map', () => {
    expect(() => parseMapOptions(['nik'], DTKS_FIELDS)).toThrow(/expected field=Header/);
    expect(() => parseMapOptions(['umur=UMUR'], DTKS_FIELDS)).toThrow(/unknown field "umur"/);
    expect(() => mapHeader('x.csv', ['NIK'], DTKS_FIELDS, new Map([['nama', 'NAMA KTP']]))).toThrow(/x\.csv line 1: --map nama=NAMA KTP: no such column; columns found: NIK/);
  });
});
