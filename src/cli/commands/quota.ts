import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { apportion } from '../../allocate/apportion.js';
import { readWeightsCsv } from '../../allocate/weights.js';
import { UsageError } from '../../errors.js';
import { formatTable } from '../../format/table.js';
import { language, t } from '../../i18n/index.js';
import { allKabupaten } from '../../regions/resolve.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { MAX_SLOTS, methodFlag, pathFlag, wholeFlag } from '../flags.js';
import { methodHelp } from './allocate-options.js';
import { tieLines } from './allocate-report.js';

async function quota(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  const slots = wholeFlag(opts, 'slots', '--slots', 0, MAX_SLOTS)!;
  const min = wholeFlag(opts, 'min', '--min', 0, MAX_SLOTS);
  const max = wholeFlag(opts, 'max', '--max', 0, MAX_SLOTS);
  const format = String(opts.format ?? (ctx.json ? 'json' : 'table'));
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(t('allocate:quota.bad_format', { format }));
  const method = opts.method === undefined ? (opts.weights ? 'hamilton' : 'equal') : methodFlag(opts.method);
  const weights = pathFlag(ctx, opts.weights);
  const regions = weights === undefined ? allKabupaten().map((k) => ({ region: k.nama, weight: 1 })) : await readWeightsCsv(weights);
  const { rows, ties } = apportion(regions, slots, { method, min, max });

  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ method, slots, min: min ?? null, max: max ?? null, rows, ties }, null, 2)}\n`);
    return;
  }
  if (format === 'csv') ctx.io.stdout.write(stringify(rows, { header: true, columns: ['region', 'weight', 'quota'] }));
  else {
    const headings = { region: t('allocate:quota.col.region'), weight: t('allocate:quota.col.weight'), quota: t('allocate:quota.col.quota') };
    ctx.show(formatTable(rows.map((r) => ({ ...r })), ['region', 'weight', 'quota'], { headings, lang: language() }));
  }
  for (const line of tieLines(ties)) ctx.say(line);
}

export function registerQuota(program: Command, run: Run): void {
  program
    .command('quota')
    .description(t('allocate:quota.description'))
    .requiredOption('--slots <n>', t('allocate:quota.slots'))
    .option('--weights <csv>', t('allocate:quota.weights'))
    .option('--method <m>', methodHelp())
    .option('--min <n>', t('allocate:quota.min'))
    .option('--max <n>', t('allocate:quota.max'))
    .option('--format <f>', t('allocate:quota.format'))
    .addHelpText('after', `\n${t('allocate:quota.examples')}\n  uep quota --slots 1500\n  uep quota --slots 1500 --weights data/regions/population_2024.csv --method huntington-hill\n`)
    .action(run((ctx, _args, opts) => quota(ctx, opts)));
}
