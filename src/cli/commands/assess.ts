import type { Command } from 'commander';
import { JENIS_USAHA_LABEL } from '../../applicants/jenis-usaha.js';
import { latestTahun } from '../../applicants/list.js';
import { assessmentsImport } from '../../assess/import.js';
import { runAssessment, type AssessOutcome, type InterviewView } from '../../assess/interview.js';
import { localDate } from '../../dates.js';
import { UsageError } from '../../errors.js';
import { runImport } from '../../import/pipeline.js';
import { maskNik, parseNik } from '../../nik/nik.js';
import { PromptCancelled } from '../../prompter.js';
import { loadRubric } from '../../rubric/load.js';
import type { LoadedRubric } from '../../rubric/types.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { kabupatenFlag, pathFlag, tahunFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';
import { prompters } from '../prompts.js';
import { registerAssessForm } from './field-forms.js';
import { formatBreakdown, formatRanking } from './score-format.js';

/** The interview's views go to stderr with the prompts, even with --quiet: the officer needs them. */
function presenter(ctx: CliContext, rubric: LoadedRubric): (view: InterviewView) => void {
  const r = rubric.rubric;
  const write = (text: string) => ctx.io.stderr.write(`\n${text}\n\n`);
  return (view) => {
    if (view.kind === 'note') write(view.text);
    else if (view.kind === 'ranking') write(formatRanking(ctx.c, view.ranking, view.applied));
    else write(formatBreakdown(ctx.c, view.result, { eligibility: r.eligibility, need_weight: r.need.weight, fit_weight: r.fit.weight }));
  };
}

async function interview(ctx: CliContext, nikArg: string | undefined, opts: Record<string, unknown>): Promise<void> {
  if (!ctx.interactive) {
    throw new UsageError('uep assess is an interview and needs a terminal (stdin or stderr is not one, or CI is set)',
      'for answers collected on paper or ODK forms use `uep assess import <file>`');
  }
  let nik: string | undefined;
  if (nikArg !== undefined) {
    const parsed = parseNik(nikArg);
    if (!parsed.ok) throw new UsageError(`<nik>: not a valid NIK (${parsed.reason})`);
    nik = parsed.nik;
  }
  if (nik && opts.next) throw new UsageError('give either a <nik> or --next, not both');
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
        ? `interview cancelled: nothing of it was saved (${outcome.saved.length} saved earlier in this session)`
        : 'interview cancelled: nothing was saved');
    }
    throw err;
  } finally {
    if (outcome.saved.length > 0) ctx.audit({ tahun, saved: outcome.saved.length, skipped: outcome.skipped }, outcome.saved.length);
  }
  for (const s of outcome.saved) {
    ctx.say(`Saved: ${maskNik(s.nik)} · ${JENIS_USAHA_LABEL[s.jenis_usaha_disepakati]} · ${s.eligible ? 'eligible' : 'not eligible'} · total ${s.total} (preview; \`uep score\` records it)`);
  }
  if (outcome.saved.length === 0) ctx.say('Nothing saved.');
  ctx.result({ tahun, saved: outcome.saved.map((s) => ({ ...s, nik: maskNik(s.nik) })), skipped: outcome.skipped });
}

export function registerAssess(program: Command, run: Run): void {
  const assess = program
    .command('assess')
    .argument('[nik]', 'the applicant (default: choose among the unassessed)')
    .description('the assessment interview, in a terminal: identity, every rubric question, the agreed business type, the score; saved only at the end')
    .option('--tahun <year>', 'programme year (default: the latest year with applications)')
    .option('--kabupaten <name>', 'choose among the unassessed of this regency only')
    .option('--next', 'take the unassessed applicants in registration order, one after another')
    .option('--assessor <name>', 'the assessor\'s name (default: asked, suggesting the operator)')
    .option('--rubric <file>', 'the rubric (default: data/rubric.json of uep)')
    .action(run((ctx, [nik], opts) => interview(ctx, nik as string | undefined, opts)));

  const imp = assess
    .command('import <file>')
    .description('import assessments from paper or ODK forms: nik, assessor, tanggal and one column per rubric question id')
    .option('--tahun <year>', 'programme year of the applications (default: the latest year with applications)')
    .option('--rubric <file>', 'the rubric whose questions the columns answer (default: data/rubric.json of uep)');
  importFlags(imp, ['nik', 'assessor', 'tanggal', 'jenis_usaha_disepakati', '<question id>']).action(run(async (ctx, [file], opts) => {
    const rubric = loadRubric(pathFlag(ctx, opts.rubric));
    const tahun = tahunFlag(opts) ?? latestTahun(ctx.db());
    const kind = assessmentsImport(rubric);
    await runFileImport(ctx, file, opts, kind.kind, (path, o) => runImport(ctx.db(), path, kind, { ...o, tahun, today: localDate(new Date()) }));
  }));
  registerAssessForm(assess, run);
}
