import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { exportAllocation } from '../../export/allocation.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import type { Run } from '../action.js';
import { FORCE_HELP, fileFormatFlag, OUT_HELP, outDirFlag, runFlag } from '../flags.js';

export function registerExport(program: Command, run: Run): void {
  const exp = program.command('export').description('write files for the decree, the regencies and the public (unattended: safe for cron)');
  exp
    .command('allocation')
    .description('per-regency beneficiary lists and waitlists (the decree annex), a summary by regency × business type, '
      + 'a fairness summary and a manifest with sha256 of every file. NIK and no_kk are masked (6472********0001) by default: '
      + 'these files leave the office; --no-mask-nik writes them in full, for the signed decree only')
    .option('--run <id>', 'allocation run (default: the final run of the latest year)')
    .option('--out <dir>', OUT_HELP)
    .option('--format <format>', 'csv or json', 'csv')
    .option('--excel', 'CSV for Excel in an Indonesian locale: UTF-8 BOM, ; separator, decimal comma, long numbers kept as text')
    .option('--mask-nik', 'mask NIK and no_kk (the default)')
    .option('--no-mask-nik', 'write NIK and no_kk in full (the official annex; handle as personal data)')
    .option('--force', FORCE_HELP)
    .action(run((ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts);
      const runRow = chooseRun(ctx.db(), runFlag(opts.run));
      const dir = outDirFlag(ctx, opts.out, { run: runRow.id, tahun: runRow.tahun }, now);
      const result = exportAllocation(ctx.db(), {
        run: runRow, dir, format, excel: !!opts.excel, maskNik: opts.maskNik !== false, force: !!opts.force, now,
      });
      if (runRow.status !== 'final') ctx.say(ctx.c.yellow(`warning: run ${runRow.id} is a draft, not the final allocation`));
      ctx.say(`Exported run ${runRow.id} (${runRow.tahun}, ${runRow.status}): ${result.selected} beneficiaries, ${result.waitlisted} on waitlists, `
        + `Rp${result.nilai_total.toLocaleString('id-ID')} → ${displayPath(dir)} (${result.files.length + 1} files, NIK ${result.nik_masked ? 'masked' : ctx.c.red('NOT masked')})`);
      // The files are the result; their list is for a person watching (silent with --quiet, as in cron).
      if (!ctx.quiet) ctx.show(formatTable(result.files.map((f) => ({ file: f.name, rows: f.rows, sha256: `${f.sha256.slice(0, 16)}…` }))));
      ctx.result(result);
      // Personal data left the database: the audit log says who, when and which run (never who was in it).
      ctx.audit({ run_id: runRow.id, selected: result.selected, waitlisted: result.waitlisted, nik_masked: result.nik_masked, files: result.files.length }, 0);
    }));
}
