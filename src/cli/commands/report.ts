import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { displayPath } from '../../fsutil/display.js';
import { monitoringReport } from '../../report/monitoring.js';
import { writeMonitoringReport } from '../../report/monitoring-tables.js';
import { renderMonitoring, renderSummary } from '../../report/render.js';
import { yearSummary } from '../../report/summary.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { dateFlag, fileFormatFlag, FORCE_HELP, OUT_HELP, outDirFlag, runFlag, tahunFlag } from '../flags.js';
import { registerReportHtml } from './report-html.js';

/** Bars fit the terminal; 80 columns off a terminal (cron mail, files). */
function width(ctx: CliContext): number {
  const cols = (ctx.io.stdout as { columns?: number }).columns;
  return ctx.io.stdout.isTTY && cols ? Math.min(cols, 120) : 80;
}

export function registerReport(program: Command, run: Run): void {
  const report = program.command('report').description('how the programme is doing: business survival, field visits, the year at a glance');
  report
    .command('monitoring')
    .description('survival of the businesses (running at their last visit: berjalan, kesulitan or pindah_usaha; berhenti is stopped; '
      + 'beneficiaries not yet visited are counted apart, not in the rate) overall and by regency, business type, sex and months since the grant, '
      + 'against the old group scheme\'s 46%; the survival curve; overdue visits; obstacles; referrals. --out writes one CSV per table (NIK masked)')
    .option('--run <id>', 'allocation run (default: the final run of the latest year)')
    .option('--as-of <date>', 'reference date: visits up to this day count (default: today)')
    .option('--out <dir>', `also write the tables as files: ${OUT_HELP}`)
    .option('--format <format>', 'csv or json (with --out)', 'csv')
    .option('--excel', 'CSV for Excel in an Indonesian locale (with --out)')
    .option('--force', FORCE_HELP)
    .action(run((ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts);
      const asOf = dateFlag(opts.asOf, '--as-of');
      const runRow = chooseRun(ctx.db(), runFlag(opts.run));
      const r = monitoringReport(ctx.db(), { run: runRow, asOf, now });
      let files: { dir: string; files: number } | undefined;
      if (opts.out !== undefined) {
        const dir = outDirFlag(ctx, opts.out, { run: runRow.id, tahun: runRow.tahun }, now);
        const manifest = writeMonitoringReport(r, { dir, format, excel: !!opts.excel, force: !!opts.force, now });
        files = { dir, files: manifest.files.length + 1 };
        ctx.say(`Wrote the monitoring report to ${displayPath(dir)} (${files.files} files)`);
        // Names of beneficiaries left the database (overdue list): recorded like every export.
        ctx.audit({ run_id: runRow.id, files: files.files }, 0);
      }
      // Without --out the report is the result; with it the files are, and --quiet keeps cron silent.
      if (!files || !ctx.quiet) ctx.show(renderMonitoring(r, { width: width(ctx), paint: ctx.c }));
      ctx.result(files ? { ...r, written: files } : r);
    }));

  report
    .command('summary')
    .description('the year on one screen: pool, allocation, money, monitoring')
    .option('--tahun <year>', 'programme year (default: that of the latest final allocation)')
    .option('--as-of <date>', 'reference date for monitoring (default: today)')
    .action(run((ctx, _args, opts) => {
      const s = yearSummary(ctx.db(), { tahun: tahunFlag(opts), asOf: dateFlag(opts.asOf, '--as-of'), now: new Date() });
      ctx.show(renderSummary(s, { width: width(ctx), paint: ctx.c }));
      ctx.result(s);
    }));

  registerReportHtml(report, run);
}
