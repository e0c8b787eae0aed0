import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DTKS_IMPORT, type DtksImportOptions } from '../../import/dtks.js';
import { PKH_IMPORT } from '../../import/pkh.js';
import { ImportRejectedError, runImport } from '../../import/pipeline.js';
import type { ImportKind } from '../../import/kind.js';
import type { Action } from '../main.js';
import type { CliContext } from '../context.js';
import { reportImport } from '../import-summary.js';
import { progressBar } from '../progress.js';
import { csvInputOptions, csvInputValues } from './csv-options.js';

async function importFile(ctx: CliContext, file: string, kind: ImportKind<DtksImportOptions>, opts: Record<string, unknown>): Promise<void> {
  // Not given: Kemendagri, except for DTSEN code columns, whose system the file's evidence settles.
  const kode = opts.kode as 'kemendagri' | 'bps' | undefined;
  if (kode !== undefined && kode !== 'kemendagri' && kode !== 'bps') throw new UsageError(`--kode ${kode}: expected kemendagri or bps`);
  const bar = progressBar(ctx, `import ${kind.kind}`);
  const started = performance.now();
  try {
    const summary = await runImport(ctx.db(), file, kind, {
      ...csvInputValues(opts),
      kode,
      snapshot: !!opts.snapshot,
      strict: !!opts.strict,
      dryRun: !!opts.dryRun,
      rejectsPath: opts.rejects as string | undefined,
      overwrite: !!opts.force,
      signal: ctx.abort.signal,
      onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.rows),
    });
    bar.stop();
    reportImport(ctx, summary, (performance.now() - started) / 1000);
    ctx.audit(summary, summary.dry_run ? 0 : summary.inserted + summary.updated + Number(summary.departed ?? 0));
  } catch (err) {
    bar.stop();
    if (err instanceof ImportRejectedError) reportImport(ctx, err.summary, (performance.now() - started) / 1000);
    throw err;
  }
}

export function registerImport(program: Command, run: (fn: Action) => (...args: unknown[]) => Promise<void>): void {
  const imp = program.command('import').description('import DTKS/DTSEN and PKH extracts (CSV) into the database');
  for (const kind of [DTKS_IMPORT, PKH_IMPORT]) {
    const cmd = imp
      .command(`${kind.kind} <file>`)
      .description(kind.kind === 'dtks'
        ? 'import a DTKS/DTSEN (or BDT) extract: upsert persons by NIK'
        : 'import a PKH membership extract, linked to persons by NIK');
    csvInputOptions(cmd, kind.fields.map((f) => f.field));
    cmd.option('--kode <system>', 'code system of kode_kabupaten columns: kemendagri or bps (KDPROP/KDKAB are always BPS; a DTSEN file\'s kode_kabupaten_kota: what its codes show)', 'kemendagri');
    if (kind.snapshot) cmd.option('--snapshot', 'the file is a complete extract of the regencies it covers: persons of those regencies absent from it leave DTKS');
    cmd
      .option('--rejects <file>', 'write every rejected row (line, reason, original fields) to this CSV file')
      .option('--force', 'overwrite an existing --rejects file')
      .option('--strict', 'any rejected row aborts the import: nothing is written, exit 1')
      .option('--dry-run', 'validate and report, write nothing')
      // The default stands unless the file is a DTSEN extract, whose codes settle it (kode-decision.ts).
      .action(run((ctx, [file], opts) => importFile(ctx, file as string, kind, cmd.getOptionValueSource('kode') === 'default' ? { ...opts, kode: undefined } : opts)));
  }
}
