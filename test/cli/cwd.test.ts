/**
 * Every command resolves a relative file (its argument, --rejects) against the working directory
 * it was started in: here the in-process CLI runs in a temp folder, not in process.cwd().
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/rubric/load.js';
import { nik, openDb, tempDir, uep, writeFile } from '../helpers.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6472', 1, 1, 90, 2);

describe('relative paths', () => {
  it('every import reads its file and writes --rejects relative to the command\'s working directory', async () => {
    const dir = tempDir();
    expect(dir).not.toBe(process.cwd());
    const run = (...args: string[]) => uep([...args, '--db', 'uep.sqlite'], { cwd: dir });
    writeFile(dir, 'dtks.csv', ['nik,nama,kabupaten', `${SITI},Siti Aminah,Samarinda`, `${BUDI},Budi,Samarinda`, '123,Bad,Samarinda']);
    writeFile(dir, 'pkh.csv', ['nik,nama,status_pkh', `${SITI},Siti Aminah,1`]);
    writeFile(dir, 'penerima.csv', ['nik,tahun', `${BUDI},2024`]);
    writeFile(dir, 'pendaftar.csv', ['nik,jenis_usaha,tanggal_daftar', `${SITI},gorengan,2026-01-10`]);
    const questions = loadRubric().rubric.questions.map((q) => q.id);
    writeFile(dir, 'asesmen.csv', [['nik', 'assessor', 'tanggal', ...questions].join(',')]);
    writeFile(dir, 'petugas.csv', ['id,nama,peran,kecamatan,kabupaten', 'TKSK-01,Ahmad,TKSK,Samarinda Ulu,Samarinda']);
    writeFile(dir, 'kunjungan.csv', ['nik,tanggal_kunjungan,petugas,status_usaha', `${SITI},2026-01-01,TKSK-01,berjalan`]);

    const steps: [string[], number][] = [
      [['import', 'dtks', 'dtks.csv', '--rejects', 'ditolak-dtks.csv'], 0],
      [['import', 'pkh', 'pkh.csv'], 0],
      [['import', 'recipients', 'penerima.csv'], 0],
      [['applicants', 'import', 'pendaftar.csv', '--tahun', '2026'], 0],
      [['assess', 'import', 'asesmen.csv', '--tahun', '2026'], 0],
      [['monitor', 'monitors', 'import', 'petugas.csv'], 0],
      [['monitor', 'import', 'kunjungan.csv', '--rejects', 'ditolak-kunjungan.csv'], 0],
    ];
    for (const [args, code] of steps) {
      const r = await run(...args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([code, expect.not.stringContaining('uep:')]);
    }
    expect(readFileSync(join(dir, 'ditolak-dtks.csv'), 'utf8')).toContain('nik_format');
    expect(readFileSync(join(dir, 'ditolak-kunjungan.csv'), 'utf8')).toContain('not_a_beneficiary');
    expect(existsSync(join(process.cwd(), 'ditolak-dtks.csv'))).toBe(false);
    const db = openDb(join(dir, 'uep.sqlite'));
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('persons'), count('pkh_members'), count('recipients'), count('applications'), count('monitors')]).toEqual([2, 1, 1, 1, 1]);
    db.close();
  });
});
