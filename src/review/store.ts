/**
 * Candidate pairs and the decisions on them, in the database (migration 7). A scan replaces the
 * undecided pairs of its scope and refreshes the score of decided ones found again; a decided
 * pair is never dropped and never offered again. Every decision is kept; the latest one of a
 * pair is in force (view duplicate_persons: the records judged duplicates).
 */
import type { Db } from '../db/open.js';
import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNik } from '../nik/nik.js';
import { kabupatenByKode } from '../regions/resolve.js';
import type { Decision, PairReason } from './reasons.js';
import type { FoundPair } from './scan.js';

export interface SaveSummary {
  /** Pairs the scan found (at or above the minimum score). */
  found: number;
  /** Of those, pairs not stored before. */
  new: number;
  /** Found pairs already decided: kept as decided, not offered again. */
  decided: number;
  /** Undecided pairs of the scan's scope that it did not find again: removed. */
  removed: number;
}

/** Stores a scan's pairs in one transaction. `tahun`: the scan covered only pairs with an applicant of that year. */
export function savePairs(db: Db, pairs: FoundPair[], scope: { tahun?: number }, now: Date): SaveSummary {
  const at = now.toISOString();
  return db.transaction((): SaveSummary => {
    const exists = db.prepare(`SELECT id, EXISTS (SELECT 1 FROM duplicate_decisions d WHERE d.pair_id = p.id) AS decided
      FROM duplicate_pairs p WHERE nik_a = ? AND nik_b = ?`);
    const upsert = db.prepare(`INSERT INTO duplicate_pairs (nik_a, nik_b, score, reasons, found_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (nik_a, nik_b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, seen_at = excluded.seen_at`);
    const summary: SaveSummary = { found: pairs.length, new: 0, decided: 0, removed: 0 };
    for (const p of pairs) {
      const before = exists.get(p.nik_a, p.nik_b) as { id: number; decided: number } | undefined;
      if (!before) summary.new++;
      else if (before.decided) summary.decided++;
      upsert.run(p.nik_a, p.nik_b, p.score, p.reasons.join(','), at, at);
    }
    const inScope = scope.tahun === undefined ? '1'
      : `(nik_a IN (SELECT nik FROM applications WHERE tahun = @tahun) OR nik_b IN (SELECT nik FROM applications WHERE tahun = @tahun))`;
    summary.removed = db.prepare(`DELETE FROM duplicate_pairs WHERE seen_at <> @at AND ${inScope}
      AND NOT EXISTS (SELECT 1 FROM duplicate_decisions d WHERE d.pair_id = duplicate_pairs.id)`)
      .run(scope.tahun === undefined ? { at } : { at, tahun: scope.tahun }).changes;
    return summary;
  }).immediate();
}

export interface PersonView {
  nik: string;
  nik_masked: string;
  nama: string;
  no_kk: string | null;
  jenis_kelamin: string | null;
  tanggal_lahir: string | null;
  kode_kabupaten: string;
  kabupaten: string;
  kecamatan: string | null;
  desa: string | null;
  alamat: string | null;
  in_dtks: boolean;
  /** Years in which this record applied for UEP. */
  applied: number[];
  /** Null when the record is no longer in the registry. */
  missing?: true;
}

export interface DecisionView {
  decision: Decision;
  keep_nik: string | null;
  operator: string;
  decided_at: string;
  note: string | null;
}

export interface PairView {
  id: number;
  score: number;
  reasons: PairReason[];
  found_at: string;
  seen_at: string;
  a: PersonView;
  b: PersonView;
  decision: DecisionView | null;
}

export type PairStatus = 'open' | 'unsure' | 'decided' | 'all';

export interface ListPairsOptions {
  status?: PairStatus;
  /** Only pairs in which a record applied in this year. */
  tahun?: number;
  minScore?: number;
  id?: number;
}

interface PairRow {
  id: number; nik_a: string; nik_b: string; score: number; reasons: string; found_at: string; seen_at: string;
  decision: Decision | null; keep_nik: string | null; operator: string | null; decided_at: string | null; note: string | null;
}

function personView(db: Db, nik: string): PersonView {
  const p = db.prepare(`SELECT nama, no_kk, jenis_kelamin, tanggal_lahir, kode_kabupaten, kecamatan, desa, alamat, in_dtks FROM persons WHERE nik = ?`)
    .get(nik) as Omit<PersonView, 'nik' | 'nik_masked' | 'kabupaten' | 'applied' | 'in_dtks'> & { in_dtks: number } | undefined;
  const applied = db.prepare(`SELECT tahun FROM applications WHERE nik = ? ORDER BY tahun`).pluck().all(nik) as number[];
  if (!p) {
    return { nik, nik_masked: maskNik(nik), nama: '', no_kk: null, jenis_kelamin: null, tanggal_lahir: null, kode_kabupaten: '', kabupaten: '',
      kecamatan: null, desa: null, alamat: null, in_dtks: false, applied, missing: true };
  }
  return { nik, nik_masked: maskNik(nik), ...p, in_dtks: p.in_dtks === 1, kabupaten: kabupatenByKode(p.kode_kabupaten)?.nama ?? p.kode_kabupaten, applied };
}

/** Pairs with both records and the decision in force, best score first. */
export function listPairs(db: Db, o: ListPairsOptions = {}): PairView[] {
  const status = o.status ?? 'open';
  const where = [
    status === 'open' ? 'd.decision IS NULL' : status === 'unsure' ? `d.decision = 'unsure'` : status === 'decided' ? `d.decision IN ('same_person', 'different')` : '1',
    o.tahun === undefined ? '1' : `(p.nik_a IN (SELECT nik FROM applications WHERE tahun = @tahun) OR p.nik_b IN (SELECT nik FROM applications WHERE tahun = @tahun))`,
    o.minScore === undefined ? '1' : 'p.score >= @minScore',
    o.id === undefined ? '1' : 'p.id = @id',
  ].join(' AND ');
  const rows = db.prepare(`
    SELECT p.id, p.nik_a, p.nik_b, p.score, p.reasons, p.found_at, p.seen_at, d.decision, d.keep_nik, d.operator, d.decided_at, d.note
    FROM duplicate_pairs p
    LEFT JOIN duplicate_decisions d ON d.id = (SELECT max(x.id) FROM duplicate_decisions x WHERE x.pair_id = p.id)
    WHERE ${where} ORDER BY p.score DESC, p.id`).all({ tahun: o.tahun ?? null, minScore: o.minScore ?? null, id: o.id ?? null }) as PairRow[];
  return rows.map((r) => ({
    id: r.id, score: r.score, reasons: (r.reasons === '' ? [] : r.reasons.split(',')) as PairReason[], found_at: r.found_at, seen_at: r.seen_at,
    a: personView(db, r.nik_a), b: personView(db, r.nik_b),
    decision: r.decision === null ? null : { decision: r.decision, keep_nik: r.keep_nik, operator: r.operator!, decided_at: r.decided_at!, note: r.note },
  }));
}

export function pairById(db: Db, id: number): PairView {
  const pair = listPairs(db, { status: 'all', id })[0];
  if (!pair) throw new UepError(t('review:error.no_pair', { id }), t('review:error.no_pair_hint'));
  return pair;
}

export interface DecideInput {
  pairId: number;
  decision: Decision;
  /** same_person: the record that stands, as a NIK or as the pair's side ('a' or 'b'). */
  keep?: string;
  operator: string;
  note?: string;
  now: Date;
}

export interface DecideResult {
  pair_id: number;
  decision_id: number;
  decision: Decision;
  /** same_person: the record judged a duplicate (masked), excluded from allocation. */
  duplicate_nik_masked: string | null;
  keep_nik_masked: string | null;
  /** Decided before: this decision replaces that one. */
  replaced: Decision | null;
  /** Applications whose score no longer follows the decisions: `uep score` applies it. */
  rescore: { tahun: number; application_id: number }[];
  /** The duplicate is a selected beneficiary of a final run: `uep allocate replace` takes them out. */
  selected_in_final_run: { run_id: number; tahun: number }[];
}

/** Which NIK of the pair `keep` names ('a', 'b' or one of the two NIKs); undefined when neither. */
export function keepNik(pair: { a: { nik: string }; b: { nik: string } }, keep: string): string | undefined {
  const k = keep.trim().toLowerCase();
  if (k === 'a' || k === pair.a.nik) return pair.a.nik;
  if (k === 'b' || k === pair.b.nik) return pair.b.nik;
  return undefined;
}

/** Records a decision on a pair (one transaction). */
export function decidePair(db: Db, input: DecideInput): DecideResult {
  return db.transaction((): DecideResult => {
    const pair = pairById(db, input.pairId);
    let keep: string | null = null;
    if (input.decision === 'same_person') {
      keep = input.keep === undefined ? null : keepNik(pair, input.keep) ?? null;
      if (keep === null) throw new UepError(t('review:error.keep_required', { id: pair.id }), t('review:error.keep_hint', { id: pair.id }));
    }
    const note = input.note?.trim() ? input.note.trim() : null;
    const decisionId = Number(db.prepare(`INSERT INTO duplicate_decisions (pair_id, decision, keep_nik, operator, decided_at, note) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(pair.id, input.decision, keep, input.operator, input.now.toISOString(), note).lastInsertRowid);
    const duplicate = keep === null ? null : keep === pair.a.nik ? pair.b.nik : pair.a.nik;
    // Scores keep the fact duplicate_of they were computed with: those of either record may change.
    const rescore = db.prepare(`SELECT a.tahun, a.id AS application_id FROM applications a JOIN scores s ON s.application_id = a.id
      WHERE a.nik IN (?, ?) ORDER BY a.tahun, a.id`).all(pair.a.nik, pair.b.nik) as { tahun: number; application_id: number }[];
    const selected = duplicate === null ? [] : db.prepare(`SELECT u.id AS run_id, u.tahun FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id
      WHERE r.nik = ? AND r.outcome = 'selected' AND u.status = 'final' ORDER BY u.tahun`).all(duplicate) as { run_id: number; tahun: number }[];
    return {
      pair_id: pair.id, decision_id: decisionId, decision: input.decision,
      duplicate_nik_masked: duplicate === null ? null : maskNik(duplicate), keep_nik_masked: keep === null ? null : maskNik(keep),
      replaced: pair.decision?.decision ?? null, rescore, selected_in_final_run: selected,
    };
  }).immediate();
}
