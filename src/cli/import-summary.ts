import { shortDigest } from '../format/digest.js';
import { displayPath } from '../fsutil/display.js';
import { language, t } from '../i18n/index.js';
import { formatNumber, intlLocale } from '../format/number.js';
import { explained, explainImportWarning, explainReject, kindLabel, type CodeExplainer } from '../import/reasons.js';
import type { ImportSummary } from '../import/summary.js';
import type { CliContext } from './context.js';

/** How the codes of one kind of import are explained (assessments and visits have their own codes). */
export interface ImportExplainers {
  reject?: CodeExplainer;
  warning?: CodeExplainer;
  note?: CodeExplainer;
}

/** One line per code, the most frequent first: `  2 × nik_format — NIK tidak terdiri atas 16 digit`. */
function codeLines(map: Record<string, number>, explain: (code: string) => string): string[] {
  return Object.entries(map).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => `    ${t('import:summary.code_line', { count, code: explain(code) })}`);
}

/** Seconds with one decimal, as the reader writes them (0,4 / 0.4). */
function secondsText(seconds: number): string {
  return new Intl.NumberFormat(intlLocale(language()), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
}

/** The human summary of any import (stderr), and its JSON (stdout with --json). */
export function reportImport(ctx: CliContext, summary: ImportSummary, seconds: number, explainers: ImportExplainers = {}, refusedByStrict = false): void {
  const { c } = ctx;
  const head = { file: displayPath(summary.file), kind: kindLabel(summary.kind), read: summary.read, seconds: secondsText(seconds) };
  const n = (x: number) => formatNumber(x, language());
  const counts = {
    inserted: c.green(n(summary.inserted)), updated: n(summary.updated), unchanged: n(summary.unchanged),
    rejected: summary.rejected > 0 ? c.red(n(summary.rejected)) : '0',
  };
  const lines = [
    // Nothing was written when --strict refused the file: the heading must not say "imported".
    c.bold(t(refusedByStrict ? 'import:summary.refused_strict' : summary.dry_run ? 'import:summary.checked' : 'import:summary.imported', head)),
    `  ${t('import:summary.counts', counts)}`,
  ];
  if (typeof summary.departed === 'number') lines.push(`  ${t('import:summary.departed', { n: summary.departed })}`);
  if (typeof summary.not_in_dtks === 'number') lines.push(`  ${t('import:summary.not_in_dtks', { n: summary.not_in_dtks })}`);
  if (summary.blank > 0) lines.push(`  ${t('import:summary.blank', { n: summary.blank })}`);
  if (summary.rejected > 0) {
    lines.push(`  ${c.red(t('import:summary.rejected_title'))}`);
    lines.push(...codeLines(summary.reasons, (code) => explained(code, ...[explainers.reject, explainReject].filter((e) => e !== undefined))));
  }
  if (Object.keys(summary.warnings).length > 0) {
    lines.push(`  ${c.yellow(t('import:summary.warnings_title'))}`);
    lines.push(...codeLines(summary.warnings, (code) => explained(code, ...[explainers.warning, explainImportWarning].filter((e) => e !== undefined))));
  }
  if (summary.notes && Object.keys(summary.notes).length > 0) {
    lines.push(`  ${t('import:summary.notes_title')}`);
    lines.push(...codeLines(summary.notes, (code) => explained(code, ...[explainers.note].filter((e) => e !== undefined))));
  }
  if (typeof summary.kode_evidence === 'string') {
    lines.push(`  ${t('xlsx:kode.decided', { system: summary.kode, evidence: t(`xlsx:kode.evidence.${summary.kode_evidence}`) })}`);
  }
  for (const hint of (summary.hints as string[] | undefined) ?? []) lines.push(`  ${c.yellow(t(`xlsx:hint.${hint}`))}`);
  if (summary.rejected > 0) {
    if (summary.rejects_file && !summary.dry_run) lines.push(`  ${t('import:summary.rejects_written', { file: displayPath(summary.rejects_file) })}`);
    else {
      const sample = summary.first_rejects.map((r) => t('import:summary.sample_line', { line: r.line, reason: r.reason })).join(', ');
      const more = summary.rejected > summary.first_rejects.length ? ', …' : '';
      lines.push(`  ${t('import:summary.first_rejected', { sample: `${sample}${more}` })}`);
    }
  }
  if (summary.batch_id !== null) lines.push(c.dim(`  ${t('import:summary.batch', { batch: summary.batch_id, sha256: shortDigest(summary.sha256) })}`));
  ctx.say(lines.join('\n'));
  ctx.result({ ...summary, seconds: Number(seconds.toFixed(3)) });
}
