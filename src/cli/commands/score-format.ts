/** How scores look to people: the interview's preview and `uep explain` share these. */
import type { ChalkInstance } from 'chalk';
import { JENIS_USAHA_LABEL, type JenisUsaha } from '../../applicants/jenis-usaha.js';
import { kabupatenByKode } from '../../regions/resolve.js';
import type { Eligibility } from '../../rubric/types.js';
import type { ComponentScore, RuleResult, SectionScore } from '../../score/types.js';
import { formatTable } from '../../format/table.js';
import { t } from '../../i18n/index.js';

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

function ruleText(r: RuleResult, e: Eligibility): string {
  const v = r.value;
  switch (r.rule) {
    case 'in_dtks': return v ? 'registered in DTKS' : 'not in DTKS (or has left it)';
    case 'kabupaten': return `lives in ${v === null ? 'an unknown regency' : kabupatenByKode(String(v))?.nama ?? v} (${e.kabupaten.kode.length} regencies allowed)`;
    case 'age': return `age ${v ?? 'unknown'} at the assessment date (allowed ${e.age.min}–${e.age.max})`;
    case 'desil': return `desil ${v ?? 'unknown'} (at most ${e.desil.max})`;
    case 'earlier_recipient': return v === null ? 'no UEP package in an earlier year' : `received a UEP package in ${v}`;
    case 'one_application': return `${v} application(s) this year (at most 1)`;
    case 'min_fit': return `business fit ${v} (at least ${e.min_fit.min})`;
    case 'duplicate': return v === null ? t('review:rule.not_duplicate') : t('review:rule.duplicate', { pair: v });
  }
}

export function formatRules(c: ChalkInstance, rules: RuleResult[], e: Eligibility): string[] {
  return rules.map((r) => {
    if (!r.enabled) return `  ${c.dim('-')} ${r.rule}: ${c.dim('rule disabled in the rubric')}`;
    return r.passed ? `  ${c.green('✓')} ${ruleText(r, e)}` : `  ${c.red('✗')} ${ruleText(r, e)} ${c.red(`→ ${r.reason}`)}`;
  });
}

function basis(comp: ComponentScore): string {
  const parts: string[] = [];
  const show = (v: unknown) => (Array.isArray(v) ? (v.length === 0 ? '(none)' : v.join(',')) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v ?? '(none)'));
  if (comp.fact !== undefined) parts.push(`data: ${show(comp.fact)}`);
  if (comp.answer !== undefined) parts.push(`answer: ${show(comp.answer)}`);
  return parts.join('; ');
}

function componentTable(s: SectionScore): string {
  return formatTable(s.components.map((comp) => ({
    component: comp.id, from: basis(comp), share: Number(comp.fraction.toFixed(3)), weight: comp.weight, points: comp.points,
  }))).split('\n').map((l) => `    ${l}`).join('\n');
}

export function formatBreakdown(c: ChalkInstance, b: BreakdownView, r: RubricView): string {
  const lines = [
    c.bold('Eligibility') + (b.eligible ? c.green(' eligible') : c.red(' not eligible')),
    ...formatRules(c, b.rules, r.eligibility),
    `${c.bold('Need')} ${b.need.score} of 100`,
    componentTable(b.need),
    `${c.bold('Business fit')} for ${JENIS_USAHA_LABEL[b.fit.jenis_usaha]}: ${b.fit.score} of 100`,
    componentTable(b.fit),
  ];
  if (b.fit.unmet.length > 0) lines.push(c.yellow(`    requirement not met: ${b.fit.unmet.join('; ')} → fit capped (${b.fit.uncapped} → ${b.fit.score})`));
  lines.push(`${c.bold('Total')} ${b.need.score} × ${r.need_weight}% + ${b.fit.score} × ${r.fit_weight}% = ${c.bold(String(b.total))}`);
  return lines.join('\n');
}

export function formatRanking(c: ChalkInstance, ranking: { jenis_usaha: JenisUsaha; score: number; unmet: string[] }[], applied: JenisUsaha): string {
  const width = Math.max(...ranking.map((r) => JENIS_USAHA_LABEL[r.jenis_usaha].length));
  return [c.bold('Business types by fit for this person:'), ...ranking.map((r, i) => {
    const name = JENIS_USAHA_LABEL[r.jenis_usaha].padEnd(width);
    const needs = r.unmet.length > 0 ? c.yellow(`  lacks: ${r.unmet.join('; ')}`) : '';
    const asked = r.jenis_usaha === applied ? c.cyan('  ← asked for') : '';
    return `  ${i + 1}. ${name}  ${String(r.score).padStart(6)}${asked}${needs}`;
  })].join('\n');
}
