import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { DTKS_IMPORT } from '../../src/import/dtks.js';
import { PKH_IMPORT } from '../../src/import/pkh.js';
import { mapHeader } from '../../src/import/headers.js';
import { nikDateParts } from '../../src/nik/nik.js';
import { BDT_HEADER, DIRT_KINDS, DTKS_HEADER, REJECT_KINDS, WARNING_KINDS, writeDtksCsv, type DirtKind } from '../../src/sample/dtks.js';
import { PKH_HEADER, writePkhCsv } from '../../src/sample/pkh.js';
import { REGENCIES, syntheticPerson } from '../../src/sample/people.js';
import { Random } from '../../src/sample/random.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function tmp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'uep-sample-'));
  dirs.push(dir);
  return join(dir, name);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const read = (path: string, delimiter = ','): string[][] => parse(readFileSync(path), { bom: true, delimiter });
const DATA = new URL('../../data/regions/', import.meta.url);
const dataNames = (file: string) =>
  new Set(readFileSync(new URL(file, DATA), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]!.toLowerCase()));

/** Runs the importer's own row validator and duplicate rule over a file; counts reasons and warnings. */
function importCounts(path: string, delimiter: string, kind = DTKS_IMPORT) {
  const [header, ...rows] = read(path, delimiter);
  const validate = kind.validator(mapHeader('x.csv', header!, kind.fields), {}, undefined as never);
  const counts: Record<string, number> = {};
  const accepted: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const r = validate(row);
    if (!r.ok) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
    else if (seen.has(r.values[0] as string)) counts.nik_duplicate = (counts.nik_duplicate ?? 0) + 1;
    else {
      seen.add(r.values[0] as string);
      accepted.push(r.values[0] as string);
      for (const w of r.warnings) counts[w] = (counts[w] ?? 0) + 1;
    }
  }
  return { counts, accepted, rows: rows.length };
}

const nonZero = (dirty: Record<DirtKind, number>) => Object.fromEntries(Object.entries(dirty).filter(([, n]) => n > 0));

describe('random', () => {
  it('is deterministic and in range', () => {
    const a = Random.for(1, 2, 3);
    const b = Random.for(1, 2, 3);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 7));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.int(3, 7)));
    expect(new Set(xs)).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(Random.for(1, 2, 4).uint32()).not.toBe(Random.for(1, 2, 3).uint32());
  });

  it('is never Math.random', () => {
    const dir = new URL('../../src/sample/', import.meta.url);
    for (const f of readdirSync(dir)) expect(readFileSync(new URL(f, dir), 'utf8')).not.toMatch(/Math\.random\s*\(/);
  });
});

describe('syntheticPerson', () => {
  it('is a pure function of (seed, index), in any order', () => {
    const forward = Array.from({ length: 50 }, (_, i) => syntheticPerson(7, i));
    const backward = Array.from({ length: 50 }, (_, i) => syntheticPerson(7, 49 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(syntheticPerson(8, 3)).not.toEqual(syntheticPerson(7, 3));
  });

  it('has unique, consistent NIKs and plausible proportions', () => {
    const n = 30000;
    const niks = new Set<string>();
    const regencies = new Set<string>();
    let women = 0, pkh = 0, low = 0, outside = 0;
    for (let i = 0; i < n; i++) {
      const p = syntheticPerson(3, i);
      niks.add(p.nik);
      regencies.add(p.kabupaten);
      expect(p.nik).toMatch(/^\d{16}$/);
      expect(p.no_kk).toMatch(/^\d{16}$/);
      expect(p.no_kk.slice(0, 6)).toBe(p.nik.slice(0, 6));
      const d = nikDateParts(p.nik)!;
      expect(`${d.day}-${d.month}-${d.yy}-${d.jenisKelamin}`).toBe(
        `${Number(p.tanggal_lahir.slice(8))}-${Number(p.tanggal_lahir.slice(5, 7))}-${Number(p.tanggal_lahir.slice(2, 4))}-${p.jenis_kelamin}`,
      );
      if (p.nik_luar_provinsi) outside++;
      else expect(p.nik.slice(0, 6)).toBe(p.kode_kecamatan);
      if (p.index === p.kk_index) expect(p.hubungan_keluarga).toBe('kepala keluarga');
      else expect(syntheticPerson(3, p.kk_index).no_kk).toBe(p.no_kk);
      if (p.jenis_kelamin === 'P') women++;
      if (p.pkh) pkh++;
      if (p.desil <= 4) low++;
    }
    expect(niks.size).toBe(n);
    expect(regencies.size).toBe(10);
    expect(women / n).toBeGreaterThan(0.55);
    expect(women / n).toBeLessThan(0.65);
    expect(pkh / n).toBeGreaterThan(0.3);
    expect(pkh / n).toBeLessThan(0.4);
    expect(low / n).toBeGreaterThan(0.6);
    expect(outside / n).toBeGreaterThan(0.015);
    expect(outside / n).toBeLessThan(0.045);
  });
});

describe('writeDtksCsv', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', async () => {
    const [a, b, c] = [tmp('a.csv'), tmp('b.csv'), tmp('c.csv')];
    const ra = await writeDtksCsv(a, { rows: 3000, seed: 42 });
    const rb = await writeDtksCsv(b, { rows: 3000, seed: 42 });
    await writeDtksCsv(c, { rows: 3000, seed: 43 });
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(a)).not.toBe(sha256(c));
    expect(rb).toEqual(ra);
    expect(ra.bytes).toBe(readFileSync(a).length);
  });

  it('writes the DTKS header and the requested rows; a clean file is all valid', async () => {
    const path = tmp('dtks.csv');
    const result = await writeDtksCsv(path, { rows: 2000, seed: 5, dirt: 0 });
    expect(readFileSync(path, 'utf8').split('\n', 1)[0]).toBe(DTKS_HEADER.join(','));
    expect(DTKS_HEADER).toHaveLength(17);
    const [header, ...rows] = read(path);
    expect(header).toEqual(DTKS_HEADER);
    expect(rows).toHaveLength(2000);
    expect(result.rows).toBe(2000);
    expect(Object.keys(result.dirty).sort()).toEqual([...DIRT_KINDS].sort());
    expect(nonZero(result.dirty)).toEqual({ nik_outside_province: result.dirty.nik_outside_province });
    const kecamatan = dataNames('districts.csv');
    const desa = dataNames('villages.csv');
    const strip = (s: string) => s.toLowerCase().replace(/^(kec\.|kel\.|desa) /, '');
    for (const [nik, , , jk, tgl, , , kec, ds] of rows as string[][]) {
      expect(nik).toMatch(/^\d{16}$/);
      const d = nikDateParts(nik!)!;
      expect(d).toBeDefined();
      expect(jk!.startsWith(d.jenisKelamin === 'L' ? 'L' : 'P')).toBe(true);
      const [y, m, day] = /^\d{4}/.test(tgl!) ? tgl!.split('-').map(Number) : tgl!.split(/[-/]/).map(Number).reverse();
      expect([day, m, y! % 100]).toEqual([d.day, d.month, d.yy]);
      expect(kecamatan.has(strip(kec!))).toBe(true);
      expect(desa.has(strip(ds!))).toBe(true);
    }
    // Quoting: commas, doubled quotes and line breaks survive.
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/"[^"\n]*,[^"\n]*"/);
    expect(text).not.toContain('\r');
  });

  it('returns exactly the reasons and warnings the importer finds', async () => {
    const path = tmp('dirty.csv');
    const result = await writeDtksCsv(path, { rows: 6000, seed: 11, dirt: 0.1 });
    for (const k of DIRT_KINDS) expect(result.dirty[k], k).toBeGreaterThan(0);
    const { counts, rows } = importCounts(path, ',');
    expect(rows).toBe(6000);
    expect(counts).toEqual(nonZero(result.dirty));
    const rejected = REJECT_KINDS.reduce((s, k) => s + result.dirty[k], 0);
    expect(rejected / 6000).toBeGreaterThan(0.03);
    expect(WARNING_KINDS).toContain('nik_outside_province');
  });

  it('writes BDT style: BOM, CRLF, semicolons, BPS codes, and importer-exact counts', async () => {
    const path = tmp('bdt.csv');
    const result = await writeDtksCsv(path, { rows: 3000, seed: 11, style: 'bdt', dirt: 0.1 });
    const buf = readFileSync(path);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text.split('\r\n', 1)[0]).toBe(BDT_HEADER.join(';'));
    expect(text.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    const [, ...rows] = read(path, ';');
    expect(rows).toHaveLength(3000);
    const bps = new Map(REGENCIES.map((r) => [r.bps.slice(2), r.kode]));
    let kukar = 0;
    for (const row of rows) {
      if (row[0] !== '64' || row[1] === '') continue; // region_unknown dirt
      expect(bps.has(row[1]!)).toBe(true);
      expect(row[7]).toMatch(/^[12]$/);
      expect(row[10]).toMatch(/^[1-8]$/);
      expect(row[11]).toMatch(/^[01]$/);
      const nik = row[4]!;
      if (/^\d{16}$/.test(nik) && nik.startsWith('6402') && nikDateParts(nik)) {
        expect(row[1]).toBe('03'); // Kemendagri 6402 Kutai Kartanegara is BPS 6403
        kukar++;
      }
    }
    expect(kukar).toBeGreaterThan(0);
    expect(result.dirty.kecamatan_unknown + result.dirty.desa_unknown).toBe(0);
    expect(importCounts(path, ';').counts).toEqual(nonZero(result.dirty));
  });

  it('honours startIndex and onlyKabupaten, and gives small Mahakam Ulu rows', async () => {
    const path = tmp('mahulu.csv');
    const result = await writeDtksCsv(path, { rows: 200, seed: 9, startIndex: 1000, onlyKabupaten: ['6411'] });
    const [, ...rows] = read(path);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => ['Mahakam Ulu', 'MAHAKAM ULU', 'Kab. Mahakam Ulu', 'KABUPATEN MAHAKAM ULU', 'Kabupaten Mahakam Ulu', 'Mahulu', 'Mahakam Hulu'].includes(r[6]!) || r[6] === '' || /jakarta/i.test(r[6]!))).toBe(true);
    expect(importCounts(path, ',').counts).toEqual(nonZero(result.dirty));
    const all = tmp('all.csv');
    await writeDtksCsv(all, { rows: 20000, seed: 9, dirt: 0 });
    const counts = new Map<string, number>();
    for (const r of read(all)) counts.set(r[6]!.toLowerCase(), (counts.get(r[6]!.toLowerCase()) ?? 0) + 1);
    expect([...counts].filter(([k]) => k.includes('mahakam') || k === 'mahulu').reduce((s, [, n]) => s + n, 0)).toBeGreaterThan(50);
  });
});

describe('writePkhCsv', () => {
  it('lists accepted DTKS people by NIK plus the requested share of outsiders', async () => {
    const dtks = tmp('dtks.csv');
    const pkh = tmp('pkh.csv');
    await writeDtksCsv(dtks, { rows: 4000, seed: 21, dirt: 0.1 });
    const result = await writePkhCsv(pkh, { seed: 21, dtksRows: 4000, rows: 800, notInDtks: 0.1, dirt: 0.1 });
    expect(result).toEqual({ rows: 800, notInDtks: 80 });
    const [header, ...rows] = read(pkh);
    expect(header).toEqual(PKH_HEADER);
    expect(rows).toHaveLength(800);
    const accepted = new Set(importCounts(dtks, ',').accepted);
    expect(rows.filter((r) => !accepted.has(r[0]!))).toHaveLength(80);
    expect(new Set(rows.map((r) => r[0])).size).toBe(800);
    for (const r of rows) {
      expect(r[4]).toMatch(/^(AKTIF|TIDAK AKTIF)$/);
      for (const c of r.slice(5, 10)) expect(c).toMatch(/^[0-3]$/);
    }
    const { counts } = importCounts(pkh, ',', PKH_IMPORT);
    expect(counts).toEqual({});
    const again = tmp('pkh2.csv');
    await writePkhCsv(again, { seed: 21, dtksRows: 4000, rows: 800, notInDtks: 0.1, dirt: 0.1 });
    expect(sha256(again)).toBe(sha256(pkh));
  });
});
