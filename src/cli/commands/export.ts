import { shortDigest } from '../../format/digest.js';
import type { Command } from 'commander';
import { chooseRun } from '../../allocate/store.js';
import { exportAllocation } from '../../export/allocation.js';
import { loadSk } from '../../export/annex/sk.js';
import { UsageError } from '../../errors.js';
import { num, rupiah } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import { language, t } from '../../i18n/index.js';
import type { Run } from '../action.js';
import { dateFlag, fileFormatFlag, forceHelp, outDirFlag, outHelp, pathFlag, runFlag } from '../flags.js';
import { runStatusText } from './allocate-report.js';
import { registerExportUsulan } from './export-usulan.js';

export function registerExport(program: Command, run: Run): void {
  const exp = program.command('export').description(t('export:cli.description'));
  exp
    .command('allocation')
    .description(t('export:allocation.description'))
    .option('--run <id>', t('export:allocation.run'))
    .option('--out <dir>', outHelp())
    .option('--format <format>', t('export:allocation.format'), 'csv')
    .option('--excel', t('export:allocation.excel'))
    .option('--mask-nik', t('export:allocation.mask_nik'))
    .option('--no-mask-nik', t('export:allocation.no_mask_nik'))
    .option('--force', forceHelp())
    .option('--sk <file>', t('workbook:sk.option'))
    .option('--sk-nomor <nomor>', t('workbook:sk.option_nomor'))
    .option('--sk-tanggal <date>', t('workbook:sk.option_tanggal'))
    .action(run(async (ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts);
      if (format !== 'xlsx' && (opts.sk !== undefined || opts.skNomor !== undefined || opts.skTanggal !== undefined)) {
        throw new UsageError(t('workbook:sk.only_xlsx'));
      }
      // The decree is read before anything else: a missing number stops the export before it writes.
      const sk = format === 'xlsx'
        ? loadSk(pathFlag(ctx, opts.sk), { nomor: opts.skNomor as string | undefined, tanggal: dateFlag(opts.skTanggal, '--sk-tanggal') })
        : undefined;
      const runRow = chooseRun(ctx.db(), runFlag(opts.run));
      const dir = outDirFlag(ctx, opts.out, { run: runRow.id, tahun: runRow.tahun }, now);
      const result = await exportAllocation(ctx.db(), {
        run: runRow, dir, format, excel: !!opts.excel, maskNik: opts.maskNik !== false, force: !!opts.force, now, sk,
      });
      if (runRow.status !== 'final') ctx.say(ctx.c.yellow(t('export:allocation.draft_warning', { run: runRow.id })));
      ctx.say(t('export:allocation.done', {
        run: runRow.id, tahun: runRow.tahun, status: runStatusText(runRow.status), selected: num(result.selected), waitlisted: num(result.waitlisted),
        total: rupiah(result.nilai_total), dir: displayPath(dir), files: num(result.files.length + 1),
        nik: result.nik_masked ? t('export:allocation.nik_masked') : ctx.c.red(t('export:allocation.nik_not_masked')),
      }));
      // The files are the result; their list is for a person watching (silent with --quiet, as in cron).
      const headings = { file: t('export:allocation.col.file'), rows: t('export:allocation.col.rows'), sha256: 'sha256' };
      if (!ctx.quiet) {
        ctx.show(formatTable(result.files.map((f) => ({ file: f.name, rows: f.rows, sha256: `${shortDigest(f.sha256)}…` })), undefined, { headings, lang: language() }));
      }
      ctx.result(result);
      // Personal data left the database: the audit log says who, when and which run (never who was in it).
      ctx.audit({ run_id: runRow.id, selected: result.selected, waitlisted: result.waitlisted, nik_masked: result.nik_masked, files: result.files.length }, 0);
    }));
  registerExportUsulan(exp, run);
}
