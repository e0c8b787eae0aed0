import type { Command } from 'commander';
import { localDate } from '../../dates.js';
import { UepError, UsageError } from '../../errors.js';
import { formatDate } from '../../format/date.js';
import { language, t } from '../../i18n/index.js';
import { parseTanggal } from '../../import/values.js';
import { findBeneficiaries } from '../../monitor/find.js';
import { explainWarning } from '../../monitor/reasons.js';
import { recordSubject, recordVisit, type RecordSubject } from '../../monitor/record.js';
import type { VisitCells } from '../../monitor/visit-check.js';
import { visitExists } from '../../monitor/visit-store.js';
import { KENDALA, parseOmzet, RUJUKAN, STATUS_USAHA } from '../../monitor/visit-values.js';
import { checkboxConfirmingNone, type Prompter } from '../../prompter.js';
import { jenisLabel, kendalaLabel, rujukanLabel } from '../../report/html/labels.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { prompters } from '../prompts.js';

const OTHER = '\u0000other';

/** A status code with what it means: `berjalan — usaha berjalan seperti biasa`. */
const statusChoice = (s: string) => ({ name: t('monitor:explained', { code: s, text: t(`monitor:status.${s}`) }), value: s });

/** Asks for one visit (kendala and rujukan left empty are confirmed as none). Returns null when the officer declines to save at the end. */
export async function askVisit(ask: Prompter, subject: RecordSubject, today: string): Promise<VisitCells | null> {
  const tanggal = await ask.input({
    message: t('monitor:record.tanggal'), default: formatDate(today, language()),
    validate: (v) => {
      const d = parseTanggal(v.trim());
      if (!d) return t('monitor:record.tanggal_invalid');
      if (d > today) return t('monitor:record.tanggal_future');
      if (subject.tanggal_hibah && d < subject.tanggal_hibah) return t('monitor:record.tanggal_before_grant', { tanggal: subject.tanggal_hibah });
      return true;
    },
  });
  let petugas = OTHER;
  if (subject.monitors.length > 0) {
    petugas = await ask.select({
      message: t('monitor:record.petugas'),
      choices: [...subject.monitors.map((m) => ({ name: `${m.id} ${m.nama} (${m.peran})`, value: m.id })), { name: t('monitor:record.petugas_lain'), value: OTHER }],
    });
  }
  if (petugas === OTHER) petugas = await ask.input({ message: t('monitor:record.petugas_id'), validate: (v) => (v.trim() !== '' || t('monitor:record.petugas_required')) });
  const status = await ask.select({ message: t('monitor:record.status'), choices: STATUS_USAHA.map(statusChoice) });
  const omzet = await ask.input({ message: t('monitor:record.omzet'), validate: (v) => (parseOmzet(v) !== undefined || t('monitor:record.omzet_invalid')) });
  const kendala = await checkboxConfirmingNone(ask, { message: t('monitor:record.kendala'), choices: KENDALA.map((k) => ({ name: kendalaLabel(k), value: k as string })) });
  const tindak = await ask.input({ message: t('monitor:record.tindak_lanjut') });
  const rujukan = await checkboxConfirmingNone(ask, { message: t('monitor:record.rujukan'), choices: RUJUKAN.map((r) => ({ name: rujukanLabel(r), value: r as string })) });
  const cells: VisitCells = {
    nik: subject.nik, tanggal_kunjungan: tanggal.trim(), petugas, status_usaha: status, omzet_bulanan: omzet,
    kendala: kendala.join(','), tindak_lanjut: tindak, rujukan: rujukan.join(','),
  };
  return (await ask.confirm({ message: t('monitor:record.save'), default: true })) ? cells : null;
}

/** Who the visit is about, and what is known already: for the officer, before the questions. */
function subjectLines(ctx: CliContext, subject: RecordSubject): string {
  const place = [subject.desa, subject.kecamatan].filter(Boolean).join(', ');
  const jenis = subject.jenis_usaha ? jenisLabel(subject.jenis_usaha) : '';
  const visits = subject.visits.map((v) => `${formatDate(v.tanggal_kunjungan, language())} ${v.status_usaha}`).join(', ');
  return [
    `${ctx.c.bold(subject.nik_masked)} ${subject.nama} · ${place} · ${jenis}`,
    `  ${t('monitor:record.history', {
      grant: subject.tanggal_hibah ? formatDate(subject.tanggal_hibah, language()) : t('monitor:record.unknown'),
      visits: visits || t('monitor:record.none'),
    })}`,
  ].join('\n');
}

/** The command's work, with the prompts passed in (tests drive it with a scripted Prompter). Ctrl-C (PromptCancelled) saves nothing. */
export async function recordInteractively(ctx: CliContext, nikArg: string, ask: Prompter): Promise<void> {
  const db = ctx.db();
  const subject = recordSubject(db, nikArg);
  ctx.say(subjectLines(ctx, subject));
  const cells = await askVisit(ask, subject, localDate(new Date()));
  const date = cells ? parseTanggal(cells.tanggal_kunjungan)! : '';
  const exists = cells !== null && visitExists(db, subject.nik, date);
  const replace = exists && await ask.confirm({ message: t('monitor:record.replace', { tanggal: date }), default: false });
  if (!cells || (exists && !replace)) {
    ctx.say(t('monitor:record.not_saved'));
    return;
  }
  const r = recordVisit(db, cells, { replace, now: new Date() });
  const saved = { nik: subject.nik_masked, tanggal: r.visit.tanggal_kunjungan, status: r.visit.status_usaha };
  ctx.say(r.visit.warnings.length === 0
    ? t('monitor:record.saved', saved)
    : t('monitor:record.saved_with_warnings', { ...saved, warnings: r.visit.warnings.map(explainWarning).join('; ') }));
  ctx.result({ tanggal_kunjungan: r.visit.tanggal_kunjungan, status_usaha: r.visit.status_usaha, inserted: r.inserted, updated: r.updated, warnings: r.visit.warnings });
  ctx.audit({ inserted: r.inserted, updated: r.updated }, r.inserted + r.updated);
}

/**
 * The beneficiary the officer means: id_penerima, masked NIK, name or full NIK; several matches are
 * picked from a list on a terminal, and without one the error lists their id_penerima (never names).
 */
export async function chooseBeneficiary(ctx: CliContext, query: string, ask: () => Prompter): Promise<string> {
  const found = findBeneficiaries(ctx.db(), query);
  if (found.length === 0) throw new UepError(t('field:record.none'), t('field:record.none_hint'));
  if (found.length === 1) return found[0]!.nik;
  if (!ctx.interactive) {
    const list = found.slice(0, 20).map((c) => `${c.id_penerima} (${c.nik_masked})`).join(', ');
    throw new UepError(t('field:record.several', { count: found.length, list }), t('field:record.several_hint', { id: found[0]!.id_penerima }));
  }
  return ask().select({
    message: t('field:record.pick', { count: found.length }),
    choices: found.map((c) => ({ value: c.nik, name: `${c.id_penerima} · ${c.nik_masked} · ${c.nama} · ${[c.desa, c.kecamatan].filter(Boolean).join(', ')}` })),
  });
}

export function registerMonitorRecord(monitor: Command, run: Run): void {
  monitor.command('record <penerima>')
    .description(t('field:record.description'))
    .action(run(async (ctx, [query]) => {
      let prompter: Prompter | undefined;
      const ask = () => (prompter ??= prompters.create(ctx));
      const nik = await chooseBeneficiary(ctx, String(query), ask);
      if (!ctx.interactive) throw new UsageError(t('monitor:record.needs_terminal'));
      await recordInteractively(ctx, nik, ask());
    }));
}
