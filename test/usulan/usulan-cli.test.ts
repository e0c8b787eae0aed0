import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/i18n/catalogue.js';
import { TEMUAN } from '../../src/usulan/temuan.js';
import { nik, openDb, uep, writeFile } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';
import { ALL_ROWS, DUPLICATES, importWorld } from '../review/world.js';

const FULL_NUMBERS = /\d{16}/;
const CELLS = ['tidak_ada', '3', 'ya', 'tinggi', 'gorengan', 'memasak', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];

/**
 * The registry of the duplicate tests, and one case from each source: a visit finding (died), a
 * poor family the registry lacks, a duplicate decision, and an assessed applicant who has left DTKS.
 */
async function world() {
  const w = await importWorld();
  const run = (...args: string[]) => uep([...args, '--db', w.db], { cwd: w.dir });
  const died = DUPLICATES[0]![1];
  const left = DUPLICATES[4]![2]; // Bontang
  const missing = nik('6474', 11, 11, 88, 5, true);
  expect((await run('usulan', 'record', died.nik, '--temuan', 'meninggal', '--sumber', 'kunjungan', '--tanggal', '2026-03-02',
    '--petugas', 'Agus (PSM)', '--catatan', 'meninggal Januari 2026, keterangan dari ketua RT')).code).toBe(0);
  expect((await run('usulan', 'record', missing, '--temuan', 'belum_terdaftar', '--nama', 'Wati', '--kabupaten', 'Bontang', '--tanggal', '2026-03-03')).code).toBe(0);
  await run('review', 'duplicates', '--quiet');
  const d = openDb(w.db);
  const [a, b] = [DUPLICATES[1]![1].nik, DUPLICATES[1]![2].nik];
  const pair = d.prepare(`SELECT id FROM duplicate_pairs WHERE nik_a = ? AND nik_b = ?`).pluck().get(a < b ? a : b, a < b ? b : a) as number;
  await run('review', 'decide', String(pair), '--as', 'same_person', '--keep', a, '--note', 'KTP baru', '--operator', 'Rahmawati');
  // An applicant assessed in need who has since left DTKS: a snapshot without them.
  await run('applicants', 'import', writeFile(w.dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${left.nik},gorengan,2026-01-10`]), '--tahun', '2026', '--quiet');
  const ids = RUBRIC.rubric.questions.map((q) => q.id);
  await run('assess', 'import', writeFile(w.dir, 'a.csv', [`nik,assessor,tanggal,${ids.join(',')}`, `${left.nik},Yusuf,2026-02-01,${CELLS.join(',')}`]), '--tahun', '2026', '--quiet');
  const header = readFileSync(w.file, 'utf8').split('\n');
  await run('import', 'dtks', writeFile(w.dir, 'snapshot.csv', header.filter((l) => !l.startsWith(left.nik))), '--snapshot', '--quiet');
  await run('score', '--tahun', '2026', '--quiet');
  d.close();
  return { ...w, run, died, left, missing, duplicate: b, keep: a };
}

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('uep export usulan', () => {
  it('writes one sheet per regency with every kind of case: NIK, name, what is wrong, what was seen, when, by whom; masked', async () => {
    const w = await world();
    const r = await w.run('export', 'usulan', '--out', 'out/{date}', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { dir: string; cases: number; usul: number; sanggah: number; files: { name: string; rows: number }[] };
    expect(doc).toMatchObject({ cases: 4, usul: 2, sanggah: 2, kabupaten: 2, nik_masked: true });
    expect(doc.files.map((f) => [f.name, f.rows])).toEqual([['usulan-6472-samarinda.csv', 2], ['usulan-6474-bontang.csv', 2], ['ringkasan-usulan.csv', 3]]);
    const samarinda = csvRows(join(doc.dir, 'usulan-6472-samarinda.csv'));
    expect(samarinda[0]).toEqual(['no', 'jenis', 'temuan', 'keterangan', 'nik', 'nama', 'no_kk', 'kecamatan', 'desa', 'alamat', 'dilihat', 'tanggal', 'oleh', 'sumber', 'ref']);
    const byTemuan = new Map(samarinda.slice(1).map((row) => [row[2], row]));
    expect(byTemuan.get('meninggal')).toEqual(expect.arrayContaining(['sanggah', 'has died', `${w.died.nik.slice(0, 4)}********${w.died.nik.slice(12)}`, w.died.nama,
      'meninggal Januari 2026, keterangan dari ketua RT', '2026-03-02', 'Agus (PSM)', 'kunjungan']));
    const dup = byTemuan.get('data_ganda')!;
    expect(dup[5]).toBe('SITI AMINAH');
    expect(dup[10]).toMatch(/^judged the same person as NIK 6472\*{8}\d{4} \(.*NIKs one digit apart.*\); note: KTP baru$/);
    expect(dup.slice(12, 14)).toEqual(['Rahmawati', 'review']);
    const bontang = csvRows(join(doc.dir, 'usulan-6474-bontang.csv'));
    expect(bontang.slice(1).map((row) => [row[1], row[2], row[5], row[13]])).toEqual([
      ['usul', 'belum_terdaftar', w.left.nama, 'asesmen'],
      ['usul', 'belum_terdaftar', 'Wati', 'kantor'],
    ]);
    expect(bontang[1]![10]).toBe('UEP applicant of 2026, assessed with need score 58.75, but not registered in DTKS');
    expect(bontang[1]!.slice(11, 13)).toEqual(['2026-02-01', 'Yusuf']);
    for (const f of readdirSync(doc.dir)) {
      expect(readFileSync(join(doc.dir, f), 'utf8')).not.toMatch(FULL_NUMBERS);
      expect(statSync(join(doc.dir, f)).mode & 0o777).toBe(0o600);
    }
    const d = openDb(w.db);
    expect(JSON.stringify(d.prepare(`SELECT params_json, result_json FROM audit_log`).all())).not.toMatch(FULL_NUMBERS);
    expect(JSON.parse(d.prepare(`SELECT result_json FROM audit_log WHERE command = 'export usulan'`).pluck().get() as string))
      .toMatchObject({ cases: 4, nik_masked: true, files: 3 });
    d.close();
  });

  it('--no-mask-nik writes full numbers; --kabupaten and --since narrow the cases; Indonesian text by default', async () => {
    const w = await world();
    const full = JSON.parse((await w.run('export', 'usulan', '--out', 'full', '--no-mask-nik', '--kabupaten', 'Samarinda', '--json')).stdout) as { dir: string; cases: number };
    expect(full.cases).toBe(2);
    const text = readFileSync(join(full.dir, 'usulan-6472-samarinda.csv'), 'utf8');
    expect(text).toContain(w.duplicate);
    expect(text).toContain(`NIK ${w.keep}`);
    const since = JSON.parse((await w.run('export', 'usulan', '--out', 'since', '--since', '2026-03-03', '--kabupaten', '6474', '--json')).stdout) as { cases: number };
    // The missing family (seen 3 March), not the applicant assessed on 1 February.
    expect(since.cases).toBe(1);
    const id = await uep(['export', 'usulan', '--out', 'id', '--db', w.db], { cwd: w.dir, env: { UEP_LANG: 'id' } });
    expect(id.stderr).toContain('4 temuan (2 usulan, 2 sanggahan) untuk 2 kabupaten/kota');
    expect(readFileSync(join(w.dir, 'id', 'usulan-6472-samarinda.csv'), 'utf8')).toContain('sudah meninggal dunia');
  });

  it('usulan record: bad codes are usage errors; a NIK the database lacks needs --nama and --kabupaten; the name and note stay out of the audit log', async () => {
    const w = await importWorld();
    const run = (...args: string[]) => uep([...args, '--db', w.db], { cwd: w.dir });
    expect((await run('usulan', 'record', ALL_ROWS[0]!.nik, '--temuan', 'kabur')).code).toBe(2);
    expect((await run('usulan', 'record', ALL_ROWS[0]!.nik, '--temuan', 'data_ganda')).stderr).toContain('--temuan data_ganda: expected one of');
    expect((await run('usulan', 'record', ALL_ROWS[0]!.nik, '--temuan', 'meninggal', '--sumber', 'tetangga')).code).toBe(2);
    const stranger = nik('6472', 1, 2, 90, 7);
    const r = await run('usulan', 'record', stranger, '--temuan', 'belum_terdaftar');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('give --nama and --kabupaten');
    expect(r.stderr).not.toContain(stranger);
    expect((await run('usulan', 'record', stranger, '--temuan', 'belum_terdaftar', '--nama', 'Wati Lestari', '--kabupaten', '6472', '--catatan', 'rumah papan')).code).toBe(0);
    const d = openDb(w.db);
    expect(d.prepare(`SELECT temuan, sumber, nama, kode_kabupaten, catatan FROM registry_findings`).all())
      .toEqual([{ temuan: 'belum_terdaftar', sumber: 'kantor', nama: 'Wati Lestari', kode_kabupaten: '6472', catatan: 'rumah papan' }]);
    const audit = JSON.stringify(d.prepare(`SELECT params_json FROM audit_log WHERE command = 'usulan record'`).pluck().all());
    expect(audit).not.toContain('Wati');
    expect(audit).not.toContain('rumah papan');
    d.close();
  });

  it('every finding code has one explanation in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(Object.keys(loadCatalogue(lang).usulan!.temuan as object).sort()).toEqual(Object.keys(TEMUAN).sort());
    }
  });
});
