/** How scores look to people: the interview's preview and `uep explain` share these. */
import type { ChalkInstance } from 'chalk';
import type { JenisUsaha } from '../../applicants/jenis-usaha.js';
import { jenisLabel } from '../../report/html/labels.js';
import { kabupatenByKode } from '../../regions/resolve.js';
import { REASONS, type Eligibility, type Reason } from '../../rubric/types.js';
import { reasonText as rubricReasonText } from '../../rubric/texts.js';
import type { ComponentScore, RuleResult, SectionScore } from '../../score/types.js';
import { formatTable } from '../../format/table.js';
import { num } from '../../format/people.js';
import { language, t } from '../../i18n/index.js';

export interface BreakdownView {
  eligible: boolean;
  rules: RuleResult[];
  need: SectionScore;
  fit: SectionScore & { jenis_usaha: JenisUsaha; unmet: string[]; uncapped: number };
  total: number;
}

export interface RubricView {
  eligibility: Eligibility;
  need_weight: number;
  fit_weight: number;
}

/** A code as people read it: the code itself (scripts and reports rely on it), its explanation beside it. */
export function explained(code: string, explanation: string): string {
  return t('score:code_explained', { code, explanation });
}

/** An eligibility reason code with its explanation: `desil_above_max — desil di atas batas`. */
export function reasonText(code: string): string {
  return (REASONS as readonly string[]).includes(code) ? explained(code, rubricReasonText(code as Reason)) : code;
}

/** yes/no, (none), lists: a fact or an answer as a person reads it. */
export function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? t('score:value.none') : v.join(',');
  if (typeof v === 'boolean') return v ? t('score:value.yes') : t('score:value.no');
  if (typeof v === 'number') return num(v);
  return v === null || v === undefined ? t('score:value.none') : String(v);
}

function ruleText(r: RuleResult, e: Eligibility): string {
  const v = r.value;
  switch (r.rule) {
    case 'in_dtks': return v ? t('score:rule.in_dtks') : t('score:rule.not_in_dtks');
    case 'kabupaten': {
      const allowed = e.kabupaten.kode.length;
      return v === null ? t('score:rule.kabupaten_unknown', { allowed }) : t('score:rule.kabupaten', { name: kabupatenByKode(String(v))?.nama ?? v, allowed });
    }
    case 'age': return v === null ? t('score:rule.age_unknown', { min: e.age.min, max: e.age.max }) : t('score:rule.age', { age: v, min: e.age.min, max: e.age.max });
    case 'desil': return v === null ? t('score:rule.desil_unknown', { max: e.desil.max }) : t('score:rule.desil', { desil: v, max: e.desil.max });
    case 'earlier_recipient': return v === null ? t('score:rule.no_earlier_package') : t('score:rule.earlier_package', { tahun: v });
    case 'one_application': return t('score:rule.applications', { n: v });
    case 'min_fit': return t('score:rule.min_fit', { fit: num(Number(v)), min: num(e.min_fit.min) });
    case 'duplicate': return v === null ? t('review:rule.not_duplicate') : t('review:rule.duplicate', { pair: v });
  }
}

export function formatRules(c: ChalkInstance, rules: RuleResult[], e: Eligibility): string[] {
  return rules.map((r) => {
    if (!r.enabled) return `  ${c.dim('-')} ${r.rule}: ${c.dim(t('score:rule.disabled'))}`;
    return r.passed ? `  ${c.green('✓')} ${ruleText(r, e)}` : `  ${c.red('✗')} ${ruleText(r, e)} ${c.red(`→ ${r.reason}`)}`;
  });
}

function basis(comp: ComponentScore): string {
  const parts: string[] = [];
  if (comp.fact !== undefined) parts.push(t('score:breakdown.from_data', { value: valueText(comp.fact) }));
  if (comp.answer !== undefined) parts.push(t('score:breakdown.from_answer', { value: valueText(comp.answer) }));
  return parts.join('; ');
}

function componentTable(s: SectionScore): string {
  const headings = {
    component: t('score:breakdown.col.component'), from: t('score:breakdown.col.from'), share: t('score:breakdown.col.share'),
    weight: t('score:breakdown.col.weight'), points: t('score:breakdown.col.points'),
  };
  return formatTable(s.components.map((comp) => ({
    component: comp.id, from: basis(comp), share: Number(comp.fraction.toFixed(3)), weight: comp.weight, points: comp.points,
  })), undefined, { headings, lang: language() }).split('\n').map((l) => `    ${l}`).join('\n');
}

export function formatBreakdown(c: ChalkInstance, b: BreakdownView, r: RubricView): string {
  const lines = [
    `${c.bold(t('score:breakdown.eligibility'))} ${b.eligible ? c.green(t('score:breakdown.eligible')) : c.red(t('score:breakdown.not_eligible'))}`,
    ...formatRules(c, b.rules, r.eligibility),
    c.bold(t('score:breakdown.need', { score: num(b.need.score) })),
    componentTable(b.need),
    c.bold(t('score:breakdown.fit', { jenis: jenisLabel(b.fit.jenis_usaha), score: num(b.fit.score) })),
    componentTable(b.fit),
  ];
  if (b.fit.unmet.length > 0) {
    lines.push(c.yellow(`    ${t('score:breakdown.unmet', { requirements: b.fit.unmet.join('; '), uncapped: num(b.fit.uncapped), score: num(b.fit.score) })}`));
  }
  lines.push(t('score:breakdown.total', {
    need: num(b.need.score), need_weight: r.need_weight, fit: num(b.fit.score), fit_weight: r.fit_weight, total: c.bold(num(b.total)),
  }));
  return lines.join('\n');
}

export function formatRanking(c: ChalkInstance, ranking: { jenis_usaha: JenisUsaha; score: number; unmet: string[] }[], applied: JenisUsaha): string {
  const width = Math.max(...ranking.map((r) => jenisLabel(r.jenis_usaha).length));
  return [c.bold(t('score:ranking.title')), ...ranking.map((r, i) => {
    const name = jenisLabel(r.jenis_usaha).padEnd(width);
    const needs = r.unmet.length > 0 ? c.yellow(`  ${t('score:ranking.lacks', { requirements: r.unmet.join('; ') })}`) : '';
    const asked = r.jenis_usaha === applied ? c.cyan(`  ${t('score:ranking.asked')}`) : '';
    return `  ${i + 1}. ${name}  ${num(r.score).padStart(6)}${asked}${needs}`;
  })].join('\n');
}
