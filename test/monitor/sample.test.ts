import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import type { Db } from '../../src/db/open.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { planVisits } from '../../src/monitor/plan.js';
import { importVisits } from '../../src/monitor/visit-import.js';
import { monitoringReport } from '../../src/report/monitoring.js';
import { areasOfRun, demoMonitoring, subjectsOfRun, writeMonitorsCsv, writeVisitsCsv } from '../../src/sample/monitoring.js';
import { nik, ROOT, uepBin } from '../helpers.js';
import { allocationRun, applicant, freshDb } from '../export/builders.js';

const KECAMATAN: [string, string, string][] = [
  ['6472', '647201', 'Palaran'], ['6472', '647203', 'Samarinda Ulu'], ['6402', '640206', 'Tenggarong'], ['6402', '640203', 'Loa Janan'],
];
const JENIS = ['makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel'];

/** 120 selected beneficiaries of a final 2025 run, spread over four kecamatan. */
function cohort(db: Db): number {
  const runId = allocationRun(db, { tahun: 2025, finalizedAt: '2025-03-01T12:00:00.000Z' });
  for (let i = 0; i < 120; i++) {
    const [kab, kode, nama] = KECAMATAN[i % 4]!;
    applicant(db, runId, {
      nik: nik(kab, 1 + (i % 28), 1 + (i % 12), 70 + (i % 25), 100 + i, i % 3 !== 0), nama: `Orang ${i}`, jenis_kelamin: i % 3 !== 0 ? 'P' : 'L',
      kode_kabupaten: kab, kode_kecamatan: kode, kecamatan: nama, desa: 'Desa', rank: i + 1, outcome: 'selected', jenis_usaha: JENIS[i % 6]!,
    });
  }
  return runId;
}

describe('synthetic monitoring data', () => {
  it('a roster and a visit history, deterministic by seed, that import and give a plausible survival', async () => {
    const { db, dir } = freshDb();
    const runId = cohort(db);
    const roster = join(dir, 'petugas.csv');
    writeMonitorsCsv(roster, areasOfRun(db, runId), { seed: 7 });
    await importMonitors(db, roster);
    planVisits(db, { run: getRun(db, runId), now: new Date('2025-03-02T00:00:00Z') });
    const options = { seed: 7, subjects: subjectsOfRun(db, runId), tanggalHibah: '2025-03-01', asOf: '2026-04-15' };
    const a = writeVisitsCsv(join(dir, 'a.csv'), options);
    writeVisitsCsv(join(dir, 'b.csv'), options);
    expect(readFileSync(join(dir, 'a.csv'))).toEqual(readFileSync(join(dir, 'b.csv')));
    expect(a.rows).toBeGreaterThan(300);
    writeVisitsCsv(join(dir, 'c.csv'), { ...options, seed: 8 });
    expect(readFileSync(join(dir, 'a.csv'))).not.toEqual(readFileSync(join(dir, 'c.csv')));
    const s = await importVisits(db, join(dir, 'a.csv'), { now: new Date('2026-04-20T00:00:00Z') });
    expect(s.rejected).toBe(a.dirty);
    expect(s.inserted).toBe(a.rows - a.dirty);
    const r = monitoringReport(db, { run: getRun(db, runId), asOf: '2026-04-15', now: new Date('2026-04-20T00:00:00Z') });
    expect(r.overall.persen).toBeGreaterThan(55);
    expect(r.overall.persen).toBeLessThan(95);
    expect(r.overall.belum_dikunjungi).toBeGreaterThan(0);
    expect(r.overdue.length).toBeGreaterThan(0);
    expect(r.kendala[0]!.penerima).toBeGreaterThan(0);
  });
});

describe('the demo chapter on monitoring', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'sample', 'monitoring.js'))) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
  });

  it('runs roster, plan, generated visits, exports and reports through the real binary', () => {
    const { db, dir, path } = freshDb();
    cohort(db);
    db.close();
    const ran: string[] = [];
    demoMonitoring((...args: string[]) => {
      const r = uepBin(args, { cwd: dir, env: { UEP_DB: path } });
      ran.push(`${args.slice(0, 2).join(' ')} → ${r.code}`);
      if (r.code !== 0) throw new Error(`uep ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    }, { dbPath: path, out: dir, seed: 2025, asOf: '2026-04-15' });
    expect(ran).toEqual(['monitor monitors → 0', 'monitor plan → 0', 'monitor import → 0', 'export allocation → 0', 'report monitoring → 0', 'report summary → 0', 'report html → 0']);
    expect(readdirSync(dir)).toContain('laporan-uep-2025.html');
    expect(readdirSync(join(dir, 'laporan-monitoring'))).toContain('kurva.csv');
    expect(readdirSync(join(dir, 'lampiran-sk'))).toContain('penerima-6472-samarinda.csv');
  });
});
