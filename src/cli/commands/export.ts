import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { exportAllocation } from '../../export/allocation.js';
import type { ExportFormat } from '../../export/bundle.js';
import { chooseRun } from '../../export/run.js';
import { displayPath } from '../../fsutil/display.js';
import { expandOutPattern } from '../../fsutil/pattern.js';
import type { CliContext } from '../context.js';
import type { Action } from '../main.js';
import { formatTable } from '../table.js';

/** --run: a whole number ≥ 1. */
export function runOption(opts: Record<string, unknown>): number | undefined {
  if (opts.run === undefined) return undefined;
  const id = Number(opts.run);
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`--run ${opts.run}: expected a run id (a whole number, see \`uep allocate list\`)`);
  return id;
}

export function formatOption(opts: Record<string, unknown>): ExportFormat {
  const format = (opts.format as string | undefined) ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format ${format}: expected csv or json`);
  if (format === 'json' && opts.excel) throw new UsageError('--excel applies to CSV files only: drop --format json or --excel');
  return format;
}

/** --out with {date}, {time}, {run}, {tahun} expanded, relative to the working directory. */
export function outDir(ctx: CliContext, pattern: unknown, values: { run?: number; tahun?: number }, now: Date): string {
  if (typeof pattern !== 'string' || pattern.trim() === '') throw new UsageError('--out <dir> is required: the folder to write into (e.g. reports/{date})');
  return resolve(ctx.io.cwd, expandOutPattern(pattern, { now, ...values }));
}

export const OUT_HELP = 'folder to write into; {date} (YYYY-MM-DD), {time}, {run} and {tahun} are filled in, e.g. reports/{date}';
export const FORCE_HELP = 'replace files in an output folder that already holds files (refused otherwise)';

export function registerExport(program: Command, run: (fn: Action) => (...args: unknown[]) => Promise<void>): void {
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
      const format = formatOption(opts);
      const runInfo = chooseRun(ctx.db(), runOption(opts));
      const dir = outDir(ctx, opts.out, { run: runInfo.id, tahun: runInfo.tahun }, now);
      const result = exportAllocation(ctx.db(), {
        runId: runInfo.id, dir, format, excel: !!opts.excel, maskNik: opts.maskNik !== false, force: !!opts.force, now,
      });
      if (runInfo.status !== 'final') ctx.say(ctx.c.yellow(`warning: run ${runInfo.id} is a draft, not the final allocation`));
      ctx.say(`Exported run ${runInfo.id} (${runInfo.tahun}, ${runInfo.status}): ${result.selected} beneficiaries, ${result.waitlisted} on waitlists, `
        + `Rp${result.nilai_total.toLocaleString('id-ID')} → ${displayPath(dir)} (${result.files.length + 1} files, NIK ${result.nik_masked ? 'masked' : ctx.c.red('NOT masked')})`);
      ctx.show(formatTable(result.files.map((f) => ({ file: f.name, rows: f.rows, sha256: `${f.sha256.slice(0, 16)}…` }))));
      ctx.result(result);
      // Personal data left the database: the audit log says who, when and which run (never who was in it).
      ctx.audit({ run_id: runInfo.id, selected: result.selected, waitlisted: result.waitlisted, nik_masked: result.nik_masked, files: result.files.length }, 0);
    }));
}
