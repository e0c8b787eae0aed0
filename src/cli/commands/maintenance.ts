import type { Command } from 'commander';
import { formatTable } from '../../format/table.js';
import { t } from '../../i18n/index.js';
import { backupDatabase } from '../../maintenance/backup.js';
import { restoreDatabase } from '../../maintenance/restore.js';
import { runDoctor } from '../../maintenance/doctor.js';
import { schemaVersion } from '../../db/open.js';
import type { Run } from '../action.js';
import { pathFlag } from '../flags.js';

export function registerMaintenance(program: Command, run: Run): void {
  program
    .command('backup <file>')
    .description(t('maintenance:help.backup'))
    .option('--force', t('maintenance:help.backup_force'))
    .action(run(async (ctx, [file], opts) => {
      const r = await backupDatabase(ctx.db({ olderSchema: true }), pathFlag(ctx, file)!, { overwrite: !!opts.force });
      ctx.say(t('maintenance:done.backup', { db: ctx.dbPath, file: r.file, pages: r.pages }));
      ctx.result(r);
    }));

  program
    .command('restore <file>')
    .description(t('maintenance:help.restore'))
    .action(run(async (ctx, [file]) => {
      const r = await restoreDatabase(ctx.dbPath, pathFlag(ctx, file)!, { busyTimeoutMs: ctx.busyTimeoutMs });
      const said = { db: ctx.dbPath, file, version: r.schemaVersion, aside: r.keptAside };
      ctx.say(t(r.keptAside ? 'maintenance:done.restore_kept' : 'maintenance:done.restore', said));
      ctx.result(r);
      ctx.audit({ schema_version: r.schemaVersion }, 1);
    }));

  program
    .command('migrate')
    .description(t('maintenance:help.migrate'))
    .action(run((ctx) => {
      const version = schemaVersion(ctx.db());
      ctx.say(t('maintenance:done.migrate', { db: ctx.dbPath, version }));
      ctx.result({ schema_version: version });
      ctx.audit({ schema_version: version }, 0);
    }));

  program
    .command('doctor')
    .description(t('maintenance:help.doctor'))
    .action(run((ctx) => {
      const checks = runDoctor(ctx.db({ olderSchema: true }), ctx.dbPath);
      ctx.result({ ok: checks.every((c) => c.ok), checks: checks.map(({ check, ok, detail }) => ({ check, ok, detail })) });
      const headings = { check: t('maintenance:doctor.col.check'), result: t('maintenance:doctor.col.result'), detail: t('maintenance:doctor.col.detail') };
      ctx.show(formatTable(checks.map((c) => ({
        check: c.label, result: c.ok ? ctx.c.green(t('maintenance:doctor.ok')) : ctx.c.red(t('maintenance:doctor.fail')), detail: c.text,
      })), undefined, { headings }));
      if (!checks.every((c) => c.ok)) ctx.exitCode = 1;
    }));
}
