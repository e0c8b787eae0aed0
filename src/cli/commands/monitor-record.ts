import type { Command } from 'commander';
import { localDate } from '../../dates.js';
import { UepError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { parseTanggal } from '../../import/values.js';
import { findBeneficiaries } from '../../monitor/find.js';
import { recordSubject, recordVisit, type RecordSubject } from '../../monitor/record.js';
import type { VisitCells } from '../../monitor/visit-check.js';
import { visitExists } from '../../monitor/visit-store.js';
import { KENDALA, parseOmzet, RUJUKAN, STATUS_USAHA } from '../../monitor/visit-values.js';
import type { Prompter } from '../../prompter.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { prompters } from '../prompts.js';

const OTHER = '\u0000other';

/** Asks for one visit. Returns null when the officer declines to save at the end. */
export async function askVisit(ask: Prompter, subject: RecordSubject, today: string): Promise<VisitCells | null> {
  const tanggal = await ask.input({
    message: 'Tanggal kunjungan (visit date)', default: today,
    validate: (v) => {
      const t = parseTanggal(v);
      if (!t) return 'a date like 2025-06-01 or 01-06-2025';
      if (t > today) return 'the visit date cannot be in the future';
      if (subject.tanggal_hibah && t < subject.tanggal_hibah) return `the grant was on ${subject.tanggal_hibah}`;
      return true;
    },
  });
  let petugas = OTHER;
  if (subject.monitors.length > 0) {
    petugas = await ask.select({
      message: 'Petugas (field worker)',
      choices: [...subject.monitors.map((m) => ({ name: `${m.id} ${m.nama} (${m.peran})`, value: m.id })), { name: 'another (type the id)', value: OTHER }],
    });
  }
  if (petugas === OTHER) petugas = await ask.input({ message: 'Petugas id', validate: (v) => (v.trim() !== '' || 'the field worker\'s id') });
  const status = await ask.select({ message: 'Status usaha', choices: STATUS_USAHA.map((s) => ({ name: s, value: s as string })) });
  const omzet = await ask.input({ message: 'Omzet bulanan (Rp, empty if unknown)', validate: (v) => (parseOmzet(v) !== undefined || 'whole rupiah, e.g. 750000') });
  const kendala = await ask.checkbox({ message: 'Kendala', choices: KENDALA.map((k) => ({ name: k, value: k as string })) });
  const tindak = await ask.input({ message: 'Tindak lanjut (follow-up, optional)' });
  const rujukan = await ask.checkbox({ message: 'Rujukan pelatihan (referral, optional)', choices: RUJUKAN.map((r) => ({ name: r, value: r as string })) });
  const cells: VisitCells = {
    nik: subject.nik, tanggal_kunjungan: tanggal, petugas, status_usaha: status, omzet_bulanan: omzet,
    kendala: kendala.join(','), tindak_lanjut: tindak, rujukan: rujukan.join(','),
  };
  return (await ask.confirm({ message: 'Save this visit?', default: true })) ? cells : null;
}

/** The command's work, with the prompts passed in (tests drive it with a scripted Prompter). Ctrl-C (PromptCancelled) saves nothing. */
export async function recordInteractively(ctx: CliContext, nikArg: string, ask: Prompter): Promise<void> {
  const db = ctx.db();
  const subject = recordSubject(db, nikArg);
  const { c } = ctx;
  ctx.say([
    `${c.bold(subject.nik_masked)} ${subject.nama} · ${[subject.desa, subject.kecamatan].filter(Boolean).join(', ')} · ${subject.jenis_usaha ?? ''}`,
    `  grant ${subject.tanggal_hibah ?? 'unknown'} · earlier visits: ${subject.visits.map((v) => `${v.tanggal_kunjungan} ${v.status_usaha}`).join(', ') || 'none'}`,
  ].join('\n'));
  const cells = await askVisit(ask, subject, localDate(new Date()));
  const date = cells ? parseTanggal(cells.tanggal_kunjungan)! : '';
  const exists = cells !== null && visitExists(db, subject.nik, date);
  const replace = exists && await ask.confirm({ message: `A visit on ${date} is already recorded. Replace it?`, default: false });
  if (!cells || (exists && !replace)) {
    ctx.say('Not saved.');
    return;
  }
  const r = recordVisit(db, cells, { replace, now: new Date() });
  ctx.say(`Saved: ${subject.nik_masked} ${r.visit.tanggal_kunjungan} ${r.visit.status_usaha}${r.visit.warnings.length ? ` (warnings: ${r.visit.warnings.join(', ')})` : ''}`);
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
      if (!ctx.interactive) {
        throw new UsageError('`uep monitor record` asks its questions on a terminal; to enter visits from a file or unattended, use `uep monitor import <file>`');
      }
      await recordInteractively(ctx, nik, ask());
    }));
}
