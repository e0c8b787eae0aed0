import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { UsageError } from '../../errors.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import { importMonitors, MONITOR_FIELDS } from '../../monitor/monitors.js';
import { writeVisitPlan } from '../../monitor/sheets.js';
import { importVisits, VISIT_FIELDS } from '../../monitor/visit-import.js';
import type { Run } from '../action.js';
import { dateFlag, FORCE_HELP, OUT_HELP, outDirFlag, pathFlag, runFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';
import { csvInputOptions, csvInputValues } from '../csv-options.js';
import { registerMonitorForm } from './field-forms.js';
import { registerMonitorRecord } from './monitor-record.js';


function bulanOption(raw: unknown): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(/[,\s]+/).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((m) => !Number.isInteger(m) || m < 1 || m > 60) || new Set(parts).size !== parts.length) {
    throw new UsageError(`--bulan ${raw}: expected distinct months after the grant, e.g. 1,3,6,12`);
  }
  return parts.sort((a, b) => a - b);
}

function registerMonitors(monitor: Command, run: Run): void {
  const cmd = monitor.command('monitors').description('the field workers (PSM, TKSK) and the kecamatan they serve')
    .command('import <file>')
    .description('import the roster (columns id, nama, peran PSM/TKSK, kecamatan + kabupaten or kode_kecamatan; one row per worker and kecamatan). '
      + 'The file is the complete roster: workers left out stay on record but get no new visits. Any bad row refuses the whole file');
  csvInputOptions(cmd, MONITOR_FIELDS.map((f) => f.field));
  cmd.option('--dry-run', 'check and report, write nothing')
    .action(run(async (ctx, [file], opts) => {
      const s = await importMonitors(ctx.db(), pathFlag(ctx, file)!, { ...csvInputValues(opts), dryRun: !!opts.dryRun });
      ctx.say(`${s.dry_run ? 'Checked (dry run, nothing written)' : 'Imported'} ${displayPath(s.file)}: ${s.monitors} field workers serving ${s.kecamatan} kecamatan`
        + ` · new ${s.inserted} · changed ${s.updated} · unchanged ${s.unchanged} · no longer on the roster ${s.deactivated}`);
      ctx.result(s);
      if (!s.dry_run) ctx.audit({ ...s }, s.inserted + s.updated + s.deactivated);
    }));
}

function registerPlan(monitor: Command, run: Run): void {
  monitor.command('plan')
    .description('assign each beneficiary of a final run to a field worker of their kecamatan (balanced where several serve it; '
      + 'earlier assignments kept), schedule the visits, and write one visit sheet per worker (NIK always masked) to fill in and import back')
    .option('--run <id>', 'allocation run (default: the final run of the latest year)')
    .option('--out <dir>', OUT_HELP)
    .option('--tanggal-hibah <date>', 'grant date the visits count from (default: the stored plan\'s, else the date the run was finalized)')
    .option('--bulan <months>', 'visits this many months after the grant (default 1,3,6,12)')
    .option('--excel', 'visit sheets for Excel in an Indonesian locale (UTF-8 BOM, ; separator)')
    .option('--force', FORCE_HELP)
    .action(run((ctx, _args, opts) => {
      const now = new Date();
      const tanggalHibah = dateFlag(opts.tanggalHibah, '--tanggal-hibah');
      const bulan = bulanOption(opts.bulan);
      const run = chooseRun(ctx.db(), runFlag(opts.run));
      const dir = outDirFlag(ctx, opts.out, { run: run.id, tahun: run.tahun }, now);
      const r = writeVisitPlan(ctx.db(), { run, tanggalHibah, bulan, now, dir, excel: !!opts.excel, force: !!opts.force });
      ctx.say(`Visit plan for run ${r.run_id} (${r.tahun}): grant ${r.tanggal_hibah}, visits at ${r.bulan.join(', ')} months · `
        + `${r.assigned} of ${r.beneficiaries} beneficiaries assigned to ${r.monitors} field workers (${r.kept} kept from before) → ${displayPath(dir)}`);
      if (r.unassigned > 0) {
        ctx.say(ctx.c.yellow(`warning: ${r.unassigned} beneficiaries live in a kecamatan no active field worker serves: see belum-ada-petugas.csv, then import a roster that covers them and plan again`));
      }
      // The files are the result; their list is for a person watching (silent with --quiet, as in cron).
      if (!ctx.quiet) ctx.show(formatTable(r.files.map((f) => ({ file: f.name, rows: f.rows }))));
      ctx.result(r);
      ctx.audit({ run_id: r.run_id, beneficiaries: r.beneficiaries, assigned: r.assigned, unassigned: r.unassigned, kept: r.kept }, r.beneficiaries);
    }));
}

function registerVisitImport(monitor: Command, run: Run): void {
  const cmd = monitor.command('import <file>')
    .description('import visit reports (nik or id_penerima, tanggal_kunjungan, petugas, status_usaha berjalan/kesulitan/berhenti/pindah_usaha, '
      + 'omzet_bulanan, kendala, tindak_lanjut, rujukan): the filled-in visit sheets or any file with those columns. '
      + 'Rows are checked with reason codes; importing the same file again changes nothing');
  importFlags(cmd, VISIT_FIELDS.map((f) => f.field))
    .action(run((ctx, [file], opts) => runFileImport(ctx, file, opts, 'visits', (path, o) => importVisits(ctx.db(), path, o))));
}

export function registerMonitor(program: Command, run: Run): void {
  const monitor = program.command('monitor').description('field monitoring after the grant: field workers, visit plans and sheets, visit reports');
  registerMonitors(monitor, run);
  registerPlan(monitor, run);
  registerVisitImport(monitor, run);
  registerMonitorRecord(monitor, run);
  registerMonitorForm(monitor, run);
}
