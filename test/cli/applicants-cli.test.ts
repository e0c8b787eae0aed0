import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nik, openDb, tempDir, uep, writeFile } from '../helpers.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const STRANGER = nik('6471', 9, 9, 99, 5);

async function withDtks() {
  const dir = tempDir();
  const db = join(dir, 'uep.sqlite');
  const dtks = writeFile(dir, 'dtks.csv', [
    'NIK,NAMA LENGKAP,KABUPATEN/KOTA,DESIL NASIONAL',
    `${SITI},Siti Aminah,Kota Samarinda,2`,
    `${BUDI},Budi Santoso,Kukar,3`,
  ]);
  expect((await uep(['import', 'dtks', dtks, '--db', db, '--quiet'], { cwd: dir })).code).toBe(0);
  const run = (...args: string[]) => uep([...args, '--db', db], { cwd: dir });
  return { dir, db, run };
}

const REGISTRATIONS = ['NIK,Nama,Jenis Usaha,Tanggal Daftar,No HP', `${SITI},Siti,Ternak Ayam,10-01-2026,0812`, `${BUDI},Budi,Bengkel,11-01-2026,`, `${STRANGER},X,Makanan,11-01-2026,`];

describe('uep applicants import', () => {
  it('prints the summary (JSON with --json), writes rejects, and is idempotent', async () => {
    const { dir, run, db } = await withDtks();
    const file = writeFile(dir, 'pendaftar.csv', REGISTRATIONS);
    const r = await run('applicants', 'import', file, '--tahun', '2026', '--json', '--rejects', 'rejects.csv');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'applicants', read: 3, inserted: 2, rejected: 1, reasons: { not_in_dtks: 1 } });
    expect(r.stderr).toContain('Imported pendaftar.csv (applicants)');
    expect(r.stderr).not.toContain(STRANGER);
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toContain('not_in_dtks');
    const again = await run('applicants', 'import', file, '--tahun', '2026', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, unchanged: 2 });
    const d = openDb(db);
    expect(d.prepare(`SELECT tahun, count(*) AS n FROM applications GROUP BY tahun`).all()).toEqual([{ tahun: 2026, n: 2 }]);
    expect(d.prepare(`SELECT command FROM audit_log ORDER BY id DESC LIMIT 1`).pluck().get()).toBe('applicants import');
    d.close();
  });

  it('--strict refuses the file (exit 1, nothing written); --dry-run writes nothing; the year defaults to this one', async () => {
    const { dir, run, db } = await withDtks();
    const file = writeFile(dir, 'pendaftar.csv', REGISTRATIONS);
    const strict = await run('applicants', 'import', file, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 row(s) rejected with --strict; nothing was written');
    expect((await run('applicants', 'import', file, '--dry-run')).code).toBe(0);
    const d = openDb(db);
    expect(d.prepare(`SELECT count(*) FROM applications`).pluck().get()).toBe(0);
    d.close();
    await run('applicants', 'import', file);
    const d2 = openDb(db);
    expect(d2.prepare(`SELECT DISTINCT tahun FROM applications`).pluck().all()).toEqual([new Date().getFullYear()]);
    d2.close();
  });

  it('usage errors name the flag (exit 2)', async () => {
    const { dir, run } = await withDtks();
    const file = writeFile(dir, 'pendaftar.csv', REGISTRATIONS);
    expect(await run('applicants', 'import', file, '--tahun', '26')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tahun 26: expected a year') });
    expect(await run('applicants', 'list', '--status', 'selected')).toMatchObject({ code: 2, stderr: expect.stringContaining('--status selected: expected one of registered, assessed, eligible, ineligible') });
    expect(await run('applicants', 'list', '--kabupaten', 'Jakarta')).toMatchObject({ code: 2, stderr: expect.stringContaining('--kabupaten Jakarta: not one of the ten regencies') });
  });
});

describe('uep applicants list', () => {
  it('masks NIKs unless --show-nik; filters by regency and status; --json', async () => {
    const { dir, run } = await withDtks();
    await run('applicants', 'import', writeFile(dir, 'p.csv', REGISTRATIONS), '--tahun', '2026');
    const table = await run('applicants', 'list');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('6472********0001');
    expect(table.stdout).not.toContain(SITI);
    expect(table.stdout).toMatch(/Siti Aminah\s+Samarinda\s+ternak_ayam\s+2026-01-10\s+registered/);
    expect(table.stderr).toContain('2 application(s) of 2026: 2 registered — registered, not assessed yet');
    const json = JSON.parse((await run('applicants', 'list', '--kabupaten', 'Kutai Kartanegara', '--show-nik', '--json')).stdout);
    expect(json).toMatchObject({ tahun: 2026, count: 1, applicants: [{ nik: BUDI, status: 'registered', jenis_usaha: 'bengkel' }] });
    expect(JSON.parse((await run('applicants', 'list', '--status', 'eligible', '--json')).stdout).count).toBe(0);
  });
});

describe('uep import recipients', () => {
  it('is a subcommand of import; needs --tahun without a tahun column (exit 2)', async () => {
    const { dir, run, db } = await withDtks();
    const file = writeFile(dir, 'penerima.csv', ['NIK,Nama', `${SITI},Siti`]);
    const missing = await run('import', 'recipients', file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('penerima.csv has no tahun column: give the year of the list with --tahun <year>');
    const ok = await run('import', 'recipients', file, '--tahun', '2024', '--json');
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'recipients', inserted: 1 });
    const d = openDb(db);
    expect(d.prepare(`SELECT nik, tahun FROM recipients`).all()).toEqual([{ nik: SITI, tahun: 2024 }]);
    d.close();
    expect(existsSync(join(dir, 'uep.sqlite'))).toBe(true);
  });
});
