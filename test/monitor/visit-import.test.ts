import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import { ImportRejectedError } from '../../src/import/summary.js';
import { importMonitors } from '../../src/monitor/monitors.js';
import { writeVisitPlan } from '../../src/monitor/sheets.js';
import { importVisits } from '../../src/monitor/visit-import.js';
import { parseKendala, parseOmzet, parseRujukan, parseStatusUsaha } from '../../src/monitor/visit-values.js';
import { nik, writeFile } from '../helpers.js';
import { ANTO, BUDI, DEWI, freshDb, JOKO, RINA, SITI, smallWorld } from '../export/builders.js';

const NOW = new Date('2025-12-01T03:00:00Z');
const HEADER = 'nik,tanggal_kunjungan,petugas,status_usaha,omzet_bulanan,kendala,tindak_lanjut,rujukan';

async function world() {
  const { db, dir } = freshDb();
  const { runId, apps } = smallWorld(db);
  await importMonitors(db, writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'PSM-01,Bunga,PSM,Samarinda Ulu,Samarinda']));
  return { db, dir, runId, apps };
}

describe('visit values', () => {
  it.each([['Berjalan', 'berjalan'], ['TUTUP', 'berhenti'], ['pindah usaha', 'pindah_usaha'], ['kurang lancar', 'kesulitan'], ['ok', undefined]])(
    'status %j', (raw, want) => expect(parseStatusUsaha(raw)).toBe(want));
  it('reads several kendala and rujukan codes in a fixed order', () => {
    expect(parseKendala('Pemasaran; modal, bahan baku')).toEqual(['modal', 'pemasaran', 'bahan_baku']);
    expect(parseKendala('-')).toEqual([]);
    expect(parseKendala('modal, cuaca')).toBeUndefined();
    expect(parseRujukan('Diskop UKM + BLK')).toEqual(['disnaker', 'disperindagkop']);
  });
  it.each([['750000', 750000], ['750.000', 750000], ['Rp 1,250,000', 1250000], ['0', 0], ['', null], ['7,5 jt', undefined]])(
    'omzet %j', (raw, want) => expect(parseOmzet(raw)).toBe(want));
});

describe('monitor import', () => {
  it('takes several visits of one person from one file, with reason codes for bad rows', async () => {
    const { db, dir, apps } = await world();
    const file = writeFile(dir, 'visits.csv', [
      HEADER,
      `${SITI},2025-04-02,PSM-01,berjalan,1500000,,,`,
      `${SITI},05-06-2025,PSM-01,kesulitan,"750.000","modal; pemasaran",diberi saran,disperindagkop`,
      `'${BUDI},2025-04-03,PSM-01,berhenti,0,peralatan,,`, // Excel's text apostrophe
      `\t${JOKO},2025-04-03,TKSK-99,pindah usaha,,,,`, // Excel's text TAB; unknown worker → warning
      `${DEWI},2025-02-01,PSM-01,berjalan,,,,`, // before the grant (2025-03-01)
      `${DEWI},2026-01-01,PSM-01,berjalan,,,,`, // after today
      `${DEWI},31-02-2025,PSM-01,berjalan,,,,`,
      `${DEWI},,PSM-01,berjalan,,,,`,
      `${DEWI},2025-04-01,,berjalan,,,,`,
      `${DEWI},2025-04-01,PSM-01,jalan-jalan,,,,`,
      `${DEWI},2025-04-01,PSM-01,berjalan,banyak,,,`,
      `${DEWI},2025-04-01,PSM-01,berjalan,,cuaca,,`,
      `${DEWI},2025-04-01,PSM-01,berjalan,,,,bank`,
      `${RINA},2025-04-01,PSM-01,berjalan,,,,`, // waitlisted, never got a package
      `${ANTO},2025-04-01,PSM-01,berjalan,,,,`,
      `${nik('6472', 1, 1, 90, 77)},2025-04-01,PSM-01,berjalan,,,,`,
      `6.47201E+15,2025-04-01,PSM-01,berjalan,,,,`,
      `${SITI},2025-04-02,PSM-01,berjalan,,,,`, // same person, same day
    ]);
    const s = await importVisits(db, file, { now: NOW, rejectsPath: join(dir, 'rejects.csv') });
    expect(s).toMatchObject({ read: 18, inserted: 4, updated: 0, unchanged: 0, rejected: 14, warnings: { petugas_unknown: 1 } });
    expect(s.reasons).toEqual({
      tanggal_before_grant: 1, tanggal_future: 1, tanggal_invalid: 1, tanggal_missing: 1, petugas_missing: 1, status_usaha_invalid: 1,
      omzet_invalid: 1, kendala_invalid: 1, rujukan_invalid: 1, not_a_beneficiary: 3, nik_scientific: 1, visit_duplicate: 1,
    });
    expect(db.prepare(`SELECT nik, tanggal_kunjungan, status_usaha, omzet_bulanan, kendala, rujukan, sumber FROM visits ORDER BY nik, tanggal_kunjungan`).all()).toEqual([
      { nik: JOKO, tanggal_kunjungan: '2025-04-03', status_usaha: 'pindah_usaha', omzet_bulanan: null, kendala: null, rujukan: null, sumber: 'import' },
      { nik: BUDI, tanggal_kunjungan: '2025-04-03', status_usaha: 'berhenti', omzet_bulanan: 0, kendala: 'peralatan', rujukan: null, sumber: 'import' },
      { nik: SITI, tanggal_kunjungan: '2025-04-02', status_usaha: 'berjalan', omzet_bulanan: 1500000, kendala: null, rujukan: null, sumber: 'import' },
      { nik: SITI, tanggal_kunjungan: '2025-06-05', status_usaha: 'kesulitan', omzet_bulanan: 750000, kendala: 'modal,pemasaran', rujukan: 'disperindagkop', sumber: 'import' },
    ]);
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n')[1]).toBe(`6,tanggal_before_grant,,${DEWI},2025-02-01,PSM-01,berjalan,,,,`);
    // Idempotent: the same file again changes nothing.
    expect(await importVisits(db, file, { now: NOW })).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    void apps;
  });

  it('imports the filled-in visit sheet as written by monitor plan (masked NIK + id_penerima), Excel style', async () => {
    const { db, dir, runId, apps } = await world();
    await writeVisitPlan(db, { run: getRun(db, runId), now: new Date('2025-03-02T00:00:00Z'), dir: join(dir, 'plan'), excel: true });
    const sheet = readFileSync(join(dir, 'plan', 'kunjungan-psm-01.csv'), 'utf8').split('\r\n');
    // The worker fills in the first visit of each person; the other rows stay empty.
    const filled = sheet.map((line, i) => (i > 0 && line.includes(';1;1;') ? line.replace(/;;;;;;$/, ';02/04/2025;Berjalan;500.000;;;') : line));
    filled[filled.length - 2] = filled[filled.length - 2]!.replace(/^\d+;6472\*{8}0001/, `${apps.budi};6472********0001`); // id and NIK disagree
    const file = writeFile(dir, 'sheet.csv', filled.join('\r\n'));
    const s = await importVisits(db, file, { now: NOW });
    expect(s).toMatchObject({ inserted: 2, rejected: 6, reasons: { tanggal_missing: 5, nik_mismatch: 1 } });
    expect(db.prepare(`SELECT nik, tanggal_kunjungan, omzet_bulanan FROM visits ORDER BY nik`).all()).toEqual([
      { nik: BUDI, tanggal_kunjungan: '2025-04-02', omzet_bulanan: 500000 }, { nik: SITI, tanggal_kunjungan: '2025-04-02', omzet_bulanan: 500000 },
    ]);
  });

  it('--strict and --dry-run write nothing; a failed import leaves no rejects file', async () => {
    const { db, dir } = await world();
    const file = writeFile(dir, 'v.csv', [HEADER, `${SITI},2025-04-02,PSM-01,berjalan,,,,`, `${SITI},2025-04-09,PSM-01,hmm,,,,`]);
    await expect(importVisits(db, file, { now: NOW, strict: true, rejectsPath: join(dir, 'r.csv') })).rejects.toThrow(ImportRejectedError);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
    expect(await importVisits(db, file, { now: NOW, dryRun: true })).toMatchObject({ inserted: 1, rejected: 1, batch_id: null });
    expect(db.prepare(`SELECT count(*) FROM visits`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM import_batches WHERE kind = 'visits'`).pluck().get()).toBe(0);
  });

  it('names the missing columns', async () => {
    const { db, dir } = await world();
    await expect(importVisits(db, writeFile(dir, 'x.csv', ['nama,tanggal', 'a,b']), { now: NOW }))
      .rejects.toThrow(/missing required columns nik \(or id_penerima\), petugas, status_usaha/);
  });
});
