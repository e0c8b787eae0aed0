/**
 * The one place that prompts, for every command that asks (`uep assess`, `uep monitor record`):
 * a Prompter on @inquirer/prompts, drawn on stderr (stdout stays data). Ctrl-C (ExitPromptError)
 * and an aborted signal become PromptCancelled. Every prompt speaks the reader's language
 * (prompt-theme.ts); numbers are asked with an input prompt and our own check, so that none of
 * the number prompt's English sentences can appear, and a word for "back" can be taken. Tests
 * replace `prompters.create` with a scripted Prompter, or pass `run` to drive real prompts through
 * @inquirer/testing.
 */
import { t } from '../i18n/index.js';
import { BACK, PromptCancelled, type Prompter } from '../prompter.js';
import type { CliContext } from './context.js';
import { confirmTheme, promptTheme } from './prompt-theme.js';

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

/** A whole number from min to max, typed: true, or what is wrong in the reader's language. */
export function checkWholeNumber(text: string, min: number, max: number): true | string {
  const v = text.trim();
  if (!/^-?\d+$/.test(v)) return t('prompt:number.not_whole');
  const n = Number(v);
  return n >= min && n <= max ? true : t('prompt:number.out_of_range', { min, max });
}

export function inquirerPrompter(context: PromptContext, run?: PromptRunner): Prompter {
  const go: PromptRunner = run ?? ((prompt, config) => prompt(config, context));
  const pageSize = 12;
  return {
    select: async (o) => guard(go((await inquirer()).select, { message: o.message, choices: o.choices, default: o.default, pageSize, theme: promptTheme() })),
    search: async (o) => guard(go((await inquirer()).search, {
      message: o.message, source: async (term: string | undefined) => o.source(term ?? ''), pageSize, theme: promptTheme(),
    })),
    checkbox: async (o) => guard(go((await inquirer()).checkbox, { message: o.message, choices: o.choices, pageSize, theme: promptTheme() })),
    input: async (o) => guard(go((await inquirer()).input, { message: o.message, default: o.default, validate: o.validate, theme: promptTheme() })),
    number: async (o) => {
      const isBack = (v: string) => o.back?.includes(v.trim().toLowerCase()) ?? false;
      const answer = await guard(go((await inquirer()).input, {
        message: o.message, default: o.default === undefined ? undefined : String(o.default),
        validate: (v: string) => isBack(v) || checkWholeNumber(v, o.min, o.max), theme: promptTheme(),
      }));
      return isBack(answer) ? BACK : Number(answer.trim());
    },
    confirm: async (o) => guard(go((await inquirer()).confirm, { message: o.message, default: o.default, theme: confirmTheme() })),
  };
}

/** How a command gets its Prompter (replaceable in tests). */
export const prompters = {
  create(ctx: CliContext): Prompter {
    return inquirerPrompter({ output: process.stderr, signal: ctx.abort.signal });
  },
};
