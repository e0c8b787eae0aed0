import { describe, expect, it } from 'vitest';
import {
  allKabupaten, desaFromName, kabupatenFromBdt, kabupatenFromCode, kabupatenFromName, kecamatanFromName,
} from '../../src/regions/resolve.js';

const nama = (k?: { nama: string }) => k?.nama;

describe('the ten regencies', () => {
  it('ships ten, with both code systems', () => {
    expect(allKabupaten().map((k) => `${k.kode}/${k.kodeBps}`)).toEqual([
      '6401/6401', '6402/6403', '6403/6405', '6407/6402', '6408/6404', '6409/6409', '6411/6411', '6471/6471', '6472/6472', '6474/6474',
    ]);
  });
});

describe('codes: the two systems are never confused', () => {
  it.each([
    ['6402', 'kemendagri', 'Kutai Kartanegara'], ['6402', 'bps', 'Kutai Barat'],
    ['6403', 'kemendagri', 'Berau'], ['6403', 'bps', 'Kutai Kartanegara'],
    ['6404', 'kemendagri', undefined], ['6404', 'bps', 'Kutai Timur'],
    ['6405', 'bps', 'Berau'], ['6407', 'bps', undefined], ['6407', 'kemendagri', 'Kutai Barat'],
    ['6408', 'kemendagri', 'Kutai Timur'], ['64.72', 'kemendagri', 'Samarinda'], ['6472', 'bps', 'Samarinda'],
    ['6171', 'kemendagri', undefined], ['abc', 'kemendagri', undefined],
  ] as const)('%s (%s) → %s', (code, system, expected) => expect(nama(kabupatenFromCode(code, system))).toBe(expected));

  it.each([
    ['64', '3', 'Kutai Kartanegara'], ['64', '03', 'Kutai Kartanegara'], ['64', '02', 'Kutai Barat'], ['64', '05', 'Berau'],
    ['64', '6404', 'Kutai Timur'], ['64', '72', 'Samarinda'], ['63', '72', undefined], ['64', '07', undefined],
  ])('BDT KDPROP %s KDKAB %s → %s', (p, k, expected) => expect(nama(kabupatenFromBdt(p, k))).toBe(expected));
});

describe('names and common spellings', () => {
  it.each([
    ['Kota Samarinda', 'Samarinda'], ['SAMARINDA', 'Samarinda'], ['Kukar', 'Kutai Kartanegara'], ['Kab. Kutai Kartanegara', 'Kutai Kartanegara'],
    ['Kabupaten Paser', 'Paser'], ['KAB. PASER', 'Paser'], ['Mahakam Hulu', 'Mahakam Ulu'], ['Mahulu', 'Mahakam Ulu'], ['PPU', 'Penajam Paser Utara'],
    ['Kubar', 'Kutai Barat'], ['Kutim', 'Kutai Timur'], ['Kota Bontang', 'Bontang'], ['Jakarta Selatan', undefined], ['Kota', undefined],
  ])('%j → %j', (raw, expected) => expect(nama(kabupatenFromName(raw))).toBe(expected));
});

describe('kecamatan and desa', () => {
  it('matches names case- and punctuation-insensitively, with BPS spellings', () => {
    expect(kecamatanFromName('6472', 'SAMARINDA ULU')?.kode).toBe('647203');
    expect(kecamatanFromName('6402', 'Kec. Sanga-Sanga')?.nama).toBe('Sanga Sanga');
    expect(kecamatanFromName('6402', 'Semboja')?.nama).toBe('Samboja');
    expect(kecamatanFromName('6408', 'KONGBENG')?.nama).toBe('Kombeng');
    expect(kecamatanFromName('6472', 'Tenggarong')).toBeUndefined(); // in Kukar, not Samarinda
  });

  it('finds a desa in its kecamatan, or by a unique name in the regency', () => {
    const kec = kecamatanFromName('6472', 'Samarinda Ulu')!;
    expect(desaFromName('6472', kec.kode, 'Kelurahan Air Hitam')?.nama).toBe('Air Hitam');
    expect(desaFromName('6472', undefined, 'AIR HITAM')?.kodeKecamatan).toBe(kec.kode);
    expect(desaFromName('6472', kec.kode, 'Nowhere')).toBeUndefined();
  });
});
