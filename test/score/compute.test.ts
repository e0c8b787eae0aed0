import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JENIS_USAHA } from '../../src/applicants/jenis-usaha.js';
import { parseRubric } from '../../src/rubric/validate.js';
import { ageAt } from '../../src/score/age.js';
import { rankJenisUsaha, round2, scoreApplicant } from '../../src/score/compute.js';
import type { Facts } from '../../src/score/types.js';
import { BUDI_ANSWERS, RUBRIC, SITI_ANSWERS } from './builders.js';

const rubric = RUBRIC.rubric;
const FACTS: Facts = {
  in_dtks: true, kode_kabupaten: '6472', age: 40, desil: 2, pkh_aktif: true, wrse: true, rentan_pkh: false, earlier_recipient: null, applications: 1,
};
const points = (cs: { id: string; points: number }[]) => Object.fromEntries(cs.map((c) => [c.id, c.points]));

describe('scoreApplicant: hand-computed', () => {
  it('Siti (docs/rubric.md): need 88.75, fit 91 for gorengan, total 89.88, eligible', () => {
    const r = scoreApplicant(rubric, FACTS, SITI_ANSWERS, 'gorengan');
    expect(points(r.need.components)).toEqual({ desil: 22.5, pkh_aktif: 15, wrse: 15, tanggungan: 11.25, disabilitas_lansia: 10, tanpa_penghasilan: 15 });
    expect(r.need.score).toBe(88.75);
    expect(points(r.fit.components)).toEqual({ minat: 15, pengalaman: 15, keterampilan: 15, tempat: 10, pasar: 6, dukungan_keluarga: 10, kesehatan: 10, peralatan: 10 });
    expect(r.fit.score).toBe(91);
    expect(r.total).toBe(89.88);
    expect(r).toMatchObject({ eligible: true, reasons: [] });
  });

  it('Siti agreeing on makanan instead: no experience in it (−15), so fit 76 and total 82.38', () => {
    const r = scoreApplicant(rubric, FACTS, SITI_ANSWERS, 'makanan');
    expect(r.fit.score).toBe(76);
    expect(r.total).toBe(82.38); // (88.75 + 76) / 2 = 82.375 → half up
  });

  it('Budi for bengkel: need 22.5, fit 23 (no technical skill), total 22.75, not eligible for the fit', () => {
    const facts: Facts = { ...FACTS, desil: 3, pkh_aktif: false, wrse: false, age: 36 };
    const r = scoreApplicant(rubric, facts, BUDI_ANSWERS, 'bengkel');
    expect(points(r.need.components)).toEqual({ desil: 15, pkh_aktif: 0, wrse: 0, tanggungan: 0, disabilitas_lansia: 0, tanpa_penghasilan: 7.5 });
    expect(points(r.fit.components)).toEqual({ minat: 10, pengalaman: 0, keterampilan: 0, tempat: 0, pasar: 2, dukungan_keluarga: 5, kesehatan: 6, peralatan: 0 });
    expect(r.fit).toMatchObject({ score: 23, uncapped: 23, unmet: ['keterampilan teknik mesin/otomotif'] });
    expect(r.total).toBe(22.75);
    expect(r.reasons).toEqual(['fit_below_min']);
  });

  it('an unmet requirement caps a strong fit at requirement_cap (ternak ayam without space for a coop)', () => {
    const answers = { ...SITI_ANSWERS, pengalaman_usaha: ['ternak_ayam'], keterampilan: ['beternak'], peralatan: ['kandang'], tempat_usaha: ['dapur'] };
    const r = scoreApplicant(rubric, FACTS, answers, 'ternak_ayam');
    expect(r.fit.uncapped).toBe(81);
    expect(r.fit.score).toBe(40);
    expect(r.fit.unmet).toEqual(['lahan untuk kandang ayam']);
    expect(r.reasons).toEqual(['fit_below_min']);
  });

  it('rentan: the PKH komponen counts even when the interview says no', () => {
    const r = scoreApplicant(rubric, { ...FACTS, rentan_pkh: true }, { ...SITI_ANSWERS, anggota_rentan: 'tidak' }, 'gorengan');
    expect(r.need.components.find((c) => c.id === 'disabilitas_lansia')).toMatchObject({ fact: true, answer: 'tidak', fraction: 1, points: 10 });
  });

  it('a missing answer counts 0', () => {
    const { minat_motivasi: _, ...rest } = SITI_ANSWERS;
    expect(scoreApplicant(rubric, FACTS, rest, 'gorengan').fit.score).toBe(76);
  });

  it('rounds each component half up to 2 decimals (thirds, .005)', () => {
    const json = JSON.parse(RUBRIC.content);
    json.need.components.tanggungan = { weight: 10, question: 'jumlah_tanggungan', full_at: 3 };
    json.need.components.desil.weight = 35;
    const third = parseRubric(JSON.stringify(json), 'r.json');
    const at = (n: number) => scoreApplicant(third, FACTS, { ...SITI_ANSWERS, jumlah_tanggungan: n }, 'gorengan').need.components.find((c) => c.id === 'tanggungan')!.points;
    expect([at(1), at(2), at(3), at(9)]).toEqual([3.33, 6.67, 10, 10]);
    expect([round2(1.005), round2(2.675), round2(0.125), round2(89.875), round2(3)]).toEqual([1.01, 2.68, 0.13, 89.88, 3]);
  });
});

describe('eligibility: every rule and reason code', () => {
  const reasons = (f: Partial<Facts>, jenis: 'gorengan' | 'bengkel' = 'gorengan') => scoreApplicant(rubric, { ...FACTS, ...f }, SITI_ANSWERS, jenis).reasons;
  it.each([
    [{ in_dtks: false }, ['not_in_dtks']],
    [{ kode_kabupaten: '3174' }, ['outside_kabupaten']],
    [{ kode_kabupaten: null }, ['outside_kabupaten']],
    [{ age: 17 }, ['age_out_of_range']],
    [{ age: 61 }, ['age_out_of_range']],
    [{ age: null }, ['age_out_of_range']],
    [{ age: 18 }, []],
    [{ age: 60 }, []],
    [{ desil: 5 }, ['desil_above_max']],
    [{ desil: 4 }, []],
    [{ desil: null }, ['desil_unknown']],
    [{ earlier_recipient: 2024 }, ['earlier_recipient']],
    [{ applications: 2 }, ['multiple_applications']],
    [{ in_dtks: false, age: 70, desil: 9, earlier_recipient: 2025 }, ['not_in_dtks', 'age_out_of_range', 'desil_above_max', 'earlier_recipient']],
  ] as [Partial<Facts>, string[]][])('%j → %j', (f, expected) => {
    expect(reasons(f)).toEqual(expected);
  });

  it('fit_below_min for a business the person does not fit; every rule is listed, passed or not', () => {
    const r = scoreApplicant(rubric, FACTS, SITI_ANSWERS, 'bengkel');
    expect(r.reasons).toEqual(['fit_below_min']);
    expect(r.rules.map((x) => [x.rule, x.passed])).toEqual([
      ['in_dtks', true], ['kabupaten', true], ['age', true], ['desil', true], ['earlier_recipient', true], ['one_application', true], ['min_fit', false], ['duplicate', true],
    ]);
  });

  it('a disabled rule never fails, and says it is disabled', () => {
    const json = JSON.parse(RUBRIC.content);
    json.eligibility.desil.enabled = false;
    const r = scoreApplicant(parseRubric(JSON.stringify(json), 'r.json'), { ...FACTS, desil: null }, SITI_ANSWERS, 'gorengan');
    expect(r.eligible).toBe(true);
    expect(r.rules.find((x) => x.rule === 'desil')).toMatchObject({ enabled: false, passed: true, reason: 'desil_unknown' });
  });
});

describe('ranking the six business types', () => {
  it('best first; ties go to the type asked for, then the programme order', () => {
    const both = { ...SITI_ANSWERS, pengalaman_usaha: ['makanan', 'gorengan'] };
    expect(rankJenisUsaha(rubric, both).map((r) => [r.jenis_usaha, r.score])).toEqual([
      ['makanan', 91], ['gorengan', 91], ['minuman', 51], ['pengolahan_kue', 41], ['ternak_ayam', 40], ['bengkel', 40],
    ]);
    expect(rankJenisUsaha(rubric, both, undefined, 'gorengan').slice(0, 2).map((r) => r.jenis_usaha)).toEqual(['gorengan', 'makanan']);
  });
});

describe('age at the assessment date', () => {
  it('from the birth date, the day before and on the birthday', () => {
    expect(ageAt('1985-07-05', '6472014507850001', '2026-07-04')).toBe(40);
    expect(ageAt('1985-07-05', '6472014507850001', '2026-07-05')).toBe(41);
  });
  it('from the NIK when there is no birth date: the latest century not in the future', () => {
    expect(ageAt(null, '6472014507850001', '2026-02-01')).toBe(40); // 05-07-85 (woman: 45 − 40)
    expect(ageAt(null, '6472010101050001', '2026-02-01')).toBe(21); // 2005, not 1905
    expect(ageAt(null, '6472010101300001', '2026-02-01')).toBe(96); // 2030 is in the future: 1930
    expect(ageAt(null, '6472010102260001', '2026-02-01')).toBe(0); // born today
    expect(ageAt(null, '6472010202260001', '2026-02-01')).toBe(99); // 2026-02-02 is tomorrow: 1926
  });
});

describe('properties', () => {
  const answers = fc.record({
    penghasilan: fc.constantFrom('tidak_ada', 'tidak_tetap', 'tetap'),
    jumlah_tanggungan: fc.integer({ min: 0, max: 20 }),
    anggota_rentan: fc.constantFrom('ya', 'tidak'),
    minat_motivasi: fc.constantFrom('sangat_tinggi', 'tinggi', 'sedang', 'rendah'),
    pengalaman_usaha: fc.subarray([...JENIS_USAHA]),
    keterampilan: fc.subarray(['memasak', 'membuat_kue', 'meracik_minuman', 'beternak', 'mesin']),
    tempat_usaha: fc.subarray(['tempat_jualan', 'dapur', 'lahan_kandang', 'ruang_bengkel']),
    peralatan: fc.subarray(['alat_masak', 'gerobak', 'alat_minuman', 'oven', 'kandang', 'alat_bengkel']),
    pasar_sekitar: fc.constantFrom('ramai', 'ada', 'sepi'),
    dukungan_keluarga: fc.constantFrom('penuh', 'sebagian', 'tidak_ada'),
    kesehatan: fc.constantFrom('sehat', 'cukup', 'terbatas'),
  });
  const facts = fc.record({
    in_dtks: fc.boolean(), kode_kabupaten: fc.constantFrom('6472', '6401', '3174', null), age: fc.option(fc.integer({ min: 0, max: 99 })),
    desil: fc.option(fc.integer({ min: 1, max: 10 })), pkh_aktif: fc.boolean(), wrse: fc.boolean(), rentan_pkh: fc.boolean(),
    earlier_recipient: fc.option(fc.integer({ min: 2015, max: 2025 })), applications: fc.constant(1),
  });

  it('scores stay in 0–100 with 2 decimals, eligible iff no reason, and the same inputs give the same result', () => {
    fc.assert(fc.property(facts, answers, fc.constantFrom(...JENIS_USAHA), (f, a, j) => {
      const r = scoreApplicant(rubric, f, a, j);
      for (const x of [r.need.score, r.fit.score, r.total]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(100);
        expect(Math.round(x * 100) / 100).toBe(x);
      }
      expect(r.eligible).toBe(r.reasons.length === 0);
      expect(scoreApplicant(rubric, f, structuredClone(a), j)).toEqual(r);
      expect(r.fit.score).toBe(rankJenisUsaha(rubric, a, f).find((x) => x.jenis_usaha === j)!.score);
    }), { numRuns: 300 });
  });
});
