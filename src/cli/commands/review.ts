/**
 * `uep review duplicates | list | decide`: likely duplicates in the registry, found by a scan and
 * decided by a person (src/review/). A record judged another's duplicate is excluded from
 * allocation by the eligibility rule `duplicate` once the year is scored again.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { writeBundle } from '../../export/bundle.js';
import { displayPath } from '../../fsutil/display.js';
import { t } from '../../i18n/index.js';
import { maskNiksInText } from '../../nik/nik.js';
import { reviewPairs, type ReviewOutcome } from '../../review/interactive.js';
import { DEFAULT_MIN_SCORE, isDecision } from '../../review/reasons.js';
import { scanDuplicates } from '../../review/scan.js';
import { decidePair, listPairs, pairById, savePairs, type PairStatus, type PairView, type PersonView } from '../../review/store.js';
import type { Run } from '../action.js';
import type { CliContext } from '../context.js';
import { bundleFileOptions, fileFormatFlag, outDirFlag, tahunFlag, wholeFlag } from '../flags.js';
import { prompters } from '../prompts.js';
import { decisionLines, pairCard, pairsFileTable, pairsTable } from './review-format.js';

const STATUSES: PairStatus[] = ['open', 'unsure', 'decided', 'all'];

const maskedSide = (x: PersonView): PersonView => ({ ...x, nik: x.nik_masked, no_kk: x.no_kk === null ? null : maskNiksInText(x.no_kk) });

/** Pairs for --json: NIKs and family card numbers masked unless --show-nik. */
function forJson(pairs: PairView[], showNik: boolean): PairView[] {
  return showNik ? pairs : pairs.map((p) => ({ ...p, a: maskedSide(p.a), b: maskedSide(p.b),
    decision: p.decision && { ...p.decision, keep_nik: p.decision.keep_nik === null ? null : p.decision.keep_nik === p.a.nik ? p.a.nik_masked : p.b.nik_masked } }));
}

interface Written {
  dir: string;
  files: number;
  nik_masked: boolean;
}

/** Shows the pairs (table, or --json) and writes the listing folder with --out; returns what it wrote. */
async function showPairs(ctx: CliContext, pairs: PairView[], opts: Record<string, unknown>, doc: Record<string, unknown>, tahun: number | undefined): Promise<Written | undefined> {
  const showNik = !!opts.showNik;
  let written: Written | undefined;
  if (opts.out !== undefined) {
    const now = new Date();
    const dir = outDirFlag(ctx, opts.out, { tahun }, now);
    const maskNik = opts.maskNik !== false;
    const manifest = await writeBundle(dir, [pairsFileTable(pairs, ctx.timeZone)], { command: 'review', pairs: pairs.length, nik_masked: maskNik },
      { format: fileFormatFlag(opts), excel: !!opts.excel, force: !!opts.force, maskNik, now });
    written = { dir, files: manifest.files.length + 1, nik_masked: maskNik };
    ctx.say(t('review:list.written', { n: pairs.length, dir: displayPath(dir), masked: maskNik ? t('review:list.masked') : t('review:list.not_masked') }));
  }
  ctx.result({ ...doc, pairs: forJson(pairs, showNik), ...(written ? { written } : {}) });
  if (!written || !ctx.quiet) ctx.show(pairsTable(pairs, showNik));
  return written;
}

/** Personal data left the database as a file: the audit log says how many pairs, and whether NIKs were masked. */
const writtenAudit = (w: Written | undefined, pairs: number) => (w ? { files: w.files, pairs_written: pairs, nik_masked: w.nik_masked } : {});

function listingOptions(cmd: Command): Command {
  return bundleFileOptions(cmd)
    .option('--tahun <year>', t('review:options.tahun'))
    .option('--min-score <n>', t('review:options.min_score', { n: DEFAULT_MIN_SCORE }))
    .option('--out <dir>', t('review:options.out'))
    .option('--show-nik', t('review:options.show_nik'));
}

async function decideInteractively(ctx: CliContext, opts: Record<string, unknown>): Promise<void> {
  if (!ctx.interactive) throw new UsageError(t('review:error.not_interactive'), t('review:error.not_interactive_hint'));
  const tahun = tahunFlag(opts);
  const pairs = [...listPairs(ctx.db(), { status: 'open', tahun }), ...(opts.unsure ? listPairs(ctx.db(), { status: 'unsure', tahun }) : [])];
  if (pairs.length === 0) {
    ctx.say(t('review:decide.nothing_open'));
    ctx.result({ decided: 0, skipped: 0, pairs: 0 });
    return;
  }
  const outcome: ReviewOutcome = { decided: [], skipped: 0, stopped: false };
  const prompter = prompters.create(ctx);
  const record = () => ctx.audit({ decided: outcome.decided.length, skipped: outcome.skipped, same_person: outcome.decided.filter((d) => d.decision === 'same_person').length }, outcome.decided.length);
  try {
    await reviewPairs({
      db: ctx.db(), prompter, operator: ctx.operator,
      present: (v) => {
        if (v.kind === 'pair') ctx.say(`\n${t('review:card.progress', { i: v.index, n: v.total })}\n${pairCard(ctx.c, v.pair, !!opts.showNik, ctx.timeZone)}`);
        else for (const line of decisionLines(v.result)) ctx.say(line);
      },
    }, pairs, outcome);
  } finally {
    // Decisions already stored stay stored: the audit line counts them even after a Ctrl-C.
    record();
  }
  ctx.say(t('review:decide.session', { decided: outcome.decided.length, skipped: outcome.skipped }));
  ctx.result({ decided: outcome.decided.length, skipped: outcome.skipped, pairs: pairs.length, decisions: outcome.decided });
}

export function registerReview(program: Command, run: Run): void {
  const review = program.command('review').description(t('review:cli.description'));

  listingOptions(review.command('duplicates').description(t('review:cli.duplicates')))
    .option('--all', t('review:options.all'))
    .action(run(async (ctx, _args, opts) => {
      const tahun = tahunFlag(opts);
      const minScore = wholeFlag(opts, 'minScore', '--min-score', 0, 100) ?? DEFAULT_MIN_SCORE;
      const now = new Date();
      ctx.say(t('review:scan.start'));
      // Pairs are kept from the default minimum down (a higher --min-score only lists fewer), so
      // a pair's id stays the same from one scan to the next.
      const scan = scanDuplicates(ctx.db(), { tahun, minScore: Math.min(minScore, DEFAULT_MIN_SCORE), signal: ctx.abort.signal }, now);
      const saved = savePairs(ctx.db(), scan.pairs, { tahun }, now);
      const { pairs: _found, ...stats } = scan;
      ctx.say(t('review:scan.done', { persons: stats.persons, comparisons: stats.comparisons, found: saved.found, new: saved.new, decided: saved.decided, removed: saved.removed }));
      const pairs = listPairs(ctx.db(), { status: opts.all ? 'all' : 'open', tahun, minScore });
      const written = await showPairs(ctx, pairs, opts, { scan: stats, saved, min_score: minScore, tahun: tahun ?? null }, tahun);
      ctx.audit({ persons: stats.persons, found: saved.found, new: saved.new, removed: saved.removed, ...writtenAudit(written, pairs.length) }, saved.new + saved.removed);
    }));

  listingOptions(review.command('list').description(t('review:cli.list')))
    .option('--status <status>', t('review:options.status'), 'open')
    .action(run(async (ctx, _args, opts) => {
      const status = String(opts.status) as PairStatus;
      if (!STATUSES.includes(status)) throw new UsageError(t('review:error.bad_status', { value: opts.status, choices: STATUSES.join(', ') }));
      const tahun = tahunFlag(opts);
      const minScore = wholeFlag(opts, 'minScore', '--min-score', 0, 100);
      const pairs = listPairs(ctx.db(), { status, tahun, minScore });
      const written = await showPairs(ctx, pairs, opts, { status, tahun: tahun ?? null }, tahun);
      if (written) ctx.audit(writtenAudit(written, pairs.length), 0);
    }));

  review.command('decide [pair]')
    .description(t('review:cli.decide'))
    .option('--as <decision>', t('review:options.as'))
    .option('--keep <record>', t('review:options.keep'))
    .option('--note <text>', t('review:options.note'))
    .option('--tahun <year>', t('review:options.decide_tahun'))
    .option('--unsure', t('review:options.unsure'))
    .option('--show-nik', t('review:options.show_nik'))
    .action(run(async (ctx, [raw], opts) => {
      if (raw === undefined) {
        if (opts.as !== undefined || opts.keep !== undefined || opts.note !== undefined) throw new UsageError(t('review:error.pair_missing'));
        await decideInteractively(ctx, opts);
        return;
      }
      const pairId = wholeFlag({ pair: raw }, 'pair', '<pair>', 1);
      if (opts.as === undefined) throw new UsageError(t('review:error.as_missing'), t('review:error.as_hint'));
      if (!isDecision(opts.as)) throw new UsageError(t('review:error.bad_decision', { value: opts.as }));
      if (opts.as === 'same_person' && opts.keep === undefined) {
        const pair = pairById(ctx.db(), pairId!);
        throw new UsageError(t('review:error.keep_required', { id: pair.id }), t('review:error.keep_hint', { id: pair.id }));
      }
      if (opts.as !== 'same_person' && opts.keep !== undefined) throw new UsageError(t('review:error.keep_only_same'));
      const r = decidePair(ctx.db(), {
        pairId: pairId!, decision: opts.as, keep: opts.keep as string | undefined, note: opts.note as string | undefined, operator: ctx.operator, now: new Date(),
      });
      for (const line of decisionLines(r)) ctx.say(line);
      ctx.result(r);
      ctx.audit({ pair_id: r.pair_id, decision_id: r.decision_id, status: r.decision }, 1);
    }));
}
