import { describe, expect, it } from 'vitest';
import { exportColumnNames, instanceIdOf, oneHotCell, oneHotColumns, submissionTime } from '../../src/field/export-columns.js';
import { parseKendala } from '../../src/monitor/visit-values.js';

const schema = { known: ['nik', 'NO NIK', 'keterampilan', 'tanggal', 'TGL', 'instance_id', 'instanceID', 'KEY', '_uuid'], multi: { keterampilan: ['memasak', 'mesin'] } };

describe('export columns of ODK Central and KoboToolbox', () => {
  it.each<[string, string]>([
    ['grp_asesmen-keterampilan', 'keterampilan'], // Central
    ['grp_asesmen/keterampilan', 'keterampilan'], // Kobo
    ['a/b-keterampilan', 'keterampilan'], // nested groups
    ['grp_asesmen/keterampilan/memasak', 'keterampilan/memasak'], // Kobo one-hot
    ['grp_asesmen-keterampilan/mesin', 'keterampilan/mesin'], // Central split select multiple
    ['meta-instanceID', 'instanceID'],
    ['meta/instanceID', 'instanceID'],
    ['KEY', 'KEY'],
    ['NO. NIK', 'NO. NIK'], // a paper form's header stays as it is
    ['TGL/BLN', 'TGL/BLN'],
    ['grp/unknown', 'grp/unknown'],
    ['keterampilan/lain', 'keterampilan/lain'], // not an option: left alone
  ])('%s → %s', (raw, name) => expect(exportColumnNames([raw], schema)).toEqual([name]));

  it('reads one-hot columns as ODK writes the single column', () => {
    const names = ['x', 'keterampilan/memasak', 'keterampilan/mesin'];
    const cols = oneHotColumns(names, 'keterampilan', ['memasak', 'mesin']);
    expect(oneHotCell(['', '1', '0'], cols)).toBe('memasak');
    expect(oneHotCell(['', 'True', 'TRUE'], cols)).toBe('memasak mesin');
    expect(oneHotCell(['', '', ''], cols)).toBe('');
    expect(oneHotCell(['', '2', '0'], cols)).toBeUndefined();
  });

  it('reads submission times and identities of both servers', () => {
    expect(submissionTime('2026-03-02T07:30:05.123Z')).toBe('2026-03-02T07:30:05.123Z');
    expect(submissionTime('2026-03-02T07:30:05')).toBe('2026-03-02T07:30:05.000Z');
    expect(submissionTime('2026-03-02T15:30:05+08:00')).toBe('2026-03-02T07:30:05.000Z');
    expect(submissionTime('kemarin')).toBeUndefined();
    expect(instanceIdOf('uuid:5a1c')).toBe('uuid:5a1c');
    expect(instanceIdOf('5a1c')).toBe('uuid:5a1c');
    expect(instanceIdOf(' ')).toBeUndefined();
  });

  it('reads a select_multiple of the visit form written with spaces, and spellings with spaces as before', () => {
    expect(parseKendala('modal bahan_baku')).toEqual(['modal', 'bahan_baku']);
    expect(parseKendala('bahan baku')).toEqual(['bahan_baku']);
    expect(parseKendala('kurang modal')).toEqual(['modal']);
    expect(parseKendala('modal cuaca')).toBeUndefined();
  });
});
