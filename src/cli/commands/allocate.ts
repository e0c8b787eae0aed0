import type { Command } from 'commander';
import { finalizeRun } from '../../allocate/finalize.js';
import { replaceBeneficiary } from '../../allocate/replace.js';
import { allocate, compareMethods } from '../../allocate/run.js';
import { listRuns, runParams } from '../../allocate/store.js';
import { verifyRun } from '../../allocate/verify.js';
import { UsageError } from '../../errors.js';
import { moment } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { language, t } from '../../i18n/index.js';
import { parseNik } from '../../nik/nik.js';
import type { Run } from '../action.js';
import { changesSinceScoring } from '../../score/freshness.js';
import type { CliContext } from '../context.js';
import { methodFlag, runFlag, tahunFlag } from '../flags.js';
import { poolOptions, poolValues } from './allocate-options.js';
import { examplesTable, verifyLines } from './verify-report.js';
import { compareTables, describeParams, moveLines, nama, regencyTable, runStatusText, tieLines, totalsLine } from './allocate-report.js';

/** The <run> argument of finalize and verify. */
const runArg = (raw: unknown) => runFlag(raw, 'run')!;

async function allocateAction(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const options = await poolValues(ctx, opts);
  const dryRun = !!opts.dryRun;
  const { run_id, inputs_sha256, rubric, plan } = await allocate(ctx.db(), { ...options, dryRun });
  const { results: _results, ...summary } = plan;
  const { scored_at: _scoredAt, ...changes } = changesSinceScoring(ctx.db(), plan.params.tahun);
  const doc = { run_id, status: dryRun ? 'dry_run' : 'draft', tahun: plan.params.tahun, method: plan.params.method, inputs_sha256, rubric, ...summary, changes_since_scoring: changes };
  ctx.result(doc);
  if (changes.registry_imports + changes.duplicate_decisions > 0) {
    ctx.say(ctx.c.yellow(t('allocate:done.scores_behind', { imports: changes.registry_imports, decisions: changes.duplicate_decisions, tahun: plan.params.tahun })));
  }
  for (const line of [...describeParams(plan), ...moveLines(plan.moves, plan.params.method), ...tieLines(plan.ties, nama)]) ctx.say(line);
  ctx.show(regencyTable(plan));
  ctx.say(totalsLine(plan));
  if (run_id === null) ctx.say(t('allocate:done.dry_run'));
  else {
    ctx.say(t('allocate:done.stored', { run: run_id, sha: inputs_sha256.slice(0, 12) }));
    ctx.audit({ run_id, tahun: plan.params.tahun, method: plan.params.method, selected: plan.totals.selected, inputs_sha256 }, plan.results.length);
  }
}

async function compareAction(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const names = String(opts.method ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(t('allocate:compare.no_methods'));
  const methods = [...new Set(names.map((m) => methodFlag(m)))];
  const plans = await compareMethods(ctx.db(), await poolValues(ctx, { ...opts, method: undefined }), methods);
  ctx.result({
    tahun: plans[0]!.params.tahun, slots: plans[0]!.params.slots,
    methods: plans.map(({ results: _r, params, ...p }) => ({ method: params.method, ...p })),
  });
  ctx.say(t('allocate:compare.head', { tahun: plans[0]!.params.tahun, methods: methods.join(', ') }));
  ctx.show(compareTables(plans));
}

function listAction(ctx: CliContext, opts: Record<string, unknown>): void {
  const runs = listRuns(ctx.db(), tahunFlag(opts)).map((r) => {
    const p = runParams(r);
    return { id: r.id, tahun: r.tahun, status: r.status, method: p.method, slots: p.slots, seed: r.seed, created_at: r.created_at, finalized_at: r.finalized_at };
  });
  ctx.result(runs);
  const when = (at: string | null) => (at === null ? null : moment(at, ctx.timeZone));
  const headings = {
    id: t('allocate:list.col.id'), tahun: t('allocate:list.col.tahun'), status: t('allocate:list.col.status'), method: t('allocate:list.col.method'),
    slots: t('allocate:list.col.slots'), seed: t('allocate:list.col.seed'), created_at: t('allocate:list.col.created_at'), finalized_at: t('allocate:list.col.finalized_at'),
  };
  ctx.show(formatTable(runs.map((r) => ({
    ...r, id: String(r.id), tahun: String(r.tahun), status: runStatusText(r.status), created_at: when(r.created_at), finalized_at: when(r.finalized_at),
  })), undefined, { headings, lang: language(), empty: t('allocate:list.none') }));
}

export function registerAllocate(program: Command, run: Run): void {
  const cmd = program
    .command('allocate')
    .description(t('allocate:cli.description'));
  poolOptions(cmd, 'allocate')
    .option('--dry-run', t('allocate:cli.dry_run'))
    .addHelpText('after', `\n${t('allocate:cli.help_after')}`)
    .action(run((ctx, _args, opts) => allocateAction(ctx, opts)));

  // The subcommands' options that `allocate` also has (--method, --tahun …) are parsed by `allocate`
  // (commander's rule) and reach the action through optsWithGlobals: declared here for --help.
  poolOptions(cmd.command('compare').description(t('allocate:compare.description')), 'compare')
    .option('--method <a,b,...>', t('allocate:compare.method'))
    .action(run((ctx, _args, opts) => compareAction(ctx, opts)));

  cmd.command('finalize <run>')
    .description(t('allocate:finalize.description'))
    .action(run((ctx, [raw]) => {
      const r = finalizeRun(ctx.db(), runArg(raw), new Date());
      ctx.result({ run_id: r.id, tahun: r.tahun, status: r.status, finalized_at: r.finalized_at });
      ctx.say(t('allocate:finalize.done', { run: r.id, tahun: r.tahun }));
      ctx.audit({ run_id: r.id, tahun: r.tahun, status: r.status }, 1);
    }));

  cmd.command('verify <run>')
    .description(t('allocate:verify.description'))
    .action(run((ctx, [raw]) => {
      const v = verifyRun(ctx.db(), runArg(raw));
      ctx.result(v);
      for (const line of verifyLines(v)) ctx.say(line);
      if (v.examples.length > 0) ctx.show(examplesTable(v));
      if (!v.identical || !v.inputs_unchanged) ctx.exitCode = 1;
    }));

  cmd.command('replace <nik>')
    .description(t('allocate:replace.description'))
    .requiredOption('--reason <text>', t('allocate:replace.reason_option'))
    .option('--run <id>', t('allocate:replace.run_option'))
    .option('--tahun <year>', t('allocate:replace.tahun_option'))
    .action(run((ctx, [raw], opts) => {
      const nik = parseNik(String(raw));
      if (!nik.ok) throw new UsageError(t('explain:errors.bad_nik', { reason: nik.reason }));
      const reason = String(opts.reason).trim();
      if (reason === '') throw new UsageError(t('allocate:replace.empty_reason'));
      const r = replaceBeneficiary(ctx.db(), {
        nik: nik.nik, reason, operator: ctx.operator, now: new Date(),
        runId: runFlag(opts.run), tahun: tahunFlag(opts),
      });
      ctx.result(r);
      const params = { run: r.run_id, status: runStatusText(r.status), replaced: r.replaced.nik_masked, rank: r.replaced.rank };
      ctx.say(r.promoted
        ? t('allocate:replace.done', { ...params, promoted: r.promoted.nik_masked, promoted_rank: r.promoted.rank, pos: r.promoted.waitlist_pos })
        : t('allocate:replace.done_open', params));
      ctx.audit({ run_id: r.run_id, move_id: r.move_id, status: r.status, promoted: r.promoted !== null, skipped_same_kk: r.skipped_same_kk }, 1 + (r.promoted ? 1 : 0));
    }));

  cmd.command('list')
    .description(t('allocate:list.description'))
    .option('--tahun <year>', t('allocate:list.tahun'))
    .action(run((ctx, _args, opts) => listAction(ctx, opts)));
}
