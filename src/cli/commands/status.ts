import type { Command } from 'commander';
import { databaseStatus } from '../../status/status.js';
import { formatTable } from '../../format/table.js';
import { formatTimestamp } from '../../format/time.js';
import type { Run } from '../action.js';

export function registerStatus(program: Command, run: Run): void {
  program
    .command('status')
    .description('what the database holds: persons per regency, PKH members, import batches, warnings')
    .action(run((ctx) => {
      const s = databaseStatus(ctx.db());
      ctx.result(s);
      const lines = [
        `${ctx.c.bold('Database')} ${ctx.dbPath} (schema ${s.schema_version})`,
        `Persons: ${s.persons} (in DTKS ${s.persons_in_dtks}, departed ${s.persons_departed}) · PKH members: ${s.pkh_members} (active ${s.pkh_active}) · import batches: ${s.import_batches}`,
        '',
        formatTable(Object.entries(s.by_kabupaten).map(([kode, v]) => ({ kode, kabupaten: v.nama, persons: v.persons }))),
      ];
      if (Object.keys(s.warnings).length > 0) {
        lines.push('', 'Warnings stored on persons:', formatTable(Object.entries(s.warnings).map(([code, count]) => ({ code, count }))));
      }
      if (s.last_batches.length > 0) {
        const batches = s.last_batches.map((b) => ({ ...b, finished_at: b.finished_at === null ? '(unfinished)' : formatTimestamp(b.finished_at, ctx.timeZone) }));
        lines.push('', 'Last imports:', formatTable(batches));
      }
      ctx.show(lines.join('\n'));
    }));
}
