import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseRun, getRun } from '../../src/allocate/store.js';
import { exportAllocation } from '../../src/export/allocation.js';
import { ROOT } from '../helpers.js';
import { allocationRun, freshDb, smallWorld, SITI, BUDI, JOKO } from './builders.js';

const NOW = new Date('2025-06-01T01:02:03.000Z');
const GOLDEN = join(ROOT, 'test', 'export', 'golden');

/** Compares every file of `dir` with test/export/golden/<set>/ byte for byte (UPDATE_GOLDEN=1 rewrites them). */
function expectGolden(dir: string, set: string): void {
  const want = join(GOLDEN, set);
  const names = readdirSync(dir).sort();
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(want, { recursive: true });
    for (const n of names) writeFileSync(join(want, n), readFileSync(join(dir, n)));
  }
  expect(names).toEqual(readdirSync(want).sort());
  for (const n of names) expect(readFileSync(join(dir, n)).toString('latin1'), n).toBe(readFileSync(join(want, n)).toString('latin1'));
}

describe('export allocation', () => {
  it('writes the golden plain CSV set, NIK and no_kk masked by default', async () => {
    const { db, dir } = freshDb();
    const { runId } = smallWorld(db);
    const out = join(dir, 'out');
    const r = await exportAllocation(db, { run: getRun(db, runId), dir: out, now: NOW });
    expect(r).toMatchObject({ nik_masked: true, selected: 4, waitlisted: 1, nilai_total: 19_500_000 });
    expectGolden(out, 'plain-masked');
    const all = readdirSync(out).map((n) => readFileSync(join(out, n), 'utf8')).join('\n');
    for (const full of [SITI, BUDI, JOKO, '6472010101200001']) expect(all).not.toContain(full);
  });

  it('writes the golden Excel set unmasked: BOM, semicolons, NIK and no_kk as they are (no hidden TAB)', async () => {
    const { db, dir } = freshDb();
    const { runId } = smallWorld(db);
    const out = join(dir, 'out');
    await exportAllocation(db, { run: getRun(db, runId), dir: out, excel: true, maskNik: false, now: NOW });
    expectGolden(out, 'excel-unmasked');
    const list = readFileSync(join(out, 'penerima-6472-samarinda.csv'));
    expect([...list.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(list.toString('utf8')).toContain(`;${SITI};Siti Aminah;6472010101200001;`);
    expect(list.toString('utf8')).not.toContain('\t');
    expect(list.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('the manifest names the run, its parameters and the sha256 of every file', async () => {
    const { db, dir } = freshDb();
    const { runId } = smallWorld(db);
    const out = join(dir, 'out');
    await exportAllocation(db, { run: getRun(db, runId), dir: out, format: 'json', now: NOW });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      generated_at: NOW.toISOString(), format: 'json', excel: false, command: 'export allocation', nik_masked: true,
      run: { id: runId, tahun: 2025, status: 'final' }, parameters: { slots: 4, method: 'equal' },
    });
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
      'penerima-6402-kutai-kartanegara.json', 'cadangan-6402-kutai-kartanegara.json', 'penerima-6472-samarinda.json',
      'cadangan-6472-samarinda.json', 'ringkasan.json', 'keadilan.json',
    ]);
    for (const f of manifest.files) {
      expect(createHash('sha256').update(readFileSync(join(out, f.name))).digest('hex')).toBe(f.sha256);
    }
    const ringkasan = JSON.parse(readFileSync(join(out, 'ringkasan.json'), 'utf8'));
    expect(ringkasan).toContainEqual({ kode_kabupaten: '6472', kabupaten: 'Samarinda', jenis_usaha: 'bengkel', penerima: 1, nilai_rupiah: 5000000 });
  });

  it('fairness: women, PKH families and desil of the selected against the pool', async () => {
    const { db, dir } = freshDb();
    const { runId } = smallWorld(db);
    const out = join(dir, 'out');
    await exportAllocation(db, { run: getRun(db, runId), dir: out, format: 'json', now: NOW });
    const rows = JSON.parse(readFileSync(join(out, 'keadilan.json'), 'utf8')) as Record<string, unknown>[];
    const prov = (k: string) => rows.find((r) => r.kode_wilayah === '64' && r.kelompok === k);
    // Pool: 6 applicants, 3 women; selected: 4, 2 women (Siti, Dewi).
    expect(prov('perempuan')).toMatchObject({ pool: 3, pool_persen: 50, terpilih: 2, terpilih_persen: 50, selisih_poin: 0 });
    expect(prov('keluarga_pkh')).toMatchObject({ pool: 1, terpilih: 1, terpilih_persen: 25 });
    expect(prov('desil_1')).toMatchObject({ pool: 2, terpilih: 2, terpilih_persen: 50 });
    expect(prov('desil_tidak_diketahui')).toMatchObject({ pool: 1, terpilih: 0 });
  });

  it('refuses a run that does not exist, and has no final run to default to', async () => {
    const { db, dir } = freshDb();
    expect(() => chooseRun(db)).toThrow(/no final allocation run yet/);
    const draft = allocationRun(db, { tahun: 2025, status: 'draft' });
    expect(() => chooseRun(db)).toThrow(/no final allocation run yet/);
    expect(() => chooseRun(db, draft + 1)).toThrow(/no allocation run/);
    expect(chooseRun(db, draft)).toMatchObject({ id: draft, status: 'draft' });
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });
});
