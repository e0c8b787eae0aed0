/** Section 6: what the allocation can be recomputed from: run, inputs hash, rubric, seed, parameters. */
import { runParams } from '../../allocate/store.js';
import { formatTimestamp } from '../../format/time.js';
import { language, t } from '../../i18n/index.js';
import { formatDate } from '../../format/date.js';
import { esc, num, table, text, type Row } from './cells.js';
import type { ReportData } from './data.js';
import { emptySection, section, type Section } from './section.js';

export function reproducibilitySection(d: ReportData, version: string): Section {
  const title = t('report_html:reproducibility.title');
  const run = d.runRow;
  if (!run) return emptySection('reproduksi', title, t('report_html:allocation.none'));
  const lang = language();
  const p = runParams(run);
  const entries: [string, string][] = [
    ['run_id', String(run.id)],
    ['status', t(run.status === 'final' ? 'report_html:reproducibility.final' : 'report_html:reproducibility.draft')],
    ['tahun', String(run.tahun)],
    ['method', p.method],
    ['slots', num(p.slots)],
    ['seed', run.seed],
    ['inputs_sha256', run.inputs_sha256],
    ['rubric_version', run.rubric_version ?? '–'],
    ['rubric_sha256', run.rubric_sha256 ?? '–'],
    ['created_at', formatTimestamp(run.created_at, d.timeZone, lang)],
    ['finalized_at', run.finalized_at ? formatTimestamp(run.finalized_at, d.timeZone, lang) : '–'],
    ['as_of', formatDate(d.asOf, lang, 'long')],
    ['generated_at', formatTimestamp(d.now.toISOString(), d.timeZone, lang)],
    ['uep_version', version],
  ];
  const rows: Row[] = entries.map(([code, value]) => ({ key: code, cells: [text(t(`report_html:reproducibility.row.${code}`)), text(value)] }));
  const html = `<div class="repro">${table([{ code: 'nama', title: t('report_html:reproducibility.col.nama') }, { code: 'nilai', title: t('report_html:reproducibility.col.nilai') }], rows)}</div>`
    + `<p class="note">${esc(t('report_html:reproducibility.verify', { command: `uep allocate verify ${run.id}` }))}</p>`;
  const s = section('reproduksi', title, [t('report_html:reproducibility.lead')], [html]);
  return { ...s, charts: 0 };
}
