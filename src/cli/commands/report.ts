import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { displayPath } from '../../fsutil/display.js';
import { t } from '../../i18n/index.js';
import { monitoringReport } from '../../report/monitoring.js';
import { writeMonitoringReport } from '../../report/monitoring-tables.js';
import { renderMonitoring, renderSummary } from '../../report/render.js';
import { yearSummary } from '../../report/summary.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { dateFlag, fileFormatFlag, forceHelp, outDirFlag, outHelp, runFlag, tahunFlag } from '../flags.js';
import { registerReportHtml } from './report-html.js';
import { registerReportPdp } from './report-pdp.js';

/** Bars fit the terminal; 80 columns off a terminal (cron mail, files). */
function width(ctx: CliContext): number {
  const cols = (ctx.io.stdout as { columns?: number }).columns;
  return ctx.io.stdout.isTTY && cols ? Math.min(cols, 120) : 80;
}

export function registerReport(program: Command, run: Run): void {
  const report = program.command('report').description(t('report:cli.description'));
  report
    .command('monitoring')
    .description(t('report:monitoring.description'))
    .option('--run <id>', t('report:monitoring.run'))
    .option('--as-of <date>', t('report:monitoring.as_of'))
    .option('--out <dir>', outHelp())
    .option('--format <format>', t('report:monitoring.format'), 'csv')
    .option('--excel', t('report:monitoring.excel'))
    .option('--force', forceHelp())
    .action(run(async (ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts);
      const asOf = dateFlag(opts.asOf, '--as-of');
      const runRow = chooseRun(ctx.db(), runFlag(opts.run));
      const r = monitoringReport(ctx.db(), { run: runRow, asOf, now });
      let files: { dir: string; files: number } | undefined;
      if (opts.out !== undefined) {
        const dir = outDirFlag(ctx, opts.out, { run: runRow.id, tahun: runRow.tahun }, now);
        const manifest = await writeMonitoringReport(r, { dir, format, excel: !!opts.excel, force: !!opts.force, now });
        files = { dir, files: manifest.files.length + 1 };
        ctx.say(t('report:monitoring.written', { dir: displayPath(dir), files: files.files }));
        // Names of beneficiaries left the database (overdue list): recorded like every export.
        ctx.audit({ run_id: runRow.id, files: files.files }, 0);
      }
      // Without --out the report is the result; with it the files are, and --quiet keeps cron silent.
      if (!files || !ctx.quiet) ctx.show(renderMonitoring(r, { width: width(ctx), paint: ctx.c }));
      ctx.result(files ? { ...r, written: files } : r);
    }));

  report
    .command('summary')
    .description(t('report:summary.description'))
    .option('--tahun <year>', t('report:summary.tahun'))
    .option('--as-of <date>', t('report:summary.as_of'))
    .action(run((ctx, _args, opts) => {
      const s = yearSummary(ctx.db(), { tahun: tahunFlag(opts), asOf: dateFlag(opts.asOf, '--as-of'), now: new Date() });
      ctx.show(renderSummary(s, { width: width(ctx), paint: ctx.c }));
      ctx.result(s);
    }));

  registerReportHtml(report, run);
  registerReportPdp(report, run);
}
