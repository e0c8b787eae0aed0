/**
 * Issue 12 for score, explain, quota, allocate, export and report: every command's help in both
 * languages, and the error paths of their CLI tests run again in Indonesian, with no English left.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT_STATUSES } from '../../src/applicants/list.js';
import { OUTCOMES, RESULT_REASONS } from '../../src/allocate/types.js';
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';
import { REASONS } from '../../src/rubric/types.js';
import { tempDir, uep, writeFile } from '../helpers.js';
import { englishIn } from './english.js';
import { allocationWorld, exportWorld, scoredWorld, SITI, type Runner } from './worlds.js';

interface ErrorCase {
  args: string[];
  code: number;
  /** Text the message must still hold in Indonesian: the flag, file or value it names. */
  names: string;
}

/**
 * The error paths of test/allocate/allocate-cli, quota-cli, test/export/export-cli, test/report/report-cli and
 * test/cli/assess-score-cli whose messages are this area's. Those raised by the shared flag parsers and file
 * checks (src/cli/flags.ts, src/fsutil: --slots abc, --method borda, --run abc, --as-of, --tahun, --out,
 * --format of exports, a missing file) are listed in SHARED_PARSERS below.
 */
function allocateCases(niks: string[], dir: string): ErrorCase[] {
  return [
    { args: ['allocate', '--waitlist', 'lots'], code: 2, names: '--waitlist lots' },
    { args: ['allocate', '--waitlist', '120%'], code: 2, names: '--waitlist 120%' },
    { args: ['allocate', '--budget', 'banyak'], code: 2, names: '--budget banyak' },
    { args: ['allocate', '--min', '5', '--max', '2'], code: 2, names: '--min 5' },
    { args: ['allocate', '--seed', ' '], code: 2, names: '--seed' },
    { args: ['allocate', 'compare'], code: 2, names: '--method' },
    { args: ['allocate', 'replace', '123', '--reason', 'x'], code: 2, names: 'nik_format' },
    { args: ['allocate', 'replace', niks[0]!], code: 2, names: '--reason' },
    { args: ['allocate', 'replace', niks[0]!, '--reason', ' '], code: 2, names: '--reason' },
    { args: ['allocate', '--slots', '30', '--budget', '100.000.000'], code: 1, names: 'Rp100.000.000' },
    { args: ['allocate', '--weights', writeFile(dir, 'bad.csv', ['region,weight', 'Jakarta,5'])], code: 1, names: 'Jakarta' },
    { args: ['allocate', '--weights', writeFile(dir, 'twice.csv', ['region,weight', 'Samarinda,1', '6472,2'])], code: 1, names: 'Samarinda' },
    { args: ['allocate', '--weights', writeFile(dir, 'neg.csv', ['region,weight', 'Samarinda,-1'])], code: 1, names: 'neg.csv' },
    { args: ['allocate', '--weights', writeFile(dir, 'col.csv', ['wilayah,weight', 'Samarinda,1'])], code: 1, names: 'col.csv' },
    { args: ['allocate', '--weights', writeFile(dir, 'rows.csv', ['region,weight'])], code: 1, names: 'rows.csv' },
    { args: ['allocate', '--paket', writeFile(dir, 'paket.csv', ['jenis_usaha,nilai_paket', 'makanan,banyak'])], code: 1, names: 'nilai_paket' },
    { args: ['allocate', '--tahun', '2030'], code: 1, names: '2030' },
    { args: ['allocate', 'finalize', '9'], code: 1, names: '9' },
    { args: ['allocate', 'verify', '9'], code: 1, names: '9' },
    { args: ['allocate', 'replace', niks[0]!, '--reason', 'x'], code: 1, names: 'uep allocate' },
  ];
}

async function expectIndonesian(run: Runner, c: ErrorCase): Promise<void> {
  const r = await run('id', ...c.args);
  expect([c.args.join(' '), r.code], r.stderr).toEqual([c.args.join(' '), c.code]);
  expect(r.stderr).toMatch(/^uep: /);
  expect(r.stderr).toContain(c.names);
  expect(englishIn(r.stderr), r.stderr).toEqual([]);
}

describe('error paths in Indonesian', () => {
  it('allocate, compare, finalize, verify, replace', async () => {
    const w = allocationWorld();
    for (const c of allocateCases(w.niks, w.dir)) await expectIndonesian(w.run, c);
  });

  it('finalize twice, a run already final, a changed pool', async () => {
    const w = allocationWorld();
    expect((await w.run('en', 'allocate', '--slots', '30', '--quiet')).code).toBe(0);
    expect((await w.run('en', 'allocate', '--slots', '30', '--quiet')).code).toBe(0);
    expect((await w.run('en', 'allocate', 'finalize', '1', '--quiet')).code).toBe(0);
    for (const c of [
      { args: ['allocate', 'finalize', '1'], code: 1, names: '1' },
      { args: ['allocate', 'finalize', '2'], code: 1, names: 'uep allocate replace' },
      { args: ['allocate', 'replace', w.niks[59]!, '--reason', 'pindah'], code: 1, names: 'not_selected' },
    ]) await expectIndonesian(w.run, c);
  });

  it('quota', async () => {
    const dir = tempDir();
    const run: Runner = (lang, ...args) => uep(args, { cwd: dir, env: { UEP_LANG: lang } });
    for (const c of [
      { args: ['quota'], code: 2, names: '--slots' },
      { args: ['quota', '--slots', '10', '--format', 'xml'], code: 2, names: '--format xml' },
      { args: ['quota', '--slots', '10', '--min', '2'], code: 2, names: '10' },
      { args: ['quota', '--slots', '10', '--max', '0'], code: 2, names: '10' },
      { args: ['quota', '--slots', '10', '--weights', writeFile(dir, 'zero.csv', ['region,weight', 'A,0', 'B,0']), '--method', 'webster'], code: 1, names: 'equal' },
      { args: ['quota', '--slots', '10', '--weights', writeFile(dir, 'empty.csv', '')], code: 1, names: 'empty.csv' },
    ]) await expectIndonesian(run, c);
  });

  it('export allocation and report', async () => {
    const e = exportWorld();
    await expectIndonesian(e.run, { args: ['export', 'allocation', '--out', 'y', '--run', '99'], code: 1, names: 'uep allocate list' });
    const { run } = await scoredWorld();
    expect((await run('en', 'allocate', '--slots', '1', '--quiet')).code).toBe(0);
    await expectIndonesian(run, { args: ['report', 'monitoring', '--run', '1'], code: 1, names: '1' });
    await expectIndonesian(run, { args: ['export', 'allocation', '--out', 'z'], code: 1, names: 'uep allocate finalize' });
  });

  it('score and explain', async () => {
    const w = await scoredWorld();
    for (const c of [
      { args: ['explain', '6401010101800007'], code: 1, names: '6401********0007' },
      { args: ['explain', '6.47201E+15'], code: 2, names: 'nik_scientific' },
      { args: ['explain', SITI, '--tahun', '2025'], code: 1, names: '2025' },
    ]) await expectIndonesian(w.run, c);
  });
});

/** Error paths of the same CLI tests whose messages come from the shared flag parsers and file checks (src/cli/flags.ts, src/fsutil). */
const SHARED_PARSERS: ErrorCase[] = [
  { args: ['allocate', '--slots', '0'], code: 2, names: '--slots 0' },
  { args: ['allocate', '--method', 'borda'], code: 2, names: '--method borda' },
  { args: ['allocate', 'finalize', 'abc'], code: 2, names: 'abc' },
  { args: ['quota', '--slots', 'abc'], code: 2, names: '--slots abc' },
  { args: ['quota', '--slots', '10', '--weights', 'hilang.csv'], code: 1, names: 'hilang.csv' },
  { args: ['export', 'allocation'], code: 2, names: '--out' },
  { args: ['export', 'allocation', '--out', 'x', '--format', 'ods'], code: 2, names: '--format ods' },
  { args: ['export', 'allocation', '--out', 'x', '--run', 'abc'], code: 2, names: '--run abc' },
  { args: ['report', 'monitoring', '--as-of', '2026-13-01'], code: 2, names: '--as-of 2026-13-01' },
  { args: ['report', 'summary', '--tahun', 'lalu'], code: 2, names: '--tahun lalu' },
];

describe('error paths of the shared parsers, in Indonesian runs', () => {
  it.each(SHARED_PARSERS.map((c) => [c.args.join(' '), c] as const))('uep %s', async (_, c) => {
    const { run } = exportWorld();
    await expectIndonesian(run, c);
    expect((await run('en', ...c.args)).code).toBe(c.code);
  });
});

describe('codes shown with their explanation', () => {
  const keys = (ns: string, prefix: string, lang: 'id' | 'en') =>
    [...flatten(loadCatalogue(lang)[ns]!).keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1)).sort();
  it.each(['id', 'en'] as const)('every code has one explanation in %s, and only codes do', (lang) => {
    expect(keys('rubric', 'reason', lang)).toEqual([...REASONS].sort());
    expect(keys('allocate', 'reason', lang)).toEqual([...RESULT_REASONS].sort());
    expect(keys('allocate', 'outcome', lang)).toEqual([...OUTCOMES].sort());
    expect(keys('explain', 'status', lang)).toEqual([...APPLICANT_STATUSES].sort());
  });
});
