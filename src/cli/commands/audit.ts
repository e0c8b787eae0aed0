import type { Command } from 'commander';
import { listAudit } from '../../audit/audit.js';
import { UsageError } from '../../errors.js';
import { parseTanggal } from '../../import/values.js';
import type { Action } from '../main.js';
import { formatTable } from '../table.js';

export function registerAudit(program: Command, run: (fn: Action) => (...args: unknown[]) => Promise<void>): void {
  program
    .command('audit')
    .description('the append-only log of every command that changed data: when, who, what, counts')
    .option('--since <date>', 'only entries on or after this date (YYYY-MM-DD or DD-MM-YYYY)')
    .option('--limit <n>', 'only the last n entries')
    .action(run((ctx, _args, opts) => {
      let since: string | undefined;
      if (opts.since !== undefined) {
        since = parseTanggal(String(opts.since));
        if (!since) throw new UsageError(`--since ${opts.since}: expected a date like 2026-11-01`);
      }
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit ${opts.limit}: expected a whole number ≥ 1`);
      const entries = listAudit(ctx.db(), { since, limit });
      ctx.result(entries);
      ctx.show(formatTable(entries.map((e) => ({
        id: e.id, at: e.at.replace('T', ' ').slice(0, 19), operator: e.operator, command: e.command, status: String(e.result.status ?? ''), changes: e.changes,
        params: JSON.stringify(e.params),
      }))));
    }));
}
