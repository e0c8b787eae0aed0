import type { Command } from 'commander';
import { listAudit, NOT_LOGGED } from '../../audit/audit.js';
import { formatTable } from '../../format/table.js';
import { formatTimestamp, startOfLocalDay } from '../../format/time.js';
import type { Run } from '../action.js';
import { hasMessage, language, t } from '../../i18n/index.js';
import { headings } from './status.js';
import { dateFlag, wholeFlag } from '../flags.js';

/** done, failed, interrupted in the reader's words (the --json keeps the codes). */
const statusWord = (status: string) => (hasMessage(`status:audit_status.${status}`) ? t(`status:audit_status.${status}`) : status);

export function registerAudit(program: Command, run: Run): void {
  program
    .command('audit')
    .description(t('status:help.audit'))
    .option('--since <date>', t('status:help.since'))
    .option('--limit <n>', t('status:help.limit'))
    .action(run((ctx, _args, opts) => {
      // A local day: from its midnight in the process's zone (times are stored in UTC).
      const day = dateFlag(opts.since, '--since');
      const since = day === undefined ? undefined : startOfLocalDay(day, ctx.timeZone);
      const entries = listAudit(ctx.db(), { since, limit: wholeFlag(opts, 'limit', '--limit', 1) });
      ctx.result(entries);
      const lang = language();
      const columns = ['id', 'at', 'operator', 'command', 'status', 'changes', 'params'];
      ctx.show(formatTable(entries.map((e) => ({
        id: e.id, at: formatTimestamp(e.at, ctx.timeZone, lang), operator: e.operator, command: e.command, status: statusWord(String(e.result.status ?? '')), changes: e.changes,
        // The marker of a value kept out of the log, in the reader's words.
        params: JSON.stringify(e.params, (_, v: unknown) => (v === NOT_LOGGED ? t('status:not_logged') : v)),
      })), columns, { headings: headings(columns), empty: t('status:none') }));
    }));
}
