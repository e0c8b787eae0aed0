import type { Command } from 'commander';
import { latestTahun } from '../../applicants/list.js';
import { num } from '../../format/people.js';
import { t } from '../../i18n/index.js';
import { loadRubric } from '../../rubric/load.js';
import { scoreYear, type ScoreSummary } from '../../score/run.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { pathFlag, tahunFlag } from '../flags.js';
import { reasonText } from './score-format.js';

function summaryLines(ctx: CliContext, s: ScoreSummary, seconds: number): string[] {
  const { c } = ctx;
  const lines = [
    c.bold(t('score:summary.scored', { n: num(s.scored), tahun: s.tahun, version: s.rubric_version, sha: s.rubric_sha256.slice(0, 12), seconds: num(seconds) })),
    `  ${t('score:summary.counts', { eligible: c.green(num(s.eligible)), ineligible: num(s.ineligible), not_assessed: num(s.not_assessed) })}`,
  ];
  const reasons = Object.entries(s.reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (reasons.length > 0) {
    lines.push(`  ${t('score:summary.failed_rules')}`, ...reasons.map(([code, n]) => `    ${t('score:summary.failed_rule', { rule: reasonText(code), n: num(n) })}`));
  }
  if (s.incomplete > 0) lines.push(c.yellow(`  ${t('score:summary.incomplete', { n: num(s.incomplete) })}`));
  if (s.scored === 0) lines.push(`  ${t('score:summary.nothing')}`);
  return lines;
}

export function registerScore(program: Command, run: Run): void {
  program
    .command('score')
    .description(t('score:cli.description'))
    .option('--tahun <year>', t('score:cli.tahun'))
    .option('--rubric <file>', t('score:cli.rubric'))
    .action(run((ctx, _args, opts) => {
      const rubric = loadRubric(pathFlag(ctx, opts.rubric));
      const db = ctx.db();
      const tahun = tahunFlag(opts) ?? latestTahun(db);
      const started = performance.now();
      const s = scoreYear(db, { tahun, rubric, signal: ctx.abort.signal });
      const seconds = (performance.now() - started) / 1000;
      ctx.say(summaryLines(ctx, s, seconds).join('\n'));
      ctx.result({ ...s, seconds: Number(seconds.toFixed(3)) });
      ctx.audit({ ...s }, s.scored);
    }));
}
