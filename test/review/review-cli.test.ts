import { afterEach, describe, expect, it } from 'vitest';
import { prompters } from '../../src/cli/prompts.js';
import { ScriptedPrompter, type Responder } from '../assess/scripted.js';
import { openDb, uep, uepBin, writeFile } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';
import { changesSinceScoring } from '../../src/score/freshness.js';
import { DUPLICATES, importWorld } from './world.js';

const original = prompters.create;
afterEach(() => {
  prompters.create = original;
});
function script(respond: Responder): ScriptedPrompter {
  const p = new ScriptedPrompter(respond);
  prompters.create = () => p;
  return p;
}

const FULL_NUMBERS = /\d{16}/;

async function world() {
  const w = await importWorld();
  const run = (args: string[], o: { tty?: boolean; env?: Record<string, string> } = {}) => uep([...args, '--db', w.db], { cwd: w.dir, ...o });
  return { ...w, run };
}

describe('uep review duplicates / decide', () => {
  it('lists the candidate pairs with score and reasons, masked; --json masks NIK and KK; the audit log holds no personal data', async () => {
    const { run, db } = await world();
    const r = await run(['review', 'duplicates', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { pairs: { id: number; score: number; reasons: string[] }[]; saved: Record<string, number> };
    expect(doc.saved).toEqual({ found: DUPLICATES.length, new: DUPLICATES.length, decided: 0, removed: 0 });
    expect(doc.pairs.every((p) => p.score >= 50 && p.reasons.length > 0)).toBe(true);
    expect(r.stdout).not.toMatch(FULL_NUMBERS);
    const table = await run(['review', 'list']);
    expect(table.stdout).toContain('nik_one_digit — NIKs one digit apart');
    expect(table.stdout).toContain('Hj. Siti Aminah, S.Pd');
    expect(table.stdout).not.toMatch(FULL_NUMBERS);
    const d = openDb(db);
    expect(JSON.stringify(d.prepare(`SELECT params_json, result_json FROM audit_log`).all())).not.toMatch(FULL_NUMBERS);
    d.close();
  });

  it('a decision is stored with who, when and the note, and the pair is never offered again', async () => {
    const { run, db } = await world();
    await run(['review', 'duplicates', '--quiet']);
    const d = openDb(db);
    const pair = d.prepare(`SELECT id, nik_a, nik_b FROM duplicate_pairs ORDER BY id LIMIT 1`).get() as { id: number; nik_a: string; nik_b: string };
    const r = await run(['review', 'decide', String(pair.id), '--as', 'same_person', '--keep', 'b', '--note', `KTP lama ${pair.nik_a}`, '--operator', 'Rahmawati']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Pair ${pair.id}: same person.`);
    expect(d.prepare(`SELECT decision, keep_nik, operator, note FROM duplicate_decisions`).all())
      .toEqual([{ decision: 'same_person', keep_nik: pair.nik_b, operator: 'Rahmawati', note: `KTP lama ${pair.nik_a}` }]);
    expect(d.prepare(`SELECT nik FROM duplicate_persons`).pluck().all()).toEqual([pair.nik_a]);
    // The note may name a person: the audit line says a note was given, not what it said.
    const audit = d.prepare(`SELECT params_json FROM audit_log WHERE command = 'review decide'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ pair: String(pair.id), as: 'same_person', keep: 'b', note: '(not logged)' });

    const again = JSON.parse((await run(['review', 'duplicates', '--json'])).stdout) as { saved: Record<string, number>; pairs: { id: number }[] };
    expect(again.saved).toEqual({ found: DUPLICATES.length, new: 0, decided: 1, removed: 0 });
    expect(again.pairs.map((p) => p.id)).not.toContain(pair.id);
    expect(d.prepare(`SELECT count(*) FROM duplicate_decisions`).pluck().get()).toBe(1);
    d.close();
  });

  it('usage errors exit 2: no --as, same_person without --keep, a bad decision; no terminal for the interactive review', async () => {
    const { run, dir, db } = await world();
    await run(['review', 'duplicates', '--quiet']);
    expect((await run(['review', 'decide', '1'])).code).toBe(2);
    const noKeep = await run(['review', 'decide', '1', '--as', 'same_person']);
    expect(noKeep.code).toBe(2);
    expect(noKeep.stderr).toContain('same_person needs --keep');
    expect((await run(['review', 'decide', '1', '--as', 'maybe'])).stderr).toContain('--as maybe');
    const missing = await run(['review', 'decide', '99', '--as', 'different']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no candidate pair 99');
    const cron = uepBin(['review', 'decide', '--db', db], { cwd: dir });
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('uep review decide <pair> --as');
  });

  it('at a terminal: each pair is shown and decided through the prompts; skipped and unsure pairs are not asked again', async () => {
    const { run, db } = await world();
    await run(['review', 'duplicates', '--quiet']);
    const answers = ['same_a', 'different', 'unsure', 'skip', 'stop'];
    let i = 0;
    const p = script((asked) => (asked.kind === 'select' ? answers[i++] : 'dilihat di lapangan'));
    const r = await run(['review', 'decide', '--operator', 'Agus'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Pair 1 of ${DUPLICATES.length}`);
    expect(p.asked.filter((a) => a.kind === 'select')).toHaveLength(5);
    const d = openDb(db);
    expect(d.prepare(`SELECT decision, operator, note FROM duplicate_decisions ORDER BY id`).all()).toEqual([
      { decision: 'same_person', operator: 'Agus', note: 'dilihat di lapangan' },
      { decision: 'different', operator: 'Agus', note: 'dilihat di lapangan' },
      { decision: 'unsure', operator: 'Agus', note: 'dilihat di lapangan' },
    ]);
    // The next session offers only the pairs still open: the skipped one and those never reached.
    const offered: string[] = [];
    script((asked) => {
      if (asked.kind === 'select') offered.push('pair');
      return asked.kind === 'select' ? 'stop' : '';
    });
    const next = await run(['review', 'decide'], { tty: true });
    expect(next.stderr).toContain(`Pair 1 of ${DUPLICATES.length - 3}`);
    expect(offered).toHaveLength(1);
    d.close();
  });

  it('the record judged the duplicate fails the rule duplicate once scored again, and explain shows it', async () => {
    const { run, dir, db } = await world();
    const [, , b] = DUPLICATES[1]!;
    await run(['applicants', 'import', writeFile(dir, 'p.csv', ['nik,jenis_usaha,tanggal_daftar', `${b.nik},gorengan,2026-01-10`]), '--tahun', '2026', '--quiet']);
    const ids = RUBRIC.rubric.questions.map((q) => q.id);
    const cells = ['tidak_ada', '3', 'ya', 'tinggi', 'gorengan', 'memasak', 'tempat_jualan', 'alat_masak', 'ada', 'penuh', 'sehat'];
    await run(['assess', 'import', writeFile(dir, 'a.csv', [`nik,assessor,tanggal,${ids.join(',')}`, `${b.nik},Rahmawati,2026-02-01,${cells.join(',')}`]), '--tahun', '2026', '--quiet']);
    await run(['score', '--tahun', '2026', '--quiet']);
    expect((await run(['explain', b.nik])).stdout).not.toContain('duplicate_person');
    const pairs = JSON.parse((await run(['review', 'duplicates', '--json'])).stdout) as { pairs: { id: number; b: { nama: string } }[] };
    const pair = pairs.pairs.find((p) => p.b.nama === b.nama)!;
    const decided = await run(['review', 'decide', String(pair.id), '--as', 'same_person', '--keep', 'a']);
    expect(decided.stderr).toContain('run `uep score --tahun 2026` to apply it');
    // Allocating on the old scores says so (the decision is not in them yet), and stops saying so once scored again.
    const allocateNow = () => run(['allocate', '--tahun', '2026', '--slots', '2', '--dry-run', '--json']);
    const early = await allocateNow();
    expect([early.code, JSON.parse(early.stdout).changes_since_scoring]).toEqual([0, { registry_imports: 0, duplicate_decisions: 1 }]);
    expect(early.stderr).toContain('older than 0 registry import(s) and 1 duplicate decision(s)');
    await run(['score', '--tahun', '2026', '--quiet']);
    // (b, the only applicant, is now ineligible: nothing to allocate; the check itself says nothing changed since.)
    const d = openDb(db);
    expect(changesSinceScoring(d, 2026)).toMatchObject({ registry_imports: 0, duplicate_decisions: 0 });
    d.close();
    const e = await run(['explain', b.nik]);
    expect(e.stdout).toContain(`judged the duplicate of another record (pair ${pair.id})`);
    expect(e.stdout).toContain('duplicate_person');
  });

  it('speaks Indonesian by default', async () => {
    const { run } = await world();
    const r = await run(['review', 'duplicates'], { env: { UEP_LANG: 'id' } });
    expect(r.stderr).toContain('Mencari dugaan data ganda');
    expect(r.stdout).toContain('NIK berbeda satu angka');
  });
});
