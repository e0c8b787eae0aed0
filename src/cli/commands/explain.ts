import type { Command } from 'commander';
import { JENIS_USAHA_LABEL, type JenisUsaha } from '../../applicants/jenis-usaha.js';
import { UsageError } from '../../errors.js';
import { explain, type Explanation } from '../../explain/explain.js';
import { parseNik } from '../../nik/nik.js';
import { loadRubric } from '../../rubric/load.js';
import { formatTimestamp } from '../../format/time.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { pathFlag, tahunFlag } from '../flags.js';
import { formatBreakdown, formatRanking } from './score-format.js';

const label = (j: string) => JENIS_USAHA_LABEL[j as JenisUsaha] ?? j;

function render(ctx: CliContext, e: Explanation, nik: string): string {
  const { c } = ctx;
  const lines = [
    `${c.bold(e.nama)} · NIK ${nik} · ${e.kabupaten} · application ${e.tahun} (${e.application.status})`,
    `  asked for ${label(e.application.jenis_usaha)}, registered ${e.application.tanggal_daftar ?? '(no date)'}`,
  ];
  if (!e.assessment) return [...lines, '  not assessed yet: `uep assess` (interview) or `uep assess import <file>` (forms)'].join('\n');
  const a = e.assessment;
  lines.push(`  assessed ${a.tanggal} by ${a.assessor} (${a.source}); agreed business type ${label(a.jenis_usaha_disepakati)}`);
  const s = e.score;
  if (!s) return [...lines, '  not scored since the assessment: run `uep score`'].join('\n');
  lines.push(c.dim(`  scored ${formatTimestamp(s.scored_at, ctx.timeZone)} with rubric ${s.rubric_version} (sha256 ${s.rubric_sha256.slice(0, 12)}…)`));
  if (s.rubric_changed) lines.push(c.yellow('  the rubric file differs from the one this score was computed with: run `uep score` to apply it'));
  if (s.facts_changed.length > 0) {
    const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v ?? 'none'));
    lines.push(c.yellow(`  the registry changed since this score (${s.facts_changed.map((f) => `${f.fact}: ${show(f.scored)} → ${show(f.now)}`).join('; ')}): run \`uep score\` to apply it`));
  }
  if (!s.detail) {
    lines.push(c.yellow('  the rubric of this score is not in the database: only the stored numbers can be shown'),
      `  ${s.eligible ? 'eligible' : `not eligible (${s.reasons.join(', ')})`} · need ${s.need_score} · fit ${s.fit_score} · total ${s.total_score}`);
    return lines.join('\n');
  }
  const d = s.detail;
  lines.push('', formatBreakdown(c, { eligible: s.eligible, rules: d.rules, need: d.need, fit: d.fit, total: s.total_score }, d), '');
  lines.push(formatRanking(c, d.ranking, e.application.jenis_usaha as JenisUsaha), '', c.bold('Answers'));
  for (const x of d.answers) lines.push(`  ${x.text}: ${x.answer}`);
  if (!d.consistent) lines.push(c.red('  recomputing gives other numbers than those stored: run `uep score` again'));
  lines.push('', ...formatAllocation(ctx, e.allocation));
  return lines.join('\n');
}

export function registerExplain(program: Command, run: Run): void {
  program
    .command('explain <nik>')
    .description('why a person scored what they did: identity, every eligibility rule, every score component, the total')
    .option('--tahun <year>', 'programme year (default: the person\'s latest application)')
    .option('--rubric <file>', 'the current rubric, to tell whether the score is out of date (default: data/rubric.json)')
    .option('--show-nik', 'show the full NIK (personal data)')
    .action(run((ctx, [raw], opts) => {
      const parsed = parseNik(String(raw));
      if (!parsed.ok) throw new UsageError(`<nik>: not a valid NIK (${parsed.reason})`);
      const e = explain(ctx.db(), parsed.nik, { tahun: tahunFlag(opts), rubric: loadRubric(pathFlag(ctx, opts.rubric)) });
      const nik = opts.showNik ? e.nik : e.nik_masked;
      ctx.result({ ...e, nik, nik_masked: e.nik_masked });
      ctx.show(render(ctx, e, nik));
    }));
}

function formatAllocation(ctx: CliContext, a: Explanation['allocation']): string[] {
  const { c } = ctx;
  if (!a) return [c.bold('Allocation'), '  no allocation run for this year yet: `uep allocate`'];
  const lines = [
    `${c.bold('Allocation')} run ${a.run_id} (${a.status}) · ${a.nama_kabupaten}: quota ${a.quota}, ${a.eligible} eligible applicants`,
    `  rank ${a.rank} of ${a.eligible} · total ${a.total_score} · cut-off ${a.cutoff_score ?? '—'}`,
    ...(a.ranked_with ? [`  ties broken by desil ${a.ranked_with.desil ?? 'unknown'} · active PKH (pkh_aktif) ${a.ranked_with.pkh ? 'yes' : 'no'} · registered ${a.ranked_with.tanggal_daftar ?? 'unknown'}`] : []),
    `  outcome: ${c.bold(a.outcome)}${a.reason ? ` (${a.reason})` : ''}${a.waitlist_pos ? `, waitlist position ${a.waitlist_pos}` : ''}` +
      `${a.package_value ? `, package Rp${a.package_value.toLocaleString('id-ID')}` : ''}`,
  ];
  const r = a.replaced_by ?? a.replaces;
  if (r) {
    lines.push(`  ${a.replaced_by ? 'replaced by' : 'took the place of'} ${r.other_nik_masked ?? '(nobody: waitlist empty)'} on ${formatTimestamp(r.at, ctx.timeZone)}` +
      ` by ${r.operator ?? 'unknown'}: ${r.reason}`);
  }
  return lines;
}
