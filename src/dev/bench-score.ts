/**
 * Scoring benchmark (wired into `npm run bench`): a database with 200k assessed applicants
 * (persons, a fifth in PKH, some earlier recipients; random answers to every rubric question),
 * then one timed `uep score` core run: read, compute, and write every score in one transaction.
 * BENCH_APPLICANTS changes the count.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { JENIS_USAHA } from '../applicants/jenis-usaha.js';
import { answersJson } from '../assess/answers.js';
import { openDatabase, type Db } from '../db/open.js';
import { loadRubric } from '../rubric/load.js';
import type { LoadedRubric } from '../rubric/types.js';
import { Random } from '../sample/random.js';
import { scoreYear } from '../score/run.js';
import type { Answers } from '../score/types.js';

const KODES = ['6401', '6402', '6403', '6407', '6408', '6409', '6411', '6471', '6472', '6474'];
const HUBUNGAN = ['kepala_keluarga', 'pasangan', 'anak'];

function randomAnswers(rng: Random, loaded: LoadedRubric): Answers {
  const answers: Answers = {};
  for (const q of loaded.rubric.questions) {
    if (q.type === 'number') answers[q.id] = rng.int(q.min, Math.min(q.max, 8));
    else if (q.type === 'choice') answers[q.id] = rng.pick(q.options).value;
    else answers[q.id] = q.options.filter(() => rng.chance(0.3)).map((o) => o.value);
  }
  return answers;
}

/** Fills a database with `applicants` assessed applicants of 2026 (also used by tests, small). */
export function fillScoreBench(db: Db, applicants: number, rubric: LoadedRubric): void {
  const rng = new Random(2026);
  db.transaction(() => {
    const batch = db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at) VALUES ('dtks', 'bench', 'bench', '2026-01-01')`).run().lastInsertRowid;
    const person = db.prepare(`INSERT INTO persons (nik, no_kk, nama, jenis_kelamin, tanggal_lahir, kode_kabupaten, desil, hubungan_keluarga, status_pkh, in_dtks, first_batch_id, changed_batch_id)
      VALUES (?, ?, 'Bench', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const pkh = db.prepare(`INSERT INTO pkh_members (nik, no_kk, aktif, lansia, disabilitas, first_batch_id, changed_batch_id) VALUES (?, ?, 1, ?, ?, ?, ?)`);
    const recipient = db.prepare(`INSERT INTO recipients (nik, tahun, sumber) VALUES (?, 2024, 'bench')`);
    const application = db.prepare(`INSERT INTO applications (id, nik, tahun, jenis_usaha, tanggal_daftar) VALUES (?, ?, 2026, ?, '2026-01-15')`);
    const assessment = db.prepare(`INSERT INTO assessments (application_id, nik, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, rubric_version, created_at)
      VALUES (?, ?, ?, ?, 'Bench', '2026-02-01', 'import', ?, '2026-02-01T00:00:00Z')`);
    for (let i = 0; i < applicants; i++) {
      const kode = KODES[i % KODES.length]!;
      const woman = rng.chance(0.6);
      const year = rng.int(1960, 2008);
      const month = rng.int(1, 12);
      const day = rng.int(1, 28);
      // Unique for i below 12 million: month, year and serial carry i; the day carries the sex.
      const nik = `${kode}01${String(day + (woman ? 40 : 0)).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${String(Math.floor(i / 12) % 100).padStart(2, '0')}${String(Math.floor(i / 1200)).padStart(4, '0')}`;
      const kk = `${kode}${String(Math.floor(i / 2)).padStart(12, '0')}`;
      const born = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      person.run(nik, kk, woman ? 'P' : 'L', born, kode, rng.chance(0.02) ? null : rng.int(1, 6), rng.pick(HUBUNGAN), rng.chance(0.1) ? 1 : 0, rng.chance(0.99) ? 1 : 0, batch, batch);
      if (rng.chance(0.2)) pkh.run(nik, kk, rng.chance(0.1) ? 1 : 0, rng.chance(0.05) ? 1 : 0, batch, batch);
      if (rng.chance(0.01)) recipient.run(nik);
      const jenis = rng.pick(JENIS_USAHA);
      application.run(i + 1, nik, jenis);
      assessment.run(i + 1, nik, answersJson(rubric.rubric, randomAnswers(rng, rubric)), rng.chance(0.8) ? jenis : rng.pick(JENIS_USAHA), rubric.rubric.version);
    }
  })();
}

export async function benchScore(workDir: string): Promise<{ applicants: number; seconds: number }> {
  const applicants = Number(process.env.BENCH_APPLICANTS ?? 200_000);
  const path = join(workDir, 'score-bench.sqlite');
  const clean = () => { for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true }); };
  clean();
  const db = openDatabase(path);
  try {
    const rubric = loadRubric();
    fillScoreBench(db, applicants, rubric);
    const started = performance.now();
    const summary = scoreYear(db, { tahun: 2026, rubric });
    const seconds = (performance.now() - started) / 1000;
    if (summary.scored !== applicants) throw new Error(`bench: scored ${summary.scored}, expected ${applicants}`);
    return { applicants, seconds };
  } finally {
    db.close();
    clean();
  }
}
