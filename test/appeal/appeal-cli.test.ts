import { describe, expect, it } from 'vitest';
import { openDb, uep } from '../helpers.js';
import { ANI, allocated, DEDI } from './world.js';

const FULL_NUMBERS = /\d{16}/;

describe('uep appeal', () => {
  it('record, then list with the explain chain (failed rules, score, rank, cut-off) as explain gives it; the reason stays out of the audit log', async () => {
    const w = await allocated();
    const o = await w.outcomes();
    const selected = Object.keys(o).find((n) => o[n] === 'selected')!;
    const r = await w.run('appeal', 'record', DEDI, '--reason', 'desil saya salah, seharusnya 2', '--diterima', '2026-04-01', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ appeal_id: 1, tahun: 2026, nik_masked: '6472********0004' });
    await w.run('appeal', 'record', selected, '--reason', 'mengapa peringkat saya 2');
    const list = JSON.parse((await w.run('appeal', 'list', '--json')).stdout) as { appeals: { id: number; nik: string; reason: string; chain: Record<string, unknown> }[] };
    expect(list.appeals.map((a) => [a.id, a.nik, a.reason])).toEqual([[1, '6472********0004', 'desil saya salah, seharusnya 2'], [2, expect.stringMatching(/^6472\*{8}/), 'mengapa peringkat saya 2']]);
    const dedi = await w.explainJson(DEDI);
    const cutoff = (await w.explainJson(selected)).allocation!.cutoff_score;
    expect(list.appeals[0]!.chain).toEqual({
      status: 'ineligible', eligible: false, reasons: ['desil_above_max'], total_score: dedi.score.total_score, run_id: 1, run_status: 'final', rank: null, cutoff_score: cutoff, outcome: null,
    });
    const sel = await w.explainJson(selected);
    expect(list.appeals[1]!.chain).toMatchObject({ eligible: true, reasons: [], rank: sel.allocation!.rank, cutoff_score: cutoff, outcome: 'selected' });

    const table = await w.run('appeal', 'list');
    expect(table.stdout).toContain('desil_above_max — desil above the maximum');
    expect(table.stdout).toContain('1: desil saya salah, seharusnya 2');
    expect(table.stdout).not.toMatch(FULL_NUMBERS);
    const id = await uep(['appeal', 'list', '--db', w.db], { cwd: w.dir, env: { UEP_LANG: 'id' } });
    expect(id.stdout).toContain('batas skor');
    expect(id.stdout).toContain('open — belum diputuskan');
    const d = openDb(w.db);
    const audit = JSON.stringify(d.prepare(`SELECT params_json, result_json FROM audit_log WHERE command LIKE 'appeal%'`).all());
    expect(audit).not.toMatch(FULL_NUMBERS);
    expect(audit).not.toContain('desil saya salah');
    d.close();
  });

  it('refuses what makes no sense: no application, a second open appeal, --uphold with --correct, a bad --set, deciding twice', async () => {
    const w = await allocated();
    const stranger = await w.run('appeal', 'record', '6472015505900005', '--reason', 'x');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('never applied for UEP');
    expect(stranger.stderr).not.toContain('6472015505900005');
    expect((await w.run('appeal', 'record', DEDI, '--reason', ' ')).code).toBe(2);
    await w.run('appeal', 'record', DEDI, '--reason', 'desil salah');
    const twice = await w.run('appeal', 'record', DEDI, '--reason', 'lagi');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('objection 1 of 6472********0004 for 2026 is not decided yet');
    expect((await w.run('appeal', 'decide', '1')).code).toBe(2);
    expect((await w.run('appeal', 'decide', '1', '--uphold', '--correct')).code).toBe(2);
    expect((await w.run('appeal', 'decide', '1', '--uphold', '--set', 'desil=2')).stderr).toContain('--set goes with --correct only');
    expect((await w.run('appeal', 'decide', '1', '--correct', '--set', 'desil=11')).stderr).toContain('--set desil=…: expected a number from 1 to 10');
    expect((await w.run('appeal', 'decide', '1', '--correct', '--set', 'nama=Budi')).stderr).toContain('the values that can be fixed are desil, tanggal_lahir');
    expect((await w.run('appeal', 'decide', '9', '--uphold')).stderr).toContain('no objection 9');
    expect((await w.run('appeal', 'decide', '1', '--uphold', '--note', 'desil sesuai DTSEN')).code).toBe(0);
    const again = await w.run('appeal', 'decide', '1', '--correct');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('objection 1 is already decided (upheld');
    const d = openDb(w.db);
    expect(d.prepare(`SELECT status, decision_note, correction_json FROM appeals`).all()).toEqual([{ status: 'upheld', decision_note: 'desil sesuai DTSEN', correction_json: null }]);
    expect(d.prepare(`SELECT desil FROM persons WHERE nik = ?`).pluck().get(DEDI)).toBe(6);
    d.close();
  });

  it('--correct --set fixes the DTKS value, scores the year again, keeps before and after, and records the finding for the usulan sheet', async () => {
    const w = await allocated();
    await w.run('appeal', 'record', DEDI, '--reason', 'desil saya salah');
    const r = await w.run('appeal', 'decide', '1', '--correct', '--set', 'desil=2', '--note', 'SKTM kelurahan', '--operator', 'Kasi Dayasos', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      status: 'corrected', corrected: [{ field: 'desil', before: 6, after: 2 }], rescored: { tahun: 2026, scored: 4, eligible: 4 },
      before: { eligible: false, reasons: ['desil_above_max'] }, after: { eligible: true, reasons: [] }, replacement: null, move_id: null,
    });
    const after = await w.explainJson(DEDI);
    expect(after.score).toMatchObject({ eligible: true, reasons: [] });
    const d = openDb(w.db);
    expect(d.prepare(`SELECT desil FROM persons WHERE nik = ?`).pluck().get(DEDI)).toBe(2);
    expect(d.prepare(`SELECT status, decided_by, decision_note, json_extract(after_json, '$.eligible') AS eligible FROM appeals`).get())
      .toEqual({ status: 'corrected', decided_by: 'Kasi Dayasos', decision_note: 'SKTM kelurahan', eligible: 1 });
    expect(d.prepare(`SELECT temuan, sumber, petugas, catatan FROM registry_findings`).all())
      .toEqual([{ temuan: 'data_salah', sumber: 'kantor', petugas: 'Kasi Dayasos', catatan: 'corrected on objection 1: desil 6 → 2' }]);
    d.close();
    const usulan = JSON.parse((await w.run('export', 'usulan', '--out', 'usulan', '--json')).stdout) as { cases: number; usul: number };
    expect(usulan).toMatchObject({ cases: 1, usul: 1 });
  });

  it('a change to the final allocation goes through allocate replace, linked to the appeal; verify still passes', async () => {
    const w = await allocated();
    const { selected, waitlisted } = await w.places();
    await w.run('appeal', 'record', waitlisted, '--reason', 'keluarga saya lebih membutuhkan');
    const r = await w.run('appeal', 'decide', '1', '--correct', '--replace', selected[1]!, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { move_id: number; replacement: { run_id: number; promoted: { nik_masked: string } } };
    expect(doc.replacement).toMatchObject({ run_id: 1, promoted: { nik_masked: `6472********${waitlisted.slice(12)}` } });
    expect(await w.outcomes()).toMatchObject({ [waitlisted]: 'selected', [selected[1]!]: 'replaced', [selected[0]!]: 'selected' });
    const d = openDb(w.db);
    const move = d.prepare(`SELECT id, kind, json_extract(detail_json, '$.reason') AS reason FROM allocation_moves WHERE kind = 'replace'`).get();
    expect(move).toEqual({ id: doc.move_id, kind: 'replace', reason: 'objection 1' });
    expect(d.prepare(`SELECT move_id FROM appeals WHERE id = 1`).pluck().get()).toBe(doc.move_id);
    d.close();
    expect((await w.run('allocate', 'verify', '1')).code).toBe(0);
  });

  it('--replace on a correction that lifts the appellant to the cut-off gives the place to the appellant, not the waitlist', async () => {
    const w = await allocated();
    const { outcomes: o, selected, waitlisted } = await w.places();
    expect(o[DEDI]).toBe(null); // not eligible when the run was made: no result in it
    await w.run('appeal', 'record', DEDI, '--reason', 'desil saya salah');
    const r = await w.run('appeal', 'decide', '1', '--correct', '--set', 'desil=1', '--replace', selected[1]!);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toContain(`the appellant 6472********0004 takes the place: the corrected score reaches the cut-off`);
    expect(await w.outcomes()).toMatchObject({ [DEDI]: 'selected', [selected[1]!]: 'replaced', [selected[0]!]: 'selected', [waitlisted]: 'waitlist' });
    const dedi = await w.explainJson(DEDI);
    const d = openDb(w.db);
    expect(d.prepare(`SELECT outcome, reason, total_score, waitlist_pos, package_value FROM allocation_results WHERE nik = ?`).get(DEDI))
      .toEqual({ outcome: 'selected', reason: 'appeal', total_score: dedi.score.total_score, waitlist_pos: null, package_value: expect.any(Number) });
    const move = d.prepare(`SELECT json_extract(detail_json, '$.appeal_id') AS appeal_id, json_extract(detail_json, '$.promoted_application_id') AS promoted FROM allocation_moves WHERE kind = 'replace'`).get();
    expect(move).toEqual({ appeal_id: 1, promoted: d.prepare(`SELECT id FROM applications WHERE nik = ?`).pluck().get(DEDI) });
    expect(d.prepare(`SELECT selected, waitlisted FROM allocation_quotas WHERE run_id = 1 AND kode_kabupaten = '6472'`).get()).toEqual({ selected: 2, waitlisted: 1 });
    d.close();
    const explained = await w.run('explain', DEDI);
    expect(explained.stdout).toContain('an objection corrected their data and their score reached the cut-off');
    // The run changed by an objection: verify replays the appellant's promotion and names why the inputs differ.
    const verify = await w.run('allocate', 'verify', '1');
    expect(verify.code).toBe(1);
    expect(verify.stdout + verify.stderr).toContain('1 applicant(s) joined the pool since the run (application');
  });

  it('a correction that leaves the appellant below the cut-off: --replace gives the place to the top of the waitlist', async () => {
    const w = await allocated();
    const { selected, waitlisted } = await w.places();
    await w.run('appeal', 'record', DEDI, '--reason', 'desil saya salah');
    const r = await w.run('appeal', 'decide', '1', '--correct', '--set', 'desil=4', '--replace', selected[0]!, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { replacement: { promoted: { nik_masked: string; by: string } }; final_run: { reaches_cutoff: boolean } };
    expect(doc.final_run.reaches_cutoff).toBe(false);
    expect(doc.replacement.promoted).toMatchObject({ nik_masked: `6472********${waitlisted.slice(12)}`, by: 'waitlist' });
    expect(await w.outcomes()).toMatchObject({ [waitlisted]: 'selected', [DEDI]: null });
  });

  it('--replace needs a final allocation', async () => {
    const w = await allocated(false);
    await w.run('appeal', 'record', DEDI, '--reason', 'x');
    const r = await w.run('appeal', 'decide', '1', '--uphold', '--replace', ANI);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2026 has no final allocation');
    const d = openDb(w.db);
    expect(d.prepare(`SELECT status FROM appeals`).pluck().get()).toBe('open');
    d.close();
  });
});
