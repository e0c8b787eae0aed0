import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/i18n/catalogue.js';
import { RETENTION_RULES } from '../../src/pdp/config.js';
import { CATEGORIES } from '../../src/pdp/record.js';
import { englishIn } from '../i18n/english.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { allocated, ANI, DEDI } from '../appeal/world.js';

const FULL_NUMBERS = /\d{16}/;

interface Record_ {
  categories: { category: string; specific: boolean; records: number }[];
  sources: { kind: string; file_name: string; sha256: string; read: number; inserted: number }[];
  decisions: { rubrics: { version: string; scores: number }[]; scores_by_tahun: { tahun: number; scored: number; eligible: number }[]; runs: { id: number; status: string; inputs_sha256: string; selected: number }[] };
  disclosures: { command: string; nik_masked: boolean | null; files: number | null; operator: string }[];
  operators: { operator: string; command: string; runs: number }[];
  objections: Record<string, number>;
  retention: { rule: string; years: number; held: number; due: number }[];
}

/** The allocated year, plus an old application (2019), two exports (one unmasked) and an appeal. */
async function world() {
  const w = await allocated();
  await w.run('applicants', 'import', writeFile(w.dir, 'old.csv', ['nik,jenis_usaha,tanggal_daftar', `${DEDI},bengkel,2019-01-10`]), '--tahun', '2019', '--rejects', 'rejects.csv', '--quiet');
  await w.run('export', 'allocation', '--out', 'sk', '--operator', 'Rahma', '--quiet');
  await w.run('export', 'usulan', '--out', 'usulan', '--no-mask-nik', '--operator', 'Agus', '--quiet');
  await w.run('appeal', 'record', DEDI, '--reason', 'desil salah', '--quiet');
  return w;
}

describe('uep report pdp', () => {
  it('is computed from what the database holds: categories, every import with its hash, rubrics and runs, operators, exports and masking, retention', async () => {
    const w = await world();
    const r = await w.run('report', 'pdp', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record_;
    const cat = Object.fromEntries(doc.categories.map((c) => [c.category, c]));
    expect(cat.identitas).toMatchObject({ records: 4, specific: false });
    expect(cat.kesehatan).toMatchObject({ records: 4, specific: true });
    expect(cat.keberatan_temuan!.records).toBe(1);
    const dtks = readFileSync(join(w.dir, 'dtks.csv'));
    expect(doc.sources.map((s) => [s.kind, s.file_name, s.read])).toEqual([['dtks', 'dtks.csv', 4], ['applicants', 'p.csv', 4], ['assessments', 'a.csv', 4], ['applicants', 'old.csv', 1]]);
    expect(doc.sources[0]!.sha256).toBe(createHash('sha256').update(dtks).digest('hex'));
    expect(doc.decisions.rubrics).toEqual([expect.objectContaining({ version: '2026.1', scores: 4 })]);
    expect(doc.decisions.scores_by_tahun).toEqual([{ tahun: 2026, scored: 4, eligible: 3 }]);
    const d = openDb(w.db);
    expect(doc.decisions.runs).toEqual([expect.objectContaining({ id: 1, status: 'final', selected: 2, inputs_sha256: d.prepare(`SELECT inputs_sha256 FROM allocation_runs`).pluck().get() })]);
    d.close();
    // A rejects file holds the rows as they were: personal data leaving the database unmasked.
    expect(doc.disclosures.map((x) => [x.command, x.operator, x.nik_masked])).toEqual([
      ['applicants import', expect.any(String), false], ['export allocation', 'Rahma', true], ['export usulan', 'Agus', false],
    ]);
    expect(doc.operators).toContainEqual(expect.objectContaining({ operator: 'Agus', command: 'export usulan', runs: 1 }));
    expect(doc.objections).toEqual({ appeals_open: 1, appeals_decided: 0, findings: 0 });
    const ret = Object.fromEntries(doc.retention.map((x) => [x.rule, x]));
    // The 2019 application is past five years; this year's are not; the two beneficiaries are kept ten.
    expect(ret.pendaftar_tidak_terpilih).toEqual({ rule: 'pendaftar_tidak_terpilih', years: 5, held: 3, due: 1 });
    expect(ret.penerima).toEqual({ rule: 'penerima', years: 10, held: 2, due: 0 });
    expect(r.stdout).not.toMatch(FULL_NUMBERS);
  });

  it('retention periods come from the settings file; a bad one is refused naming the file and field', async () => {
    const w = await world();
    const config = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/pdp.json'), 'utf8')) as { retensi: Record<string, number> };
    config.retensi.pendaftar_tidak_terpilih = 10;
    writeFile(w.dir, 'pdp.json', JSON.stringify(config));
    const doc = JSON.parse((await w.run('report', 'pdp', '--config', 'pdp.json', '--json')).stdout) as Record_;
    expect(doc.retention.find((x) => x.rule === 'pendaftar_tidak_terpilih')).toMatchObject({ years: 10, due: 0 });
    config.retensi.kunjungan = 0;
    writeFile(w.dir, 'bad.json', JSON.stringify(config));
    const bad = await w.run('report', 'pdp', '--config', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.json');
    expect(bad.stderr).toContain('retensi.kunjungan');
  });

  it('Indonesian by default, no full NIK; --out writes an owner-only file and never overwrites without --force', async () => {
    const w = await world();
    const text = await uep(['report', 'pdp', '--db', w.db], { cwd: w.dir, env: { UEP_LANG: 'id' } });
    expect(text.stdout).toContain('CATATAN PEMROSESAN DATA PRIBADI');
    expect(text.stdout).toContain('kesehatan — kesehatan dan disabilitas (data spesifik)');
    expect(englishIn(text.stdout)).toEqual([]);
    expect(text.stdout).not.toMatch(FULL_NUMBERS);
    expect(text.stdout).not.toContain(ANI.slice(4, 12));
    const out = await uep(['report', 'pdp', '--db', w.db, '--out', 'pdp-{date}.txt'], { cwd: w.dir, env: { UEP_LANG: 'id' } });
    expect(out.code).toBe(0);
    const file = out.stdout.trim();
    // The file holds what the screen showed (only the time it was made differs).
    const strip = (x: string) => x.replace(/^Dibuat .*$/m, '');
    expect(strip(readFileSync(file, 'utf8'))).toBe(strip(text.stdout));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await w.run('report', 'pdp', '--out', file)).code).toBe(1);
    expect((await w.run('report', 'pdp', '--out', file, '--force')).code).toBe(0);
  });

  it('every category and retention rule has one explanation in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const pdp = loadCatalogue(lang).pdp as Record<string, object>;
      expect(Object.keys(pdp.category!).sort()).toEqual([...CATEGORIES].sort());
      expect(Object.keys(pdp.retention!).sort()).toEqual([...RETENTION_RULES].sort());
    }
  });
});
