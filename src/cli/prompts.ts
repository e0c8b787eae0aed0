/**
 * The one place that prompts: the interview's Prompter on @inquirer/prompts, drawn on stderr
 * (stdout stays data). Ctrl-C (ExitPromptError) and an aborted signal become InterviewCancelled.
 * Tests replace `prompters.create` with a scripted Prompter, or pass `run` to drive real
 * prompts through @inquirer/testing.
 */
import { checkbox, confirm, input, number, search, select } from '@inquirer/prompts';
import { InterviewCancelled, type Prompter } from '../assess/prompter.js';
import type { CliContext } from './context.js';

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
  signal?: AbortSignal;
}

/** Runs one @inquirer prompt with its config; the default passes the context along. */
export type PromptRunner = <V, C>(prompt: (config: C, context?: PromptContext) => Promise<V>, config: C) => Promise<V>;

async function guard<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new InterviewCancelled();
    throw err;
  }
}

export function inquirerPrompter(context: PromptContext, run?: PromptRunner): Prompter {
  const go: PromptRunner = run ?? ((prompt, config) => prompt(config, context));
  const pageSize = 12;
  return {
    select: (o) => guard(go(select, { message: o.message, choices: o.choices, default: o.default, pageSize })),
    search: (o) => guard(go(search, { message: o.message, source: async (term: string | undefined) => o.source(term ?? ''), pageSize })),
    checkbox: (o) => guard(go(checkbox, { message: `${o.message} (space to tick, enter when done)`, choices: o.choices, pageSize })),
    input: (o) => guard(go(input, { message: o.message, default: o.default, validate: o.validate })),
    number: (o) => guard(go(number, { message: o.message, min: o.min, max: o.max, step: 1, default: o.default, required: true as const })),
    confirm: (o) => guard(go(confirm, { message: o.message, default: o.default })),
  };
}

/** How the assess command gets its Prompter (replaceable in tests). */
export const prompters = {
  create(ctx: CliContext): Prompter {
    return inquirerPrompter({ output: process.stderr, signal: ctx.abort.signal });
  },
};
