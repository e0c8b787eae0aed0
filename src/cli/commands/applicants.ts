import type { Command } from 'commander';
import { APPLICANTS_IMPORT } from '../../applicants/import.js';
import { APPLICANT_STATUSES, latestTahun, listApplicants, statusCounts, type ApplicantStatus } from '../../applicants/list.js';
import { UsageError } from '../../errors.js';
import { formatTable } from '../../format/table.js';
import { runImport } from '../../import/pipeline.js';
import { maskNik } from '../../nik/nik.js';
import type { Run } from '../action.js';
import { kabupatenFlag, tahunFlag } from '../flags.js';
import { importFlags, runFileImport } from '../import-run.js';

export function registerApplicants(program: Command, run: Run): void {
  const group = program.command('applicants').description('registrations for a programme year: import them, list them');

  const imp = group
    .command('import <file>')
    .description('import registrations (nik, jenis_usaha, tanggal_daftar; optional no_hp, keterangan) for a programme year')
    .option('--tahun <year>', 'programme year of the applications (default: the current year)');
  importFlags(imp, APPLICANTS_IMPORT.fields.map((f) => f.field)).action(run(async (ctx, [file], opts) => {
    const tahun = tahunFlag(opts) ?? new Date().getFullYear();
    await runFileImport(ctx, file, opts, APPLICANTS_IMPORT.kind, (path, o) => runImport(ctx.db(), path, APPLICANTS_IMPORT, { ...o, tahun }));
  }));

  group
    .command('list')
    .description('applications of a year with their status: registered, assessed, eligible or ineligible (NIKs masked)')
    .option('--tahun <year>', 'programme year (default: the latest year with applications)')
    .option('--kabupaten <name>', 'only this regency (name or Kemendagri code)')
    .option('--status <status>', `only this status: ${APPLICANT_STATUSES.join(', ')}`)
    .option('--show-nik', 'show full NIKs (personal data: only where the screen is private)')
    .action(run((ctx, _args, opts) => {
      const status = opts.status as string | undefined;
      if (status !== undefined && !(APPLICANT_STATUSES as readonly string[]).includes(status)) {
        throw new UsageError(`--status ${status}: expected one of ${APPLICANT_STATUSES.join(', ')}`);
      }
      const db = ctx.db();
      const tahun = tahunFlag(opts) ?? latestTahun(db);
      const rows = listApplicants(db, { tahun, kabupaten: kabupatenFlag(opts.kabupaten), status: status as ApplicantStatus | undefined });
      const shown = rows.map((r) => ({ ...r, nik: opts.showNik ? r.nik : maskNik(r.nik) }));
      ctx.result({ tahun, count: rows.length, by_status: statusCounts(rows), applicants: shown });
      ctx.show(formatTable(shown.map((r) => ({
        nik: r.nik, nama: r.nama, kabupaten: r.kabupaten, jenis_usaha: r.jenis_usaha, tanggal_daftar: r.tanggal_daftar,
        status: r.status, disepakati: r.jenis_usaha_disepakati, total: r.total_score,
      }))));
      const counts = Object.entries(statusCounts(rows)).map(([k, v]) => `${k} ${v}`).join(', ');
      ctx.say(`${rows.length} application(s) of ${tahun}: ${counts}`);
    }));
}
