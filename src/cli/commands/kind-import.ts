/** What the applicant, assessment and recipient imports share with `uep import dtks`: flags, run, summary. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ImportKind } from '../../import/kind.js';
import { ImportRejectedError, runImport, type ImportOptions } from '../../import/pipeline.js';
import { kabupatenFromCode, kabupatenFromName } from '../../regions/resolve.js';
import type { CliContext } from '../context.js';
import { reportImport } from '../import-summary.js';
import { progressBar } from '../progress.js';
import { csvInputOptions, csvInputValues } from './csv-options.js';

export function importFlags(cmd: Command, fields: string[]): Command {
  return csvInputOptions(cmd, fields)
    .option('--rejects <file>', 'write every rejected row (line, reason, original fields) to this CSV file')
    .option('--force', 'overwrite an existing --rejects file')
    .option('--strict', 'any rejected row aborts the import: nothing is written, exit 1')
    .option('--dry-run', 'validate and report, write nothing');
}

export async function runKindImport<O extends ImportOptions>(
  ctx: CliContext, file: string, kind: ImportKind<O>, extra: Omit<O, keyof ImportOptions>, opts: Record<string, unknown>,
): Promise<void> {
  const bar = progressBar(ctx, `import ${kind.kind}`);
  const started = performance.now();
  try {
    const summary = await runImport(ctx.db(), resolve(ctx.io.cwd, file), kind, {
      ...csvInputValues(opts),
      strict: !!opts.strict,
      dryRun: !!opts.dryRun,
      rejectsPath: opts.rejects === undefined ? undefined : resolve(ctx.io.cwd, String(opts.rejects)),
      overwrite: !!opts.force,
      signal: ctx.abort.signal,
      onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.rows),
      ...extra,
    } as O);
    bar.stop();
    reportImport(ctx, summary, (performance.now() - started) / 1000);
    if (!summary.dry_run) ctx.audit(summary, summary.inserted + summary.updated);
  } catch (err) {
    bar.stop();
    if (err instanceof ImportRejectedError) reportImport(ctx, err.summary, (performance.now() - started) / 1000);
    throw err;
  }
}

/** --tahun: a programme year, or undefined when absent. */
export function tahunFlag(opts: Record<string, unknown>): number | undefined {
  const raw = opts.tahun;
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) throw new UsageError(`--tahun ${raw}: expected a year such as 2026`);
  return Number(text);
}

/** --kabupaten: a name ("Samarinda", "Kab. Paser") or Kemendagri code → the code. */
export function kabupatenFlag(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const k = kabupatenFromCode(String(raw), 'kemendagri') ?? kabupatenFromName(String(raw));
  if (!k) throw new UsageError(`--kabupaten ${raw}: not one of the ten regencies of Kalimantan Timur (give a name or a Kemendagri code like 6472)`);
  return k.kode;
}

/** --rubric: a file relative to the working directory, or undefined for the shipped one. */
export function rubricFlag(ctx: CliContext, opts: Record<string, unknown>): string | undefined {
  return opts.rubric === undefined ? undefined : resolve(ctx.io.cwd, String(opts.rubric));
}

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
