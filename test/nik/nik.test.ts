import { describe, expect, it } from 'vitest';
import { maskNik, maskNiksInText, nikDateParts, parseNik } from '../../src/nik/nik.js';

describe('parseNik', () => {
  it.each([
    ['6472014507850001', { ok: true, nik: '6472014507850001' }],
    ['  6472014507850001 ', { ok: true, nik: '6472014507850001' }],
    ["'6472014507850001", { ok: true, nik: '6472014507850001' }],
    ['', { ok: false, reason: 'nik_missing' }],
    ['   ', { ok: false, reason: 'nik_missing' }],
    ['6.47201E+15', { ok: false, reason: 'nik_scientific' }],
    ['6,47201E+15', { ok: false, reason: 'nik_scientific' }],
    ['6.472014507850001e15', { ok: false, reason: 'nik_scientific' }],
    ['647201450785000', { ok: false, reason: 'nik_format' }],
    ['64720145078500011', { ok: false, reason: 'nik_format' }],
    ['64720145O7850001', { ok: false, reason: 'nik_format' }],
    ['6472 0145 0785 0001', { ok: false, reason: 'nik_format' }],
    ['6472013213850001', { ok: false, reason: 'nik_date' }], // month 13
    ['6472013501850001', { ok: false, reason: 'nik_date' }], // day 35
    ['6472017201850001', { ok: false, reason: 'nik_date' }], // day 72 (women 41-71)
    ['6472010001850001', { ok: false, reason: 'nik_date' }], // day 0
    ['6472013002850001', { ok: false, reason: 'nik_date' }], // 30 February
    ['6472012902000001', { ok: true, nik: '6472012902000001' }], // 29-02-2000
    ['6472016902960001', { ok: true, nik: '6472016902960001' }], // 29-02-1996, woman
  ])('%j', (raw, expected) => expect(parseNik(raw)).toEqual(expected));
});

describe('nikDateParts', () => {
  it('decodes women (+40) and men', () => {
    expect(nikDateParts('6472014507850001')).toEqual({ day: 5, month: 7, yy: 85, jenisKelamin: 'P' });
    expect(nikDateParts('6402011201990002')).toEqual({ day: 12, month: 1, yy: 99, jenisKelamin: 'L' });
  });
});

describe('maskNik', () => {
  it('keeps only the regency and the serial', () => expect(maskNik('6472014507850001')).toBe('6472********0001'));
});

describe('maskNiksInText', () => {
  it.each([
    ['NIK 6472014507850001, rumah no 3', 'NIK 6472********0001, rumah no 3'],
    ['KK:6472014507850001.', 'KK:6472********0001.'],
    ['a6472014507850001b', 'a6472********0001b'],
    ['6472 0145 0785 0001', '6472 **** **** 0001'],
    ['647201.450785.0001', '6472**.******.0001'],
    ['647201-450785-0001', '6472**-******-0001'],
    ['64.72.01.450785.0001', '64.72.**.******.0001'],
    ['No. 12 6472 0145 0785 0001', 'No. 12 6472 **** **** 0001'],
    ['dua: 6472014507850001 dan 6402011201990002', 'dua: 6472********0001 dan 6402********0002'],
    // not NIK-shaped: phone numbers, an 18-digit NIP, 17 digits, amounts, dates, RT/RW
    ['HP 0812-3456-7890', 'HP 0812-3456-7890'],
    ['NIP 198503302003121002', 'NIP 198503302003121002'],
    ['64720145078500011', '64720145078500011'],
    ['Rp 1.000.000.000.000.000', 'Rp 1.000.000.000.000.000'],
    ['lahir 1985-07-05, RT 004 RW 002', 'lahir 1985-07-05, RT 004 RW 002'],
    ['6472********0001', '6472********0001'],
    ['', ''],
  ])('%j → %j', (text, masked) => expect(maskNiksInText(text)).toBe(masked));
});
