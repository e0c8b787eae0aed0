import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { loadRubric } from '../../src/rubric/load.js';
import { scoreYear } from '../../src/score/run.js';
import { nik, tempDir, writeFile } from '../helpers.js';
import { BUDI_ANSWERS, RUBRIC, SITI_ANSWERS, TestDb } from './builders.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);
const ADI = nik('6471', 3, 3, 5, 4); // born 2005, no birth date in DTKS
const NOW = new Date('2026-03-01T08:00:00Z');

function score(t: TestDb, tahun = 2026) {
  return scoreYear(t.db, { tahun, rubric: RUBRIC, now: NOW });
}
function stored(t: TestDb, applicationId: number) {
  const row = t.db.prepare(`SELECT * FROM scores WHERE application_id = ?`).get(applicationId) as Record<string, any>;
  return row && { ...row, reasons: JSON.parse(row.reasons_json), breakdown: JSON.parse(row.breakdown_json) };
}

describe('uep score (core)', () => {
  it('scores every assessed application of the year from DTKS/PKH facts and answers, in one go', () => {
    const t = new TestDb()
      .person({ nik: SITI, no_kk: 'KK1', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', desil: 2 })
      .person({ nik: nik('6472', 1, 1, 60, 9), no_kk: 'KK1', hubungan_keluarga: 'orang_tua', tanggal_lahir: '1960-01-01' })
      .person({ nik: BUDI, no_kk: 'KK2', desil: 3, tanggal_lahir: '1990-01-01' })
      .person({ nik: RINA, desil: 6 });
    // The PKH member is Siti's mother, on the same KK (the PKH row has no KK: DTKS gives it).
    t.pkh(nik('6472', 1, 1, 60, 9), { lansia: 1 });
    const siti = t.application(SITI, 2026);
    const budi = t.application(BUDI, 2026, 'bengkel');
    t.application(RINA, 2026);
    t.assessment(siti, SITI_ANSWERS).assessment(budi, BUDI_ANSWERS, 'bengkel');
    const s = score(t);
    expect(s).toMatchObject({ tahun: 2026, scored: 2, eligible: 1, ineligible: 1, not_assessed: 1, incomplete: 0, reasons: { fit_below_min: 1 } });
    expect(s.rubric_sha256).toBe(RUBRIC.sha256);
    const a = stored(t, siti);
    expect(a).toMatchObject({ eligible: 1, reasons: [], need_score: 88.75, fit_score: 91, total_score: 89.88, rubric_version: '2026.1', rubric_sha256: RUBRIC.sha256, scored_at: NOW.toISOString() });
    expect(a.breakdown.facts).toEqual({
      in_dtks: true, kode_kabupaten: '6472', age: 40, desil: 2, pkh_aktif: true, wrse: true, rentan_pkh: true, earlier_recipient: null, applications: 1, duplicate_of: null,
    });
    expect(a.breakdown.need).toMatchObject({ desil: 22.5, disabilitas_lansia: 10 });
    expect(stored(t, budi)).toMatchObject({ eligible: 0, reasons: ['fit_below_min'], need_score: 22.5, fit_score: 23, total_score: 22.75 });
    // The rubric itself is kept, once, for explanations later.
    expect(t.db.prepare(`SELECT version, content FROM rubrics`).all()).toEqual([{ version: '2026.1', content: RUBRIC.content }]);
    t.close();
  });

  it('earlier recipients: from lists and from final allocation runs of earlier years only', () => {
    const t = new TestDb();
    const people = [1, 2, 3, 4, 5].map((i) => nik('6472', i, 1, 90, i));
    for (const p of people) t.person({ nik: p, tanggal_lahir: '1990-01-01' });
    t.recipient(people[0]!, 2024).recipient(people[1]!, 2026);
    const [a2, a3, a4] = [2, 3, 4].map((i) => t.application(people[i]!, 2025));
    t.allocationRun(2025, 'final', [[a2!, 'selected'], [a4!, 'waitlist']]).allocationRun(2025, 'draft', [[a3!, 'selected']]);
    const ids = people.map((p) => t.application(p, 2026));
    for (const id of ids) t.assessment(id, SITI_ANSWERS);
    score(t);
    expect(ids.map((id) => stored(t, id).breakdown.facts.earlier_recipient)).toEqual([2024, null, 2025, null, null]);
    expect(ids.map((id) => stored(t, id).reasons)).toEqual([['earlier_recipient'], [], ['earlier_recipient'], [], []]);
    t.close();
  });

  it('not in DTKS any more, unknown desil, age from the NIK, PKH by status_pkh', () => {
    const t = new TestDb()
      .person({ nik: SITI, in_dtks: 0 })
      .person({ nik: BUDI, desil: null, status_pkh: 1 })
      .person({ nik: ADI, tanggal_lahir: null });
    const ids = [SITI, BUDI, ADI].map((p) => t.application(p, 2026));
    for (const id of ids) t.assessment(id, SITI_ANSWERS);
    score(t);
    expect(stored(t, ids[0]!).reasons).toEqual(['not_in_dtks']);
    expect(stored(t, ids[1]!)).toMatchObject({ reasons: ['desil_unknown'], breakdown: { facts: { pkh_aktif: true, desil: null } } });
    expect(stored(t, ids[2]!).breakdown.facts.age).toBe(20); // 03-03-05 → 2005, 20 on 2026-02-01
    t.close();
  });

  it('replaces the year\'s scores (other years untouched), deterministically, and counts incomplete answers', () => {
    const t = new TestDb().person({ nik: SITI }).person({ nik: BUDI });
    const old = t.application(SITI, 2025);
    t.assessment(old, SITI_ANSWERS);
    scoreYear(t.db, { tahun: 2025, rubric: RUBRIC, now: NOW });
    const id = t.application(SITI, 2026);
    const { minat_motivasi: _, ...partial } = SITI_ANSWERS;
    t.assessment(id, partial);
    const first = score(t);
    const before = t.db.prepare(`SELECT * FROM scores ORDER BY application_id`).all();
    const second = scoreYear(t.db, { tahun: 2026, rubric: RUBRIC, now: NOW });
    expect(second).toEqual(first);
    expect(first.incomplete).toBe(1);
    expect(t.db.prepare(`SELECT * FROM scores ORDER BY application_id`).all()).toEqual(before);
    expect(t.db.prepare(`SELECT count(*) FROM scores`).pluck().get()).toBe(2);
    // Another rubric: the year is scored again with it, 2025 keeps its own.
    const json = JSON.parse(RUBRIC.content);
    json.version = '2026.2';
    json.eligibility.min_fit.min = 80;
    const strict = loadRubric(writeFile(tempDir(), 'r.json', JSON.stringify(json)));
    scoreYear(t.db, { tahun: 2026, rubric: strict, now: NOW });
    expect(t.db.prepare(`SELECT rubric_version FROM scores ORDER BY application_id`).pluck().all()).toEqual(['2026.1', '2026.2']);
    expect(stored(t, id).reasons).toEqual(['fit_below_min']);
    t.close();
  });

  it('an aborted run writes nothing', () => {
    const t = new TestDb().person({ nik: SITI });
    t.assessment(t.application(SITI, 2026), SITI_ANSWERS);
    const controller = new AbortController();
    controller.abort();
    expect(() => scoreYear(t.db, { tahun: 2026, rubric: RUBRIC, signal: controller.signal })).toThrow(/interrupted/);
    expect(t.db.prepare(`SELECT count(*) FROM scores`).pluck().get()).toBe(0);
    t.close();
  });
});

describe('explain (core)', () => {
  it('recomputes the stored score from its facts, answers and rubric: every rule and component, consistent', () => {
    const t = new TestDb().person({ nik: SITI, nama: 'Siti Aminah', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', status_pkh: 1 });
    const id = t.application(SITI, 2026);
    t.assessment(id, SITI_ANSWERS);
    score(t);
    // The registry changes after scoring: the explanation is of the score as computed.
    t.db.prepare(`UPDATE persons SET desil = 9 WHERE nik = ?`).run(SITI);
    const e = explain(t.db, SITI, { rubric: RUBRIC });
    expect(e).toMatchObject({
      tahun: 2026, nik_masked: '6472********0001', nama: 'Siti Aminah', kabupaten: 'Samarinda', allocation: null,
      application: { id, jenis_usaha: 'gorengan', status: 'eligible' },
      assessment: { assessor: 'Petugas', source: 'import', jenis_usaha_disepakati: 'gorengan' },
      score: { eligible: true, total_score: 89.88, rubric_changed: false, facts: { desil: 2 } },
    });
    const d = e.score!.detail!;
    expect(d.consistent).toBe(true);
    expect(d.rules).toHaveLength(8);
    expect(d.need.score).toBe(88.75);
    expect(d.ranking[0]).toEqual({ jenis_usaha: 'gorengan', score: 91, unmet: [] });
    expect(d.answers.find((x) => x.id === 'minat_motivasi')!.answer).toBe('Tinggi');
    t.close();
  });

  it('says when the rubric file changed since, when the score is stale, and when nothing is known', () => {
    const t = new TestDb().person({ nik: SITI }).person({ nik: BUDI });
    const id = t.application(SITI, 2026);
    t.assessment(id, SITI_ANSWERS);
    score(t);
    const json = JSON.parse(RUBRIC.content);
    json.version = 'next';
    const next = loadRubric(writeFile(tempDir(), 'r.json', JSON.stringify(json)));
    expect(explain(t.db, SITI, { rubric: next }).score).toMatchObject({ rubric_changed: true, detail: { consistent: true } });
    // A score whose rubric the database does not hold: the numbers only.
    t.db.prepare(`UPDATE scores SET rubric_sha256 = 'unknown'`).run();
    expect(explain(t.db, SITI).score).toMatchObject({ total_score: 74.88, detail: null, rubric_changed: null });
    t.db.prepare(`DELETE FROM scores`).run();
    expect(explain(t.db, SITI)).toMatchObject({ score: null, application: { status: 'assessed' } });
    expect(() => explain(t.db, BUDI)).toThrow('6402********0002 has no application');
    expect(() => explain(t.db, RINA)).toThrow('6403********0003 is not in the database');
    expect(() => explain(t.db, SITI, { tahun: 2024 })).toThrow('has no application in 2024');
    t.close();
  });
});
