/** Options shared by `uep quota`, `uep allocate` and `uep allocate compare`, validated by flag. */
import type { Command } from 'commander';
import { APPORTION_METHODS } from '../../allocate/apportion.js';
import { parseRupiah, readPaketCsv } from '../../allocate/paket.js';
import { regionsFromWeights } from '../../allocate/regions.js';
import type { AllocateOptions } from '../../allocate/run.js';
import { parseWaitlist } from '../../allocate/waitlist.js';
import { readWeightsCsv } from '../../allocate/weights.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { MAX_SLOTS, methodFlag, pathFlag, tahunFlag, wholeFlag } from '../flags.js';

/** The help of --method: the methods, and the default (equal; hamilton with --weights). */
export const methodHelp = () => t('allocate:options.method', { methods: APPORTION_METHODS.join(', ') });

/** The pool and quota options of allocate and compare (compare takes a list of methods, and no budget). */
export function poolOptions(cmd: Command, command: 'allocate' | 'compare'): Command {
  cmd
    .option('--tahun <year>', t('allocate:options.tahun'))
    .option('--slots <n>', t('allocate:options.slots'));
  if (command === 'allocate') cmd.option('--method <m>', methodHelp());
  cmd
    .option('--weights <csv>', t('allocate:options.weights'))
    .option('--min <n>', t('allocate:options.min'))
    .option('--max <n>', t('allocate:options.max'))
    .option('--waitlist <N|P%>', t('allocate:options.waitlist'))
    .option('--seed <text>', t('allocate:options.seed'))
    .option('--paket <csv>', t('allocate:options.paket'));
  return command === 'allocate' ? cmd.option('--budget <rupiah>', t('allocate:options.budget')) : cmd;
}

export async function poolValues(ctx: CliContext, opts: Record<string, unknown>): Promise<AllocateOptions> {
  const o: AllocateOptions = {
    tahun: tahunFlag(opts),
    slots: wholeFlag(opts, 'slots', '--slots', 1, MAX_SLOTS),
    min: wholeFlag(opts, 'min', '--min', 0, MAX_SLOTS),
    max: wholeFlag(opts, 'max', '--max', 0, MAX_SLOTS),
    method: opts.method === undefined ? undefined : methodFlag(opts.method),
    waitlist: opts.waitlist === undefined ? undefined : parseWaitlist(String(opts.waitlist)),
    seed: opts.seed === undefined ? undefined : String(opts.seed),
  };
  if (o.seed !== undefined && o.seed.trim() === '') throw new UsageError(t('allocate:options.empty_seed'));
  if (o.min !== undefined && o.max !== undefined && o.min > o.max) throw new UsageError(t('allocate:options.min_above_max', { min: o.min, max: o.max }));
  if (opts.budget !== undefined) {
    o.budget = parseRupiah(String(opts.budget));
    if (o.budget === undefined) throw new UsageError(t('allocate:options.bad_budget', { value: opts.budget }));
  }
  const weights = pathFlag(ctx, opts.weights);
  if (weights !== undefined) o.regions = regionsFromWeights(await readWeightsCsv(weights), String(opts.weights));
  const paket = pathFlag(ctx, opts.paket);
  if (paket !== undefined) o.paket = await readPaketCsv(paket);
  return o;
}
