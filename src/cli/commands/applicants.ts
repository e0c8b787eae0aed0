import type { Command } from 'commander';
import { APPLICANTS_IMPORT } from '../../applicants/import.js';
import { APPLICANT_STATUSES, latestTahun, listApplicants, statusCounts, type ApplicantStatus } from '../../applicants/list.js';
import { UsageError } from '../../errors.js';
import { formatTable } from '../../format/table.js';
import { t } from '../../i18n/index.js';
import { explained } from '../../import/reasons.js';
import { runImport } from '../../import/pipeline.js';
import { maskNik } from '../../nik/nik.js';
import type { Run } from '../action.js';
import { kabupatenFlag, tahunFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';

export function registerApplicants(program: Command, run: Run): void {
  const group = program.command('applicants').description(t('applicants:help.applicants'));

  const imp = group
    .command('import <file>')
    .description(t('applicants:help.import'))
    .option('--tahun <year>', t('applicants:help.import_tahun'));
  importFlags(imp, APPLICANTS_IMPORT.fields.map((f) => f.field)).action(run(async (ctx, [file], opts) => {
    const tahun = tahunFlag(opts) ?? new Date().getFullYear();
    await runFileImport(ctx, file, opts, APPLICANTS_IMPORT.kind, (path, o) => runImport(ctx.db(), path, APPLICANTS_IMPORT, { ...o, tahun }));
  }));

  group
    .command('list')
    .description(t('applicants:help.list'))
    .option('--tahun <year>', t('applicants:help.tahun'))
    .option('--kabupaten <name>', t('applicants:help.kabupaten'))
    .option('--status <status>', t('applicants:help.status', { statuses: APPLICANT_STATUSES.join(', ') }))
    .option('--show-nik', t('applicants:help.show_nik'))
    .action(run((ctx, _args, opts) => {
      const status = opts.status as string | undefined;
      if (status !== undefined && !(APPLICANT_STATUSES as readonly string[]).includes(status)) {
        throw new UsageError(t('applicants:bad_status', { value: status, statuses: APPLICANT_STATUSES.join(', ') }));
      }
      const db = ctx.db();
      const tahun = tahunFlag(opts) ?? latestTahun(db);
      const rows = listApplicants(db, { tahun, kabupaten: kabupatenFlag(opts.kabupaten), status: status as ApplicantStatus | undefined });
      const shown = rows.map((r) => ({ ...r, nik: opts.showNik ? r.nik : maskNik(r.nik) }));
      ctx.result({ tahun, count: rows.length, by_status: statusCounts(rows), applicants: shown });
      ctx.show(formatTable(shown.map((r) => ({
        nik: r.nik, nama: r.nama, kabupaten: r.kabupaten, jenis_usaha: r.jenis_usaha, tanggal_daftar: r.tanggal_daftar,
        status: r.status, disepakati: r.jenis_usaha_disepakati, total: r.total_score,
      })), undefined, { empty: t('applicants:none') }));
      // Each status present, with what it means: `12 eligible — dinilai memenuhi syarat`.
      const counts = Object.entries(statusCounts(rows)).filter(([, v]) => v > 0)
        .map(([k, v]) => t('applicants:status_count', { status: explained(k, (code) => t(`explain:status.${code}`)), n: v })).join('; ');
      ctx.say(rows.length === 0 ? t('applicants:listed_none', { tahun }) : t('applicants:listed', { count: rows.length, tahun, counts }));
    }));
}
