/** `uep export usulan`: the programme's findings on the registry, one sheet per regency (src/usulan/export.ts). */
import type { Command } from 'commander';
import { num } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import { language, t } from '../../i18n/index.js';
import { exportUsulan } from '../../usulan/export.js';
import type { Run } from '../action.js';
import { bundleFileOptions, dateFlag, fileFormatFlag, kabupatenFlag, outDirFlag } from '../flags.js';

export function registerExportUsulan(exp: Command, run: Run): void {
  bundleFileOptions(exp
    .command('usulan')
    .description(t('usulan:export.description'))
    .option('--out <dir>', t('usulan:export.out'))
    .option('--since <date>', t('usulan:export.since'))
    .option('--kabupaten <name>', t('usulan:export.kabupaten')))
    .action(run(async (ctx, _args, opts) => {
      const now = new Date();
      const format = fileFormatFlag(opts);
      const dir = outDirFlag(ctx, opts.out, {}, now);
      const r = await exportUsulan(ctx.db(), {
        dir, format, excel: !!opts.excel, maskNik: opts.maskNik !== false, force: !!opts.force, now,
        since: dateFlag(opts.since, '--since'), kodeKabupaten: kabupatenFlag(opts.kabupaten),
      });
      ctx.say(t('usulan:export.done', {
        cases: num(r.cases), usul: num(r.usul), sanggah: num(r.sanggah), kabupaten: num(r.kabupaten), dir: displayPath(dir),
        nik: r.nik_masked ? t('usulan:export.nik_masked') : ctx.c.red(t('usulan:export.nik_not_masked')),
      }));
      const headings = { file: t('usulan:export.col.file'), rows: t('usulan:export.col.rows') };
      if (!ctx.quiet) ctx.show(formatTable(r.files.map((f) => ({ file: f.name, rows: f.rows })), undefined, { headings, lang: language() }));
      ctx.result(r);
      // Personal data left the database: who, when, how many, and whether NIKs were masked (never who is in it).
      ctx.audit({ cases: r.cases, usul: r.usul, sanggah: r.sanggah, nik_masked: r.nik_masked, files: r.files.length }, 0);
    }));
}
