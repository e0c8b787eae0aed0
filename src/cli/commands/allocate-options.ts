/** Options shared by `uep quota`, `uep allocate` and `uep allocate compare`, validated by flag. */
import type { Command } from 'commander';
import { APPORTION_METHODS } from '../../allocate/apportion.js';
import { parseRupiah, readPaketCsv } from '../../allocate/paket.js';
import { regionsFromWeights } from '../../allocate/regions.js';
import type { AllocateOptions } from '../../allocate/run.js';
import { parseWaitlist } from '../../allocate/waitlist.js';
import { readWeightsCsv } from '../../allocate/weights.js';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { methodFlag, pathFlag, tahunFlag, wholeFlag } from '../flags.js';

export const METHOD_HELP = `apportionment method: ${APPORTION_METHODS.join(', ')}`;

/** The pool and quota options of allocate and compare (compare takes a list of methods, and no budget). */
export function poolOptions(cmd: Command, command: 'allocate' | 'compare'): Command {
  cmd
    .option('--tahun <year>', 'programme year (default: the latest year with applications)')
    .option('--slots <n>', 'packages to allocate (default 1500)');
  if (command === 'allocate') cmd.option('--method <m>', `${METHOD_HELP} (default: equal; hamilton with --weights)`);
  cmd
    .option('--weights <csv>', 'region,weight file: the regencies (names or Kemendagri codes) and their weights')
    .option('--min <n>', 'fewest slots per regency (unless it has fewer eligible applicants)')
    .option('--max <n>', 'most slots per regency')
    .option('--waitlist <N|P%>', 'waitlist per regency: a count, or a share of its quota rounded up (default 10%)')
    .option('--seed <text>', 'seed of the last tie-break, sha256(seed:nik) (default: the year)')
    .option('--paket <csv>', 'package values per business type: jenis_usaha,nilai_paket (default: data/paket.csv)');
  return command === 'allocate' ? cmd.option('--budget <rupiah>', 'refuse an allocation whose packages cost more than this') : cmd;
}

export async function poolValues(ctx: CliContext, opts: Record<string, unknown>): Promise<AllocateOptions> {
  const o: AllocateOptions = {
    tahun: tahunFlag(opts),
    slots: wholeFlag(opts, 'slots', '--slots', 1),
    min: wholeFlag(opts, 'min', '--min'),
    max: wholeFlag(opts, 'max', '--max'),
    method: opts.method === undefined ? undefined : methodFlag(opts.method),
    waitlist: opts.waitlist === undefined ? undefined : parseWaitlist(String(opts.waitlist)),
    seed: opts.seed === undefined ? undefined : String(opts.seed),
  };
  if (o.seed !== undefined && o.seed.trim() === '') throw new UsageError('--seed: must not be empty');
  if (o.min !== undefined && o.max !== undefined && o.min > o.max) throw new UsageError(`--min ${o.min} is more than --max ${o.max}`);
  if (opts.budget !== undefined) {
    o.budget = parseRupiah(String(opts.budget));
    if (o.budget === undefined) throw new UsageError(`--budget ${opts.budget}: expected whole rupiah, e.g. 7500000000 or 7.500.000.000`);
  }
  const weights = pathFlag(ctx, opts.weights);
  if (weights !== undefined) o.regions = regionsFromWeights(await readWeightsCsv(weights), String(opts.weights));
  const paket = pathFlag(ctx, opts.paket);
  if (paket !== undefined) o.paket = await readPaketCsv(paket);
  return o;
}
