import { describe, expect, it } from 'vitest';
import type { ApplicantRow } from '../../src/applicants/list.js';
import { runAssessment, type InterviewSession, type InterviewView } from '../../src/assess/interview.js';
import { BACK, PromptCancelled } from '../../src/prompter.js';
import { nik } from '../helpers.js';
import { questionText } from '../../src/rubric/texts.js';
import type { Answers } from '../../src/score/types.js';
import { BUDI_ANSWERS, RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';
import { CANCEL, DEFAULT, officer, ScriptedPrompter, type Asked, type Responder } from './scripted.js';

const SITI = nik('6472', 5, 7, 85, 1, true);
const BUDI = nik('6402', 1, 1, 90, 2);
const RINA = nik('6403', 17, 8, 92, 3, true);
/** Siti's family card (synthetic). */
const KK = '6472011203150021';

function setup() {
  const t = new TestDb()
    .person({ nik: SITI, nama: 'Siti Aminah', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', status_pkh: 1, desa: 'Air Hitam', no_kk: KK })
    .person({ nik: BUDI, nama: 'Budi', kode_kabupaten: '6402' })
    .person({ nik: RINA, nama: 'Rina', kode_kabupaten: '6403', tanggal_lahir: null });
  const ids = { siti: t.application(SITI, 2026, 'gorengan', '2026-01-03'), budi: t.application(BUDI, 2026, 'bengkel', '2026-01-01'), rina: t.application(RINA, 2026, 'makanan', '2026-01-02') };
  return { t, ids };
}

function session(t: TestDb, respond: Responder): { s: InterviewSession; prompter: ScriptedPrompter; views: InterviewView[] } {
  const prompter = new ScriptedPrompter(respond);
  const views: InterviewView[] = [];
  const s: InterviewSession = {
    db: t.db, rubric: RUBRIC, prompter, present: (v) => views.push(v), tahun: 2026, today: '2026-03-01', operator: 'op', now: () => new Date('2026-03-01T09:00:00Z'),
  };
  return { s, prompter, views };
}

const assessments = (t: TestDb) => t.db.prepare(`SELECT application_id, answers_json, jenis_usaha_disepakati, assessor, tanggal, source, rubric_version FROM assessments ORDER BY application_id`).all() as Record<string, unknown>[];

describe('the interview (scripted prompts)', () => {
  it('identity, every question, the six types ranked, the agreed type, the score, saved with assessor and date', async () => {
    const { t, ids } = setup();
    const { s, prompter, views } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS, {
      override: (a) => (a.message.startsWith('Assessor') ? 'Rahmawati' : a.message.startsWith('Assessment date') ? '15-02-2026' : undefined),
    }));
    const out = await runAssessment(s, { nik: SITI });
    expect(out).toEqual({ saved: [{ application_id: ids.siti, nik: SITI, jenis_usaha_disepakati: 'gorengan', eligible: true, reasons: [], total: 89.88 }], skipped: 0 });
    const kinds = prompter.asked.map((a) => a.kind);
    expect(kinds).toEqual(['confirm', 'input', 'input', 'select', 'number', 'select', 'select', 'checkbox', 'checkbox', 'checkbox', 'checkbox', 'select', 'select', 'select', 'select', 'confirm']);
    // The registry's record to compare with the KTP: NIK and KK masked, age at the assessment's default date.
    expect(prompter.asked[0]!.message).toBe([
      'Is this the person in front of you? Compare with the KTP:',
      '  Siti Aminah · NIK 6472********0001 · born 05-07-1985 · age 40',
      '  desa/kelurahan Air Hitam · Samarinda · KK 6472********0021',
      '  asked for Fried snacks',
    ].join('\n'));
    // In English, the rubric's English texts (text_en, label_en); the answers stored are the same codes.
    // The first question has no way back; the later ones have.
    expect(prompter.asked[3]).toMatchObject({ message: 'Current income of the applicant', choices: [{ value: 'tidak_ada', name: 'No income' }, expect.anything(), expect.anything()] });
    expect(prompter.asked[3]!.choices).toHaveLength(3);
    expect(prompter.asked[4]).toMatchObject({ message: 'Number of dependents (children, parents, other family members supported) (0–20; type < to go back)', back: ['<', 'kembali', 'back'] });
    expect(prompter.asked[5]!.choices!.at(-1)).toEqual({ value: BACK, name: '← back to the previous question' });
    expect(prompter.asked[7]!.choices!.at(-1)).toEqual({ value: BACK, name: '← back to the previous question (tick this alone)' });
    // The ranking shown before the agreed type is chosen, the type asked for first among equals.
    const ranking = views.find((v) => v.kind === 'ranking')!;
    expect(ranking).toMatchObject({ applied: 'gorengan' });
    const agreed = prompter.asked.find((a) => a.message === 'Agreed business type')!;
    expect(agreed.default).toBe('gorengan');
    expect(agreed.choices!.map((c) => c.name)[0]).toBe('Fried snacks (fit 91) ← asked for');
    expect(views.find((v) => v.kind === 'score')).toMatchObject({ result: { total: 89.88, need: { score: 88.75 } }, tanggal: '2026-02-15' });
    expect(assessments(t)).toEqual([{
      application_id: ids.siti, answers_json: JSON.stringify(SITI_ANSWERS), jenis_usaha_disepakati: 'gorengan', assessor: 'Rahmawati',
      tanggal: '2026-02-15', source: 'interview', rubric_version: '2026.1',
    }]);
    t.close();
  });

  it('Ctrl-C at any prompt (identity, date, a question, the agreed type, the final yes) saves nothing', async () => {
    const { t } = setup();
    for (const at of [0, 3, 9, 14, 15]) {
      let n = 0;
      const { s } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS, { override: () => (n++ === at ? CANCEL : undefined) }));
      await expect(runAssessment(s, { nik: SITI })).rejects.toBeInstanceOf(PromptCancelled);
      expect(assessments(t)).toEqual([]);
    }
    t.close();
  });

  it('saves nothing when the identity is not confirmed or the officer declines at the end', async () => {
    const { t } = setup();
    const no = (prefix: string): Responder => officer(RUBRIC.rubric, SITI_ANSWERS, { override: (a) => (a.message.startsWith(prefix) ? false : undefined) });
    expect(await runAssessment(session(t, no('Is this the person')).s, { nik: SITI })).toEqual({ saved: [], skipped: 1 });
    expect(await runAssessment(session(t, no('Save this assessment')).s, { nik: SITI })).toEqual({ saved: [], skipped: 1 });
    expect(assessments(t)).toEqual([]);
    t.close();
  });

  it('an agreed type other than the one asked for; a second interview replaces the first only when confirmed, and drops its score', async () => {
    const { t, ids } = setup();
    await runAssessment(session(t, officer(RUBRIC.rubric, SITI_ANSWERS, { jenis: 'makanan' })).s, { nik: SITI });
    expect(assessments(t)[0]).toMatchObject({ jenis_usaha_disepakati: 'makanan' });
    t.db.prepare(`INSERT INTO scores (application_id, eligible, reasons_json, need_score, fit_score, total_score, breakdown_json, rubric_version, rubric_sha256, scored_at) VALUES (?, 1, '[]', 1, 1, 1, '{}', 'v', 'h', 'x')`).run(ids.siti);
    // Declined: nothing changes.
    const declined = session(t, officer(RUBRIC.rubric, BUDI_ANSWERS));
    expect(await runAssessment(declined.s, { nik: SITI })).toEqual({ saved: [], skipped: 1 });
    expect(declined.prompter.asked[0]!.message).toMatch(/^Already assessed on 2026-03-01 by op\. Assess again/);
    expect(t.db.prepare(`SELECT count(*) FROM scores`).pluck().get()).toBe(1);
    const again = officer(RUBRIC.rubric, BUDI_ANSWERS, { override: (a) => (a.message.startsWith('Already assessed') ? true : undefined) });
    await runAssessment(session(t, again).s, { nik: SITI });
    expect(assessments(t)[0]).toMatchObject({ answers_json: JSON.stringify(BUDI_ANSWERS), jenis_usaha_disepakati: 'gorengan' });
    expect(t.db.prepare(`SELECT count(*) FROM scores`).pluck().get()).toBe(0);
    t.close();
  });

  it('without a NIK: search the unassessed (by name, NIK or regency)', async () => {
    const { t, ids } = setup();
    const { s, prompter } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS, { override: (a) => (a.kind === 'search' ? 'rina berau' : undefined) }));
    const out = await runAssessment(s, {});
    expect(out.saved.map((x) => x.application_id)).toEqual([ids.rina]);
    const search = prompter.asked[0]!;
    expect(search.message).toContain('3 unassessed');
    expect((search.choices as { value: ApplicantRow; name: string }[]).map((c) => c.name)).toEqual([
      'Budi · 6402********0002 · Kutai Kartanegara · Repair shop', 'Rina · 6403********0003 · Berau · Food stall', 'Siti Aminah · 6472********0001 · Samarinda · Fried snacks',
    ]);
    // Filtered by regency, the others are not offered.
    const only = session(t, officer(RUBRIC.rubric, SITI_ANSWERS));
    await runAssessment(only.s, { kabupaten: '6402' });
    expect((only.prompter.asked[0]!.choices as unknown[]).length).toBe(1);
    await expect(runAssessment(session(t, officer(RUBRIC.rubric, SITI_ANSWERS)).s, { kabupaten: '6402' })).rejects.toThrow('no unassessed applicants of 2026 in the chosen regency');
    t.close();
  });

  it('--next: the unassessed in registration order, one after another, asking assessor once', async () => {
    const { t, ids } = setup();
    let nexts = 0;
    const { s, prompter, views } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS, {
      override: (a) => (a.message === 'Next applicant?' ? ++nexts < 5 : a.message.startsWith('Is this the person') && a.message.includes('Rina') ? false : undefined),
    }));
    const out = await runAssessment(s, { next: true });
    expect(out.saved.map((x) => x.application_id)).toEqual([ids.budi, ids.siti]);
    expect(out.skipped).toBe(1);
    expect(prompter.asked.filter((a) => a.message.startsWith('Assessor')).length).toBe(1);
    expect(views.at(-1)).toEqual({ kind: 'note', text: 'No more unassessed applicants of 2026.' });
    t.close();
  });

  it('an unknown NIK for the year is an error before any prompt', async () => {
    const { t } = setup();
    const { s, prompter } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS));
    await expect(runAssessment({ ...s, tahun: 2025 }, { nik: SITI })).rejects.toThrow('6472********0001 has no application in 2025');
    expect(prompter.asked).toEqual([]);
    t.close();
  });
});

/** Answers per question id, taken one by one each time the question is asked (a function gets the prompt); everything else as `officer`. */
function turns(base: Answers, script: Record<string, unknown[]>, override?: Responder): Responder {
  return officer(RUBRIC.rubric, base, {
    override: (a) => {
      const special = override?.(a);
      if (special !== undefined) return special;
      const q = RUBRIC.rubric.questions.find((x) => a.message.startsWith(questionText(x)));
      const next = q ? script[q.id]?.shift() : undefined;
      return typeof next === 'function' ? (next as Responder)(a) : next;
    },
  });
}
/** The question ids asked, in order (other prompts left out). */
const questionsAsked = (asked: Asked[]) => asked.flatMap((a) => RUBRIC.rubric.questions.filter((q) => a.message.startsWith(questionText(q))).map((q) => q.id));
const askedFor = (asked: Asked[], id: string) => asked.filter((a) => a.message.startsWith(questionText(RUBRIC.rubric.questions.find((q) => q.id === id)!)));
const savedAnswers = (t: TestDb) => JSON.parse(t.db.prepare(`SELECT answers_json FROM assessments`).pluck().get() as string) as Answers;

describe('the interview at the desk: back, "none of these?", the suggested type, the KTP check', () => {
  it('goes back from a select, a number and a checkbox; the question comes again with the earlier answer as default', async () => {
    const { t } = setup();
    const script = {
      penghasilan: ['tidak_tetap', 'tidak_ada'],
      jumlah_tanggungan: [BACK, 3, DEFAULT],
      anggota_rentan: [BACK, 'ya'],
      keterampilan: [[BACK], ['memasak']],
      pengalaman_usaha: [['gorengan'], ['gorengan', 'makanan']],
      dukungan_keluarga: [BACK, 'penuh'],
      pasar_sekitar: ['ada', DEFAULT],
    };
    const { s, prompter } = session(t, turns(SITI_ANSWERS, script));
    await runAssessment(s, { nik: SITI });
    expect(questionsAsked(prompter.asked)).toEqual([
      'penghasilan', 'jumlah_tanggungan', 'penghasilan', 'jumlah_tanggungan', 'anggota_rentan', 'jumlah_tanggungan', 'anggota_rentan',
      'minat_motivasi', 'pengalaman_usaha', 'keterampilan', 'pengalaman_usaha', 'keterampilan', 'tempat_usaha', 'peralatan', 'pasar_sekitar',
      'dukungan_keluarga', 'pasar_sekitar', 'dukungan_keluarga', 'kesehatan',
    ]);
    // Asked again with the earlier answer as default (ticked, in a checkbox); before it, none.
    expect(askedFor(prompter.asked, 'penghasilan').map((a) => a.default)).toEqual([undefined, 'tidak_tetap']);
    expect(askedFor(prompter.asked, 'jumlah_tanggungan').map((a) => a.default)).toEqual([undefined, undefined, 3]);
    expect(askedFor(prompter.asked, 'pasar_sekitar').map((a) => a.default)).toEqual([undefined, 'ada']);
    const ticked = (a: Asked) => a.choices!.filter((c) => c.checked).map((c) => c.value);
    expect(askedFor(prompter.asked, 'pengalaman_usaha').map(ticked)).toEqual([[], ['gorengan']]);
    // Never a way back at the first question.
    expect(askedFor(prompter.asked, 'penghasilan').map((a) => a.choices!.some((c) => c.value === BACK))).toEqual([false, false]);
    expect(savedAnswers(t)).toEqual({ ...SITI_ANSWERS, pengalaman_usaha: ['makanan', 'gorengan'] });
    t.close();
  });

  it('a checkbox with nothing ticked asks "none of these?" (default no); no asks the question again, yes saves none', async () => {
    const { t } = setup();
    const none = 'Nothing is ticked: is the answer really none of these?';
    const confirms = [false, true];
    const script = { pengalaman_usaha: [[], ['gorengan']], peralatan: [[]] };
    const { s, prompter } = session(t, turns(SITI_ANSWERS, script, (a) => (a.message === none ? confirms.shift() : undefined)));
    await runAssessment(s, { nik: SITI });
    const around = prompter.asked.filter((a) => a.kind === 'checkbox' || a.message === none).map((a) => [a.kind, a.message.split(' (')[0], a.default]);
    expect(around).toEqual([
      ['checkbox', 'Businesses run now or before', undefined], ['confirm', none, false], ['checkbox', 'Businesses run now or before', undefined],
      ['checkbox', 'Skills, from experience or training', undefined], ['checkbox', 'Places available to run the business', undefined],
      ['checkbox', 'Business equipment already owned', undefined], ['confirm', none, false],
    ]);
    expect(savedAnswers(t)).toMatchObject({ pengalaman_usaha: ['gorengan'], peralatan: [] });
    t.close();
  });

  it('the agreed type defaults to the best-ranked type passing the minimum fit; the type asked for stays, marked', async () => {
    const { t } = setup();
    // Budi asked for a repair shop; Siti's answers fit fried snacks best (91 ≥ 50).
    const { s, prompter, views } = session(t, officer(RUBRIC.rubric, SITI_ANSWERS));
    expect((await runAssessment(s, { nik: BUDI })).saved[0]).toMatchObject({ jenis_usaha_disepakati: 'gorengan' });
    const agreed = prompter.asked.find((a) => a.message === 'Agreed business type')!;
    expect(agreed.default).toBe('gorengan');
    expect(agreed.choices!.map((c) => c.name)).toEqual([
      'Fried snacks (fit 91)', 'Food stall (fit 76)', 'Drinks (fit 51)', 'Cake making (fit 41)', 'Repair shop (fit 40) ← asked for', 'Chicken farming (fit 40)',
    ]);
    expect(views.filter((v) => v.kind === 'note')).toEqual([]);
    t.close();
  });

  it('no type passes the minimum fit: the default stays the type asked for, and a note says so', async () => {
    const { t } = setup();
    const { s, prompter, views } = session(t, officer(RUBRIC.rubric, BUDI_ANSWERS));
    expect((await runAssessment(s, { nik: BUDI })).saved[0]).toMatchObject({ jenis_usaha_disepakati: 'bengkel', eligible: false });
    expect(prompter.asked.find((a) => a.message === 'Agreed business type')!.default).toBe('bengkel');
    expect(views.map((v) => v.kind)).toEqual(['ranking', 'note', 'score']);
    expect(views[1]).toEqual({ kind: 'note', text: "No business type reaches the rubric's minimum fit (50); the default stays the type asked for." });
    t.close();
  });

  it('the identity check shows "-" for what the registry lacks, and never a whole NIK or KK', async () => {
    const { t } = setup();
    const rina = session(t, officer(RUBRIC.rubric, SITI_ANSWERS, { override: (a) => (a.message.startsWith('Is this the person') ? false : undefined) }));
    await runAssessment(rina.s, { nik: RINA });
    expect(rina.prompter.asked[0]!.message).toBe([
      'Is this the person in front of you? Compare with the KTP:',
      '  Rina · NIK 6403********0003 · born - · age -',
      '  desa/kelurahan - · Berau · KK -',
      '  asked for Food stall',
    ].join('\n'));
    const siti = session(t, officer(RUBRIC.rubric, SITI_ANSWERS));
    await runAssessment(siti.s, { nik: SITI });
    for (const a of siti.prompter.asked) {
      expect(a.message).not.toContain(SITI);
      expect(a.message).not.toContain(KK);
    }
    t.close();
  });
});
