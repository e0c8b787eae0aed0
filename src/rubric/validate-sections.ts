import { JENIS_USAHA, type JenisUsaha } from '../applicants/jenis-usaha.js';
import { describe, english, type Checker } from './check.js';
import { FACTS, type Component, type FactName, type FitSection, type Question, type Requirement, type Section } from './types.js';

const COMPONENT_KEYS = ['fact', 'question', 'points', 'full_at', 'per_jenis'];

export function checkNeed(c: Checker, value: unknown, questions: Question[]): Section {
  const s = c.object(value, 'need', ['weight', 'components']);
  return { weight: c.number(s.weight, 'need.weight', 0, 100), components: checkComponents(c, s.components, 'need.components', questions) };
}

export function checkFit(c: Checker, value: unknown, questions: Question[]): FitSection {
  const s = c.object(value, 'fit', ['weight', 'components', 'requirement_cap', 'requirements']);
  return {
    weight: c.number(s.weight, 'fit.weight', 0, 100),
    components: checkComponents(c, s.components, 'fit.components', questions),
    requirement_cap: c.number(s.requirement_cap, 'fit.requirement_cap', 0, 100),
    requirements: perJenis(c, s.requirements, 'fit.requirements', (v, path) =>
      c.array(v, path, false).map((item, i) => checkRequirement(c, item, c.at(path, i), questions))),
  };
}

function checkComponents(c: Checker, value: unknown, path: string, questions: Question[]): Record<string, Component> {
  const map = c.map(value, path);
  const out: Record<string, Component> = {};
  for (const [id, item] of Object.entries(map)) {
    if (!/^[a-z][a-z0-9_]*$/.test(id)) c.fail(c.at(path, id), 'rubric:check.component_name');
    out[id] = checkComponent(c, item, c.at(path, id), questions);
  }
  if (Object.keys(out).length === 0) c.fail(path, 'rubric:check.empty');
  c.sumsTo100(Object.values(out).map((x) => x.weight), path);
  return out;
}

function checkComponent(c: Checker, value: unknown, path: string, questions: Question[]): Component {
  const o = c.object(value, path, ['weight'], COMPONENT_KEYS);
  const out: Component = { weight: c.number(o.weight, c.at(path, 'weight'), 0, 100) };
  if (o.fact === undefined && o.question === undefined) c.fail(path, 'rubric:check.no_source');
  const used = new Set<string>();
  if (o.fact !== undefined) {
    if (!(FACTS as readonly unknown[]).includes(o.fact)) c.fail(c.at(path, 'fact'), 'rubric:check.fact_unknown', { facts: FACTS.join(', '), got: describe(o.fact) });
    out.fact = o.fact as FactName;
    if (out.fact === 'desil') {
      if (o.question !== undefined) c.fail(c.at(path, 'question'), 'rubric:check.desil_with_question');
      out.points = fractions(c, o.points, c.at(path, 'points'), Array.from({ length: 10 }, (_, i) => String(i + 1)), false);
      used.add('points');
    }
  }
  if (o.question !== undefined) {
    const id = c.string(o.question, c.at(path, 'question'));
    const q = questions.find((x) => x.id === id);
    if (!q) c.fail(c.at(path, 'question'), 'rubric:check.question_unknown_list', { got: describe(id), questions: questions.map((x) => x.id).join(', ') });
    if (out.fact !== undefined && out.fact !== 'desil' && q.type !== 'choice') c.fail(c.at(path, 'question'), 'rubric:check.fact_needs_choice');
    out.question = id;
    if (q.type === 'choice') {
      out.points = fractions(c, o.points, c.at(path, 'points'), q.options.map((x) => x.value), true);
      used.add('points');
    } else if (q.type === 'number') {
      out.full_at = c.number(o.full_at, c.at(path, 'full_at'), 1, q.max, true);
      used.add('full_at');
    } else {
      out.per_jenis = perJenis(c, o.per_jenis, c.at(path, 'per_jenis'), (v, p) => optionValues(c, v, p, q, false));
      used.add('per_jenis');
    }
  }
  for (const key of ['points', 'full_at', 'per_jenis']) {
    if (o[key] !== undefined && !used.has(key)) c.fail(c.at(path, key), out.question ? 'rubric:check.unused_by_question' : 'rubric:check.unused_by_fact', { question: out.question, fact: out.fact });
  }
  return out;
}


/** A map value → fraction (0–1); `all`: every key must be present. */
function fractions(c: Checker, value: unknown, path: string, keys: string[], all: boolean): Record<string, number> {
  if (value === undefined) c.fail(path, 'rubric:check.fractions_missing', { keys: keys.join(', ') });
  const map = c.map(value, path);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(map)) {
    if (!keys.includes(k)) c.fail(c.at(path, k), 'rubric:check.not_one_of', { keys: keys.join(', ') });
    out[k] = c.number(v, c.at(path, k), 0, 1);
  }
  if (all) for (const k of keys) if (out[k] === undefined) c.fail(c.at(path, k), 'rubric:check.fraction_every');
  return out;
}

function perJenis<T>(c: Checker, value: unknown, path: string, each: (v: unknown, path: string) => T): Record<JenisUsaha, T> {
  const map = c.object(value, path, JENIS_USAHA);
  return Object.fromEntries(JENIS_USAHA.map((j) => [j, each(map[j], c.at(path, j))])) as Record<JenisUsaha, T>;
}

function optionValues(c: Checker, value: unknown, path: string, q: Question, nonEmpty: boolean): string[] {
  if (q.type === 'number') c.fail(path, 'rubric:check.number_question', { question: q.id });
  const known = q.options.map((o) => o.value);
  return c.array(value, path, nonEmpty).map((v, i) => {
    if (typeof v !== 'string' || !known.includes(v)) c.fail(c.at(path, i), 'rubric:check.option_of', { question: q.id, options: known.join(', '), got: describe(v) });
    return v;
  });
}

function checkRequirement(c: Checker, value: unknown, path: string, questions: Question[]): Requirement {
  const o = c.object(value, path, ['question', 'any_of', 'label'], ['label_en']);
  const id = c.string(o.question, c.at(path, 'question'));
  const q = questions.find((x) => x.id === id);
  if (!q) c.fail(c.at(path, 'question'), 'rubric:check.question_unknown', { got: describe(id) });
  return {
    question: id, any_of: optionValues(c, o.any_of, c.at(path, 'any_of'), q, true), label: c.string(o.label, c.at(path, 'label')),
    ...english(c, o.label_en, c.at(path, 'label_en'), 'label_en'),
  };
}
