import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CsvEncoding } from '../csv/reader.js';

/** The options every CSV-reading command shares. */
export function csvInputOptions(cmd: Command, fields: string[]): Command {
  return cmd
    .option('--encoding <name>', 'utf8 (default; a BOM is fine) or latin1 (Windows-1252, as older Excel saves)')
    .option('--delimiter <char>', "field separator: ',' ';' tab or '|' (default: detected from the header)")
    .option('--map <field=Header...>', `read a field from a differently named column (fields: ${fields.join(', ')})`)
    .option('--sheet <name|n>', 'the sheet of an .xlsx file to read, by name or number (default: the only visible sheet)');
}

export function csvInputValues(opts: Record<string, unknown>): { encoding?: CsvEncoding; delimiter?: string; map?: string[]; sheet?: string } {
  let encoding: CsvEncoding | undefined;
  const e = (opts.encoding as string | undefined)?.toLowerCase().replace(/[-_]/g, '');
  if (e !== undefined) {
    if (e === 'utf8') encoding = 'utf8';
    else if (['latin1', 'windows1252', 'cp1252', 'iso88591'].includes(e)) encoding = 'latin1';
    else throw new UsageError(`--encoding ${opts.encoding}: expected utf8 or latin1`);
  }
  let delimiter = opts.delimiter as string | undefined;
  if (delimiter !== undefined) {
    if (delimiter === 'tab' || delimiter === '\\t') delimiter = '\t';
    if (![',', ';', '\t', '|'].includes(delimiter)) throw new UsageError(`--delimiter ${opts.delimiter}: expected ',', ';', tab or '|'`);
  }
  return { encoding, delimiter, map: opts.map as string[] | undefined, sheet: opts.sheet as string | undefined };
}
