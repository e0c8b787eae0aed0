/**
 * One definition per registry fact (docs/facts.md): for every awkward case, the fact stored with
 * the score, what `uep explain` shows, the pool's rank order, and the exported annex agree.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPool } from '../../src/allocate/pool.js';
import { allocationRows } from '../../src/export/allocation-rows.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { buildWorld, CONTESTS, E, explained, exported, MOVED, type World } from './world.js';

let w: World;
let files: Map<string, string[][]>;
beforeAll(async () => {
  w = await buildWorld();
  files = await exported(w);
}, 120_000);
afterAll(() => rmSync(w.dir, { recursive: true, force: true }));

/** The annex's list of a kind (penerima, cadangan) for a regency: its rows without the header. */
const list = (kind: string, kode: string) => [...files.entries()].find(([name]) => name.startsWith(`${kind}-${kode}-`))?.[1].slice(1) ?? [];
/** The fairness table's pool count of a group in a regency. */
const fairnessPool = (kode: string, kelompok: string) => Number(files.get('keadilan.csv')!.find((r) => r[0] === kode && r[2] === kelompok)![3]);

function stored(nik: string) {
  const d = openDb(w.db);
  try {
    const row = d.prepare(`SELECT s.breakdown_json FROM scores s JOIN applications a ON a.id = s.application_id WHERE a.nik = ? AND a.tahun = 2026`).pluck().get(nik) as string;
    return (JSON.parse(row) as { facts: Record<string, unknown> }).facts;
  } finally {
    d.close();
  }
}

function runTwo() {
  const d = openDb(w.db);
  try {
    const pool = new Map(loadPool(d, 2026).rows.map((r) => [r.nik, r]));
    const results = new Map((d.prepare(`SELECT nik, kode_kabupaten, rank, outcome FROM allocation_results WHERE run_id = 2`).all() as
      { nik: string; kode_kabupaten: string; rank: number; outcome: string }[]).map((r) => [r.nik, r]));
    const exportRows = new Map(allocationRows(d, 2).map((r) => [r.nik, r]));
    return { pool, results, exportRows };
  } finally {
    d.close();
  }
}

describe('every user of a registry fact agrees', () => {
  it('active PKH, rentan_pkh and wrse: score, explain, the tie at the cut-off, and the annex', async () => {
    const { pool, results, exportRows } = runTwo();
    const observed: unknown[] = [];
    const wanted: unknown[] = [];
    for (const c of CONTESTS) {
      const [a, b] = [await explained(w, c.a), await explained(w, c.b)];
      // Counted in persons, named so (allocate --json's eligible_applicants); family cards are not counted here.
      expect([a.allocation?.eligible_applicants, a.allocation?.eligible]).toEqual([expect.any(Number), undefined]);
      // A tie at the cut-off: equal total and desil, so only active PKH (then registration) decides.
      expect([c.name, a.score.total_score, a.score.facts.desil]).toEqual([c.name, b.score.total_score, b.score.facts.desil]);
      const facts = stored(c.a);
      observed.push({
        case: c.name,
        score: { pkh_aktif: facts.pkh_aktif, rentan_pkh: facts.rentan_pkh, wrse: facts.wrse },
        explain: { pkh_aktif: a.score.facts.pkh_aktif, rentan_pkh: a.score.facts.rentan_pkh, wrse: a.score.facts.wrse },
        explain_registry_now: a.score.facts_changed,
        explain_ranked_with: (a.allocation?.ranked_with as { pkh: boolean } | null)?.pkh,
        pool: pool.get(c.a)?.pkh,
        selected: results.get(c.a)?.outcome === 'selected',
        rival_waitlisted_or_selected: results.get(c.b)?.outcome === (c.expected.pkh_aktif ? 'waitlist' : 'selected'),
        annex_penerima: list('penerima', c.kode).map((r) => r[2]),
        annex_row: exportRows.get(c.a)?.pkh,
        annex_keluarga_pkh: fairnessPool(c.kode, 'keluarga_pkh'),
      });
      const pkh = c.expected.pkh_aktif;
      wanted.push({
        case: c.name, score: c.expected, explain: c.expected, explain_registry_now: [], explain_ranked_with: pkh, pool: pkh, selected: pkh,
        rival_waitlisted_or_selected: true, annex_penerima: [pkh ? c.a : c.b], annex_row: pkh, annex_keluarga_pkh: pkh ? 1 : 0,
      });
    }
    expect(observed).toEqual(wanted);
  });

  it('earlier recipient: lists and final runs of earlier years, not a replaced beneficiary, not the same year', async () => {
    const { pool } = runTwo();
    const cases: [string, number | null][] = [[E.list2025, 2025], [E.replaced2025, null], [E.replacement2025, 2025], [E.list2026, null]];
    const observed = [];
    for (const [n] of cases) {
      const x = await explained(w, n);
      observed.push([stored(n).earlier_recipient, x.score.facts.earlier_recipient, x.score.eligible, x.score.facts_changed, pool.has(n), list('penerima', '6472').concat(list('cadangan', '6472')).some((r) => r[2] === n) || pool.has(n)]);
    }
    expect(observed).toEqual(cases.map(([, year]) => [year, year, year === null, [], year === null, year === null]));
    expect((await explained(w, E.list2025)).score.reasons).toEqual(['earlier_recipient']);
  });

  it('the regency of residence is DTKS\'s, not the NIK\'s: score, explain, pool, run and annex', async () => {
    const { pool, results } = runTwo();
    const rivalOf6409 = CONTESTS.find((c) => c.kode === '6409')!.b;
    for (const [n, kode] of [[MOVED, '6474'], [rivalOf6409, '6409']] as const) {
      const x = await explained(w, n);
      const annex = [...list('penerima', kode), ...list('cadangan', kode)].some((r) => r[2] === n);
      expect([n.slice(0, 4), stored(n).kode_kabupaten, x.score.facts.kode_kabupaten, x.kode_kabupaten, x.allocation?.kode_kabupaten,
        pool.get(n)?.kode_kabupaten, results.get(n)?.kode_kabupaten, annex]).toEqual(['6472', kode, kode, kode, kode, kode, kode, true]);
    }
  });

  // Changes the world: runs last.
  it('registry data imported after scoring: explain says so, the run keeps to the scores, and a new score shows in verify', async () => {
    const none = CONTESTS[0]!;
    const r = await w.run('import', 'pkh', writeFile(w.dir, 'pkh-baru.csv', ['NIK,NAMA,STATUS', `${none.a},Warga,1`]), '--quiet');
    expect(r.code).toBe(0);
    const x = await explained(w, none.a);
    expect(x.score.facts.pkh_aktif).toBe(false);
    expect(x.score.facts_changed).toEqual([{ fact: 'pkh_aktif', scored: false, now: true }]);
    expect((await uep(['explain', none.a, '--tahun', '2026', '--db', w.db], { cwd: w.dir })).stdout)
      .toContain('the registry changed since this score (pkh_aktif: no → yes): run `uep score` to apply it');
    // The run, its pool and its annex still agree with the scores it was made from.
    const same = await w.run('allocate', 'verify', '2', '--json');
    expect([same.code, JSON.parse(same.stdout)]).toEqual([0, expect.objectContaining({ inputs_unchanged: true, identical: true, input_changes: [] })]);
    expect(fairnessPool(none.kode, 'keluarga_pkh')).toBe(0);

    expect((await w.run('score', '--tahun', '2026', '--quiet')).code).toBe(0);
    const changed = await w.run('allocate', 'verify', '2');
    expect(changed.code).toBe(1);
    const d = openDb(w.db);
    const id = d.prepare(`SELECT id FROM applications WHERE nik = ? AND tahun = 2026`).pluck().get(none.a) as number;
    d.close();
    expect(changed.stderr).toContain(`The pool's PKH flag (active PKH, the rubric's pkh_aktif) changed for 1 applicant(s) (application ${id}).`);
    expect(changed.stderr).toContain(`The total score changed for 1 applicant(s) (application ${id}).`);
    expect(changed.stderr).not.toContain(none.a);
    // The annex of run 2 still shows what run 2 ranked with.
    const again = await w.run('export', 'allocation', '--run', '2', '--out', 'annex2', '--no-mask-nik', '--quiet');
    expect(again.code).toBe(0);
    const d2 = openDb(w.db);
    expect(allocationRows(d2, 2).find((row) => row.nik === none.a)?.pkh).toBe(false);
    d2.close();
  });
});
