/**
 * `uep appeal record | list | decide`: objections (keberatan) of applicants against a year's
 * result, listed with the explain chain and decided by upholding or correcting (src/appeal/).
 */
import type { Command } from 'commander';
import { parseCorrection } from '../../appeal/corrections.js';
import { decideAppeal } from '../../appeal/decide.js';
import { APPEAL_STATUSES, listAppeals, recordAppeal, type AppealStatus, type AppealView } from '../../appeal/store.js';
import { localDate } from '../../dates.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { parseNik } from '../../nik/nik.js';
import { loadRubric } from '../../rubric/load.js';
import type { Run } from '../action.js';
import { dateFlag, pathFlag, tahunFlag, wholeFlag } from '../flags.js';
import { appealsTable, chainText, decisionLines } from './appeal-format.js';

function nikArgument(raw: unknown, flag: string): string {
  const parsed = parseNik(String(raw));
  if (!parsed.ok) throw new UsageError(t('appeal:error.bad_nik', { flag, reason: parsed.reason }));
  return parsed.nik;
}

const forJson = (a: AppealView, showNik: boolean) => ({ ...a, nik: showNik ? a.nik : a.nik_masked });
const collect = (value: string, all: string[] = []) => [...all, value];

export function registerAppeal(program: Command, run: Run): void {
  const appeal = program.command('appeal').description(t('appeal:cli.description'));

  appeal.command('record <nik>')
    .description(t('appeal:cli.record'))
    .requiredOption('--reason <text>', t('appeal:options.reason'))
    .option('--tahun <year>', t('appeal:options.tahun'))
    .option('--diterima <date>', t('appeal:options.diterima'))
    .action(run((ctx, [raw], opts) => {
      const nik = nikArgument(raw, '<nik>');
      const reason = String(opts.reason).trim();
      if (reason === '') throw new UsageError(t('appeal:error.empty_reason'));
      const now = new Date();
      const r = recordAppeal(ctx.db(), { nik, tahun: tahunFlag(opts), reason, diterima: dateFlag(opts.diterima, '--diterima') ?? localDate(now), operator: ctx.operator, now });
      ctx.say(t('appeal:recorded', { id: r.appeal_id, nik: r.nik_masked, tahun: r.tahun }));
      ctx.say(`  ${chainText(r.chain)}`);
      ctx.result(r);
      ctx.audit({ appeal_id: r.appeal_id, application_id: r.application_id, tahun: r.tahun }, 1);
    }));

  appeal.command('list')
    .description(t('appeal:cli.list'))
    .option('--status <status>', t('appeal:options.status'), 'open')
    .option('--tahun <year>', t('appeal:options.list_tahun'))
    .option('--rubric <file>', t('appeal:options.rubric'))
    .option('--show-nik', t('appeal:options.show_nik'))
    .action(run((ctx, _args, opts) => {
      const status = String(opts.status);
      if (status !== 'all' && !(APPEAL_STATUSES as readonly string[]).includes(status)) {
        throw new UsageError(t('appeal:error.bad_status', { value: status, choices: [...APPEAL_STATUSES, 'all'].join(', ') }));
      }
      const appeals = listAppeals(ctx.db(), { status: status as AppealStatus | 'all', tahun: tahunFlag(opts), rubric: loadRubric(pathFlag(ctx, opts.rubric)) });
      ctx.result({ status, appeals: appeals.map((a) => forJson(a, !!opts.showNik)) });
      ctx.show(appealsTable(appeals, !!opts.showNik));
    }));

  appeal.command('decide <id>')
    .description(t('appeal:cli.decide'))
    .option('--uphold', t('appeal:options.uphold'))
    .option('--correct', t('appeal:options.correct'))
    .option('--set <field=value>', t('appeal:options.set'), collect)
    .option('--note <text>', t('appeal:options.note'))
    .option('--replace <nik>', t('appeal:options.replace'))
    .option('--rubric <file>', t('appeal:options.rubric'))
    .action(run((ctx, [raw], opts) => {
      const id = wholeFlag({ id: raw }, 'id', '<id>', 1)!;
      if (!!opts.uphold === !!opts.correct) throw new UsageError(t('appeal:error.uphold_or_correct'));
      const sets = (opts.set as string[] | undefined) ?? [];
      if (opts.uphold && sets.length > 0) throw new UsageError(t('appeal:error.set_needs_correct'));
      const corrections = sets.map(parseCorrection);
      const replaceNik = opts.replace === undefined ? undefined : nikArgument(opts.replace, '--replace');
      const r = decideAppeal(ctx.db(), {
        id, decision: opts.uphold ? 'upheld' : 'corrected', note: opts.note as string | undefined, corrections, replaceNik,
        rubric: opts.correct ? loadRubric(pathFlag(ctx, opts.rubric)) : undefined, operator: ctx.operator, now: new Date(),
      });
      for (const line of decisionLines(r)) ctx.say(line);
      ctx.result(r);
      ctx.audit({ appeal_id: r.appeal_id, status: r.status, corrected: r.corrected.length, rescored: r.rescored?.scored ?? 0, move_id: r.move_id ?? undefined },
        1 + r.corrected.length + (r.rescored?.scored ?? 0) + (r.replacement ? 1 : 0));
    }));
}
