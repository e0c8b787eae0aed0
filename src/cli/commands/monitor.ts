import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { UsageError } from '../../errors.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import { t } from '../../i18n/index.js';
import { importMonitors, MONITOR_FIELDS } from '../../monitor/monitors.js';
import { writeVisitPlan } from '../../monitor/sheets.js';
import { importVisits, VISIT_FIELDS } from '../../monitor/visit-import.js';
import { noteText, reasonText, warningText } from '../../monitor/reasons.js';
import type { Run } from '../action.js';
import { dateFlag, fileFormatFlag, forceHelp, outDirFlag, outHelp, pathFlag, runFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';
import { csvInputOptions, csvInputValues } from '../csv-options.js';
import { registerMonitorForm } from './field-forms.js';
import { registerMonitorRecord } from './monitor-record.js';


function bulanOption(raw: unknown): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(/[,\s]+/).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((m) => !Number.isInteger(m) || m < 1 || m > 60) || new Set(parts).size !== parts.length) {
    throw new UsageError(t('monitor:plan.bad_bulan', { value: String(raw) }));
  }
  return parts.sort((a, b) => a - b);
}

function registerMonitors(monitor: Command, run: Run): void {
  const cmd = monitor.command('monitors').description(t('monitor:help.monitors'))
    .command('import <file>')
    .description(t('monitor:help.monitors_import'));
  csvInputOptions(cmd, MONITOR_FIELDS.map((f) => f.field));
  cmd.option('--dry-run', t('monitor:help.monitors_dry_run'))
    .action(run(async (ctx, [file], opts) => {
      const s = await importMonitors(ctx.db(), pathFlag(ctx, file)!, { ...csvInputValues(opts), dryRun: !!opts.dryRun });
      const counts = {
        file: displayPath(s.file), monitors: s.monitors, kecamatan: s.kecamatan, inserted: s.inserted, updated: s.updated,
        unchanged: s.unchanged, deactivated: s.deactivated,
      };
      ctx.say(t(s.dry_run ? 'monitor:monitors.checked' : 'monitor:monitors.imported', counts));
      ctx.result(s);
      if (!s.dry_run) ctx.audit({ ...s }, s.inserted + s.updated + s.deactivated);
    }));
}

function registerPlan(monitor: Command, run: Run): void {
  monitor.command('plan')
    .description(t('monitor:help.plan'))
    .option('--run <id>', t('monitor:help.plan_run'))
    .option('--out <dir>', outHelp())
    .option('--tanggal-hibah <date>', t('monitor:help.plan_tanggal_hibah'))
    .option('--bulan <months>', t('monitor:help.plan_bulan'))
    .option('--format <format>', t('workbook:plan.format'), 'csv')
    .option('--excel', t('monitor:help.plan_excel'))
    .option('--force', forceHelp())
    .action(run(async (ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts, ['csv', 'xlsx']);
      const tanggalHibah = dateFlag(opts.tanggalHibah, '--tanggal-hibah');
      const bulan = bulanOption(opts.bulan);
      const run = chooseRun(ctx.db(), runFlag(opts.run));
      const dir = outDirFlag(ctx, opts.out, { run: run.id, tahun: run.tahun }, now);
      const r = await writeVisitPlan(ctx.db(), { run, tanggalHibah, bulan, now, dir, format, excel: !!opts.excel, force: !!opts.force });
      ctx.say(t('monitor:plan.done', {
        run: r.run_id, tahun: r.tahun, tanggal: r.tanggal_hibah, bulan: r.bulan.join(', '), assigned: r.assigned,
        beneficiaries: r.beneficiaries, monitors: r.monitors, kept: r.kept, dir: displayPath(dir),
      }));
      if (r.unassigned > 0) ctx.say(ctx.c.yellow(t('monitor:plan.unassigned', { count: r.unassigned, ext: format })));
      // The files are the result; their list is for a person watching (silent with --quiet, as in cron).
      if (!ctx.quiet) {
        const [file, rows] = [t('monitor:plan.col_file'), t('monitor:plan.col_rows')];
        ctx.show(formatTable(r.files.map((f) => ({ [file]: f.name, [rows]: f.rows }))));
      }
      ctx.result(r);
      ctx.audit({ run_id: r.run_id, beneficiaries: r.beneficiaries, assigned: r.assigned, unassigned: r.unassigned, kept: r.kept }, r.beneficiaries);
    }));
}

function registerVisitImport(monitor: Command, run: Run): void {
  const cmd = monitor.command('import <file>').description(t('monitor:help.import'));
  importFlags(cmd, VISIT_FIELDS.map((f) => f.field))
    .action(run((ctx, [file], opts) => runFileImport(ctx, file, opts, 'visits', (path, o) => importVisits(ctx.db(), path, o), { reject: reasonText, warning: warningText, note: noteText })));
}

export function registerMonitor(program: Command, run: Run): void {
  const monitor = program.command('monitor').description(t('monitor:help.monitor'));
  registerMonitors(monitor, run);
  registerPlan(monitor, run);
  registerVisitImport(monitor, run);
  registerMonitorRecord(monitor, run);
  registerMonitorForm(monitor, run);
}
