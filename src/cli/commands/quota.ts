import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { apportion } from '../../allocate/apportion.js';
import { readWeightsCsv } from '../../allocate/weights.js';
import { UsageError } from '../../errors.js';
import { allKabupaten } from '../../regions/resolve.js';
import { formatTable } from '../../format/table.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { methodFlag, pathFlag, wholeFlag } from '../flags.js';
import { METHOD_HELP } from './allocate-options.js';
import { tieLines } from './allocate-report.js';

async function quota(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const slots = wholeFlag(opts, 'slots', '--slots')!;
  const min = wholeFlag(opts, 'min', '--min');
  const max = wholeFlag(opts, 'max', '--max');
  const format = String(opts.format ?? (ctx.json ? 'json' : 'table'));
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format ${format}: expected table, csv or json`);
  const method = opts.method === undefined ? (opts.weights ? 'hamilton' : 'equal') : methodFlag(opts.method);
  const weights = pathFlag(ctx, opts.weights);
  const regions = weights === undefined ? allKabupaten().map((k) => ({ region: k.nama, weight: 1 })) : await readWeightsCsv(weights);
  const { rows, ties } = apportion(regions, slots, { method, min, max });

  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ method, slots, min: min ?? null, max: max ?? null, rows, ties }, null, 2)}\n`);
    return;
  }
  if (format === 'csv') ctx.io.stdout.write(stringify(rows, { header: true, columns: ['region', 'weight', 'quota'] }));
  else ctx.show(formatTable(rows.map((r) => ({ ...r }))));
  for (const line of tieLines(ties)) ctx.say(line);
}

export function registerQuota(program: Command, run: Run): void {
  program
    .command('quota')
    .description('split N whole slots over regions by an apportionment method (exact arithmetic, ties reported); no database needed')
    .requiredOption('--slots <n>', 'whole slots to split')
    .option('--weights <csv>', 'region,weight file (any labels); default: the ten regencies, equal weight')
    .option('--method <m>', `${METHOD_HELP} (default: equal; hamilton with --weights)`)
    .option('--min <n>', 'fewest slots per region')
    .option('--max <n>', 'most slots per region')
    .option('--format <f>', 'table (default), csv (region,weight,quota) or json (with ties; also with --json)')
    .addHelpText('after', '\nExamples:\n  uep quota --slots 1500\n  uep quota --slots 1500 --weights data/regions/population_2024.csv --method huntington-hill\n')
    .action(run((ctx, _args, opts) => quota(ctx, opts)));
}
