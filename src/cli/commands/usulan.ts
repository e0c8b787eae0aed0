/**
 * `uep usulan record`: a finding about a person's registry data (moved, died, no longer poor,
 * wrong data, a poor family missing), stored for the regency's DTSEN proposals;
 * `uep export usulan` (export-usulan.ts) writes them out with the programme's other cases.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { localDate } from '../../dates.js';
import { parseNik } from '../../nik/nik.js';
import { recordFinding } from '../../usulan/record.js';
import { isRecordedTemuan, isSumber, RECORDED_TEMUAN, SUMBER } from '../../usulan/temuan.js';
import type { Run } from '../action.js';
import { dateFlag, kabupatenFlag } from '../flags.js';

export function registerUsulan(program: Command, run: Run): void {
  const usulan = program.command('usulan').description(t('usulan:cli.description'));
  usulan.command('record <nik>')
    .description(t('usulan:cli.record'))
    .requiredOption('--temuan <code>', t('usulan:options.temuan', { codes: RECORDED_TEMUAN.join(', ') }))
    .option('--sumber <source>', t('usulan:options.sumber', { codes: SUMBER.join(', ') }), 'kantor')
    .option('--tanggal <date>', t('usulan:options.tanggal'))
    .option('--petugas <name>', t('usulan:options.petugas'))
    .option('--catatan <text>', t('usulan:options.catatan'))
    .option('--nama <name>', t('usulan:options.nama'))
    .option('--kabupaten <name>', t('usulan:options.kabupaten'))
    .action(run((ctx, [raw], opts) => {
      const parsed = parseNik(String(raw));
      if (!parsed.ok) throw new UsageError(t('usulan:error.bad_nik', { reason: parsed.reason }));
      if (!isRecordedTemuan(opts.temuan)) throw new UsageError(t('usulan:error.bad_temuan', { value: opts.temuan, codes: RECORDED_TEMUAN.join(', ') }));
      if (!isSumber(opts.sumber)) throw new UsageError(t('usulan:error.bad_sumber', { value: opts.sumber, codes: SUMBER.join(', ') }));
      const now = new Date();
      const r = recordFinding(ctx.db(), {
        nik: parsed.nik, temuan: opts.temuan, sumber: opts.sumber, tanggal: dateFlag(opts.tanggal, '--tanggal') ?? localDate(now),
        petugas: (opts.petugas as string | undefined) ?? ctx.operator, catatan: opts.catatan as string | undefined,
        nama: opts.nama as string | undefined, kodeKabupaten: kabupatenFlag(opts.kabupaten), operator: ctx.operator, now,
      });
      ctx.say(t('usulan:recorded', { id: r.id, nik: r.nik_masked, temuan: `${r.temuan} — ${t(`usulan:temuan.${r.temuan}`)}` }));
      ctx.result(r);
      ctx.audit({ finding_id: r.id, temuan: r.temuan, in_registry: r.in_registry }, 1);
    }));
}
