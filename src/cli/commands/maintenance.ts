import type { Command } from 'commander';
import { formatTable } from '../../format/table.js';
import { backupDatabase, restoreDatabase } from '../../maintenance/backup.js';
import { runDoctor } from '../../maintenance/doctor.js';
import type { Run } from '../action.js';
import { pathFlag } from '../flags.js';

export function registerMaintenance(program: Command, run: Run): void {
  program
    .command('backup <file>')
    .description('a consistent copy of the database, safe while others use it (SQLite online backup); mode 0600')
    .option('--force', 'overwrite an existing file')
    .action(run(async (ctx, [file], opts) => {
      const r = await backupDatabase(ctx.db(), pathFlag(ctx, file)!, { overwrite: !!opts.force });
      ctx.say(`Backed up ${ctx.dbPath} to ${r.file} (${r.pages} pages)`);
      ctx.result(r);
    }));

  program
    .command('restore <file>')
    .description('replace the database with a backup, after checking its integrity and schema version; the old file is kept aside')
    .action(run(async (ctx, [file]) => {
      const r = await restoreDatabase(ctx.dbPath, pathFlag(ctx, file)!);
      ctx.say(`Restored ${ctx.dbPath} from ${file} (schema ${r.schemaVersion}, integrity ok)${r.keptAside ? `; the previous database is kept as ${r.keptAside}` : ''}`);
      ctx.result(r);
      ctx.audit({ schema_version: r.schemaVersion, file: String(file) }, 1);
    }));

  program
    .command('doctor')
    .description('check the database: integrity, foreign keys, schema version, orphaned rows, file permissions')
    .action(run((ctx) => {
      const checks = runDoctor(ctx.db(), ctx.dbPath);
      ctx.result({ ok: checks.every((c) => c.ok), checks });
      ctx.show(formatTable(checks.map((c) => ({ check: c.check, result: c.ok ? ctx.c.green('ok') : ctx.c.red('FAIL'), detail: c.detail }))));
      if (!checks.every((c) => c.ok)) ctx.exitCode = 1;
    }));
}
