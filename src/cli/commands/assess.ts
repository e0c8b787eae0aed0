import type { Command } from 'commander';
import { latestTahun } from '../../applicants/list.js';
import { assessmentsImport } from '../../assess/import.js';
import { assessNoteText, assessReasonText } from '../../assess/reasons.js';
import { runAssessment, type AssessOutcome, type InterviewView } from '../../assess/interview.js';
import { localDate } from '../../dates.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { runImport } from '../../import/pipeline.js';
import { maskNik, parseNik } from '../../nik/nik.js';
import { PromptCancelled } from '../../prompter.js';
import { jenisLabel } from '../../report/html/labels.js';
import { loadRubric } from '../../rubric/load.js';
import { reasonText, unmetLabel } from '../../rubric/texts.js';
import type { LoadedRubric } from '../../rubric/types.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { kabupatenFlag, pathFlag, tahunFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';
import { prompters } from '../prompts.js';
import { registerAssessForm } from './field-forms.js';
import { formatBreakdown, formatRanking } from './score-format.js';

/** The interview's views go to stderr with the prompts, even with --quiet: the officer needs them. Unmet requirements in the reader's language. */
function presenter(ctx: CliContext, rubric: LoadedRubric): (view: InterviewView) => void {
  const r = rubric.rubric;
  const write = (text: string) => ctx.io.stderr.write(`\n${text}\n\n`);
  const local = (unmet: string[]) => unmet.map((label) => unmetLabel(r, label));
  return (view) => {
    if (view.kind === 'note') write(view.text);
    else if (view.kind === 'ranking') write(formatRanking(ctx.c, view.ranking.map((f) => ({ ...f, unmet: local(f.unmet) })), view.applied));
    else {
      const result = { ...view.result, fit: { ...view.result.fit, unmet: local(view.result.fit.unmet) } };
      write(formatBreakdown(ctx.c, result, { eligibility: r.eligibility, need_weight: r.need.weight, fit_weight: r.fit.weight }));
    }
  };
}

/** One saved interview, for the officer: eligible, or not with each failed rule explained. */
function savedLine(s: AssessOutcome['saved'][number]): string {
  const params = { nik: maskNik(s.nik), jenis: jenisLabel(s.jenis_usaha_disepakati), total: s.total };
  if (s.eligible) return t('assess:saved.eligible', params);
  const reasons = s.reasons.map((code) => t('assess:explained', { code, text: reasonText(code) })).join('; ');
  return t('assess:saved.not_eligible', { ...params, reasons });
}

async function interview(ctx: CliContext, nikArg: string | undefined, opts: Record<string, unknown>): Promise<void> {
  if (!ctx.interactive) throw new UsageError(t('assess:error.needs_terminal'), t('assess:error.needs_terminal_hint'));
  let nik: string | undefined;
  if (nikArg !== undefined) {
    const parsed = parseNik(nikArg);
    if (!parsed.ok) throw new UsageError(t('assess:error.bad_nik', { reason: parsed.reason }));
    nik = parsed.nik;
  }
  if (nik && opts.next) throw new UsageError(t('assess:error.nik_and_next'));
  const rubric = loadRubric(pathFlag(ctx, opts.rubric));
  const kabupaten = kabupatenFlag(opts.kabupaten);
  const db = ctx.db();
  const tahun = tahunFlag(opts) ?? latestTahun(db);
  const assessor = opts.assessor === undefined ? undefined : String(opts.assessor).trim() || undefined;
  const session = { db, rubric, prompter: prompters.create(ctx), present: presenter(ctx, rubric), tahun, today: localDate(new Date()), assessor, operator: ctx.operator };
  const outcome: AssessOutcome = { saved: [], skipped: 0 };
  try {
    await runAssessment(session, { nik, kabupaten, next: !!opts.next }, outcome);
  } catch (err) {
    if (err instanceof PromptCancelled) {
      throw new PromptCancelled(outcome.saved.length > 0
        ? t('assess:cancelled.after_saved', { count: outcome.saved.length })
        : t('assess:cancelled.nothing'));
    }
    throw err;
  } finally {
    if (outcome.saved.length > 0) ctx.audit({ tahun, saved: outcome.saved.length, skipped: outcome.skipped }, outcome.saved.length);
  }
  for (const s of outcome.saved) ctx.say(savedLine(s));
  if (outcome.saved.length === 0) ctx.say(t('assess:saved.nothing'));
  // The reasons are for the line above; --json keeps the shape it always had.
  ctx.result({ tahun, saved: outcome.saved.map(({ reasons: _, ...s }) => ({ ...s, nik: maskNik(s.nik) })), skipped: outcome.skipped });
}

export function registerAssess(program: Command, run: Run): void {
  const assess = program
    .command('assess')
    .argument('[nik]', t('assess:help.nik'))
    .description(t('assess:help.assess'))
    .option('--tahun <year>', t('assess:help.tahun'))
    .option('--kabupaten <name>', t('assess:help.kabupaten'))
    .option('--next', t('assess:help.next'))
    .option('--assessor <name>', t('assess:help.assessor'))
    .option('--rubric <file>', t('assess:help.rubric'))
    .action(run((ctx, [nik], opts) => interview(ctx, nik as string | undefined, opts)));

  const imp = assess
    .command('import <file>')
    .description(t('assess:help.import'))
    .option('--tahun <year>', t('assess:help.import_tahun'))
    .option('--rubric <file>', t('assess:help.import_rubric'));
  importFlags(imp, ['nik', 'assessor', 'tanggal', 'jenis_usaha_disepakati', t('assess:help.question_id_field')]).action(run(async (ctx, [file], opts) => {
    const rubric = loadRubric(pathFlag(ctx, opts.rubric));
    const tahun = tahunFlag(opts) ?? latestTahun(ctx.db());
    const kind = assessmentsImport(rubric);
    await runFileImport(ctx, file, opts, kind.kind, (path, o) => runImport(ctx.db(), path, kind, { ...o, tahun, today: localDate(new Date()) }),
      { reject: (code) => assessReasonText(code, rubric.rubric), note: assessNoteText });
  }));
  registerAssessForm(assess, run);
}
