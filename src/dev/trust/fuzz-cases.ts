/**
 * Hostile inputs, as fast-check arbitraries of cases: broken and header-less CSV files and broken
 * workbooks (xlsx-cases.ts) for every import, every path option pointed at the wrong thing, and
 * odd values for every argument.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Area } from './tally.js';
import type { Stage, World } from './world.js';
import { hostileWorkbook } from './xlsx-cases.js';

/** What a case puts in its work folder and runs there. `P` in args is the case's odd path. */
export interface FuzzCase {
  area: Area;
  label: string;
  base: Stage | 'none';
  args: string[];
  /** The input file the case writes (name → bytes), if any. */
  file?: { name: string; bytes: Buffer };
  /** A path of a kind (see PATH_KINDS), made in the work folder; replaces `P` in args. */
  path?: PathKind;
}

export const PATH_KINDS = [
  'missing', 'missing-folder', 'folder', 'dev-null', 'dev-zero', 'dev-full', 'proc', 'through-file', 'binary', 'empty', 'huge', 'escape-name',
  'unicode-name', 'foreign-sqlite', 'truncated-db', 'text', 'the-db', 'dash', 'long-name', 'fifo',
] as const;
export type PathKind = (typeof PATH_KINDS)[number];

const IMPORTS: { label: string; base: Stage; args: (file: string) => string[]; sample: string }[] = [
  { label: 'import dtks', base: 'registry', args: (f) => ['import', 'dtks', f], sample: 'dtks.csv' },
  { label: 'import dtks --snapshot', base: 'registry', args: (f) => ['import', 'dtks', f, '--snapshot'], sample: 'bdt.csv' },
  { label: 'import pkh', base: 'registry', args: (f) => ['import', 'pkh', f], sample: 'pkh.csv' },
  { label: 'import recipients', base: 'registry', args: (f) => ['import', 'recipients', f], sample: 'penerima-sebelumnya.csv' },
  { label: 'applicants import', base: 'recipients', args: (f) => ['applicants', 'import', f, '--tahun', '2026'], sample: 'pendaftar.csv' },
  { label: 'assess import', base: 'applicants', args: (f) => ['assess', 'import', f, '--tahun', '2026'], sample: 'asesmen.csv' },
  { label: 'monitor monitors import', base: 'final', args: (f) => ['monitor', 'monitors', 'import', f], sample: 'petugas.csv' },
  { label: 'monitor import', base: 'planned', args: (f) => ['monitor', 'import', f], sample: 'laporan-kunjungan.csv' },
];

/** The first `n` lines of a sample file (header included). */
function head(text: string, n: number): string {
  return text.split(/(?<=\n)/).slice(0, n).join('');
}

export function fuzzArbitrary(w: World): fc.Arbitrary<FuzzCase> {
  const texts = new Map(IMPORTS.map((i) => {
    const path = i.sample === 'petugas.csv' ? w.files.monitors : i.sample === 'laporan-kunjungan.csv' ? w.files.visits : w.sample(i.sample);
    return [i.label, head(readFileSync(path, 'latin1'), 60)];
  }));
  const piece = fc.constantFrom('"', ',', ';', '\n', '\r\n', '\r', '\t', '|', '\0', '\uFEFF', 'Siti', '6472014101800001', '6.47201E+15', '=HYPERLINK("x")',
    '＝1+1', ' =1', '@SUM(A1)', '', ' ', '9'.repeat(40), '\x1b[31m', 'ü', '\uD800', 'NIK', 'nama', 'kabupaten', '2026-02-30', '31-12-9999');
  const content = (label: string): fc.Arbitrary<{ how: string; bytes: Buffer }> => {
    const text = texts.get(label)!;
    const lines = text.split(/(?<=\n)/);
    return fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((b) => ({ how: 'random bytes after the header', bytes: Buffer.concat([Buffer.from(lines[0]!), Buffer.from(b)]) })),
      fc.array(piece, { maxLength: 80 }).map((p) => ({ how: 'CSV-ish pieces after the header', bytes: Buffer.from(lines[0]! + p.join('')) })),
      fc.integer({ min: 2, max: lines.length }).map((n) => ({ how: 'no header line', bytes: Buffer.from(lines.slice(1, n).join('')) })),
      fc.integer({ min: 1, max: text.length }).map((n) => ({ how: 'cut short', bytes: Buffer.from(text.slice(0, n), 'latin1') })),
      fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.array(piece, { minLength: 1, maxLength: 5 }))
        .map(([at, p]) => ({ how: 'a valid file with junk in the middle', bytes: Buffer.from(text.slice(0, at) + p.join('') + text.slice(at), 'latin1') })),
      fc.constantFrom('utf16le', 'latin1-bom').map((e) => ({
        how: `encoded ${e}`, bytes: e === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]),
      })),
      fc.constantFrom({ how: 'empty', bytes: Buffer.alloc(0) }, { how: 'only the header', bytes: Buffer.from(lines[0]!) },
        { how: 'a 3 MB field', bytes: Buffer.from(`${lines[0]!}"${'x'.repeat(3 << 20)}"\n`) }),
    );
  };
  const importOptions = fc.subarray(['--strict', '--dry-run', '--rejects', '--delimiter', '--encoding', '--map'], { maxLength: 3 }).chain((opts) =>
    fc.tuple(fc.constant(opts), fc.constantFrom(';', ',', 'x', '\t', '', '||'), fc.constantFrom('latin1', 'utf8', 'cp1252', 'ebcdic'),
      fc.constantFrom('rejects.csv', 'INPUT', 'sub', 'missing/rejects.csv'), fc.constantFrom('nama=NAMA KTP', 'nik=', 'bogus=X', '=')));
  const csvCase: fc.Arbitrary<FuzzCase> = fc.constantFrom(...IMPORTS).chain((imp) => fc.tuple(content(imp.label), importOptions).map(([c, [opts, delim, enc, rej, map]]) => {
    const args = imp.args('input.csv');
    for (const o of opts) {
      if (o === '--rejects') args.push('--rejects', rej === 'INPUT' ? 'input.csv' : rej, '--force');
      else if (o === '--delimiter') args.push('--delimiter', delim);
      else if (o === '--encoding') args.push('--encoding', enc);
      else if (o === '--map') args.push('--map', map);
      else args.push(o);
    }
    return { area: 'files' as Area, label: `${imp.label}: ${c.how}${opts.length ? ` (${opts.join(' ')})` : ''}`, base: imp.base, args, file: { name: 'input.csv', bytes: c.bytes } };
  }));

  const xlsxCase: fc.Arbitrary<FuzzCase> = fc.constantFrom(...IMPORTS).chain((imp) => fc.tuple(
    hostileWorkbook(Buffer.from(texts.get(imp.label)!, 'latin1').toString('utf8')),
    fc.option(fc.constantFrom('Sheet1', 'Sheet2', '2', '0', '99', '', 'Lampiran'), { nil: undefined }),
  ).map(([wb, sheet]) => {
    const args = imp.args('input.xlsx');
    if (sheet !== undefined) args.push('--sheet', sheet);
    return { area: 'files' as Area, label: `${imp.label} .xlsx: ${wb.how}${sheet !== undefined ? ` (--sheet ${sheet})` : ''}`, base: imp.base, args, file: { name: 'input.xlsx', bytes: wb.bytes } };
  }));

  const nik = w.selectedNik;
  const pathUses: { label: string; area: Area; base: Stage | 'none'; args: string[] }[] = [
    { label: 'quota --weights', area: 'files', base: 'none', args: ['quota', '--slots', '10', '--weights', 'P'] },
    { label: 'allocate --weights', area: 'files', base: 'scored', args: ['allocate', '--tahun', '2026', '--slots', '100', '--dry-run', '--weights', 'P'] },
    { label: 'allocate --paket', area: 'files', base: 'scored', args: ['allocate', '--tahun', '2026', '--slots', '100', '--dry-run', '--paket', 'P'] },
    { label: 'score --rubric', area: 'files', base: 'assessed', args: ['score', '--tahun', '2026', '--rubric', 'P'] },
    { label: 'explain --rubric', area: 'files', base: 'final', args: ['explain', nik, '--rubric', 'P'] },
    { label: 'export allocation --out', area: 'files', base: 'final', args: ['export', 'allocation', '--out', 'P'] },
    { label: 'report monitoring --out', area: 'files', base: 'planned', args: ['report', 'monitoring', '--out', 'P'] },
    { label: 'monitor plan --out', area: 'files', base: 'monitors', args: ['monitor', 'plan', '--out', 'P', '--tanggal-hibah', '2025-09-15'] },
    { label: 'import dtks <file>', area: 'files', base: 'registry', args: ['import', 'dtks', 'P'] },
    { label: 'applicants import <file>', area: 'files', base: 'recipients', args: ['applicants', 'import', 'P', '--tahun', '2026'] },
    { label: 'import pkh --rejects', area: 'files', base: 'registry', args: ['import', 'pkh', w.sample('pkh.csv'), '--rejects', 'P'] },
    { label: 'backup <file>', area: 'db', base: 'final', args: ['backup', 'P'] },
    { label: 'restore <file>', area: 'db', base: 'final', args: ['restore', 'P'] },
    { label: 'status --db', area: 'db', base: 'none', args: ['status', '--db', 'P'] },
    { label: 'import dtks --db', area: 'db', base: 'none', args: ['import', 'dtks', w.sample('bdt.csv'), '--db', 'P'] },
    { label: 'audit --db', area: 'db', base: 'none', args: ['audit', '--db', 'P'] },
  ];
  const pathCase: fc.Arbitrary<FuzzCase> = fc.tuple(fc.constantFrom(...pathUses), fc.constantFrom(...PATH_KINDS))
    .map(([u, kind]) => ({ area: u.area, label: `${u.label} → ${kind}`, base: u.base, args: u.args, path: kind }));

  // (A NUL byte cannot be passed in a process's arguments at all: the shell and exec refuse it.)
  const odd = fc.oneof(fc.constantFrom('-1', '0', '1e309', 'NaN', '２０２６', ' ', '9'.repeat(400), '--', '2026.5', '0x7e8', '2026abc', '',
    '6472014101800001', '64720141018000011', '6.47201E+15', "'6472014101800001", '1,5', '100%', '-0', 'Infinity', '\x1b[2J', '../../etc/passwd'),
  fc.string({ maxLength: 30 }).filter((v) => !v.includes('\0')));
  const argUses: [string, Stage, (v: string) => string[]][] = [
    ['allocate --tahun', 'scored', (v) => ['allocate', '--tahun', v, '--slots', '100', '--dry-run']],
    ['allocate --slots', 'scored', (v) => ['allocate', '--tahun', '2026', '--slots', v, '--dry-run']],
    ['allocate --method', 'scored', (v) => ['allocate', '--tahun', '2026', '--slots', '100', '--method', v, '--dry-run']],
    ['allocate --waitlist', 'scored', (v) => ['allocate', '--tahun', '2026', '--slots', '100', '--waitlist', v, '--dry-run']],
    ['allocate --budget', 'scored', (v) => ['allocate', '--tahun', '2026', '--slots', '100', '--budget', v, '--dry-run']],
    ['quota --slots/--min', 'final', (v) => ['quota', '--slots', v, '--min', v]],
    ['allocate finalize <run>', 'allocated', (v) => ['allocate', 'finalize', v]],
    ['allocate verify <run>', 'final', (v) => ['allocate', 'verify', v]],
    ['allocate replace <nik>', 'final', (v) => ['allocate', 'replace', v, '--reason', v || 'x']],
    ['explain <nik>', 'final', (v) => ['explain', v]],
    ['audit --since/--limit', 'final', (v) => ['audit', '--since', v, '--limit', v]],
    ['applicants list --kabupaten', 'final', (v) => ['applicants', 'list', '--kabupaten', v, '--status', v]],
    ['report summary --as-of', 'planned', (v) => ['report', 'summary', '--as-of', v]],
    ['monitor plan --bulan', 'monitors', (v) => ['monitor', 'plan', '--out', 'sheets', '--tanggal-hibah', v, '--bulan', v]],
    ['score --tahun', 'assessed', (v) => ['score', '--tahun', v]],
  ];
  const argCase: fc.Arbitrary<FuzzCase> = fc.tuple(fc.constantFrom(...argUses), odd)
    .map(([[label, base, args], v]) => ({ area: 'cli' as Area, label: `${label} = ${JSON.stringify(v).slice(0, 30)}`, base, args: args(v) }));

  return fc.oneof({ arbitrary: csvCase, weight: 4 }, { arbitrary: xlsxCase, weight: 2 }, { arbitrary: pathCase, weight: 3 }, { arbitrary: argCase, weight: 2 });
}
