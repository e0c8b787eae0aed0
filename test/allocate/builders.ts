/** Small builders for allocation tests: pool rows in memory, and applicants in a real database. */
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/db/open.js';
import type { AllocationParams, PoolRow } from '../../src/allocate/types.js';
import { equalRegions } from '../../src/allocate/regions.js';

export const KODES = ['6401', '6402', '6403', '6407', '6408', '6409', '6411', '6471', '6472', '6474'];

export const PAKET: Record<string, number> = {
  makanan: 4_750_000, minuman: 4_500_000, gorengan: 4_500_000, ternak_ayam: 5_000_000, pengolahan_kue: 4_750_000, bengkel: 5_000_000,
};

/** A valid-looking NIK of regency `kode`, unique per serial (< 2,000,000). */
export function nikFor(kode: string, serial: number, jk: 'L' | 'P' = 'L'): string {
  const day = (serial % 28) + 1 + (jk === 'P' ? 40 : 0);
  const rest = Math.floor(serial / 28);
  const month = (rest % 12) + 1;
  const n = Math.floor(rest / 12);
  return `${kode}01${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(80 + (n % 20)).padStart(2, '0')}${String(Math.floor(n / 20)).padStart(4, '0')}`;
}

export function poolRow(i: number, over: Partial<PoolRow> = {}): PoolRow {
  const kode = over.kode_kabupaten ?? KODES[i % KODES.length]!;
  const jk = over.jenis_kelamin ?? (i % 2 === 0 ? 'P' : 'L');
  return {
    application_id: i + 1, nik: nikFor(kode, i, jk ?? 'L'), no_kk: `${kode}0100000${String(i).padStart(5, '0')}`.slice(0, 16),
    kode_kabupaten: kode, total_score: 50, desil: 1, pkh: false, tanggal_daftar: '2026-02-01', jenis_usaha: 'makanan',
    jenis_kelamin: jk, ...over,
  };
}

export function params(over: Partial<AllocationParams> = {}): AllocationParams {
  return {
    tahun: 2026, slots: 1500, method: 'equal', regions: equalRegions(), waitlist: { percent: '10' }, seed: '2026', paket: PAKET, ...over,
  };
}

/** Inserts a row, filling NOT NULL columns without a default that the test does not care about. */
function insert(db: Db, table: string, values: Record<string, unknown>): number {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
  const row: Record<string, unknown> = {};
  for (const c of cols) {
    if (c.name in values) row[c.name] = values[c.name];
    else if (c.notnull && c.dflt_value === null && !c.pk) row[c.name] = c.name.endsWith('_json') ? '{}' : /INT|REAL/i.test(c.type) ? 0 : 'x';
  }
  const names = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row).lastInsertRowid);
}

export interface ApplicantSpec {
  kode?: string;
  score?: number;
  desil?: number | null;
  pkh?: boolean;
  tanggal?: string | null;
  jenis?: string;
  disepakati?: string;
  jk?: 'L' | 'P';
  no_kk?: string | null;
  eligible?: boolean;
  tahun?: number;
  rubric?: string;
}

/** Applicants with persons, scores (and PKH/assessment rows when asked) in a real database. */
export class Applicants {
  private serial = 0;
  private readonly batch: number;
  constructor(readonly db: Db) {
    this.batch = insert(db, 'import_batches', { kind: 'dtks', file_name: 'test.csv', sha256: 'x', started_at: '2026-01-01T00:00:00Z' });
  }

  add(spec: ApplicantSpec = {}): { nik: string; application_id: number } {
    const s = this.serial++;
    const kode = spec.kode ?? '6472';
    const jk = spec.jk ?? (s % 2 === 0 ? 'P' : 'L');
    const nik = nikFor(kode, s, jk);
    const no_kk = spec.no_kk === undefined ? `64${String(s).padStart(14, '0')}` : spec.no_kk;
    insert(this.db, 'persons', {
      nik, no_kk, nama: `Orang ${s}`, jenis_kelamin: jk, kode_kabupaten: kode, desil: spec.desil === undefined ? 1 : spec.desil,
      in_dtks: 1, first_batch_id: this.batch, changed_batch_id: this.batch,
    });
    if (spec.pkh) insert(this.db, 'pkh_members', { nik, no_kk, aktif: 1, first_batch_id: this.batch, changed_batch_id: this.batch });
    const application_id = insert(this.db, 'applications', {
      nik, tahun: spec.tahun ?? 2026, jenis_usaha: spec.jenis ?? 'makanan', tanggal_daftar: spec.tanggal === undefined ? '2026-02-01' : spec.tanggal,
    });
    if (spec.disepakati) {
      insert(this.db, 'assessments', { application_id, jenis_usaha_disepakati: spec.disepakati, answers_json: '{}', source: 'interview', tanggal: '2026-03-01' });
    }
    // The registry facts as scoring stores them (src/score/facts.ts): the pool ranks with these.
    const facts = {
      in_dtks: true, kode_kabupaten: kode, age: 40, desil: spec.desil === undefined ? 1 : spec.desil, pkh_aktif: !!spec.pkh,
      wrse: false, rentan_pkh: false, earlier_recipient: null, applications: 1,
    };
    insert(this.db, 'scores', {
      application_id, eligible: spec.eligible === false ? 0 : 1, total_score: spec.score ?? 50, need_score: 0, fit_score: 0,
      breakdown_json: JSON.stringify({ jenis_usaha: spec.disepakati ?? spec.jenis ?? 'makanan', facts }),
      kode_kabupaten: facts.kode_kabupaten, desil: facts.desil, pkh_aktif: facts.pkh_aktif ? 1 : 0,
      rubric_version: spec.rubric ?? 'v1', rubric_sha256: spec.rubric ?? 'v1-sha', scored_at: '2026-03-02T00:00:00Z',
    });
    return { nik, application_id };
  }

  /** `n` applicants in each of `counts`' regencies with distinct, descending scores. */
  fill(counts: Record<string, number>, spec: ApplicantSpec = {}): void {
    for (const [kode, n] of Object.entries(counts)) for (let i = 0; i < n; i++) this.add({ ...spec, kode, score: 100 - i * 0.01 - this.serial * 1e-6 });
  }
}

/** A database file in `dir` (uep.sqlite), migrated. */
export function dbIn(dir: string): Db {
  return openDatabase(join(dir, 'uep.sqlite'));
}
