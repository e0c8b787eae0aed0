import type { Command } from 'commander';
import { databaseStatus } from '../../status/status.js';
import { formatTable } from '../../format/table.js';
import { formatTimestamp } from '../../format/time.js';
import { language, t } from '../../i18n/index.js';
import { explainImportWarning, kindLabel } from '../../import/reasons.js';
import type { Run } from '../action.js';

/** Column headings of the status and audit tables, in the reader's words. */
export function headings(columns: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c, t(`status:col.${c}`)]));
}

export function registerStatus(program: Command, run: Run): void {
  program
    .command('status')
    .description(t('status:help.status'))
    .action(run((ctx) => {
      const s = databaseStatus(ctx.db());
      ctx.result(s);
      const lang = language();
      const table = (rows: Record<string, unknown>[]) => formatTable(rows, undefined, { headings: headings(Object.keys(rows[0] ?? {})), lang, empty: t('status:none') });
      const lines = [
        t('status:database', { label: ctx.c.bold(t('status:database_label')), path: ctx.dbPath, version: s.schema_version }),
        t('status:counts', {
          persons: s.persons, in_dtks: s.persons_in_dtks, departed: s.persons_departed, pkh: s.pkh_members, pkh_active: s.pkh_active, batches: s.import_batches,
        }),
        '',
        table(Object.entries(s.by_kabupaten).map(([kode, v]) => ({ kode, kabupaten: v.nama, persons: v.persons }))),
      ];
      if (Object.keys(s.warnings).length > 0) {
        const rows = Object.entries(s.warnings).map(([code, count]) => ({ code, count, meaning: explainImportWarning(code) ?? '' }));
        lines.push('', t('status:warnings'), table(rows));
      }
      if (s.last_batches.length > 0) {
        const batches = s.last_batches.map((b) => ({
          ...b, kind: kindLabel(b.kind), finished_at: b.finished_at === null ? t('status:unfinished') : formatTimestamp(b.finished_at, ctx.timeZone, lang),
        }));
        lines.push('', t('status:last_imports'), table(batches));
      }
      ctx.show(lines.join('\n'));
    }));
}
