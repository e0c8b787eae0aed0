import type { JenisUsaha } from '../../applicants/jenis-usaha.js';
import { jenisLabel } from '../../report/html/labels.js';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { explain, type Explanation } from '../../explain/explain.js';
import { day, moment, num } from '../../format/people.js';
import { t } from '../../i18n/index.js';
import { parseNik } from '../../nik/nik.js';
import { loadRubric } from '../../rubric/load.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { pathFlag, tahunFlag } from '../flags.js';
import { outcomeLines, runStatusText } from './allocate-report.js';
import { explained, formatBreakdown, formatRanking, reasonText, valueText } from './score-format.js';

const label = jenisLabel;

const STATUS = {
  registered: 'explain:status.registered', assessed: 'explain:status.assessed', eligible: 'explain:status.eligible', ineligible: 'explain:status.ineligible',
} as const;

function scoreLines(ctx: CliContext, e: Explanation): string[] {
  const { c } = ctx;
  const s = e.score!;
  const lines = [c.dim(`  ${t('explain:scored', { at: moment(s.scored_at, ctx.timeZone), version: s.rubric_version, sha: s.rubric_sha256.slice(0, 12) })}`)];
  if (s.rubric_changed) lines.push(c.yellow(`  ${t('explain:rubric_changed')}`));
  if (s.facts_changed.length > 0) {
    const changes = s.facts_changed.map((f) => `${f.fact}: ${valueText(f.scored)} → ${valueText(f.now)}`).join('; ');
    lines.push(c.yellow(`  ${t('explain:facts_changed', { changes })}`));
  }
  if (!s.detail) {
    const eligibility = s.eligible ? t('score:breakdown.eligible') : t('explain:not_eligible_because', { reasons: s.reasons.map(reasonText).join('; ') });
    lines.push(c.yellow(`  ${t('explain:no_rubric')}`),
      `  ${t('explain:stored_numbers', { eligibility, need: num(s.need_score), fit: num(s.fit_score), total: num(s.total_score) })}`);
    return lines;
  }
  const d = s.detail;
  lines.push('', formatBreakdown(c, { eligible: s.eligible, rules: d.rules, need: d.need, fit: d.fit, total: s.total_score }, d), '');
  lines.push(formatRanking(c, d.ranking, e.application.jenis_usaha as JenisUsaha), '', c.bold(t('explain:answers')));
  for (const x of d.answers) lines.push(`  ${x.text}: ${x.answer}`);
  if (!d.consistent) lines.push(c.red(`  ${t('explain:inconsistent')}`));
  return lines;
}

function render(ctx: CliContext, e: Explanation, nik: string): string {
  const { c } = ctx;
  const status = explained(e.application.status, t(STATUS[e.application.status]));
  const registered = e.application.tanggal_daftar;
  const lines = [
    t('explain:header', { nama: c.bold(e.nama), nik, kabupaten: e.kabupaten, tahun: e.tahun, status }),
    `  ${registered ? t('explain:asked', { jenis: label(e.application.jenis_usaha), tanggal: registered }) : t('explain:asked_no_date', { jenis: label(e.application.jenis_usaha) })}`,
  ];
  if (!e.assessment) return [...lines, `  ${t('explain:not_assessed')}`].join('\n');
  const a = e.assessment;
  const source = a.source === 'interview' ? t('explain:source.interview') : t('explain:source.import');
  lines.push(`  ${t('explain:assessed', { tanggal: a.tanggal, assessor: a.assessor, source, jenis: label(a.jenis_usaha_disepakati) })}`);
  if (!e.score) return [...lines, `  ${t('explain:not_scored')}`].join('\n');
  lines.push(...scoreLines(ctx, e), '', ...formatAllocation(ctx, e.allocation, e.run));
  return lines.join('\n');
}

export function registerExplain(program: Command, run: Run): void {
  program
    .command('explain <nik>')
    .description(t('explain:cli.description'))
    .option('--tahun <year>', t('explain:cli.tahun'))
    .option('--rubric <file>', t('explain:cli.rubric'))
    .option('--show-nik', t('explain:cli.show_nik'))
    .action(run((ctx, [raw], opts) => {
      const parsed = parseNik(String(raw));
      if (!parsed.ok) throw new UsageError(t('explain:errors.bad_nik', { reason: parsed.reason }));
      const e = explain(ctx.db(), parsed.nik, { tahun: tahunFlag(opts), rubric: loadRubric(pathFlag(ctx, opts.rubric)) });
      const nik = opts.showNik ? e.nik : e.nik_masked;
      ctx.result({ ...e, nik, nik_masked: e.nik_masked });
      ctx.show(render(ctx, e, nik));
    }));
}

function formatAllocation(ctx: CliContext, a: Explanation['allocation'], run: Explanation['run']): string[] {
  const { c } = ctx;
  if (!a) {
    // A run without this applicant ranked (not eligible, or scored after the run) is not "no run".
    const why = run ? t('explain:allocation.not_ranked', { run: run.run_id, status: runStatusText(run.status) }) : t('explain:allocation.none');
    return [c.bold(t('explain:allocation.title')), `  ${why}`];
  }
  const unknown = t('explain:unknown');
  const lines = [
    c.bold(t('explain:allocation.title')),
    `  ${t('explain:allocation.run', { run: a.run_id, status: runStatusText(a.status), kabupaten: a.nama_kabupaten, quota: num(a.quota), eligible: num(a.eligible_applicants) })}`,
    `  ${t('explain:allocation.rank', { rank: num(a.rank), eligible: num(a.eligible_applicants), total: num(a.total_score), cutoff: a.cutoff_score === null ? '—' : num(a.cutoff_score) })}`,
  ];
  if (a.ranked_with) {
    const w = a.ranked_with;
    lines.push(`  ${t('explain:allocation.ties', {
      desil: w.desil ?? unknown, pkh: valueText(w.pkh), tanggal: w.tanggal_daftar ? day(w.tanggal_daftar) : unknown,
    })}`);
  }
  lines.push(...outcomeLines(c, a).map((l) => `  ${l}`));
  const r = a.replaced_by ?? a.replaces;
  if (r) {
    const params = { other: r.other_nik_masked ?? t('explain:allocation.nobody'), at: moment(r.at, ctx.timeZone), operator: r.operator ?? unknown, reason: r.reason };
    lines.push(`  ${a.replaced_by ? t('explain:allocation.replaced_by', params) : t('explain:allocation.replaces', params)}`);
  }
  return lines;
}
