import { UepError } from '../errors.js';
import { displayValue } from '../fsutil/display.js';
import { kabupatenByKode } from '../regions/resolve.js';
import { Checker, describe } from './check.js';
import { checkFit, checkNeed } from './validate-sections.js';
import { RULE_NAMES, type Eligibility, type Option, type Question, type Rubric } from './types.js';

const ID = /^[a-z][a-z0-9_]*$/;
const VALUE = /^[a-z0-9][a-z0-9_]*$/;
/** Columns of the assessment import that a question id must not shadow. */
const RESERVED = ['nik', 'assessor', 'tanggal', 'jenis_usaha', 'jenis_usaha_disepakati', 'nama', 'id_pendaftar', 'nik_tersamar', 'versi_rubrik'];

/** Parses and checks a rubric file's text; any problem is a UepError naming the key. */
export function parseRubric(text: string, file: string): Rubric {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UepError(`${file}: not valid JSON: ${displayValue((err as Error).message, 160)}`, 'check commas and quotes, e.g. with `node -e "JSON.parse(require(\'fs\').readFileSync(\'FILE\', \'utf8\'))"`');
  }
  const c = new Checker(file);
  const top = c.object(json, '', ['version', 'eligibility', 'questions', 'need', 'fit'], ['description']);
  const version = c.string(top.version, 'version', /^[\w.-]{1,40}$/, 'a version like "2026.1"');
  const description = top.description === undefined ? undefined : c.string(top.description, 'description');
  const eligibility = checkEligibility(c, top.eligibility);
  const questions = checkQuestions(c, top.questions);
  const need = checkNeed(c, top.need, questions);
  const fit = checkFit(c, top.fit, questions);
  c.sumsTo100([need.weight, fit.weight], 'need.weight and fit.weight');
  return { version, ...(description === undefined ? {} : { description }), eligibility, questions, need, fit };
}

function checkEligibility(c: Checker, value: unknown): Eligibility {
  const e = c.object(value, 'eligibility', RULE_NAMES);
  const rule = (name: string, params: string[] = []) => {
    const r = c.object(e[name], `eligibility.${name}`, params, ['enabled']);
    return { r, enabled: r.enabled === undefined ? true : c.boolean(r.enabled, `eligibility.${name}.enabled`) };
  };
  const kab = rule('kabupaten', ['kode']);
  const kode = c.array(kab.r.kode, 'eligibility.kabupaten.kode').map((k, i) => {
    const path = `eligibility.kabupaten.kode[${i}]`;
    const code = c.string(k, path, /^\d{4}$/, 'a 4-digit Kemendagri regency code');
    if (!kabupatenByKode(code)) c.fail(path, `is not a regency of Kalimantan Timur (got ${describe(k)})`);
    return code;
  });
  const age = rule('age', ['min', 'max']);
  const min = c.number(age.r.min, 'eligibility.age.min', 0, 120, true);
  const max = c.number(age.r.max, 'eligibility.age.max', 0, 120, true);
  if (min > max) c.fail('eligibility.age.min', `must not be more than eligibility.age.max (got ${min} > ${max})`);
  const desil = rule('desil', ['max']);
  const minFit = rule('min_fit', ['min']);
  return {
    in_dtks: { enabled: rule('in_dtks').enabled },
    kabupaten: { enabled: kab.enabled, kode },
    age: { enabled: age.enabled, min, max },
    desil: { enabled: desil.enabled, max: c.number(desil.r.max, 'eligibility.desil.max', 1, 10, true) },
    earlier_recipient: { enabled: rule('earlier_recipient').enabled },
    one_application: { enabled: rule('one_application').enabled },
    min_fit: { enabled: minFit.enabled, min: c.number(minFit.r.min, 'eligibility.min_fit.min', 0, 100) },
  };
}

function checkQuestions(c: Checker, value: unknown): Question[] {
  const ids = new Set<string>();
  return c.array(value, 'questions').map((item, i): Question => {
    const path = `questions[${i}]`;
    const type = (item as { type?: unknown } | null)?.type;
    const q = c.object(item, path, type === 'number' ? ['id', 'text', 'type', 'min', 'max'] : ['id', 'text', 'type', 'options'], ['text_en']);
    const id = c.string(q.id, `${path}.id`, ID, 'an id of lower-case letters, digits and _');
    if (ids.has(id)) c.fail(`${path}.id`, `repeats the id ${describe(id)}`);
    if (RESERVED.includes(id)) c.fail(`${path}.id`, `must not be ${describe(id)}: the assessment import uses that column`);
    ids.add(id);
    const text = c.string(q.text, `${path}.text`);
    const en = q.text_en === undefined ? {} : { text_en: c.string(q.text_en, `${path}.text_en`) };
    if (type === 'number') {
      const min = c.number(q.min, `${path}.min`, 0, 1e9, true);
      const max = c.number(q.max, `${path}.max`, min, 1e9, true);
      return { id, text, ...en, type, min, max };
    }
    if (type !== 'choice' && type !== 'multi') c.fail(`${path}.type`, `must be "choice", "multi" or "number" (got ${describe(type)})`);
    return { id, text, ...en, type, options: checkOptions(c, q.options, `${path}.options`) };
  });
}

function checkOptions(c: Checker, value: unknown, path: string): Option[] {
  const seen = new Set<string>();
  return c.array(value, path).map((item, i) => {
    const o = c.object(item, c.at(path, i), ['value', 'label'], ['label_en']);
    const v = c.string(o.value, c.at(c.at(path, i), 'value'), VALUE, 'a value of lower-case letters, digits and _');
    if (seen.has(v)) c.fail(c.at(c.at(path, i), 'value'), `repeats ${describe(v)}`);
    seen.add(v);
    const label = c.string(o.label, c.at(c.at(path, i), 'label'));
    return o.label_en === undefined ? { value: v, label } : { value: v, label, label_en: c.string(o.label_en, c.at(c.at(path, i), 'label_en')) };
  });
}
