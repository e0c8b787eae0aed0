/**
 * The built binary in a real pseudo-terminal (python3's pty module), driven key by key the way an
 * officer types: the interview from identity to save, and a Ctrl-C that saves nothing.
 * Needs `npm run build` first (as every uepBin test does).
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../helpers.js';
import { DOWN, drive, ENTER, hasPython, registered, SITI, SITI_KK, UP } from './pty.js';

describe.skipIf(!hasPython)('uep assess in a pseudo-terminal (built binary)', () => {
  it('searches the applicant, asks everything, shows the ranking and the score, saves', async () => {
    const { dir, db } = await registered();
    const r = drive(dir, db, ['assess', '--json', '--assessor', 'Rahmawati'], [
      ['Applicant to assess', ['siti']],
      ['Siti Aminah · 6472********0001', [ENTER]],
      ['Is this the person in front of you?', [ENTER]],
      ['Assessment date', ['\x15', '2026-02-20', ENTER]],
      ['Current income of the applicant', [ENTER]],
      ['Number of dependents', ['3', ENTER]],
      ['Is there a family member', [ENTER]],
      ['Interest and motivation', [DOWN, ENTER]],
      ['Businesses run now or before', [DOWN, DOWN, ' ', ENTER]],
      ['Skills, from experience', [' ', ENTER]],
      ['Places available', [' ', ENTER]],
      ['Business equipment', [' ', ENTER]],
      ['Market or buyers', [DOWN, ENTER]],
      ['Family support', [ENTER]],
      ['Health for daily work', [ENTER]],
      ['Agreed business type', [ENTER]],
      ['Save this assessment', [ENTER]],
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Business types by fit for this person:');
    expect(r.screen).toContain('= 89.88');
    expect(JSON.parse(r.stdout!)).toMatchObject({ tahun: 2026, saved: [{ nik: '6472********0001', total: 89.88, eligible: true }] });
    const d = openDb(db);
    expect(d.prepare(`SELECT assessor, tanggal, jenis_usaha_disepakati, source FROM assessments`).all()).toEqual([
      { assessor: 'Rahmawati', tanggal: '2026-02-20', jenis_usaha_disepakati: 'gorengan', source: 'interview' },
    ]);
    d.close();
  });

  it('by real key presses: back from a number, a checkbox and a select; an empty checkbox confirmed as "none of these?"', async () => {
    const { dir, db } = await registered();
    const none = 'Nothing is ticked: is the answer really none of these?';
    const r = drive(dir, db, ['assess', SITI, '--assessor', 'Rahmawati'], [
      ['asked for Fried snacks', [ENTER]],
      ['Assessment date', ['\x15', '2026-02-20', ENTER]],
      ['Current income of the applicant', [DOWN, ENTER]], // irregular
      ['Number of dependents', ['<', ENTER]], // back: income again, the cursor on the earlier answer
      ['Current income of the applicant', [UP, ENTER]], // no income
      ['Number of dependents', ['3', ENTER]],
      ['Is there a family member', [ENTER]],
      ['Interest and motivation', [DOWN, ENTER]],
      ['Businesses run now or before', [ENTER]], // nothing ticked
      [none, [ENTER]], // no: the question again
      ['Businesses run now or before', [DOWN, DOWN, ' ', ENTER]], // fried snacks
      ['Skills, from experience', [UP, ' ', ENTER]], // the last choice: back
      ['Businesses run now or before', [ENTER]], // fried snacks still ticked
      ['Skills, from experience', [' ', ENTER]],
      ['Places available', [' ', ENTER]],
      ['Business equipment', [ENTER]],
      [none, ['y', ENTER]], // yes: none
      ['Market or buyers', [DOWN, ENTER]],
      ['Family support', [UP, ENTER]], // back: market again
      ['Market or buyers', [ENTER]], // the earlier answer is the default
      ['Family support', [ENTER]],
      ['Health for daily work', [ENTER]],
      ['Agreed business type', [ENTER]],
      ['Save this assessment', [ENTER]],
    ]);
    expect(r.code).toBe(0);
    // The identity to compare with the KTP: birth date, desa, masked KK, regency; never the whole NIK or KK.
    expect(r.screen).toContain('Siti Aminah · NIK 6472********0001 · born 05-07-1985 · age ');
    expect(r.screen).toContain('desa/kelurahan Air Hitam · Samarinda · KK 6472********0021');
    expect(r.screen).not.toContain(SITI);
    expect(r.screen).not.toContain(SITI_KK);
    expect(r.screen).toContain('(0–20; type < to go back)');
    expect(r.screen).toContain(`${none} (y/N)`);
    expect(r.screen).toContain('◉ Fried snacks'); // ticked when asked again
    expect(r.screen).toContain('← back to the previous question (tick this alone)');
    const d = openDb(db);
    expect(JSON.parse(d.prepare(`SELECT answers_json FROM assessments`).pluck().get() as string)).toEqual({
      penghasilan: 'tidak_ada', jumlah_tanggungan: 3, anggota_rentan: 'ya', minat_motivasi: 'tinggi', pengalaman_usaha: ['gorengan'],
      keterampilan: ['memasak'], tempat_usaha: ['tempat_jualan'], peralatan: [], pasar_sekitar: 'ada', dukungan_keluarga: 'penuh', kesehatan: 'sehat',
    });
    d.close();
  });

  it('Ctrl-C in the middle of the questions: exit 130, one line, nothing saved', async () => {
    const { dir, db } = await registered();
    const r = drive(dir, db, ['assess', SITI, '--assessor', 'Rahmawati'], [
      ['Is this the person in front of you?', [ENTER]],
      ['Assessment date', [ENTER]],
      ['Current income of the applicant', [ENTER]],
      ['Number of dependents', ['\x03']],
    ]);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('uep: interview cancelled: nothing was saved');
    const d = openDb(db);
    expect(d.prepare(`SELECT count(*) FROM assessments`).pluck().get()).toBe(0);
    d.close();
  });
});
