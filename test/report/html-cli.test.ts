import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uep } from '../helpers.js';
import { allocationRun, freshDb } from '../export/builders.js';
import { A, cohort } from './history.js';

function world() {
  const { db, dir, path } = freshDb();
  cohort(db);
  db.close();
  return { dir, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

describe('uep report html (files and flags)', () => {
  it('writes laporan-uep-{tahun}.html (0600, folders 0700), refuses to replace it without --force', async () => {
    const { dir, run } = world();
    const r = await run('report', 'html', '--as-of', '2026-03-15', '--out', 'laporan/{tahun}/laporan-uep-{tahun}.html');
    expect(r.code).toBe(0);
    const file = join(dir, 'laporan', '2025', 'laporan-uep-2025.html');
    expect(r.stdout.trim()).toBe(file);
    expect(r.stderr).toMatch(/^Wrote the programme report to .*laporan-uep-2025\.html \(\d+ KB, 6 sections, \d+ charts\)\n$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'laporan', '2025')).mode & 0o777).toBe(0o700);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b|\b(src|href)=(?!["']?#)|url\((?!#)|@import/i); // nothing to fetch: in-page links and clip paths only
    expect(html).not.toContain(A); // no NIK, no name
    expect(html).not.toMatch(/Ani|Beni|Cici|Dodi|Eka|Fani|Ahmad|Bunga/);

    writeFileSync(file, 'older');
    const again = await run('report', 'html', '--as-of', '2026-03-15', '--out', 'laporan/{tahun}/laporan-uep-{tahun}.html');
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining(`${file} already exists`) });
    expect(again.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('older');
    expect(readdirSync(join(dir, 'laporan', '2025'))).toEqual(['laporan-uep-2025.html']); // no temporary file left
    expect((await run('report', 'html', '--as-of', '2026-03-15', '--out', 'laporan/{tahun}/laporan-uep-{tahun}.html', '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--json: what was written, the same keys and values in both languages', async () => {
    const { run } = world();
    const id = JSON.parse((await run('report', 'html', '--as-of', '2026-03-15', '--out', 'id.html', '--json', '--lang', 'id')).stdout);
    const en = JSON.parse((await run('report', 'html', '--as-of', '2026-03-15', '--out', 'en.html', '--json', '--lang', 'en')).stdout);
    expect(id).toMatchObject({ tahun: 2025, run: { id: 1, status: 'final' }, as_of: '2026-03-15', bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(id.sections.map((s: { id: string }) => s.id)).toEqual(['alokasi', 'penerima', 'anggaran', 'kelangsungan', 'lapangan', 'reproduksi']);
    const strip = ({ file: _f, bytes: _b, sha256: _s, ...rest }: Record<string, unknown>) => rest;
    expect(strip(id)).toEqual(strip(en));
    expect(id.suppressed_cells).toBeGreaterThan(0); // six beneficiaries: nearly every cell is under five
  });

  it('explains an empty year, bad flags and a folder as --out', async () => {
    const { dir, path } = freshDb();
    const run = (...args: string[]) => uep([...args, '--db', path], { cwd: dir });
    const empty = await run('report', 'html', '--tahun', '2026', '--out', 'kosong.html', '--json');
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ tahun: 2026, run: null, charts: 0 });
    expect(readFileSync(join(dir, 'kosong.html'), 'utf8')).toContain('No allocation for this year yet');
    expect(await run('report', 'html', '--tahun', 'lalu')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tahun lalu') });
    expect(await run('report', 'html', '--as-of', '2026-02-30')).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of 2026-02-30') });
    expect(await run('report', 'html', '--out', 'x-{run}.html', '--tahun', '2026')).toMatchObject({ code: 2, stderr: expect.stringContaining('{run}') });
    mkdirSync(join(dir, 'folder.html'));
    expect(await run('report', 'html', '--out', 'folder.html', '--tahun', '2026')).toMatchObject({ code: 1, stderr: expect.stringContaining('is a folder') });
    expect(existsSync(join(dir, 'laporan-uep-2026.html'))).toBe(false);
  });

  it('a draft allocation: shown with a warning, monitoring not yet', async () => {
    const { db, dir, path } = freshDb();
    allocationRun(db, { tahun: 2026, status: 'draft' });
    db.close();
    const r = await uep(['report', 'html', '--tahun', '2026', '--db', path, '--lang', 'id'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'laporan-uep-2026.html'), 'utf8');
    expect(html).toContain('masih berupa draf');
    expect(html).toContain('Pemantauan dimulai setelah alokasi ditetapkan');
    expect(r.stderr).toContain('Laporan program ditulis ke');
  });
});
