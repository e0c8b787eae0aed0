import type { Command } from 'commander';
import { finalizeRun } from '../../allocate/finalize.js';
import { replaceBeneficiary } from '../../allocate/replace.js';
import { allocate, compareMethods } from '../../allocate/run.js';
import { listRuns, runParams } from '../../allocate/store.js';
import { verifyRun } from '../../allocate/verify.js';
import { UsageError } from '../../errors.js';
import { parseNik } from '../../nik/nik.js';
import type { Action } from '../main.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';
import { compareTables, describeParams, moveLines, nama, regencyTable, tieLines, totalsLine } from './allocate-report.js';
import { methodFlag, poolOptions, poolValues, wholeFlag } from './allocate-options.js';

type Run = (fn: Action) => (...args: unknown[]) => Promise<void>;

function runId(raw: unknown): number {
  return wholeFlag({ run: raw }, 'run', 'run', 1)!;
}

async function allocateAction(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const options = await poolValues(ctx, opts);
  const dryRun = !!opts.dryRun;
  const { run_id, inputs_sha256, rubric, plan } = await allocate(ctx.db(), { ...options, dryRun });
  const { results: _results, ...summary } = plan;
  const doc = { run_id, status: dryRun ? 'dry_run' : 'draft', tahun: plan.params.tahun, method: plan.params.method, inputs_sha256, rubric, ...summary };
  ctx.result(doc);
  ctx.say(describeParams(plan));
  for (const line of [...moveLines(plan.moves, plan.params.method), ...tieLines(plan.ties, nama)]) ctx.say(line);
  ctx.show(regencyTable(plan));
  ctx.say(totalsLine(plan));
  if (run_id === null) ctx.say('Dry run: nothing stored.');
  else {
    ctx.say(`Stored as draft run ${run_id} (inputs ${inputs_sha256.slice(0, 12)}…). Check it with \`uep allocate verify ${run_id}\`, lock it with \`uep allocate finalize ${run_id}\`.`);
    ctx.audit({ run_id, tahun: plan.params.tahun, method: plan.params.method, selected: plan.totals.selected, inputs_sha256 }, plan.results.length);
  }
}

async function compareAction(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const names = String(opts.method ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--method: name the methods to compare, e.g. --method equal,hamilton,webster');
  const methods = [...new Set(names.map((m) => methodFlag(m)))];
  const plans = await compareMethods(ctx.db(), await poolValues(ctx, { ...opts, method: undefined }), methods);
  ctx.result({
    tahun: plans[0]!.params.tahun, slots: plans[0]!.params.slots,
    methods: plans.map(({ results: _r, params, ...p }) => ({ method: params.method, ...p })),
  });
  ctx.say(`Comparison for ${plans[0]!.params.tahun}: the same pool and parameters under ${methods.join(', ')} (nothing stored).`);
  ctx.show(compareTables(plans));
}

export function registerAllocate(program: Command, run: Run): void {
  const cmd = program
    .command('allocate')
    .description('allocate the packages: quotas per regency, ranking, one per family, waitlists; stored as a draft run');
  poolOptions(cmd, 'allocate')
    .option('--dry-run', 'compute and print, store nothing')
    .addHelpText('after', `
Pool: applications of the year scored eligible. A regency with fewer eligible applicants (one per
family card) than its quota gets them all; the remaining slots are apportioned again by the same
method over the regencies that still have applicants (round after round), and every move is
reported: the result is the method with each regency's eligible count as its upper bound.
Ranking in each regency: total score, then lower desil, then active PKH, then earlier registration,
then sha256(seed:nik). At most one package per family card (no_kk) across the whole allocation:
a lower-ranked family member is skipped with reason same_kk.`)
    .action(run((ctx, _args, opts) => allocateAction(ctx, opts)));

  // The subcommands' options that `allocate` also has (--method, --tahun …) are parsed by `allocate`
  // (commander's rule) and reach the action through optsWithGlobals: declared here for --help.
  poolOptions(cmd.command('compare').description('the same pool under several methods side by side; stores nothing'), 'compare')
    .option('--method <a,b,...>', 'methods to compare, comma-separated (e.g. equal,hamilton,webster,huntington-hill,dhondt)')
    .action(run((ctx, _args, opts) => compareAction(ctx, opts)));

  cmd.command('finalize <run>')
    .description('lock a draft run as the year\'s allocation (one final run per year; refused when the data changed since)')
    .action(run((ctx, [raw]) => {
      const r = finalizeRun(ctx.db(), runId(raw), new Date());
      ctx.result({ run_id: r.id, tahun: r.tahun, status: r.status, finalized_at: r.finalized_at });
      ctx.say(`Run ${r.id} is now the final allocation for ${r.tahun}.`);
      ctx.audit({ run_id: r.id, tahun: r.tahun, status: r.status }, 1);
    }));

  cmd.command('verify <run>')
    .description('recompute a run from the data and its stored parameters, replaying its replacements; exit 1 when the data changed since or the result differs')
    .action(run((ctx, [raw]) => {
      const v = verifyRun(ctx.db(), runId(raw));
      ctx.result(v);
      ctx.say(v.inputs_unchanged ? 'Inputs unchanged since the run (same pool, scores, rubric and parameters).'
        : `Inputs CHANGED since the run: stored ${v.stored_inputs_sha256.slice(0, 12)}…, now ${v.current_inputs_sha256.slice(0, 12)}….`);
      ctx.say(v.identical ? `Run ${v.run_id} (${v.status}) recomputes identically${v.replacements_replayed ? ` after replaying ${v.replacements_replayed} replacement(s)` : ''}.`
        : `Run ${v.run_id}: ${v.differences} result row(s) differ.`);
      if (v.examples.length > 0) ctx.show(formatTable(v.examples.map((e) => ({ ...e }))));
      if (!v.identical || !v.inputs_unchanged) ctx.exitCode = 1;
    }));

  cmd.command('replace <nik>')
    .description('a selected beneficiary withdraws or is found ineligible: the top of the regency\'s waitlist takes the place')
    .requiredOption('--reason <text>', 'why (recorded with the time and the operator — global --operator, else the OS user — and shown by uep explain)')
    .option('--run <id>', 'the run (default: the year\'s final run, else its latest draft)')
    .option('--tahun <year>', 'the year (default: the latest year whose runs hold this NIK)')
    .action(run((ctx, [raw], opts) => {
      const nik = parseNik(String(raw));
      if (!nik.ok) throw new UsageError(`<nik>: not a valid NIK (${nik.reason})`);
      const reason = String(opts.reason).trim();
      if (reason === '') throw new UsageError('--reason: must not be empty');
      const r = replaceBeneficiary(ctx.db(), {
        nik: nik.nik, reason, operator: ctx.operator, now: new Date(),
        runId: opts.run === undefined ? undefined : runId(opts.run), tahun: wholeFlag(opts, 'tahun', '--tahun', 2000, 2100),
      });
      ctx.result(r);
      ctx.say(`Run ${r.run_id} (${r.status}): ${r.replaced.nik_masked} (rank ${r.replaced.rank}) replaced; ` + (r.promoted
        ? `${r.promoted.nik_masked} (rank ${r.promoted.rank}, waitlist ${r.promoted.waitlist_pos}) is selected in their place.`
        : 'the waitlist of the regency is empty: the slot stays open.'));
      ctx.audit({ run_id: r.run_id, move_id: r.move_id, status: r.status, promoted: r.promoted !== null, skipped_same_kk: r.skipped_same_kk }, 1 + (r.promoted ? 1 : 0));
    }));

  cmd.command('list')
    .description('the allocation runs: year, status, method, when')
    .option('--tahun <year>', 'only this year')
    .action(run((ctx, _args, opts) => {
      const runs = listRuns(ctx.db(), wholeFlag(opts, 'tahun', '--tahun', 2000, 2100)).map((r) => {
        const p = runParams(r);
        return { id: r.id, tahun: r.tahun, status: r.status, method: p.method, slots: p.slots, seed: r.seed, created_at: r.created_at, finalized_at: r.finalized_at };
      });
      ctx.result(runs);
      ctx.show(formatTable(runs));
    }));
}
