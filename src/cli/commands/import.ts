import type { Command } from 'commander';
import { DTKS_IMPORT } from '../../import/dtks.js';
import { runImport } from '../../import/pipeline.js';
import { PKH_IMPORT } from '../../import/pkh.js';
import type { Run } from '../action.js';
import { kodeFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';

export function registerImport(program: Command, run: Run): void {
  const imp = program.command('import').description('import DTKS/DTSEN and PKH extracts (CSV) into the database');
  for (const kind of [DTKS_IMPORT, PKH_IMPORT]) {
    const cmd = imp
      .command(`${kind.kind} <file>`)
      .description(kind.kind === 'dtks'
        ? 'import a DTKS/DTSEN (or BDT) extract: upsert persons by NIK'
        : 'import a PKH membership extract, linked to persons by NIK');
    importFlags(cmd, kind.fields.map((f) => f.field));
    cmd.option('--kode <system>', 'code system of kode_kabupaten columns: kemendagri or bps (KDPROP/KDKAB are always BPS; a DTSEN file\'s kode_kabupaten_kota: what its codes show)', 'kemendagri');
    if (kind.snapshot) cmd.option('--snapshot', 'the file is a complete extract of the regencies it covers: persons of those regencies absent from it leave DTKS');
    cmd.action(run(async (ctx, [file], opts) => {
      // The default stands unless the file is a DTSEN extract, whose codes settle it (kode-decision.ts).
      const kode = cmd.getOptionValueSource('kode') === 'default' ? undefined : kodeFlag(opts.kode);
      const extra = { kode, snapshot: !!opts.snapshot };
      await runFileImport(ctx, file, opts, kind.kind, (path, o) => runImport(ctx.db(), path, kind, { ...o, ...extra }));
    }));
  }
}
