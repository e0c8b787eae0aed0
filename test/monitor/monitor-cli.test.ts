import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { askVisit, recordInteractively } from '../../src/cli/commands/monitor-record.js';
import { PromptCancelled, type Prompter } from '../../src/prompter.js';
import { recordSubject, recordVisit } from '../../src/monitor/record.js';
import { openDb, uep, writeFile } from '../helpers.js';
import { freshDb, RINA, SITI, smallWorld } from '../export/builders.js';

const ROSTER = ['id;nama;peran;kecamatan;kabupaten', 'TKSK-01;Ahmad;TKSK;Samarinda Ulu;Samarinda', 'PSM-01;Bunga;PSM;Samarinda Ulu;Samarinda'];

function world() {
  const { db, dir, path } = freshDb();
  const { apps } = smallWorld(db);
  db.close();
  return { dir, path, apps, run: (...args: string[]) => uep([...args, '--db', path], { cwd: dir }) };
}

/** Answers in order; an Error answer is thrown (PromptCancelled is Ctrl-C). */
function scripted(answers: unknown[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = async (o: { message: string }) => {
    asked.push(o.message);
    const a = answers.shift();
    if (a instanceof Error) throw a;
    return a;
  };
  const unexpected = async () => {
    throw new Error('unexpected prompt');
  };
  return {
    asked, input: next as Prompter['input'], select: next as Prompter['select'], checkbox: next as Prompter['checkbox'], confirm: next as Prompter['confirm'],
    search: unexpected, number: unexpected,
  };
}

function context(path: string, dir: string): { ctx: CliContext; err: () => string } {
  let err = '';
  const io: Io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, stdinIsTTY: true, env: { NO_COLOR: '1' }, cwd: dir };
  return { ctx: new CliContext(io, { db: path }), err: () => err };
}

describe('uep monitor', () => {
  it('roster, plan with visit sheets, then the filled visits imported', async () => {
    const { dir, run } = world();
    const roster = await run('monitor', 'monitors', 'import', writeFile(dir, 'petugas.csv', ROSTER));
    expect(roster.code).toBe(0);
    expect(roster.stderr).toContain('2 field workers serving 1 kecamatan');
    const plan = await run('monitor', 'plan', '--out', 'lembar', '--tanggal-hibah', '01-03-2025', '--bulan', '1,3');
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('grant 2025-03-01, visits at 1, 3 months · 2 of 4 beneficiaries assigned to 2 field workers');
    expect(plan.stderr).toContain('warning: 2 beneficiaries live in a kecamatan no active field worker serves');
    expect(readdirSync(join(dir, 'lembar')).sort()).toEqual(['belum-ada-petugas.csv', 'kunjungan-psm-01.csv', 'kunjungan-tksk-01.csv', 'manifest.json', 'petugas.csv']);
    const visits = writeFile(dir, 'v.csv', ['nik,tanggal_kunjungan,petugas,status_usaha', `${SITI},2025-04-01,TKSK-01,berjalan`]);
    const imp = await run('monitor', 'import', visits, '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ kind: 'visits', inserted: 1, rejected: 0 });
    expect(imp.stderr).toContain('Imported v.csv (visits)');
  });

  it('bad options exit 2 naming the flag', async () => {
    const { run } = world();
    expect(await run('monitor', 'plan', '--out', 'x', '--bulan', '3,1,3')).toMatchObject({ code: 2, stderr: expect.stringContaining('--bulan 3,1,3') });
    expect(await run('monitor', 'plan', '--out', 'x', '--tanggal-hibah', 'kemarin')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tanggal-hibah kemarin') });
  });

  it('record never prompts without a terminal: exit 2 with a pointer to monitor import', async () => {
    const { run } = world();
    const r = await run('monitor', 'record', SITI);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use `uep monitor import <file>`');
    expect(r.stderr).not.toContain(SITI);
  });

  it('record saves the visit answered at the prompts', async () => {
    const { dir, path, run } = world();
    await run('monitor', 'monitors', 'import', writeFile(dir, 'petugas.csv', ROSTER));
    const { ctx, err } = context(path, dir);
    const ask = scripted(['2025-04-02', 'TKSK-01', 'kesulitan', '750.000', ['modal', 'pemasaran'], 'pendampingan', ['disperindagkop'], true]);
    await recordInteractively(ctx, SITI, ask);
    ctx.close();
    expect(err()).toContain('6472********0001 Siti Aminah · Air Hitam, Samarinda Ulu · Food stall');
    expect(err()).toContain('Saved: 6472********0001 2025-04-02 kesulitan');
    expect(err()).not.toContain(SITI);
    const db = openDb(path);
    expect(db.prepare(`SELECT tanggal_kunjungan, petugas, status_usaha, omzet_bulanan, kendala, tindak_lanjut, rujukan, sumber FROM visits`).all()).toEqual([{
      tanggal_kunjungan: '2025-04-02', petugas: 'TKSK-01', status_usaha: 'kesulitan', omzet_bulanan: 750000, kendala: 'modal,pemasaran',
      tindak_lanjut: 'pendampingan', rujukan: 'disperindagkop', sumber: 'record',
    }]);
    db.close();
  });

  it('kendala or rujukan left empty asks "none of these?" (default no); no asks again, yes records none', async () => {
    const { dir, path, run } = world();
    await run('monitor', 'monitors', 'import', writeFile(dir, 'petugas.csv', ROSTER));
    const { ctx } = context(path, dir);
    const none = 'Nothing is ticked: is the answer really none of these?';
    const ask = scripted(['2025-04-02', 'TKSK-01', 'berjalan', '', [], false, ['modal'], '', [], true, true]);
    const confirms: { message: string; default?: boolean }[] = [];
    const confirm = ask.confirm;
    ask.confirm = (o) => (confirms.push(o), confirm(o));
    await recordInteractively(ctx, SITI, ask);
    ctx.close();
    expect(ask.asked.slice(4)).toEqual(['Problems (kendala)', none, 'Problems (kendala)', 'Follow-up (optional)', 'Referral to training (optional)', none, 'Save this visit?']);
    expect(confirms.slice(0, 2)).toEqual([{ message: none, default: false }, { message: none, default: false }]);
    const db = openDb(path);
    expect(db.prepare(`SELECT kendala, rujukan FROM visits`).get()).toEqual({ kendala: 'modal', rujukan: null });
    db.close();
  });

  it('Ctrl-C at any prompt saves nothing and exits 130', async () => {
    const { dir, path } = world();
    const { ctx } = context(path, dir);
    const ctrlC = new PromptCancelled();
    await expect(recordInteractively(ctx, SITI, scripted(['2025-04-02', 'X-1', 'berjalan', ctrlC]))).rejects.toMatchObject({ exitCode: 130, message: 'cancelled: nothing was saved' });
    ctx.close();
    const db = openDb(path);
    expect(db.prepare(`SELECT count(*) FROM visits`).pluck().get()).toBe(0);
    db.close();
  });

  it('the prompts validate dates against today and the grant', async () => {
    const { db } = freshDb();
    smallWorld(db);
    const subject = recordSubject(db, SITI);
    let validate: ((v: string) => true | string) | undefined;
    const ask: Prompter = {
      input: async (o) => { validate ??= o.validate; throw new Error('stop'); },
      select: async () => { throw new Error('unexpected'); }, checkbox: async () => [], confirm: async () => false,
      search: async () => { throw new Error('unexpected'); }, number: async () => { throw new Error('unexpected'); },
    };
    await expect(askVisit(ask, subject, '2025-06-01')).rejects.toThrow('stop');
    expect(validate!('2025-07-01')).toBe('the visit date cannot be in the future');
    expect(validate!('2025-02-01')).toBe('the visit cannot be before the grant (2025-03-01)');
    expect(validate!('bukan tanggal')).toMatch(/a date like/);
    expect(validate!('15-05-2025')).toBe(true);
    expect(() => recordSubject(db, '123')).toThrow('the NIK given is not valid (nik_format)');
    expect(() => recordSubject(db, RINA)).toThrow('that NIK is not a beneficiary of a final allocation run');
  });

  it('recording a day already recorded needs the officer to confirm replacing it', () => {
    const { db } = freshDb();
    smallWorld(db);
    const cells = { nik: SITI, tanggal_kunjungan: '2025-04-02', petugas: 'X', status_usaha: 'berjalan', omzet_bulanan: '', kendala: '', tindak_lanjut: '', rujukan: '' };
    const now = new Date('2025-05-01T00:00:00Z');
    expect(recordVisit(db, cells, { now })).toMatchObject({ inserted: 1, updated: 0, visit: { warnings: ['petugas_unknown'] } });
    expect(() => recordVisit(db, { ...cells, status_usaha: 'berhenti' }, { now })).toThrow('already recorded for this beneficiary');
    expect(recordVisit(db, { ...cells, status_usaha: 'berhenti' }, { now, replace: true })).toMatchObject({ inserted: 0, updated: 1 });
    expect(() => recordVisit(db, { ...cells, status_usaha: '?' }, { now })).toThrow('the visit was not saved: status_usaha_invalid');
  });
});
