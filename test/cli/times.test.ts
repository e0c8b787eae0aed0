/**
 * Times are stored in UTC and shown to people in the local time of the process (its TZ) with the
 * zone's name: the office works in WITA. --json keeps the stored ISO UTC values.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/audit.js';
import { formatTimestamp, zoneLabel } from '../../src/format/time.js';
import { ROOT, uep, uepBin } from '../helpers.js';
import { freshDb } from '../export/builders.js';
import { A, cohort } from '../report/history.js';

describe('formatTimestamp', () => {
  it('shows a stored UTC time in the given zone, named WIB, WITA or WIT in Indonesia, else by its offset', () => {
    const at = '2026-03-01T23:30:05.123Z';
    expect(formatTimestamp(at, 'Asia/Makassar')).toBe('2026-03-02 07:30:05 WITA');
    expect(formatTimestamp(at, 'Asia/Jakarta')).toBe('2026-03-02 06:30:05 WIB');
    expect(formatTimestamp(at, 'Asia/Pontianak')).toBe('2026-03-02 06:30:05 WIB');
    expect(formatTimestamp(at, 'Asia/Jayapura')).toBe('2026-03-02 08:30:05 WIT');
    expect(formatTimestamp(at, 'Asia/Singapore')).toBe('2026-03-02 07:30:05 +08:00');
    expect(formatTimestamp(at, 'Asia/Kolkata')).toBe('2026-03-02 05:00:05 +05:30');
    expect(formatTimestamp(at, 'America/New_York')).toBe('2026-03-01 18:30:05 -05:00');
    expect(formatTimestamp(at, 'UTC')).toBe('2026-03-01 23:30:05 +00:00');
    expect(formatTimestamp('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 14:00:00 +02:00');
  });

  it('takes TZ as the environment spells it, and falls back to the process zone for what Intl does not know', () => {
    expect(formatTimestamp('2026-03-01T00:00:00Z', ':Asia/Makassar')).toBe('2026-03-01 08:00:00 WITA');
    expect(formatTimestamp('2026-03-01T00:00:00Z', 'Not/AZone')).toBe(formatTimestamp('2026-03-01T00:00:00Z'));
    expect(formatTimestamp('not a time', 'Asia/Makassar')).toBe('not a time');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
  });
});

function world() {
  const { db, dir, path } = freshDb();
  cohort(db); // run 1 created 2025-02-01T04:00Z, finalized 2025-03-01T12:00Z
  recordAudit(db, { at: '2026-03-01T23:30:00.000Z', operator: 'analis1', command: 'score', params: {}, changes: 6, result: { status: 'done' } });
  db.prepare(`INSERT INTO import_batches (kind, file_name, sha256, started_at, finished_at) VALUES ('dtks', 'dtks.csv', 'x', ?, ?)`)
    .run('2026-03-01T23:29:00.000Z', '2026-03-01T23:30:00.000Z');
  const app = db.prepare(`SELECT id FROM applications WHERE nik = ?`).pluck().get(A) as number;
  db.prepare(`INSERT INTO assessments (application_id, nik, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, created_at)
    VALUES (?, ?, '{}', 'makanan', 'Rahmawati', '2025-01-20', 'import', '2025-01-20T01:00:00.000Z')`).run(app, A);
  db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at)
    VALUES (?, 1, '[]', 80, 70, 75, '{}', 'v1', 'v1-sha', '2025-01-21T17:15:00.000Z')`).run(app);
  db.close();
  return { dir, path, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir, env: { TZ: 'Asia/Makassar' } }) };
}

describe('times shown to people', () => {
  it('audit, status, explain and allocate list show local time with its zone', async () => {
    const { run } = world();
    expect((await run('audit')).stdout).toContain('2026-03-02 07:30:00 WITA');
    expect((await run('status')).stdout).toContain('2026-03-02 07:30:00 WITA');
    expect((await run('explain', A)).stdout).toContain('scored 2025-01-22 01:15:00 WITA');
    const list = (await run('allocate', 'list')).stdout;
    expect(list).toContain('2025-02-01 12:00:00 WITA');
    expect(list).toContain('2025-03-01 20:00:00 WITA');
    for (const args of [['audit'], ['status'], ['explain', A], ['allocate', 'list']]) {
      expect((await run(...args)).stdout, args.join(' ')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    }
  });

  it('--json keeps the stored UTC values', async () => {
    const { run } = world();
    expect(JSON.parse((await run('audit', '--json')).stdout)[0].at).toBe('2026-03-01T23:30:00.000Z');
    expect(JSON.parse((await run('allocate', 'list', '--json')).stdout)[0]).toMatchObject({ created_at: '2025-02-01T04:00:00.000Z', finalized_at: '2025-03-01T12:00:00.000Z' });
    expect(JSON.parse((await run('explain', A, '--json')).stdout).score.scored_at).toBe('2025-01-21T17:15:00.000Z');
  });

  it('audit --since is a local date: entries from its local midnight on', async () => {
    const { run } = world();
    // 23:30 UTC on 1 March is 07:30 WITA on 2 March.
    expect(JSON.parse((await run('audit', '--since', '2026-03-02', '--json')).stdout)).toHaveLength(1);
    expect(JSON.parse((await run('audit', '--since', '2026-03-03', '--json')).stdout)).toHaveLength(0);
  });

  describe('from cron', () => {
    beforeAll(() => {
      if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
    });

    it('the process TZ decides: TZ=Asia/Jayapura shows WIT', () => {
      const { dir, path } = world();
      const r = uepBin(['audit', '--db', path], { cwd: dir, env: { TZ: 'Asia/Jayapura' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('2026-03-02 08:30:00 WIT');
    });
  });
});
