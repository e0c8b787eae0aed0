import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UepError } from '../../src/errors.js';
import { setLanguage } from '../../src/i18n/index.js';
import { DEFAULT_RUBRIC, loadRubric } from '../../src/rubric/load.js';
import { optionLabel, questionText, unmetLabel } from '../../src/rubric/texts.js';
import { parseRubric } from '../../src/rubric/validate.js';
import { scoreApplicant } from '../../src/score/compute.js';
import type { Facts } from '../../src/score/types.js';
import { englishIn } from '../i18n/english.js';
import { SITI_ANSWERS } from '../score/builders.js';
import { tempDir, writeFile } from '../helpers.js';

const SHIPPED = readFileSync(DEFAULT_RUBRIC, 'utf8');

/** The shipped rubric with one change made by `edit`, checked: the error message, or '' when valid. */
function problem(edit: (r: Record<string, any>) => void): string {
  const json = JSON.parse(SHIPPED);
  edit(json);
  try {
    parseRubric(JSON.stringify(json), 'rubric.json');
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(UepError);
    return (err as Error).message;
  }
}

describe('the shipped rubric', () => {
  it('is valid, versioned, and hashed over the file bytes', () => {
    const loaded = loadRubric();
    expect(loaded.rubric.version).toBe('2026.1');
    expect(loaded.sha256).toBe(createHash('sha256').update(readFileSync(DEFAULT_RUBRIC)).digest('hex'));
    expect(loaded.rubric.questions.map((q) => q.id)).toContain('minat_motivasi');
    expect(loaded.rubric.eligibility).toMatchObject({ age: { min: 18, max: 60 }, desil: { max: 4 }, min_fit: { min: 50 } });
    expect(loaded.rubric.eligibility.kabupaten.kode).toHaveLength(10);
    expect(loaded.rubric.need.weight + loaded.rubric.fit.weight).toBe(100);
  });

  it('a byte changed is another hash; notes are allowed anywhere', () => {
    const dir = tempDir();
    const json = JSON.parse(SHIPPED);
    json.note = 'tried with a higher desil limit';
    json.eligibility.desil.max = 5;
    const other = loadRubric(writeFile(dir, 'r.json', JSON.stringify(json, null, 2)));
    expect(other.sha256).not.toBe(loadRubric().sha256);
    expect(other.rubric.eligibility.desil.max).toBe(5);
  });

  it('a missing file names the flag', () => {
    expect(() => loadRubric('/nonexistent/rubric.json')).toThrow(/cannot read the rubric .*no such file/);
  });
});

describe('malformed rubrics: the key and the problem', () => {
  it.each<[string, (r: Record<string, any>) => void, string]>([
    ['wrong type', (r) => { r.need.components.desil.weight = 'x'; }, 'rubric.json: need.components.desil.weight must be a number between 0 and 100 (got "x")'],
    ['out of range', (r) => { r.eligibility.desil.max = 11; }, 'eligibility.desil.max must be a whole number between 1 and 10 (got 11)'],
    ['not whole', (r) => { r.eligibility.age.min = 17.5; }, 'eligibility.age.min must be a whole number between 0 and 120 (got 17.5)'],
    ['unknown key', (r) => { r.need.components.wrse.bobot = 3; }, 'need.components.wrse.bobot is not a known key (expected weight, fact, question, points, full_at, per_jenis, note)'],
    ['unknown top-level key', (r) => { r.versi = '1'; }, 'rubric.json: versi is not a known key'],
    ['missing key', (r) => { delete r.version; }, 'version is missing'],
    ['missing rule', (r) => { delete r.eligibility.min_fit; }, 'eligibility.min_fit is missing'],
    ['weights', (r) => { r.need.components.desil.weight = 25; }, 'need.components weights must add up to 100 (got 95)'],
    ['need + fit', (r) => { r.fit.weight = 60; }, 'need.weight and fit.weight must add up to 100 (got 110)'],
    ['min > max', (r) => { r.eligibility.age.min = 65; }, 'eligibility.age.min must not be more than eligibility.age.max (got 65 > 60)'],
    ['regency', (r) => { r.eligibility.kabupaten.kode.push('3174'); }, 'eligibility.kabupaten.kode[10] is not a regency of Kalimantan Timur (got "3174")'],
    ['enabled', (r) => { r.eligibility.age.enabled = 'yes'; }, 'eligibility.age.enabled must be true or false (got "yes")'],
    ['question type', (r) => { r.questions[0].type = 'text'; }, 'questions[0].type must be "choice", "multi" or "number" (got "text")'],
    ['question id', (r) => { r.questions[1].id = 'Jumlah Tanggungan'; }, 'questions[1].id must be an id of lower-case letters, digits and _'],
    ['duplicate id', (r) => { r.questions[1].id = 'penghasilan'; }, 'questions[1].id repeats the id "penghasilan"'],
    ['reserved id', (r) => { r.questions[0].id = 'tanggal'; }, 'must not be "tanggal": the assessment import uses that column'],
    ['no options', (r) => { r.questions[0].options = []; }, 'questions[0].options must not be empty'],
    ['unknown question', (r) => { r.need.components.tanggungan.question = 'tanggungan'; }, 'need.components.tanggungan.question names no question (got "tanggungan"'],
    ['points for every option', (r) => { delete r.fit.components.pasar.points.sepi; }, 'fit.components.pasar.points.sepi is missing (every option needs a fraction 0–1)'],
    ['fraction', (r) => { r.fit.components.pasar.points.ramai = 10; }, 'fit.components.pasar.points.ramai must be a number between 0 and 1 (got 10)'],
    ['option value', (r) => { r.fit.components.pasar.points.dekat = 1; }, 'fit.components.pasar.points.dekat is not one of ramai, ada, sepi'],
    ['per_jenis type', (r) => { delete r.fit.components.tempat.per_jenis.bengkel; }, 'fit.components.tempat.per_jenis.bengkel is missing'],
    ['per_jenis value', (r) => { r.fit.components.tempat.per_jenis.bengkel = ['garasi']; }, 'fit.components.tempat.per_jenis.bengkel[0] must be an option of tempat_usaha'],
    ['unknown fact', (r) => { r.need.components.wrse.fact = 'janda'; }, 'need.components.wrse.fact must be one of desil, pkh_aktif, wrse, rentan_pkh (got "janda")'],
    ['points unused', (r) => { r.need.components.wrse.points = { true: 1 }; }, 'need.components.wrse.points is not used by this component (fact wrse, which counts 1 or 0)'],
    ['no source', (r) => { delete r.need.components.wrse.fact; }, 'need.components.wrse needs a fact or a question (or both)'],
    ['full_at', (r) => { r.need.components.tanggungan.full_at = 0; }, 'need.components.tanggungan.full_at must be a whole number between 1 and 20 (got 0)'],
    ['requirement', (r) => { r.fit.requirements.bengkel[0].any_of = ['las']; }, 'fit.requirements.bengkel[0].any_of[0] must be an option of keterampilan'],
    ['cap', (r) => { r.fit.requirement_cap = -1; }, 'fit.requirement_cap must be a number between 0 and 100 (got -1)'],
    ['not an object', (r) => { r.need = [1]; }, 'need must be an object (got a list)'],
    ['no components', (r) => { r.fit.components = {}; }, 'rubric.json: fit.components must not be empty'],
  ])('%s', (_, edit, message) => {
    expect(problem(edit)).toContain(message);
  });

  it('invalid JSON says so', () => {
    expect(() => parseRubric('{ "version": "1", }', 'rubric.json')).toThrow(/^rubric.json: not valid JSON/);
  });

  it('the error carries a hint to the format documentation', () => {
    try {
      parseRubric('{}', 'rubric.json');
    } catch (err) {
      expect((err as UepError).hint).toMatch(/docs\/rubric.md/);
    }
  });
});

describe('English texts beside the Indonesian ones', () => {
  const withoutEnglish = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withoutEnglish);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.endsWith('_en')).map(([k, v]) => [k, withoutEnglish(v)]));
  };

  it('the shipped rubric has an English text for every question, option and requirement', () => {
    const { rubric } = loadRubric();
    for (const q of rubric.questions) {
      expect(q.text_en, q.id).toMatch(/\w/);
      if (q.type !== 'number') for (const o of q.options) expect(o.label_en, `${q.id}.${o.value}`).toMatch(/\w/);
    }
    for (const list of Object.values(rubric.fit.requirements)) for (const r of list) expect(r.label_en, r.label).toMatch(/\w/);
  });

  it('a rubric without them (as every rubric before) is valid and scores the same', () => {
    const shipped = parseRubric(SHIPPED, 'rubric.json');
    const old = parseRubric(JSON.stringify(withoutEnglish(JSON.parse(SHIPPED))), 'rubric.json');
    expect(old).toEqual(withoutEnglish(shipped));
    expect(old.questions.some((q) => 'text_en' in q)).toBe(false);
    expect(old.fit).toEqual(withoutEnglish(shipped.fit));
    const facts: Facts = { in_dtks: true, kode_kabupaten: '6472', age: 40, desil: 2, pkh_aktif: true, wrse: true, rentan_pkh: false, earlier_recipient: null, applications: 1 };
    for (const jenis of ['gorengan', 'bengkel'] as const) {
      expect(scoreApplicant(old, facts, SITI_ANSWERS, jenis)).toEqual(scoreApplicant(shipped, facts, SITI_ANSWERS, jenis));
    }
  });

  it.each<[string, (r: Record<string, any>) => void, string]>([
    ['text_en not text', (r) => { r.questions[0].text_en = 3; }, 'questions[0].text_en must be text (got 3)'],
    ['label_en empty', (r) => { r.questions[0].options[1].label_en = ' '; }, 'questions[0].options[1].label_en must be text (got " ")'],
    ['requirement label_en', (r) => { r.fit.requirements.bengkel[0].label_en = ['x']; }, 'fit.requirements.bengkel[0].label_en must be text (got a list)'],
    ['another language', (r) => { r.questions[0].text_jv = 'x'; }, 'questions[0].text_jv is not a known key (expected id, text, type, options, text_en, note)'],
  ])('%s is refused, naming the key', (_, edit, message) => {
    expect(problem(edit)).toContain(message);
  });
});

describe('malformed rubrics in Indonesian', () => {
  afterEach(() => setLanguage('en'));

  it.each<[(r: Record<string, any>) => void, string]>([
    [(r) => { r.need.components.desil.weight = 'x'; }, 'rubric.json: need.components.desil.weight harus berupa angka antara 0 dan 100 (ditemukan: "x")'],
    [(r) => { r.need = [1]; }, 'rubric.json: need harus berupa objek (ditemukan: sebuah daftar)'],
    [(r) => { delete r.version; }, 'rubric.json: version wajib diisi'],
    [(r) => { r.need.components.desil.weight = 25; }, 'jumlah bobot need.components harus 100 (ditemukan: 95)'],
    [(r) => { r.fit.components.tempat.per_jenis.bengkel = ['garasi']; }, 'fit.components.tempat.per_jenis.bengkel[0] harus salah satu pilihan tempat_usaha: tempat_jualan, dapur, lahan_kandang, ruang_bengkel (ditemukan: "garasi")'],
    [(r) => { r.questions[0].id = 'tanggal'; }, 'questions[0].id tidak boleh "tanggal": nama kolom itu dipakai oleh impor asesmen'],
    [(r) => { r.need.components.wrse.points = { true: 1 }; }, 'need.components.wrse.points tidak dipakai oleh komponen ini (fakta wrse bernilai 1 atau 0)'],
  ])('%#: %s', (edit, message) => {
    setLanguage('id');
    const text = problem(edit);
    expect(text).toBe(message.startsWith('rubric.json') ? message : `rubric.json: ${message}`);
    expect(englishIn(text)).toEqual([]);
  });

  it('invalid JSON: where, and the hint', () => {
    setLanguage('id');
    try {
      parseRubric('{\n  "version": "1",\n}', 'rubric.json');
      expect.unreachable();
    } catch (err) {
      expect((err as UepError).message).toBe('rubric.json: bukan JSON yang sah: ada kesalahan di baris 3, kolom 1');
      expect((err as UepError).hint).toMatch(/^periksa koma dan tanda kutip/);
    }
    expect(() => parseRubric('', 'rubric.json')).toThrow('rubric.json: bukan JSON yang sah');
  });
});

describe('the texts a person reads', () => {
  afterEach(() => setLanguage('en'));
  const { rubric } = loadRubric();
  const q = rubric.questions.find((x) => x.id === 'kesehatan')!;

  it('Indonesian by default, English with en where the rubric has it, the Indonesian otherwise', () => {
    setLanguage('id');
    expect(questionText(q)).toBe('Kondisi kesehatan untuk bekerja sehari-hari');
    expect(q.type === 'choice' && optionLabel(q.options[0]!)).toBe('Sehat');
    expect(unmetLabel(rubric, 'tempat berjualan')).toBe('tempat berjualan');
    setLanguage('en');
    expect(questionText(q)).toBe('Health for daily work');
    expect(q.type === 'choice' && optionLabel(q.options[0]!)).toBe('Healthy');
    expect(unmetLabel(rubric, 'tempat berjualan')).toBe('a place to sell');
    expect(unmetLabel(rubric, 'label of an older rubric')).toBe('label of an older rubric');
    expect(questionText({ ...q, text_en: undefined })).toBe('Kondisi kesehatan untuk bekerja sehari-hari');
  });
});
