/**
 * The review of candidate pairs at a terminal, through a Prompter: each pair is shown, the officer
 * decides (same person, keeping one record; different; unsure), may add a note, and the decision
 * is stored at once, so a Ctrl-C loses nothing already decided. Skipped pairs stay open.
 */
import type { Db } from '../db/open.js';
import { t } from '../i18n/index.js';
import type { Prompter } from '../prompter.js';
import { decidePair, type DecideResult, type PairView } from './store.js';

export type ReviewView =
  | { kind: 'pair'; pair: PairView; index: number; total: number }
  | { kind: 'saved'; result: DecideResult };

export interface ReviewSession {
  db: Db;
  prompter: Prompter;
  present(view: ReviewView): void;
  operator: string;
  now?: () => Date;
}

export interface ReviewOutcome {
  decided: DecideResult[];
  skipped: number;
  /** The officer stopped before the last pair. */
  stopped: boolean;
}

type Choice = 'same_a' | 'same_b' | 'different' | 'unsure' | 'skip' | 'stop';

/** Walks through `pairs`; `outcome` is filled as decisions are stored (still valid after a Ctrl-C). */
export async function reviewPairs(s: ReviewSession, pairs: PairView[], outcome: ReviewOutcome = { decided: [], skipped: 0, stopped: false }): Promise<ReviewOutcome> {
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    s.present({ kind: 'pair', pair, index: i + 1, total: pairs.length });
    const choice = await s.prompter.select<Choice>({
      message: t('review:prompt.decide'),
      choices: [
        { value: 'same_a', name: t('review:prompt.same_keep_a') },
        { value: 'same_b', name: t('review:prompt.same_keep_b') },
        { value: 'different', name: t('review:prompt.different') },
        { value: 'unsure', name: t('review:prompt.unsure') },
        { value: 'skip', name: t('review:prompt.skip') },
        { value: 'stop', name: t('review:prompt.stop') },
      ],
    });
    if (choice === 'stop') {
      outcome.stopped = true;
      outcome.skipped += pairs.length - i;
      return outcome;
    }
    if (choice === 'skip') {
      outcome.skipped++;
      continue;
    }
    const note = await s.prompter.input({ message: t('review:prompt.note') });
    const decision = choice === 'same_a' || choice === 'same_b' ? 'same_person' : choice;
    const result = decidePair(s.db, {
      pairId: pair.id, decision, keep: choice === 'same_a' ? 'a' : choice === 'same_b' ? 'b' : undefined,
      operator: s.operator, note, now: s.now?.() ?? new Date(),
    });
    outcome.decided.push(result);
    s.present({ kind: 'saved', result });
  }
  return outcome;
}
