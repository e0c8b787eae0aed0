import type { Command } from 'commander';
import { DTKS_IMPORT } from '../../import/dtks.js';
import { runImport } from '../../import/pipeline.js';
import { PKH_IMPORT } from '../../import/pkh.js';
import { t } from '../../i18n/index.js';
import type { Run } from '../action.js';
import { kodeFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';

export function registerImport(program: Command, run: Run): void {
  const imp = program.command('import').description(t('import:help.import'));
  for (const kind of [DTKS_IMPORT, PKH_IMPORT]) {
    const cmd = imp
      .command(`${kind.kind} <file>`)
      .description(t(kind.kind === 'dtks' ? 'import:help.dtks' : 'import:help.pkh'));
    importFlags(cmd, kind.fields.map((f) => f.field));
    cmd.option('--kode <system>', t('import:help.kode'), 'kemendagri');
    if (kind.snapshot) cmd.option('--snapshot', t('import:help.snapshot'));
    cmd.action(run(async (ctx, [file], opts) => {
      // The default stands unless the file is a DTSEN extract, whose codes settle it (kode-decision.ts).
      const kode = cmd.getOptionValueSource('kode') === 'default' ? undefined : kodeFlag(opts.kode);
      const extra = { kode, snapshot: !!opts.snapshot };
      await runFileImport(ctx, file, opts, kind.kind, (path, o) => runImport(ctx.db(), path, kind, { ...o, ...extra }));
    }));
  }
}
