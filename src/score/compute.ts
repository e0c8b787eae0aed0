/**
 * The score of one applicant: a pure function of the rubric, the registry facts, the interview's
 * answers and the agreed business type. Same inputs, same result, to the cent; nothing else read.
 * The rubric's sections are turned into arrays once (cached per rubric object): `uep score` calls
 * this 200k times.
 */
import { JENIS_USAHA, type JenisUsaha } from '../applicants/jenis-usaha.js';
import { RULE_NAMES, type Component, type Reason, type Rubric, type RuleName, type Section } from '../rubric/types.js';
import type { Answers, AnswerValue, ComponentScore, Facts, FitScore, RuleResult, ScoreResult, SectionScore } from './types.js';

/** Rounds half up to 2 decimals; the tiny nudge makes 1.005 (stored as 1.00499…) round as written. */
export function round2(x: number): number {
  return Math.round(x * 100 + 1e-7) / 100;
}

type Parts = [id: string, comp: Component][];
const compiled = new WeakMap<Section, Parts>();
function parts(section: Section): Parts {
  let p = compiled.get(section);
  if (!p) compiled.set(section, (p = Object.entries(section.components)));
  return p;
}

function answerFraction(comp: Component, answer: AnswerValue | undefined, jenis: JenisUsaha): number {
  if (answer === undefined) return 0;
  if (comp.per_jenis) {
    if (!Array.isArray(answer)) return 0;
    const counts = comp.per_jenis[jenis];
    for (let i = 0; i < answer.length; i++) if (counts.includes(answer[i]!)) return 1;
    return 0;
  }
  if (comp.full_at !== undefined) return typeof answer === 'number' ? Math.min(Math.max(answer, 0), comp.full_at) / comp.full_at : 0;
  return typeof answer === 'string' ? comp.points?.[answer] ?? 0 : 0;
}

function componentScore(id: string, comp: Component, facts: Facts, answers: Answers, jenis: JenisUsaha): ComponentScore {
  let fraction = 0;
  const out: ComponentScore = { id, weight: comp.weight, fraction: 0, points: 0 };
  if (comp.fact === 'desil') {
    out.fact = facts.desil;
    fraction = facts.desil === null ? 0 : comp.points?.[facts.desil] ?? 0;
  } else if (comp.fact) {
    out.fact = facts[comp.fact];
    fraction = facts[comp.fact] ? 1 : 0;
  }
  if (comp.question) {
    const answer = answers[comp.question];
    out.answer = answer ?? null;
    fraction = Math.max(fraction, answerFraction(comp, answer, jenis));
  }
  out.fraction = fraction;
  out.points = round2(fraction * comp.weight);
  return out;
}

function sectionScore(section: Section, facts: Facts, answers: Answers, jenis: JenisUsaha): SectionScore {
  const list = parts(section);
  const components: ComponentScore[] = new Array(list.length);
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const c = componentScore(list[i]![0], list[i]![1], facts, answers, jenis);
    components[i] = c;
    sum += c.points;
  }
  return { score: round2(sum), components };
}

const NO_FACTS: Facts = {
  in_dtks: true, kode_kabupaten: null, age: null, desil: null, pkh_aktif: false, wrse: false, rentan_pkh: false, earlier_recipient: null, applications: 1, duplicate_of: null,
};

/** The business-fit score of the answers for one business type, with its requirements applied. */
export function fitScore(rubric: Rubric, answers: Answers, jenis: JenisUsaha, facts: Facts = NO_FACTS): FitScore {
  const s = sectionScore(rubric.fit, facts, answers, jenis);
  const unmet: string[] = [];
  for (const r of rubric.fit.requirements[jenis]) {
    const a = answers[r.question];
    const met = Array.isArray(a) ? a.some((v) => r.any_of.includes(v)) : typeof a === 'string' && r.any_of.includes(a);
    if (!met) unmet.push(r.label);
  }
  const score = unmet.length > 0 ? Math.min(s.score, rubric.fit.requirement_cap) : s.score;
  return { score, components: s.components, jenis_usaha: jenis, unmet, uncapped: s.score };
}

/** The six business types by fit for these answers, best first; ties: `prefer` (the type asked for), then the programme's order. */
export function rankJenisUsaha(rubric: Rubric, answers: Answers, facts: Facts = NO_FACTS, prefer?: JenisUsaha): FitScore[] {
  const order = (j: JenisUsaha) => (j === prefer ? -1 : JENIS_USAHA.indexOf(j));
  return JENIS_USAHA.map((j) => fitScore(rubric, answers, j, facts)).sort((a, b) => b.score - a.score || order(a.jenis_usaha) - order(b.jenis_usaha));
}

/** The eligibility rule min_fit for a fit score: at or above the rubric's minimum, or the rule is off. */
export function passesMinFit(rubric: Rubric, fit: number): boolean {
  const r = rubric.eligibility.min_fit;
  return !r.enabled || fit >= r.min;
}

function rule(rubric: Rubric, name: RuleName, facts: Facts, fit: number): RuleResult {
  const e = rubric.eligibility;
  let reason: Reason;
  let passed: boolean;
  let value: RuleResult['value'];
  switch (name) {
    case 'in_dtks': [reason, passed, value] = ['not_in_dtks', facts.in_dtks, facts.in_dtks]; break;
    case 'kabupaten':
      [reason, passed, value] = ['outside_kabupaten', facts.kode_kabupaten !== null && e.kabupaten.kode.includes(facts.kode_kabupaten), facts.kode_kabupaten];
      break;
    case 'age': [reason, passed, value] = ['age_out_of_range', facts.age !== null && facts.age >= e.age.min && facts.age <= e.age.max, facts.age]; break;
    case 'desil':
      [reason, passed, value] = facts.desil === null ? ['desil_unknown', false, null] : ['desil_above_max', facts.desil <= e.desil.max, facts.desil];
      break;
    case 'earlier_recipient': [reason, passed, value] = ['earlier_recipient', facts.earlier_recipient === null, facts.earlier_recipient]; break;
    case 'one_application': [reason, passed, value] = ['multiple_applications', facts.applications <= 1, facts.applications]; break;
    case 'min_fit': [reason, passed, value] = ['fit_below_min', passesMinFit(rubric, fit), fit]; break;
    case 'duplicate': [reason, passed, value] = ['duplicate_person', facts.duplicate_of == null, facts.duplicate_of ?? null]; break;
  }
  const enabled = e[name]?.enabled ?? true;
  return { rule: name, reason, enabled, passed: passed || !enabled, value };
}

/** Eligibility (every rule, failed ones with their reason code), need, fit and total. */
export function scoreApplicant(rubric: Rubric, facts: Facts, answers: Answers, jenis: JenisUsaha): ScoreResult {
  const need = sectionScore(rubric.need, facts, answers, jenis);
  const fit = fitScore(rubric, answers, jenis, facts);
  const rules: RuleResult[] = new Array(RULE_NAMES.length);
  const reasons: Reason[] = [];
  for (let i = 0; i < RULE_NAMES.length; i++) {
    const r = rule(rubric, RULE_NAMES[i]!, facts, fit.score);
    rules[i] = r;
    if (!r.passed) reasons.push(r.reason);
  }
  const total = round2((need.score * rubric.need.weight + fit.score * rubric.fit.weight) / 100);
  return { eligible: reasons.length === 0, reasons, rules, need, fit, total };
}
