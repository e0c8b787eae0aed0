/**
 * The one way a command imports a CSV file: the shared flags, the file and --rejects resolved
 * against the command's working directory, a progress bar, the summary (also when --strict
 * refused the file), and the audit note. Each command passes the core function that imports.
 */
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { ImportRejectedError, type ImportOptions, type ImportSummary } from '../import/summary.js';
import type { CliContext } from './context.js';
import { csvInputOptions, csvInputValues } from './csv-options.js';
import { kindLabel } from '../import/reasons.js';
import { pathFlag } from './flags.js';
import { reportImport, type ImportExplainers } from './import-summary.js';
import { progressBar } from './progress.js';

/** The flags of every import: reading the CSV, then --rejects, --force, --strict, --dry-run. */
export function importFlags(cmd: Command, fields: string[]): Command {
  return csvInputOptions(cmd, fields)
    .option('--rejects <file>', t('workbook:rejects_help'))
    .option('--force', t('import:help.force'))
    .option('--strict', t('import:help.strict'))
    .option('--dry-run', t('import:help.dry_run'));
}

/** Imports the file at `path` with the options every import shares (the command adds its own). */
export type Importer = (path: string, options: ImportOptions) => Promise<ImportSummary>;

/** `explainers`: how the summary explains the codes of a kind that has its own (assessments, visits). */
export async function runFileImport(
  ctx: CliContext, file: unknown, opts: Record<string, unknown>, label: string, importer: Importer, explainers?: ImportExplainers,
): Promise<void> {
  const bar = progressBar(ctx, t('import:progress.bar', { kind: kindLabel(label) }));
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const summary = await importer(pathFlag(ctx, file)!, {
      ...csvInputValues(opts),
      strict: !!opts.strict,
      dryRun: !!opts.dryRun,
      rejectsPath: pathFlag(ctx, opts.rejects),
      overwrite: !!opts.force,
      signal: ctx.abort.signal,
      onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.rows),
    });
    bar.stop();
    reportImport(ctx, summary, seconds(), explainers);
    ctx.audit(summary, summary.dry_run ? 0 : summary.inserted + summary.updated + Number(summary.departed ?? 0));
  } catch (err) {
    bar.stop();
    if (err instanceof ImportRejectedError) reportImport(ctx, err.summary, seconds(), explainers, true);
    throw err;
  }
}
