/** How candidate pairs look to people (terminal) and in the listing file (CSV/JSON for Excel or cron). */
import type { ChalkInstance } from 'chalk';
import type { Table } from '../../export/bundle.js';
import { formatDate } from '../../format/date.js';
import { formatTable } from '../../format/table.js';
import { formatTimestamp } from '../../format/time.js';
import { language, t } from '../../i18n/index.js';
import { maskNiksInText } from '../../nik/nik.js';
import { PAIR_REASONS, type PairReason } from '../../review/reasons.js';
import type { DecideResult, PairView, PersonView } from '../../review/store.js';

/** `name_equal — nama sama …` for each code, in the language in use. */
export function reasonText(code: PairReason): string {
  return `${code} — ${t(`review:reason.${code}`)}`;
}

/** The reasons as one cell: explanations joined. */
export function reasonsCell(codes: readonly PairReason[]): string {
  return codes.map((c) => t(`review:reason.${c}`)).join('; ');
}

export function decisionText(decision: string): string {
  return t(`review:decision.${decision as 'same_person' | 'different' | 'unsure'}`);
}

const nikOf = (p: PersonView, showNik: boolean) => (showNik ? p.nik : p.nik_masked);

/** The pairs as an aligned table, then the meaning of every reason code that appears. */
export function pairsTable(pairs: PairView[], showNik: boolean): string {
  if (pairs.length === 0) return t('review:list.none');
  const rows = pairs.map((p) => ({
    [t('review:column.pair')]: p.id,
    [t('review:column.score')]: p.score,
    [t('review:column.record_a')]: `${nikOf(p.a, showNik)} ${p.a.nama}`,
    [t('review:column.record_b')]: `${nikOf(p.b, showNik)} ${p.b.nama}`,
    [t('review:column.reasons')]: p.reasons.join(', '),
    [t('review:column.decision')]: p.decision ? decisionText(p.decision.decision) : '',
  }));
  const seen = [...new Set(pairs.flatMap((p) => p.reasons))].sort((a, b) => Object.keys(PAIR_REASONS).indexOf(a) - Object.keys(PAIR_REASONS).indexOf(b));
  return [formatTable(rows), '', t('review:list.legend'), ...seen.map((c) => `  ${reasonText(c)}`)].join('\n');
}

/** One pair side by side, for the officer deciding it. */
export function pairCard(c: ChalkInstance, p: PairView, showNik: boolean, tz: string | undefined): string {
  const lang = language();
  const date = (d: string | null) => (d ? formatDate(d, lang) : '');
  const field = (key: string, pick: (x: PersonView) => string | null | undefined) => ({ '': t(`review:field.${key}`), A: pick(p.a) ?? '', B: pick(p.b) ?? '' });
  const rows = [
    field('nik', (x) => nikOf(x, showNik)),
    field('nama', (x) => x.nama),
    field('no_kk', (x) => (showNik || x.no_kk === null ? x.no_kk : maskNiksInText(x.no_kk))),
    field('jenis_kelamin', (x) => x.jenis_kelamin),
    field('tanggal_lahir', (x) => date(x.tanggal_lahir)),
    field('kabupaten', (x) => x.kabupaten),
    field('kecamatan', (x) => x.kecamatan),
    field('desa', (x) => x.desa),
    field('alamat', (x) => x.alamat),
    field('in_dtks', (x) => (x.missing ? t('review:field.missing') : x.in_dtks ? t('review:field.yes') : t('review:field.no'))),
    field('applied', (x) => (x.applied.length > 0 ? x.applied.join(', ') : '—')),
  ];
  const lines = [c.bold(t('review:card.title', { id: p.id, score: p.score })), formatTable(rows), '', t('review:card.reasons')];
  for (const r of p.reasons) lines.push(`  ${PAIR_REASONS[r] < 0 ? c.yellow('−') : c.green('+')} ${reasonText(r)}`);
  if (p.decision) {
    lines.push('', t('review:card.decided', { decision: decisionText(p.decision.decision), operator: p.decision.operator, at: formatTimestamp(p.decision.decided_at, tz, lang) }));
  }
  return lines.join('\n');
}

/** What a decision did, in one or more lines for stderr. */
export function decisionLines(r: DecideResult): string[] {
  const lines = [r.decision === 'same_person'
    ? t('review:decide.same_person', { id: r.pair_id, duplicate: r.duplicate_nik_masked, keep: r.keep_nik_masked })
    : t('review:decide.other', { id: r.pair_id, decision: decisionText(r.decision) })];
  if (r.replaced) lines.push(t('review:decide.replaced', { before: decisionText(r.replaced) }));
  const years = [...new Set(r.rescore.map((x) => x.tahun))];
  for (const tahun of years) lines.push(t('review:decide.rescore', { tahun }));
  for (const s of r.selected_in_final_run) lines.push(t('review:decide.selected', { run: s.run_id, tahun: s.tahun, nik: r.duplicate_nik_masked }));
  return lines;
}

const SIDE = ['nik', 'nama', 'no_kk', 'jenis_kelamin', 'tanggal_lahir', 'kabupaten', 'kecamatan', 'desa', 'alamat', 'daftar'] as const;

/** The listing file: one row per pair, both records, the decision in force. Column names are fixed codes. */
export function pairsFileTable(pairs: PairView[], tz: string | undefined): Table {
  const side = (x: PersonView) => [x.nik, x.nama, x.no_kk, x.jenis_kelamin, x.tanggal_lahir, x.kabupaten, x.kecamatan, x.desa, x.alamat, x.applied.join(' ')];
  return {
    name: 'pasangan-duplikat',
    columns: ['pair_id', 'score', 'reasons', 'alasan', ...SIDE.map((c) => `${c}_a`), ...SIDE.map((c) => `${c}_b`),
      'keputusan', 'keep_nik', 'diputuskan_oleh', 'diputuskan_pada', 'catatan'],
    rows: pairs.map((p) => [
      p.id, p.score, p.reasons.join(','), reasonsCell(p.reasons), ...side(p.a), ...side(p.b),
      p.decision?.decision ?? null, p.decision?.keep_nik ?? null, p.decision?.operator ?? null,
      p.decision ? formatTimestamp(p.decision.decided_at, tz, 'en') : null, p.decision?.note ?? null,
    ]),
  };
}
