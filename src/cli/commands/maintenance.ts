import type { Command } from 'commander';
import { formatTable } from '../../format/table.js';
import { backupDatabase } from '../../maintenance/backup.js';
import { restoreDatabase } from '../../maintenance/restore.js';
import { runDoctor } from '../../maintenance/doctor.js';
import { schemaVersion } from '../../db/open.js';
import type { Run } from '../action.js';
import { pathFlag } from '../flags.js';

export function registerMaintenance(program: Command, run: Run): void {
  program
    .command('backup <file>')
    .description('a consistent copy of the database, safe while others use it (SQLite online backup); mode 0600')
    .option('--force', 'overwrite an existing file')
    .action(run(async (ctx, [file], opts) => {
      const r = await backupDatabase(ctx.db({ olderSchema: true }), pathFlag(ctx, file)!, { overwrite: !!opts.force });
      ctx.say(`Backed up ${ctx.dbPath} to ${r.file} (${r.pages} pages)`);
      ctx.result(r);
    }));

  program
    .command('restore <file>')
    .description('replace the database with a backup, after checking its integrity and schema version; waits until no other command uses the database; the old content is kept aside')
    .action(run(async (ctx, [file]) => {
      const r = await restoreDatabase(ctx.dbPath, pathFlag(ctx, file)!, { busyTimeoutMs: ctx.busyTimeoutMs });
      ctx.say(`Restored ${ctx.dbPath} from ${file} (schema ${r.schemaVersion}, integrity ok)${r.keptAside ? `; the previous database is kept as ${r.keptAside}` : ''}`);
      ctx.result(r);
      ctx.audit({ schema_version: r.schemaVersion }, 1);
    }));

  program
    .command('migrate')
    .description('upgrade the database to the schema of this uep (commands that change data do it too; read-only commands never do)')
    .action(run((ctx) => {
      const version = schemaVersion(ctx.db());
      ctx.say(`${ctx.dbPath} has schema version ${version}, the one this uep uses.`);
      ctx.result({ schema_version: version });
      ctx.audit({ schema_version: version }, 0);
    }));

  program
    .command('doctor')
    .description('check the database: integrity, foreign keys, schema version, orphaned rows, file permissions')
    .action(run((ctx) => {
      const checks = runDoctor(ctx.db({ olderSchema: true }), ctx.dbPath);
      ctx.result({ ok: checks.every((c) => c.ok), checks });
      ctx.show(formatTable(checks.map((c) => ({ check: c.check, result: c.ok ? ctx.c.green('ok') : ctx.c.red('FAIL'), detail: c.detail }))));
      if (!checks.every((c) => c.ok)) ctx.exitCode = 1;
    }));
}
