import type { Command } from 'commander';
/**
 * The option parsers: a flag's raw text → its typed value, or a UsageError naming the flag and
 * what it expects. Every command parses the same kind of flag with the same function here.
 */
import { resolve } from 'node:path';
import { APPORTION_METHODS, parseMethod, type ApportionMethod } from '../allocate/apportion.js';
import { UsageError } from '../errors.js';
import type { ExportFormat } from '../export/bundle.js';
import { expandOutPattern } from '../fsutil/pattern.js';
import { t } from '../i18n/index.js';
import { parseTanggal } from '../import/values.js';
import { kabupatenFromCode, kabupatenFromName } from '../regions/resolve.js';
import type { CliContext } from './context.js';

type Opts = Record<string, unknown>;

/** A whole number in [min, max] from a flag, or undefined when the flag is absent. */
export function wholeFlag(opts: Opts, key: string, flag: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = opts[key];
  if (raw === undefined) return undefined;
  const text = String(raw).trim().replace(/[_,.](?=\d{3}\b)/g, '');
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(t(max < Number.MAX_SAFE_INTEGER ? 'cli:flag.whole_range' : 'cli:flag.whole_min', { flag, value: raw, min, max }));
  }
  return n;
}

/**
 * The most slots (or per-regency bounds) a run may have. The programme gives about 1,500 a year; a
 * larger number is a typo, or a NIK pasted into the wrong flag, which must not be echoed back as
 * "slot number 6472…" in the tie-break notes.
 */
export const MAX_SLOTS = 1_000_000;

/** --tahun: a programme year, or undefined when absent. */
export function tahunFlag(opts: Opts): number | undefined {
  const raw = opts.tahun;
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) throw new UsageError(t('cli:flag.tahun', { value: raw }));
  return Number(text);
}

/** An allocation run id: --run, or the <run> argument. Undefined when absent. */
export function runFlag(raw: unknown, flag = '--run'): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const id = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(t('cli:flag.run', { flag, value: raw }));
  return id;
}

export function methodFlag(raw: unknown, flag = '--method'): ApportionMethod {
  try {
    return parseMethod(String(raw));
  } catch {
    throw new UsageError(t('cli:flag.method', { flag, value: raw, methods: APPORTION_METHODS.join(', ') }));
  }
}

/** --kabupaten: a name ("Samarinda", "Kab. Paser") or Kemendagri code → the code. */
export function kabupatenFlag(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const k = kabupatenFromCode(String(raw), 'kemendagri') ?? kabupatenFromName(String(raw));
  if (!k) throw new UsageError(t('cli:flag.kabupaten', { value: raw }));
  return k.kode;
}

/** --kode: the code system of kode_kabupaten columns. */
export function kodeFlag(raw: unknown): 'kemendagri' | 'bps' {
  const kode = raw === undefined ? 'kemendagri' : String(raw);
  if (kode !== 'kemendagri' && kode !== 'bps') throw new UsageError(t('cli:flag.kode', { value: kode }));
  return kode;
}

/** A date flag (--since, --as-of, --tanggal-hibah) as YYYY-MM-DD; YYYY-MM-DD or DD-MM-YYYY accepted. */
export function dateFlag(raw: unknown, flag: string): string | undefined {
  if (raw === undefined) return undefined;
  const date = parseTanggal(String(raw));
  if (!date) throw new UsageError(t('cli:flag.date', { flag, value: raw }));
  return date;
}

/**
 * A file or folder named on the command line (an argument, --rubric, --weights, --rejects …),
 * relative to the directory the command was started in. Undefined when absent.
 */
export function pathFlag(ctx: CliContext, raw: unknown): string | undefined {
  return raw === undefined ? undefined : resolve(ctx.io.cwd, String(raw));
}

/** --format of files written (exports, reports): csv, json or xlsx (`allowed` narrows it); --excel only with csv. */
export function fileFormatFlag(opts: Opts, allowed: readonly ExportFormat[] = ['csv', 'json', 'xlsx']): ExportFormat {
  const format = ((opts.format as string | undefined) ?? 'csv').toLowerCase();
  if (!(allowed as readonly string[]).includes(format)) throw new UsageError(t('workbook:format.unknown', { format, allowed: allowed.join(', ') }));
  if (format !== 'csv' && opts.excel) throw new UsageError(t('workbook:format.excel_csv_only', { format }));
  return format as ExportFormat;
}

/** The help of --out and --force of the commands that write files (called when the help is built). */
export const outHelp = (): string => t('cli:flag.out_help');
export const forceHelp = (): string => t('cli:flag.force_help');

/**
 * The options of every command that writes tables for people into an --out folder through
 * writeBundle: the file format, the Excel CSV, NIK masking and --force. Declared once, so that
 * every such command offers the same formats with the same words.
 */
export function bundleFileOptions(cmd: Command): Command {
  return cmd
    .option('--format <format>', t('cli:flag.format_help'), 'csv')
    .option('--excel', t('cli:flag.excel_help'))
    .option('--mask-nik', t('cli:flag.mask_nik_help'))
    .option('--no-mask-nik', t('cli:flag.no_mask_nik_help'))
    .option('--force', forceHelp());
}

/** --out with {date}, {time}, {run}, {tahun} expanded, relative to the working directory. */
export function outDirFlag(ctx: CliContext, raw: unknown, values: { run?: number; tahun?: number }, now: Date): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError(t('cli:flag.out_required'));
  return resolve(ctx.io.cwd, expandOutPattern(raw, { now, ...values }));
}
