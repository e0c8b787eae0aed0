/** The interview through the real @inquirer prompts (rendered by @inquirer/testing, keys sent one by one). */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { runAssessment } from '../../src/assess/interview.js';
import { BACK, PromptCancelled } from '../../src/prompter.js';
import { inquirerPrompter, type PromptRunner } from '../../src/cli/prompts.js';
import { nik } from '../helpers.js';
import { RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';

type Rendered = Awaited<ReturnType<typeof render>>;
const SITI = nik('6472', 5, 7, 85, 1, true);

/** Each prompt the interview opens is queued for the test to look at and answer. */
function harness() {
  const queue: Rendered[] = [];
  let waiting: (() => void) | undefined;
  const run: PromptRunner = async (prompt, config) => {
    const r = await render(prompt as Parameters<typeof render>[0], config as never);
    queue.push(r);
    waiting?.();
    return r.answer as never;
  };
  const next = async (): Promise<Rendered> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
    return queue.shift()!;
  };
  return { run, next };
}

function setup() {
  const t = new TestDb().person({ nik: SITI, nama: 'Siti Aminah', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', status_pkh: 1 });
  t.application(SITI, 2026, 'gorengan');
  const h = harness();
  const session = {
    db: t.db, rubric: RUBRIC, prompter: inquirerPrompter({}, h.run), present: () => {}, tahun: 2026, today: '2026-03-01', operator: 'op',
  };
  return { t, h, session };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Sends keys once the prompt listens (its keypress handler is attached after the first render). */
async function keys(r: Rendered, ...names: string[]): Promise<void> {
  await settle();
  for (const k of names) {
    if (!['enter', 'down', 'up', 'space', 'backspace'].includes(k)) r.events.type(k);
    else r.events.keypress(k);
    await settle();
  }
}

describe('the interview with real prompts', () => {
  it('answered key by key, with a number out of range corrected, saves the answers', async () => {
    const { t, h, session } = setup();
    const done = runAssessment(session, { nik: SITI });
    const screens: string[] = [];
    const step = async (...k: string[]) => {
      const r = await h.next();
      screens.push(r.getScreen());
      await keys(r, ...k);
      return r;
    };
    await step('enter'); // identity
    await step('Rahmawati', 'enter'); // assessor
    await step('enter'); // date: today
    await step('enter'); // penghasilan: tidak_ada
    const tanggungan = await h.next();
    screens.push(tanggungan.getScreen());
    await keys(tanggungan, '25', 'enter');
    expect(tanggungan.getScreen()).toContain('25\n> Type a number from 0 to 20'); // refused, with the range
    await keys(tanggungan, 'backspace', 'backspace', '3', 'enter');
    await step('enter'); // anggota_rentan: ya
    await step('down', 'enter'); // minat: tinggi
    await step('down', 'down', 'space', 'enter'); // pengalaman: gorengan
    await step('space', 'enter'); // keterampilan: memasak
    await step('space', 'enter'); // tempat: tempat_jualan
    await step('space', 'enter'); // peralatan: alat_masak
    await step('down', 'enter'); // pasar: ada
    await step('enter'); // dukungan: penuh
    await step('enter'); // kesehatan: sehat
    await step('enter'); // agreed type: the default, gorengan
    await step('enter'); // save
    const out = await done;
    expect(out.saved).toEqual([expect.objectContaining({ jenis_usaha_disepakati: 'gorengan', total: 89.88, eligible: true })]);
    expect(screens[0]).toContain('Compare with the KTP:\n  Siti Aminah · NIK 6472********0001 · born 05-07-1985 · age 40\n  desa/kelurahan - · Samarinda · KK -\n  asked for Fried snacks (Y/n)');
    expect(screens.join('\n')).toContain('Fried snacks (fit 91) ← asked for');
    const row = t.db.prepare(`SELECT answers_json, assessor, tanggal FROM assessments`).get();
    expect(row).toEqual({ answers_json: JSON.stringify(SITI_ANSWERS), assessor: 'Rahmawati', tanggal: '2026-03-01' });
    t.close();
  });

  it('Ctrl-C in the middle: PromptCancelled, nothing saved', async () => {
    const { t, h, session } = setup();
    const done = runAssessment(session, { nik: SITI });
    await keys(await h.next(), 'enter');
    await keys(await h.next(), 'enter');
    await keys(await h.next(), 'enter');
    const r = await h.next();
    r.events.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toBeInstanceOf(PromptCancelled);
    expect(t.db.prepare(`SELECT count(*) FROM assessments`).pluck().get()).toBe(0);
    t.close();
  });

  it('a number prompt with a way back takes its words (any case) as BACK; without one they are refused', async () => {
    const h = harness();
    const prompter = inquirerPrompter({}, h.run);
    const back = prompter.number({ message: 'Jumlah (0–20)', min: 0, max: 20, default: 3, back: ['<', 'kembali', 'back'] });
    await keys(await h.next(), 'Kembali', 'enter');
    expect(await back).toBe(BACK);
    const kept = prompter.number({ message: 'Jumlah (0–20)', min: 0, max: 20, default: 3, back: ['<'] });
    await keys(await h.next(), 'enter');
    expect(await kept).toBe(3);
    const plain = prompter.number({ message: 'Jumlah (0–20)', min: 0, max: 20 });
    const r = await h.next();
    await keys(r, '<', 'enter');
    expect(r.getScreen()).toContain('> Type a whole number, digits only');
    await keys(r, 'backspace', '7', 'enter');
    expect(await plain).toBe(7);
  });

  it('an aborted signal (SIGINT outside raw mode) cancels too', async () => {
    const controller = new AbortController();
    const prompter = inquirerPrompter({ signal: controller.signal }, (prompt, config) => render(prompt as never, config as never, { signal: controller.signal }).then((r) => r.answer as never));
    const answer = prompter.confirm({ message: 'ok?' });
    controller.abort();
    await expect(answer).rejects.toBeInstanceOf(PromptCancelled);
  });
});
