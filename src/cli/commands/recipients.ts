import type { Command } from 'commander';
import { RECIPIENTS_IMPORT } from '../../applicants/recipients.js';
import { runImport } from '../../import/pipeline.js';
import { t } from '../../i18n/index.js';
import type { Run } from '../action.js';
import { tahunFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';

/** `uep import recipients <file>`: added to the `import` group (registered before this). */
export function registerRecipients(program: Command, run: Run): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  const cmd = group
    .command('recipients <file>')
    .description(t('import:help.recipients'))
    .option('--tahun <year>', t('import:help.recipients_tahun'));
  importFlags(cmd, RECIPIENTS_IMPORT.fields.map((f) => f.field)).action(run(async (ctx, [file], opts) => {
    const tahun = tahunFlag(opts);
    await runFileImport(ctx, file, opts, RECIPIENTS_IMPORT.kind, (path, o) => runImport(ctx.db(), path, RECIPIENTS_IMPORT, { ...o, tahun }));
  }));
}
