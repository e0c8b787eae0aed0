/** `uep report pdp`: the record of processing personal data (src/pdp/), on screen or into a file. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { expandOutPattern } from '../../fsutil/pattern.js';
import { t } from '../../i18n/index.js';
import { loadPdpConfig } from '../../pdp/config.js';
import { pdpRecord } from '../../pdp/record.js';
import { renderPdp } from '../../pdp/render.js';
import { writeReportFile } from '../../report/html/write.js';
import type { Run } from '../action.js';
import { pathFlag } from '../flags.js';

export function registerReportPdp(report: Command, run: Run): void {
  report
    .command('pdp')
    .description(t('pdp:cli.description'))
    .option('--config <file>', t('pdp:cli.config'))
    .option('--out <file>', t('pdp:cli.out'))
    .option('--force', t('pdp:cli.force'))
    .action(run((ctx, _args, opts) => {
      const now = new Date();
      const record = pdpRecord(ctx.db(), loadPdpConfig(pathFlag(ctx, opts.config)), now);
      const text = `${renderPdp(record, ctx.timeZone)}\n`;
      if (opts.out !== undefined) {
        const path = resolve(ctx.io.cwd, expandOutPattern(String(opts.out), { now }));
        const written = writeReportFile(path, text, { force: !!opts.force });
        ctx.say(t('pdp:written', { file: path }));
        ctx.result({ ...record, written });
        if (!ctx.quiet) ctx.show(path);
        return;
      }
      ctx.result(record);
      ctx.show(text.trimEnd());
    }));
}
