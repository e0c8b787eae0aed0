/** How appeals read for people: the list with the explain chain, and what a decision did. */
import type { AppealChain } from '../../appeal/chain.js';
import type { DecideAppealResult } from '../../appeal/decide.js';
import { APPEAL_STATUSES, type AppealView } from '../../appeal/store.js';
import type { Outcome } from '../../allocate/types.js';
import { day, num } from '../../format/people.js';
import { formatTable } from '../../format/table.js';
import { language, t } from '../../i18n/index.js';
import { nama, outcomeText } from './allocate-report.js';
import { explained, reasonText } from './score-format.js';

const score = (v: number | null) => (v === null ? '—' : num(v));

/** eligible, or the failed rules' codes; not scored yet. */
function eligibility(c: AppealChain): string {
  if (c.eligible === null) return t('appeal:chain.not_scored');
  return c.eligible ? t('appeal:chain.eligible') : c.reasons.join(', ');
}

/** The chain in one line: eligibility, score, rank, cut-off, outcome. */
export function chainText(c: AppealChain): string {
  return t('appeal:chain.text', {
    eligibility: eligibility(c), score: score(c.total_score), rank: c.rank === null ? '—' : num(c.rank), cutoff: score(c.cutoff_score),
    outcome: c.outcome === null ? '—' : c.outcome,
  });
}

export function appealsTable(appeals: AppealView[], showNik: boolean): string {
  if (appeals.length === 0) return t('appeal:list.none');
  const rows = appeals.map((a) => ({
    id: a.id, nik: showNik ? a.nik : a.nik_masked, nama: a.nama, kabupaten: nama(a.kode_kabupaten), tahun: String(a.tahun), diterima: day(a.diterima),
    status: a.status, rules: eligibility(a.chain), score: score(a.chain.total_score), rank: a.chain.rank === null ? '—' : num(a.chain.rank),
    cutoff: score(a.chain.cutoff_score), outcome: a.chain.outcome ?? '—',
  }));
  const headings = {
    id: t('appeal:col.id'), nik: 'NIK', nama: t('appeal:col.nama'), kabupaten: t('appeal:col.kabupaten'), tahun: t('appeal:col.tahun'), diterima: t('appeal:col.diterima'),
    status: t('appeal:col.status'), rules: t('appeal:col.rules'), score: t('appeal:col.score'), rank: t('appeal:col.rank'), cutoff: t('appeal:col.cutoff'), outcome: t('appeal:col.outcome'),
  };
  const lines = [formatTable(rows, undefined, { headings, lang: language() })];
  const reasons = [...new Set(appeals.flatMap((a) => a.chain.reasons))].sort();
  const outcomes = [...new Set(appeals.map((a) => a.chain.outcome).filter((o): o is string => o !== null))].sort();
  const statuses = APPEAL_STATUSES.filter((x) => appeals.some((a) => a.status === x));
  lines.push('', t('appeal:list.legend'), ...statuses.map((x) => `  ${explained(x, t(`appeal:status.${x}`))}`),
    ...reasons.map((r) => `  ${reasonText(r)}`), ...outcomes.map((o) => `  ${outcomeText(o as Outcome)}`));
  lines.push('', t('appeal:list.reasons'), ...appeals.map((a) => `  ${t('appeal:list.reason', { id: a.id, reason: a.reason })}`));
  return lines.join('\n');
}

export function decisionLines(r: DecideAppealResult): string[] {
  const lines = [r.status === 'upheld' ? t('appeal:decide.upheld', { id: r.appeal_id }) : t('appeal:decide.corrected', { id: r.appeal_id })];
  for (const c of r.corrected) lines.push(`  ${t('appeal:decide.field', { field: c.field, before: c.before ?? '—', after: c.after })}`);
  if (r.rescored) lines.push(`  ${t('appeal:decide.rescored', { tahun: r.rescored.tahun, scored: num(r.rescored.scored), eligible: num(r.rescored.eligible) })}`);
  lines.push(`  ${t('appeal:decide.before', { chain: chainText(r.before) })}`, `  ${t('appeal:decide.after', { chain: chainText(r.after) })}`);
  if (r.corrected.length > 0) lines.push(`  ${t('appeal:decide.usulan', { n: r.finding_ids.length })}`);
  if (r.replacement) {
    const p = r.replacement;
    const said = { run: p.run_id, replaced: p.replaced.nik_masked, promoted: p.promoted?.nik_masked, move: r.move_id ?? '' };
    const key = !p.promoted ? 'replaced_nobody' : p.promoted.by === 'appeal' ? 'replaced_appellant' : 'replaced';
    lines.push(`  ${t(`appeal:decide.${key}`, said)}`);
  } else if (r.final_run?.reaches_cutoff && r.final_run.outcome !== 'selected') {
    lines.push(`  ${t('appeal:decide.reaches_final', { run: r.final_run.run_id, cutoff: score(r.final_run.cutoff_score) })}`);
  }
  return lines;
}
