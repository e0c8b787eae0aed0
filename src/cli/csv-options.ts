import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CsvEncoding } from '../csv/reader.js';
import { t } from '../i18n/index.js';

/** The options every CSV-reading command shares. */
export function csvInputOptions(cmd: Command, fields: string[]): Command {
  return cmd
    .option('--encoding <name>', t('import:help.encoding'))
    .option('--delimiter <char>', t('import:help.delimiter'))
    .option('--map <field=Header...>', t('import:help.map', { fields: fields.join(', ') }))
    .option('--sheet <name|n>', t('import:help.sheet'));
}

export function csvInputValues(opts: Record<string, unknown>): { encoding?: CsvEncoding; delimiter?: string; map?: string[]; sheet?: string } {
  let encoding: CsvEncoding | undefined;
  const e = (opts.encoding as string | undefined)?.toLowerCase().replace(/[-_]/g, '');
  if (e !== undefined) {
    if (e === 'utf8') encoding = 'utf8';
    else if (['latin1', 'windows1252', 'cp1252', 'iso88591'].includes(e)) encoding = 'latin1';
    else throw new UsageError(t('import:option.bad_encoding', { value: opts.encoding }));
  }
  let delimiter = opts.delimiter as string | undefined;
  if (delimiter !== undefined) {
    if (delimiter === 'tab' || delimiter === '\\t') delimiter = '\t';
    if (![',', ';', '\t', '|'].includes(delimiter)) throw new UsageError(t('import:option.bad_delimiter', { value: opts.delimiter }));
  }
  return { encoding, delimiter, map: opts.map as string[] | undefined, sheet: opts.sheet as string | undefined };
}
