/** What `uep allocate verify` says about a run, one full sentence per line (stderr talk), and its examples table. */
import type { InputChange } from '../../allocate/input-changes.js';
import type { ResultSummary, VerifyReport } from '../../allocate/verify.js';
import { num, rupiah } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { language, t } from '../../i18n/index.js';
import { nama, outcomeText, resultReasonText, runStatusText } from './allocate-report.js';

const ids = (c: InputChange) => `${c.application_ids.join(', ')}${c.applicants > c.application_ids.length ? ', …' : ''}`;

const CHANGE: Record<InputChange['field'], string> = {
  joined_pool: 'allocate:verify.change.joined_pool',
  left_pool: 'allocate:verify.change.left_pool',
  pkh: 'allocate:verify.change.pkh',
  desil: 'allocate:verify.change.desil',
  total_score: 'allocate:verify.change.total_score',
  kode_kabupaten: 'allocate:verify.change.kode_kabupaten',
  no_kk: 'allocate:verify.change.no_kk',
  tanggal_daftar: 'allocate:verify.change.tanggal_daftar',
  jenis_usaha: 'allocate:verify.change.jenis_usaha',
  jenis_kelamin: 'allocate:verify.change.jenis_kelamin',
  nik: 'allocate:verify.change.nik',
  application_id: 'allocate:verify.change.application_id',
};

export function verifyLines(v: VerifyReport): string[] {
  const lines: string[] = [];
  if (v.inputs_unchanged) lines.push(t('allocate:verify.unchanged'));
  else {
    lines.push(t('allocate:verify.changed', { stored: v.stored_inputs_sha256.slice(0, 12), now: v.current_inputs_sha256.slice(0, 12) }));
    if (v.earlier_pkh_rule) lines.push(t('allocate:verify.earlier_pkh', { run: v.run_id }));
    if (v.rubric_changed) lines.push(t('allocate:verify.rubric_changed'));
    lines.push(...v.input_changes.map((c) => t(CHANGE[c.field], { n: num(c.applicants), ids: ids(c) })));
    if (!v.pool_stored && !v.earlier_pkh_rule) {
      lines.push(v.input_changes.length === 0 && !v.rubric_changed
        ? t('allocate:verify.old_run_unkept', { run: v.run_id })
        : t('allocate:verify.old_run_maybe', { run: v.run_id }));
    }
  }
  if (!v.identical) lines.push(t('allocate:verify.differ', { run: v.run_id, n: num(v.differences) }));
  else if (v.replacements_replayed) lines.push(t('allocate:verify.identical_replayed', { run: v.run_id, status: runStatusText(v.status), n: num(v.replacements_replayed) }));
  else lines.push(t('allocate:verify.identical', { run: v.run_id, status: runStatusText(v.status) }));
  return lines;
}

function resultText(r: ResultSummary | null): string {
  if (!r) return t('allocate:verify.absent');
  const parts = [outcomeText(r.outcome), resultReasonText(r.reason), t('allocate:verify.rank', { rank: num(r.rank) })];
  if (r.waitlist_pos) parts.push(t('allocate:verify.waitlist_pos', { pos: r.waitlist_pos }));
  parts.push(t('allocate:verify.score', { score: num(r.total_score) }), rupiah(r.package_value));
  return parts.join(' · ');
}

/** The first differing rows: application id, regency, stored and recomputed. */
export function examplesTable(v: VerifyReport): string {
  const headings = {
    application_id: t('allocate:verify.col.application_id'), kabupaten: t('allocate:verify.col.kabupaten'),
    stored: t('allocate:verify.col.stored'), recomputed: t('allocate:verify.col.recomputed'),
  };
  return formatTable(v.examples.map((e) => ({
    application_id: String(e.application_id), kabupaten: nama(e.kode_kabupaten), stored: resultText(e.stored_result), recomputed: resultText(e.recomputed_result),
  })), undefined, { headings, lang: language() });
}
