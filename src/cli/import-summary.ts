import { displayPath } from '../fsutil/display.js';
import { t } from '../i18n/index.js';
import type { ImportSummary } from '../import/summary.js';
import type { CliContext } from './context.js';

const n = (x: number) => x.toLocaleString('en-US');

function counts(map: Record<string, number>): string {
  return Object.entries(map).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${n(v)}`).join(', ');
}

/** The human summary of any import (stderr), and its JSON (stdout with --json). */
export function reportImport(ctx: CliContext, summary: ImportSummary, seconds: number): void {
  const { c } = ctx;
  const verb = summary.dry_run ? 'Checked (dry run, nothing written)' : 'Imported';
  const lines = [
    `${c.bold(verb)} ${displayPath(summary.file)} (${summary.kind}): ${n(summary.read)} rows read in ${seconds.toFixed(1)} s`,
    `  inserted ${c.green(n(summary.inserted))} · updated ${n(summary.updated)} · unchanged ${n(summary.unchanged)} · rejected ${summary.rejected > 0 ? c.red(n(summary.rejected)) : '0'}`,
  ];
  for (const key of ['departed', 'not_in_dtks']) {
    if (typeof summary[key] === 'number') lines.push(`  ${key.replace(/_/g, ' ')}: ${n(summary[key] as number)}`);
  }
  if (summary.blank > 0) lines.push(`  blank lines skipped: ${n(summary.blank)}`);
  if (summary.rejected > 0) lines.push(`  ${c.red('rejected')}: ${counts(summary.reasons)}`);
  if (Object.keys(summary.warnings).length > 0) lines.push(`  ${c.yellow('warnings')} (stored on the rows): ${counts(summary.warnings)}`);
  if (typeof summary.kode_evidence === 'string') {
    lines.push(`  ${t('xlsx:kode.decided', { system: summary.kode, evidence: t(`xlsx:kode.evidence.${summary.kode_evidence}`) })}`);
  }
  for (const hint of (summary.hints as string[] | undefined) ?? []) lines.push(`  ${c.yellow(t(`xlsx:hint.${hint}`))}`);
  if (summary.rejected > 0) {
    if (summary.rejects_file && !summary.dry_run) lines.push(`  rejected rows written to ${displayPath(summary.rejects_file)}`);
    else {
      const sample = summary.first_rejects.map((r) => `line ${r.line} (${r.reason})`).join(', ');
      lines.push(`  first rejected: ${sample}${summary.rejected > summary.first_rejects.length ? ', …' : ''}; write them all with --rejects <file>`);
    }
  }
  if (summary.batch_id !== null) lines.push(c.dim(`  batch ${summary.batch_id} · sha256 ${summary.sha256.slice(0, 16)}…`));
  ctx.say(lines.join('\n'));
  ctx.result({ ...summary, seconds: Number(seconds.toFixed(3)) });
}
