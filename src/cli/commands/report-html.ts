/** `uep report html`: the programme report as one HTML file (see src/report/html/build.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { expandOutPattern } from '../../fsutil/pattern.js';
import { t } from '../../i18n/index.js';
import { buildHtmlReport } from '../../report/html/build.js';
import { writeReportFile } from '../../report/html/write.js';
import type { Run } from '../action.js';
import { dateFlag, tahunFlag } from '../flags.js';

export const DEFAULT_OUT = 'laporan-uep-{tahun}.html';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function registerReportHtml(report: Command, run: Run): void {
  report
    .command('html')
    .description(t('report_html:cli.description'))
    .option('--tahun <year>', t('report_html:cli.tahun'))
    .option('--as-of <date>', t('report_html:cli.as_of'))
    .option('--out <file>', t('report_html:cli.out'), DEFAULT_OUT)
    .option('--force', t('report_html:cli.force'))
    .action(run((ctx, _args, opts) => {
      const now = new Date();
      const tahun = tahunFlag(opts);
      const asOf = dateFlag(opts.asOf, '--as-of');
      const { html, summary } = buildHtmlReport(ctx.db(), { tahun, asOf, now, timeZone: ctx.timeZone, version: version() });
      const path = resolve(ctx.io.cwd, expandOutPattern(String(opts.out), { now, tahun: summary.tahun, run: summary.run?.id }));
      const written = writeReportFile(path, html, { force: !!opts.force });
      ctx.say(t('report_html:cli.written', { file: path, kb: Math.ceil(written.bytes / 1024), charts: summary.charts, sections: summary.sections.length }));
      ctx.show(path);
      ctx.result({ ...written, ...summary });
    }));
}
