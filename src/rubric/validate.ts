import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';
import { kabupatenByKode } from '../regions/resolve.js';
import { Checker, describe, english } from './check.js';
import { checkFit, checkNeed } from './validate-sections.js';
import { OPTIONAL_RULES, RULE_NAMES, type Eligibility, type Option, type Question, type Rubric } from './types.js';

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
    throw new UepError(t('common:location.file', { file, problem: jsonProblem(text, err as Error) }), t('rubric:json.hint'));
  }
  const c = new Checker(file);
  const top = c.object(json, '', ['version', 'eligibility', 'questions', 'need', 'fit'], ['description']);
  const version = c.string(top.version, 'version', /^[\w.-]{1,40}$/, 'rubric:check.version');
  const description = top.description === undefined ? undefined : c.string(top.description, 'description');
  const eligibility = checkEligibility(c, top.eligibility);
  const questions = checkQuestions(c, top.questions);
  const need = checkNeed(c, top.need, questions);
  const fit = checkFit(c, top.fit, questions);
  c.sumsTo100([need.weight, fit.weight], '', 'rubric:check.sections_sum');
  return { version, ...(description === undefined ? {} : { description }), eligibility, questions, need, fit };
}

/**
 * Where JSON.parse stopped, as line and column (its own message is English and names only a
 * character position); a text that ends too early has no position.
 */
function jsonProblem(text: string, err: Error): string {
  const position = /at position (\d+)/.exec(err.message);
  if (!position) return t('rubric:json.invalid');
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(position[1]));
  const lines = before.split('\n');
  return t('rubric:json.invalid_at', { line: lines.length, column: lines.at(-1)!.length + 1 });
}

function checkEligibility(c: Checker, value: unknown): Eligibility {
  const e = c.object(value, 'eligibility', RULE_NAMES.filter((r) => !OPTIONAL_RULES.includes(r)), OPTIONAL_RULES);
  const rule = (name: string, params: string[] = []) => {
    const r = c.object(e[name] ?? {}, `eligibility.${name}`, params, ['enabled']);
    return { r, enabled: r.enabled === undefined ? true : c.boolean(r.enabled, `eligibility.${name}.enabled`) };
  };
  const kab = rule('kabupaten', ['kode']);
  const kode = c.array(kab.r.kode, 'eligibility.kabupaten.kode').map((k, i) => {
    const path = `eligibility.kabupaten.kode[${i}]`;
    const code = c.string(k, path, /^\d{4}$/, 'rubric:check.kode');
    if (!kabupatenByKode(code)) c.fail(path, 'rubric:check.kode_outside', { got: describe(k) });
    return code;
  });
  const age = rule('age', ['min', 'max']);
  const min = c.number(age.r.min, 'eligibility.age.min', 0, 120, true);
  const max = c.number(age.r.max, 'eligibility.age.max', 0, 120, true);
  if (min > max) c.fail('eligibility.age.min', 'rubric:check.age_order', { min, max });
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
    duplicate: { enabled: rule('duplicate').enabled },
  };
}

function checkQuestions(c: Checker, value: unknown): Question[] {
  const ids = new Set<string>();
  return c.array(value, 'questions').map((item, i): Question => {
    const path = `questions[${i}]`;
    const type = (item as { type?: unknown } | null)?.type;
    const q = c.object(item, path, type === 'number' ? ['id', 'text', 'type', 'min', 'max'] : ['id', 'text', 'type', 'options'], ['text_en']);
    const id = c.string(q.id, `${path}.id`, ID, 'rubric:check.id');
    if (ids.has(id)) c.fail(`${path}.id`, 'rubric:check.id_repeated', { got: describe(id) });
    if (RESERVED.includes(id)) c.fail(`${path}.id`, 'rubric:check.id_reserved', { got: describe(id) });
    ids.add(id);
    const texts = { text: c.string(q.text, `${path}.text`), ...english(c, q.text_en, `${path}.text_en`, 'text_en') };
    if (type === 'number') {
      const min = c.number(q.min, `${path}.min`, 0, 1e9, true);
      const max = c.number(q.max, `${path}.max`, min, 1e9, true);
      return { id, ...texts, type, min, max };
    }
    if (type !== 'choice' && type !== 'multi') c.fail(`${path}.type`, 'rubric:check.question_type', { got: describe(type) });
    return { id, ...texts, type, options: checkOptions(c, q.options, `${path}.options`) };
  });
}

function checkOptions(c: Checker, value: unknown, path: string): Option[] {
  const seen = new Set<string>();
  return c.array(value, path).map((item, i) => {
    const o = c.object(item, c.at(path, i), ['value', 'label'], ['label_en']);
    const v = c.string(o.value, c.at(c.at(path, i), 'value'), VALUE, 'rubric:check.value');
    if (seen.has(v)) c.fail(c.at(c.at(path, i), 'value'), 'rubric:check.value_repeated', { got: describe(v) });
    seen.add(v);
    return { value: v, label: c.string(o.label, c.at(c.at(path, i), 'label')), ...english(c, o.label_en, c.at(c.at(path, i), 'label_en'), 'label_en') };
  });
}
