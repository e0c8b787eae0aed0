import type { Command } from 'commander';
import { RECIPIENTS_IMPORT, type RecipientsImportOptions } from '../../applicants/recipients.js';
import type { Action } from '../main.js';
import { importFlags, runKindImport, tahunFlag } from './kind-import.js';

/** `uep import recipients <file>`: added to the `import` group (registered before this). */
export function registerRecipients(program: Command, run: (fn: Action) => (...args: unknown[]) => Promise<void>): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  const cmd = group
    .command('recipients <file>')
    .description('import a list of earlier UEP recipients (nik; tahun column or --tahun): they are not eligible again')
    .option('--tahun <year>', 'the year of the list, for a file without a tahun column');
  importFlags(cmd, RECIPIENTS_IMPORT.fields.map((f) => f.field)).action(run(async (ctx, [file], opts) => {
    await runKindImport<RecipientsImportOptions>(ctx, file as string, RECIPIENTS_IMPORT, { tahun: tahunFlag(opts) }, opts);
  }));
}
