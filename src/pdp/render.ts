/** The record of processing as text for people (terminal and the --out file), in the language in use. */
import { formatTable } from '../format/table.js';
import { formatTimestamp } from '../format/time.js';
import { language, t } from '../i18n/index.js';
import type { PdpRecord } from './record.js';

export function renderPdp(r: PdpRecord, timeZone: string | undefined): string {
  const lang = language();
  const at = (iso: string | null) => (iso === null ? '' : formatTimestamp(iso, timeZone, lang));
  const table = (rows: Record<string, unknown>[], keys: Record<string, string>) =>
    formatTable(rows, Object.keys(keys), { headings: keys, lang, empty: t('pdp:none') });
  const yes = (b: boolean | null) => (b === null ? '—' : b ? t('pdp:yes') : t('pdp:no'));
  const c = r.config;
  const persons = r.categories.find((x) => x.category === 'identitas')!.records;
  const specific = r.categories.filter((x) => x.specific).reduce((s, x) => s + x.records, 0);
  const scored = r.decisions.scores_by_tahun.reduce((s, x) => s + x.scored, 0);
  const lines = [
    t('pdp:title'), t('pdp:generated', { at: at(r.generated_at), file: c.file }), '',
    t('pdp:section.controller'),
    `  ${t('pdp:controller.nama', { nama: c.pengendali.nama })}`, `  ${t('pdp:controller.unit', { unit: c.pengendali.unit })}`,
    `  ${t('pdp:controller.kontak', { kontak: c.pengendali.kontak })}`, `  ${t('pdp:controller.tujuan')}`, ...c.tujuan.map((x) => `    - ${x}`), '',
    t('pdp:section.categories'),
    table(r.categories.map((x) => ({ kategori: `${x.category} — ${t(`pdp:category.${x.category}`)}`, spesifik: yes(x.specific), catatan: x.records, kolom: x.fields.join(', ') })),
      { kategori: t('pdp:col.category'), spesifik: t('pdp:col.specific'), catatan: t('pdp:col.records'), kolom: t('pdp:col.fields') }), '',
    t('pdp:section.sources'),
    table(r.sources.map((s) => ({ jenis: s.kind, berkas: s.file_name, sha256: `${s.sha256.slice(0, 12)}…`, waktu: at(s.started_at), dibaca: s.read, baru: s.inserted, diubah: s.updated, ditolak: s.rejected })),
      { jenis: t('pdp:col.kind'), berkas: t('pdp:col.file'), sha256: 'sha256', waktu: t('pdp:col.at'), dibaca: t('pdp:col.read'), baru: t('pdp:col.inserted'), diubah: t('pdp:col.updated'), ditolak: t('pdp:col.rejected') }), '',
    t('pdp:section.decisions'),
    table(r.decisions.rubrics.map((x) => ({ versi: x.version, sha256: `${x.sha256.slice(0, 12)}…`, sejak: at(x.first_used_at), skor: x.scores })),
      { versi: t('pdp:col.rubric'), sha256: 'sha256', sejak: t('pdp:col.first_used'), skor: t('pdp:col.scores') }), '',
    table(r.decisions.scores_by_tahun.map((x) => ({ tahun: String(x.tahun), dinilai: x.scored, memenuhi: x.eligible })),
      { tahun: t('pdp:col.tahun'), dinilai: t('pdp:col.scored'), memenuhi: t('pdp:col.eligible') }), '',
    table(r.decisions.runs.map((x) => ({ run: x.id, tahun: String(x.tahun), status: x.status, dibuat: at(x.created_at), final: at(x.finalized_at), input: `${x.inputs_sha256.slice(0, 12)}…`, rubrik: x.rubric_version ?? '', terpilih: x.selected, diganti: x.replaced })),
      { run: t('pdp:col.run'), tahun: t('pdp:col.tahun'), status: t('pdp:col.status'), dibuat: t('pdp:col.created'), final: t('pdp:col.finalized'), input: t('pdp:col.inputs'), rubrik: t('pdp:col.rubric'), terpilih: t('pdp:col.selected'), diganti: t('pdp:col.replaced') }), '',
    t('pdp:matching', { ...r.matching }), '',
    t('pdp:section.operators'),
    table(r.operators.map((x) => ({ operator: x.operator, perintah: x.command, kali: x.runs, pertama: at(x.first), terakhir: at(x.last) })),
      { operator: t('pdp:col.operator'), perintah: t('pdp:col.command'), kali: t('pdp:col.runs'), pertama: t('pdp:col.first'), terakhir: t('pdp:col.last') }), '',
    t('pdp:section.disclosures'),
    table(r.disclosures.map((x) => ({ waktu: at(x.at), operator: x.operator, perintah: x.command, berkas: x.files, disamarkan: yes(x.nik_masked) })),
      { waktu: t('pdp:col.at'), operator: t('pdp:col.operator'), perintah: t('pdp:col.command'), berkas: t('pdp:col.files'), disamarkan: t('pdp:col.masked') }), '',
    t('pdp:section.objections'), `  ${t('pdp:objections', { ...r.objections })}`, '',
    t('pdp:section.retention'),
    table(r.retention.map((x) => ({ aturan: `${x.rule} — ${t(`pdp:retention.${x.rule}`)}`, tahun: x.years, disimpan: x.held, lewat: x.due })),
      { aturan: t('pdp:col.rule'), tahun: t('pdp:col.years'), disimpan: t('pdp:col.held'), lewat: t('pdp:col.due') }),
    `  ${t('pdp:retention_note')}`, '',
    t('pdp:section.impact'),
    `  - ${t('pdp:impact.scoring', { n: scored, runs: r.decisions.runs.length })}`,
    `  - ${t('pdp:impact.matching', { pkh: r.matching.pkh_in_dtks, pairs: r.matching.duplicate_pairs })}`,
    `  - ${t('pdp:impact.specific', { n: specific })}`,
    `  - ${t('pdp:impact.scale', { n: persons })}`,
  ];
  return lines.join('\n');
}
