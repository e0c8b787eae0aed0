import type { Command } from 'commander';
import { latestTahun } from '../../applicants/list.js';
import { loadRubric } from '../../rubric/load.js';
import { scoreYear } from '../../score/run.js';
import type { Run } from '../action.js';
import { pathFlag, tahunFlag } from '../flags.js';

const n = (x: number) => x.toLocaleString('en-US');

export function registerScore(program: Command, run: Run): void {
  program
    .command('score')
    .description('compute eligibility and need, fit and total scores of every assessed application of a year (replaces the year\'s scores)')
    .option('--tahun <year>', 'programme year (default: the latest year with applications)')
    .option('--rubric <file>', 'the rubric (default: data/rubric.json of uep)')
    .action(run((ctx, _args, opts) => {
      const rubric = loadRubric(pathFlag(ctx, opts.rubric));
      const db = ctx.db();
      const tahun = tahunFlag(opts) ?? latestTahun(db);
      const started = performance.now();
      const s = scoreYear(db, { tahun, rubric, signal: ctx.abort.signal });
      const seconds = (performance.now() - started) / 1000;
      const { c } = ctx;
      const reasons = Object.entries(s.reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${n(v)}`);
      const lines = [
        `${c.bold('Scored')} ${n(s.scored)} assessed application(s) of ${tahun} with rubric ${s.rubric_version} (sha256 ${s.rubric_sha256.slice(0, 12)}…) in ${seconds.toFixed(2)} s`,
        `  eligible ${c.green(n(s.eligible))} · not eligible ${n(s.ineligible)} · not assessed (not scored) ${n(s.not_assessed)}`,
      ];
      if (reasons.length > 0) lines.push(`  failed rules: ${reasons.join(', ')}`);
      if (s.incomplete > 0) lines.push(c.yellow(`  ${n(s.incomplete)} assessment(s) lack answers to questions of this rubric (scored 0 for them)`));
      if (s.scored === 0) lines.push(`  nothing to score: assess applicants with \`uep assess\` or \`uep assess import <file>\``);
      ctx.say(lines.join('\n'));
      ctx.result({ ...s, seconds: Number(seconds.toFixed(3)) });
      ctx.audit({ ...s }, s.scored);
    }));
}
