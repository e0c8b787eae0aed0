/**
 * The one place that prompts, for every command that asks (`uep assess`, `uep monitor record`):
 * a Prompter on @inquirer/prompts, drawn on stderr (stdout stays data). Ctrl-C (ExitPromptError)
 * and an aborted signal become PromptCancelled. Tests replace `prompters.create` with a scripted
 * Prompter, or pass `run` to drive real prompts through @inquirer/testing.
 */
import { PromptCancelled, type Prompter } from '../prompter.js';
import type { CliContext } from './context.js';

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
  signal?: AbortSignal;
}

/** Loaded on the first prompt only: it is a sizeable part of the memory of every other command. */
export const inquirer = () => import('@inquirer/prompts');

/** Runs one @inquirer prompt with its config; the default passes the context along. */
export type PromptRunner = <V, C>(prompt: (config: C, context?: PromptContext) => Promise<V>, config: C) => Promise<V>;

async function guard<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new PromptCancelled();
    throw err;
  }
}

export function inquirerPrompter(context: PromptContext, run?: PromptRunner): Prompter {
  const go: PromptRunner = run ?? ((prompt, config) => prompt(config, context));
  const pageSize = 12;
  return {
    select: async (o) => guard(go((await inquirer()).select, { message: o.message, choices: o.choices, default: o.default, pageSize })),
    search: async (o) => guard(go((await inquirer()).search, { message: o.message, source: async (term: string | undefined) => o.source(term ?? ''), pageSize })),
    checkbox: async (o) => guard(go((await inquirer()).checkbox, { message: `${o.message} (space to tick, enter when done)`, choices: o.choices, pageSize })),
    input: async (o) => guard(go((await inquirer()).input, { message: o.message, default: o.default, validate: o.validate })),
    number: async (o) => guard(go((await inquirer()).number, { message: o.message, min: o.min, max: o.max, step: 1, default: o.default, required: true as const })),
    confirm: async (o) => guard(go((await inquirer()).confirm, { message: o.message, default: o.default })),
  };
}

/** How a command gets its Prompter (replaceable in tests). */
export const prompters = {
  create(ctx: CliContext): Prompter {
    return inquirerPrompter({ output: process.stderr, signal: ctx.abort.signal });
  },
};
