import type { Command } from 'commander';
import { listAudit } from '../../audit/audit.js';
import { formatTable } from '../../format/table.js';
import { formatTimestamp, startOfLocalDay } from '../../format/time.js';
import type { Run } from '../action.js';
import { dateFlag, wholeFlag } from '../flags.js';

export function registerAudit(program: Command, run: Run): void {
  program
    .command('audit')
    .description('the append-only log of every command that changed data: when, who, what, counts')
    .option('--since <date>', 'only entries on or after this date (YYYY-MM-DD or DD-MM-YYYY)')
    .option('--limit <n>', 'only the last n entries')
    .action(run((ctx, _args, opts) => {
      // A local day: from its midnight in the process's zone (times are stored in UTC).
      const day = dateFlag(opts.since, '--since');
      const since = day === undefined ? undefined : startOfLocalDay(day, ctx.timeZone);
      const entries = listAudit(ctx.db(), { since, limit: wholeFlag(opts, 'limit', '--limit', 1) });
      ctx.result(entries);
      ctx.show(formatTable(entries.map((e) => ({
        id: e.id, at: formatTimestamp(e.at, ctx.timeZone), operator: e.operator, command: e.command, status: String(e.result.status ?? ''), changes: e.changes,
        params: JSON.stringify(e.params),
      }))));
    }));
}
