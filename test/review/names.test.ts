import { describe, expect, it } from 'vitest';
import { addressWords, comparePersons, digitDistance, type PersonRecord } from '../../src/review/compare.js';
import { foldSpelling, jaroWinkler, nameSimilarity, nameTokens, prepareName } from '../../src/review/names.js';

const sim = (a: string, b: string) => nameSimilarity(prepareName(nameTokens(a)), prepareName(nameTokens(b)));

describe('Indonesian names, normalised', () => {
  it.each([
    ['Hj. SITI AMINAH, S.Pd', 'SITI AMINAH'],
    ['Drs. H. Ahmad Yani, M.Si', 'AHMAD YANI'],
    ['Siti Aminah S.Pd.I', 'SITI AMINAH'],
    ['Rahmawati, A.Md.Kep', 'RAHMAWATI'],
    ['Ahmad bin Sulaiman', 'AHMAD SULAIMAN'],
    ['Aisyah Binti Hasan', 'AISAH HASAN'],
    ['Djoko Soesanto', 'JOKO SUSANTO'],
    ['Tjahjo Koemolo', 'CAHJO KUMOLO'],
    ['Chairul Anwar', 'HAIRUL ANWAR'],
    ['Khairul Anwar', 'HAIRUL ANWAR'],
    ['Akhmad Syahrani', 'AHMAD SAHRANI'],
    ['Sjahrir', 'SAHRIR'],
    ['Muhammad Hendry', 'MUHAMAD HENDRI'],
    ['Moh. Rizki', 'MUHAMAD RIZKI'],
    ['M. Rizki', 'MUHAMAD RIZKI'],
    ['Noorhayati', 'NURHAYATI'],
    ["Ma'ruf", 'MARUF'],
    ['  siti   aminah  ', 'SITI AMINAH'],
    ['Abd. Gafur', 'ABDUL GAFUR'],
  ])('%s → %s', (raw, expected) => {
    expect(nameTokens(raw).join(' ')).toBe(expected);
  });

  it('folds the old and regional spellings one letter pair at a time', () => {
    expect(['DJAJA', 'TJUT', 'SOEHARTO', 'NJOMAN', 'THAMRIN', 'RAMADHAN', 'STEPHANUS', 'QOMARIAH', 'DEDY', 'SITTI'].map(foldSpelling))
      .toEqual(['JAJA', 'CUT', 'SUHARTO', 'NYOMAN', 'TAMRIN', 'RAMADAN', 'STEFANUS', 'KOMARIAH', 'DEDI', 'SITI']);
  });

  it('tells equal, swapped, partial and similar names apart, and unlike names from all of them', () => {
    expect(sim('Rahmat Hidayat', 'HIDAYAT RAHMAT')).toEqual({ score: 0.98, match: 'swapped' });
    expect(sim('Nur Aini', 'Nuraini')).toEqual({ score: 1, match: 'equal' });
    expect(sim('Hj. Siti Aminah, S.Pd', 'siti aminah').match).toBe('equal');
    expect(sim('Ahmad', 'Ahmad Sulaiman')).toMatchObject({ match: 'partial' });
    expect(sim('Saiful Anwar', 'Saipul Anwar').match).toBe('similar');
    expect(sim('Abdul Rahman', 'Abdurrahman').match).toBe('similar');
    expect(sim('Siti Aminah', 'Budi Santoso').match).toBeNull();
    expect(sim('Hasan', 'Husin').match).toBeNull();
    expect(sim('', 'Siti').match).toBeNull();
  });

  it('Jaro–Winkler gives the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('counts NIK digits apart, with a swap of neighbours as a transposition', () => {
    expect(digitDistance('6472011503750123', '6472011503750123')).toBe(0);
    expect(digitDistance('6472011503750123', '6472011503750124')).toBe(1);
    expect(digitDistance('6472011503750123', '6472011503751023')).toBe('transposed');
    expect(digitDistance('6472011503750123', '6472011503750321')).toBe(2);
    expect(digitDistance('6472011503750123', '6472011503759999')).toBe(3);
  });

  it('reads addresses without their street words, numbers without leading zeros', () => {
    expect(addressWords('Gg. Mawar No. 5 RT 007')).toEqual(['MAWAR', '5', '7']);
  });
});

describe('one pair compared', () => {
  const person = (o: Partial<PersonRecord> & { nama: string }): PersonRecord => ({
    nik: '6472010101800011', kk: null, nameCount: 1, lahir: 19800101, sex: 'L', desa: 'x', kecamatan: 'k', alamat: [],
    ...o, name: prepareName(nameTokens(o.nama)),
  });

  it('adds the reasons up to a score, and a different sex counts against', () => {
    const a = person({ nama: 'Siti Aminah', sex: 'P' });
    const b = person({ nama: 'SITI AMINAH', nik: '6472010101800012', sex: 'P' });
    expect(comparePersons(a, b)).toEqual({ score: 95, reasons: ['name_equal', 'birth_date_equal', 'desa_equal', 'nik_one_digit'] });
    expect(comparePersons(a, { ...b, sex: 'L' })).toEqual({ score: 65, reasons: ['name_equal', 'birth_date_equal', 'desa_equal', 'nik_one_digit', 'sex_differs'] });
  });

  it('a common name counts for less: others carrying it take points back', () => {
    const a = person({ nama: 'Muhammad Rizki', nameCount: 9, desa: 'a', kecamatan: 'a' });
    const b = person({ nama: 'Muhammad Rizki', nameCount: 9, nik: '6474010101805555', desa: 'b', kecamatan: 'b' });
    // 7 others: −6 × log2(8) = −18.
    expect(comparePersons(a, b)).toEqual({ score: 40 - 18 + 25, reasons: ['name_equal', 'name_common', 'birth_date_equal'] });
  });

  it('two records never compare when their names are unlike, or when they are one record', () => {
    expect(comparePersons(person({ nama: 'Siti Aminah' }), person({ nama: 'Budi Santoso', nik: '6472010101800012' }))).toBeNull();
    expect(comparePersons(person({ nama: 'Siti Aminah' }), person({ nama: 'Siti Aminah' }))).toBeNull();
  });
});
