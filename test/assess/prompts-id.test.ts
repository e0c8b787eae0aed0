/**
 * The prompt layer in Indonesian through the real @inquirer prompts (rendered by @inquirer/testing):
 * the library's own key help, Yes/No and error sentences are ours, a number is checked by us, and
 * the interview and the visit record read in Indonesian from the first prompt to the last.
 */
import { render } from '@inquirer/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAssessment } from '../../src/assess/interview.js';
import { inquirerPrompter, type PromptRunner } from '../../src/cli/prompts.js';
import { askVisit } from '../../src/cli/commands/monitor-record.js';
import { setLanguage } from '../../src/i18n/index.js';
import { recordSubject } from '../../src/monitor/record.js';
import { freshDb, SITI as PENERIMA, smallWorld } from '../export/builders.js';
import { englishIn } from '../i18n/english.js';
import { nik } from '../helpers.js';
import { RUBRIC, SITI_ANSWERS, TestDb } from '../score/builders.js';

type Rendered = Awaited<ReturnType<typeof render>>;
const SITI = nik('6472', 5, 7, 85, 1, true);

beforeEach(() => setLanguage('id'));
afterEach(() => setLanguage('en'));

/** Each prompt opened is queued for the test to look at and answer. */
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
  return { run, next, prompter: inquirerPrompter({}, run) };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function keys(r: Rendered, ...names: string[]): Promise<void> {
  await settle();
  for (const k of names) {
    if (!['enter', 'down', 'up', 'space', 'backspace'].includes(k)) r.events.type(k);
    else r.events.keypress(k);
    await settle();
  }
}

/** Every screen a test saw, for the English check at the end. */
function screens() {
  const seen: string[] = [];
  const look = (r: Rendered) => {
    seen.push(r.getScreen());
    return r.getScreen();
  };
  return { seen, look };
}

describe('the prompt library speaks Indonesian', () => {
  it('select, checkbox and search: the key help; search: no match; confirm: Ya/Tidak and its error', async () => {
    const h = harness();
    const { seen, look } = screens();
    const choices = [{ value: 'a', name: 'Satu' }, { value: 'b', name: 'Dua' }];

    const select = h.prompter.select({ message: 'Pilih', choices });
    const s = await h.next();
    await settle();
    expect(look(s)).toContain('↑↓ pindah • ⏎ pilih');
    await keys(s, 'down', 'enter');
    expect(await select).toBe('b');

    const checkbox = h.prompter.checkbox({ message: 'Centang', choices });
    const c = await h.next();
    await settle();
    expect(look(c)).toContain('↑↓ pindah • spasi pilih • a semua • i balik pilihan • ⏎ selesai');
    await keys(c, 'space', 'enter');
    expect(await checkbox).toEqual(['a']);

    const search = h.prompter.search({ message: 'Cari', source: (term) => choices.filter((x) => x.name.toLowerCase().includes(term.toLowerCase())) });
    const f = await h.next();
    await keys(f, 'xyz');
    expect(look(f)).toContain('> Tidak ada yang cocok dengan yang Anda ketik');
    await keys(f, 'backspace', 'backspace', 'backspace', 'du', 'enter');
    expect(await search).toBe('b');

    const confirm = h.prompter.confirm({ message: 'Simpan?', default: true });
    const y = await h.next();
    await settle();
    expect(look(y)).toContain('Simpan? (Y/t)');
    await keys(y, 'mungkin', 'enter');
    expect(look(y)).toContain('> Jawab "Ya" atau "Tidak"');
    for (let i = 0; i < 'mungkin'.length; i++) await keys(y, 'backspace');
    await keys(y, 't', 'enter');
    expect(await confirm).toBe(false);
    expect(look(y)).toContain('Simpan? Tidak');

    for (const screen of seen) {
      expect(englishIn(screen)).toEqual([]);
      expect(screen).not.toMatch(/navigate|select|submit|invert|No results|You must/);
    }
  });

  it('a number is checked by uep, not by the library: not a whole number, out of range, then accepted', async () => {
    const h = harness();
    const answer = h.prompter.number({ message: 'Jumlah tanggungan (0–20)', min: 0, max: 20 });
    const r = await h.next();
    await keys(r, '2,5', 'enter');
    expect(r.getScreen()).toContain('2,5\n> Ketik bilangan bulat, hanya angka');
    await keys(r, 'backspace', 'backspace', 'backspace', '25', 'enter');
    expect(r.getScreen()).toContain('25\n> Ketik angka dari 0 sampai 20');
    expect(englishIn(r.getScreen())).toEqual([]);
    await keys(r, 'backspace', 'enter');
    expect(await answer).toBe(2);
  });
});

describe('the interview and the visit record in Indonesian (real prompts)', () => {
  it('the interview: every prompt and choice in Indonesian, the rubric texts as written, saved', async () => {
    const t = new TestDb().person({ nik: SITI, nama: 'Siti Aminah', jenis_kelamin: 'P', hubungan_keluarga: 'kepala_keluarga', status_pkh: 1 });
    t.application(SITI, 2026, 'gorengan');
    const h = harness();
    const { seen, look } = screens();
    const done = runAssessment({ db: t.db, rubric: RUBRIC, prompter: h.prompter, present: () => {}, tahun: 2026, today: '2026-03-01', operator: 'op' }, { nik: SITI });
    const step = async (...k: string[]) => {
      const r = await h.next();
      await settle();
      look(r);
      await keys(r, ...k);
      return r;
    };
    const identity = await step('enter');
    expect(seen[0]).toContain([
      'Apakah ini orang yang ada di hadapan Anda? Cocokkan dengan KTP:',
      '  Siti Aminah · NIK 6472********0001 · lahir 05-07-1985 · umur 40',
      '  desa/kelurahan - · Samarinda · KK -',
      '  mengajukan Gorengan (Y/t)',
    ].join('\n'));
    expect(identity.getScreen()).toContain('mengajukan Gorengan Ya');
    await step('Rahmawati', 'enter');
    expect(seen[1]).toContain('Asesor (nama Anda) (op)');
    await step('enter');
    expect(seen[2]).toContain('Tanggal asesmen (HH-BB-TTTT) (01-03-2026)');
    await step('enter');
    expect(seen[3]).toContain('Penghasilan calon penerima saat ini');
    expect(seen[3]).toContain('Tidak tetap (buruh harian, serabutan)');
    const tanggungan = await h.next();
    await settle();
    look(tanggungan);
    await keys(tanggungan, '25', 'enter');
    expect(look(tanggungan)).toContain('25\n> Ketik angka dari 0 sampai 20');
    await keys(tanggungan, 'backspace', 'backspace', '3', 'enter');
    await step('enter');
    await step('down', 'enter');
    await step('down', 'down', 'space', 'enter');
    await step('space', 'enter');
    await step('space', 'enter');
    await step('space', 'enter');
    await step('down', 'enter');
    await step('enter');
    await step('enter');
    await step('enter');
    expect(seen.at(-1)).toContain('Gorengan (kesesuaian 91) ← yang diajukan');
    await step('enter');
    expect(seen.at(-1)).toContain('Simpan asesmen ini (asesor Rahmawati, 01-03-2026)? (Y/t)');
    const out = await done;
    expect(out.saved).toEqual([expect.objectContaining({ jenis_usaha_disepakati: 'gorengan', total: 89.88, eligible: true })]);
    expect(t.db.prepare(`SELECT answers_json FROM assessments`).pluck().get()).toBe(JSON.stringify(SITI_ANSWERS));
    for (const screen of seen) expect(englishIn(screen)).toEqual([]);
    t.close();
  });

  it('the visit record: a date before the grant refused in Indonesian, statuses explained, kendala and rujukan by name', async () => {
    const { db } = freshDb();
    smallWorld(db);
    const subject = recordSubject(db, PENERIMA);
    const h = harness();
    const { seen, look } = screens();
    const done = askVisit(h.prompter, subject, '2025-06-01');
    const tanggal = await h.next();
    await settle();
    expect(look(tanggal)).toContain('Tanggal kunjungan (HH-BB-TTTT) (01-06-2025)');
    await keys(tanggal, '01-02-2025', 'enter');
    expect(look(tanggal)).toContain('> kunjungan tidak boleh sebelum tanggal penyerahan bantuan (01-03-2025)');
    for (let i = 0; i < 10; i++) await keys(tanggal, 'backspace');
    await keys(tanggal, '15-05-2025', 'enter');
    const petugas = await h.next();
    await keys(petugas, 'X-9', 'enter');
    expect(look(petugas)).toContain('ID petugas');
    const status = await h.next();
    await settle();
    expect(look(status)).toContain('berjalan — usaha berjalan seperti biasa');
    expect(look(status)).toContain('pindah_usaha — beralih ke usaha lain');
    await keys(status, 'down', 'down', 'enter');
    const omzet = await h.next();
    await keys(omzet, 'seribu', 'enter');
    expect(look(omzet)).toContain('> tulis dalam rupiah tanpa desimal, misalnya 750000 atau 750.000');
    for (let i = 0; i < 6; i++) await keys(omzet, 'backspace');
    await keys(omzet, 'enter');
    const kendala = await h.next();
    await settle();
    expect(look(kendala)).toContain('Bahan baku');
    await keys(kendala, 'enter');
    // Nothing ticked: "none of these?", default no; no asks Kendala again.
    const none = await h.next();
    await settle();
    expect(look(none)).toContain('Tidak ada yang dicentang: jawabannya memang tidak satu pun dari pilihan ini? (y/T)');
    await keys(none, 'enter');
    const again = await h.next();
    await settle();
    expect(look(again)).toContain('Kendala');
    await keys(again, 'enter');
    await keys(await h.next(), 'y', 'enter');
    await keys(await h.next(), 'enter');
    const rujukan = await h.next();
    await settle();
    expect(look(rujukan)).toContain('Disnaker (pelatihan kerja)');
    await keys(rujukan, 'enter');
    await keys(await h.next(), 'ya', 'enter');
    const save = await h.next();
    await settle();
    expect(look(save)).toContain('Simpan kunjungan ini? (Y/t)');
    await keys(save, 'enter');
    expect(await done).toMatchObject({ tanggal_kunjungan: '15-05-2025', petugas: 'X-9', status_usaha: 'berhenti', omzet_bulanan: '', kendala: '', rujukan: '' });
    for (const screen of seen) expect(englishIn(screen)).toEqual([]);
    db.close();
  });
});
