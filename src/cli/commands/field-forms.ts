/** `uep assess form` and `uep monitor form`: the phone forms (XLSForm + XForm + CSV attachments). */
import type { Command } from 'commander';
import { latestTahun } from '../../applicants/list.js';
import { chooseRun } from '../../allocate/store.js';
import { localDate } from '../../dates.js';
import { UsageError } from '../../errors.js';
import { applicantsAttachment, assessFormModel } from '../../field/assess-form.js';
import { visitFormModel } from '../../field/visit-form.js';
import { writeForm, type WrittenForm } from '../../field/write.js';
import { formatTable } from '../../format/table.js';
import { displayPath } from '../../fsutil/display.js';
import { language, t } from '../../i18n/index.js';
import { loadRubric } from '../../rubric/load.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { kabupatenFlag, pathFlag, runFlag, tahunFlag } from '../flags.js';

function xlsxOut(ctx: CliContext, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError(t('field:cli.out_required'));
  if (!/\.xlsx$/i.test(raw)) throw new UsageError(t('field:cli.out_xlsx', { out: raw }));
  return pathFlag(ctx, raw)!;
}

function report(ctx: CliContext, written: WrittenForm, summary: string): void {
  ctx.say(summary);
  if (!ctx.quiet) {
    const headings = { file: t('field:cli.col.file'), kind: t('field:cli.col.kind'), rows: t('field:cli.col.rows') };
    ctx.show(formatTable(written.files.map((f) => ({ file: displayPath(f.file), kind: f.kind, rows: f.rows ?? '' })), undefined, { headings, lang: language() }));
  }
  ctx.result(written);
}

export function registerAssessForm(assess: Command, run: Run): void {
  assess.command('form')
    .description(t('field:cli.assess_form.description'))
    .option('--out <file.xlsx>', t('field:cli.assess_form.out'))
    .option('--tahun <year>', t('field:cli.assess_form.tahun'))
    .option('--kabupaten <name>', t('field:cli.assess_form.kabupaten'))
    .option('--rubric <file>', t('field:cli.assess_form.rubric'))
    .option('--force', t('field:cli.force'))
    .action(run(async (ctx, _args, opts) => {
      const out = xlsxOut(ctx, opts.out);
      const rubric = loadRubric(pathFlag(ctx, opts.rubric));
      const db = ctx.db();
      const tahun = tahunFlag(opts) ?? latestTahun(db);
      const o = { tahun, kabupaten: kabupatenFlag(opts.kabupaten) };
      const applicants = applicantsAttachment(db, o);
      const written = await writeForm(assessFormModel(rubric, applicants, o), out, { force: !!opts.force, database: db.name });
      report(ctx, written, t('field:cli.assess_form.done', {
        tahun, version: rubric.rubric.version, applicants: applicants.rows.length, file: displayPath(out),
      }));
      ctx.audit({ tahun, rubric_version: rubric.rubric.version, applicants: applicants.rows.length }, 0);
    }));
}

export function registerMonitorForm(monitor: Command, run: Run): void {
  monitor.command('form')
    .description(t('field:cli.monitor_form.description'))
    .option('--out <file.xlsx>', t('field:cli.monitor_form.out'))
    .option('--run <id>', t('field:cli.monitor_form.run'))
    .option('--petugas <id>', t('field:cli.monitor_form.petugas'))
    .option('--force', t('field:cli.force'))
    .action(run(async (ctx, _args, opts) => {
      const out = xlsxOut(ctx, opts.out);
      const db = ctx.db();
      const runRow = chooseRun(db, runFlag(opts.run));
      const petugas = opts.petugas === undefined ? undefined : String(opts.petugas).trim();
      const { model, counts } = visitFormModel(db, { runId: runRow.id, petugas, today: localDate(new Date()) });
      const written = await writeForm(model, out, { force: !!opts.force, database: db.name });
      const beneficiaries = Object.values(counts).reduce((a, b) => a + b, 0);
      report(ctx, { ...written, ...{ petugas: counts } }, t('field:cli.monitor_form.done', {
        run: runRow.id, monitors: Object.keys(counts).length, beneficiaries, file: displayPath(out),
      }));
      ctx.audit({ run_id: runRow.id, petugas: petugas ?? null, monitors: Object.keys(counts).length, beneficiaries }, 0);
    }));
}
