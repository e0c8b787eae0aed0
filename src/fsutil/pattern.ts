/**
 * `--out reports/{date}` for cron: placeholders in an output path, expanded at run time.
 * {date} is today's local date (YYYY-MM-DD), {time} the local time (HHMM), {run} the allocation
 * run and {tahun} its year when the command has one.
 */
import { localDate } from '../dates.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayPath } from './display.js';

export interface PatternValues {
  now: Date;
  run?: number;
  tahun?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const PLACEHOLDERS = ['date', 'time', 'run', 'tahun'] as const;

export function expandOutPattern(pattern: string, values: PatternValues): string {
  return pattern.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    switch (name) {
      case 'date':
        return localDate(values.now);
      case 'time':
        return `${pad(values.now.getHours())}${pad(values.now.getMinutes())}`;
      case 'run':
      case 'tahun': {
        const v = values[name];
        if (v === undefined) throw new UsageError(t('files:out.no_value', { pattern: displayPath(pattern), placeholder: `{${name}}` }));
        return String(v);
      }
      default:
        throw new UsageError(t('files:out.unknown_placeholder', { pattern: displayPath(pattern), placeholder: displayPath(whole), known: PLACEHOLDERS.map((p) => `{${p}}`).join(', ') }));
    }
  });
}
