/**
 * The questions a command may ask at a terminal, and nothing more: the assessment interview
 * (src/assess/interview.ts) and `uep monitor record` both ask through a Prompter. The CLI supplies
 * one built on @inquirer/prompts (src/cli/prompts.ts); tests drive a scripted one. Each call
 * resolves with the officer's answer or rejects with PromptCancelled (Ctrl-C).
 */
import { UepError } from './errors.js';
import { t } from './i18n/index.js';

export interface PromptChoice<T> {
  value: T;
  name: string;
  description?: string;
  /** A checkbox choice ticked at the start (an earlier answer). */
  checked?: boolean;
}

/** What a question asked with a way back answers when the officer takes it (src/assess/questions.ts). */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

export interface Prompter {
  select<T>(o: { message: string; choices: PromptChoice<T>[]; default?: T }): Promise<T>;
  /** A list filtered as the officer types. */
  search<T>(o: { message: string; source: (term: string) => PromptChoice<T>[] }): Promise<T>;
  checkbox<T>(o: { message: string; choices: PromptChoice<T>[] }): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  /** A whole number from min to max; typing one of `back` (any case) instead answers BACK. */
  number(o: { message: string; min: number; max: number; default?: number; back?: readonly string[] }): Promise<number | Back>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

/**
 * A checkbox answered with nothing ticked is confirmed ("none of these?", default no); a no asks
 * the same question again. An empty answer is then a decision, never an Enter pressed too soon.
 */
export async function checkboxConfirmingNone<T>(p: Prompter, o: { message: string; choices: PromptChoice<T>[] }): Promise<T[]> {
  for (;;) {
    const answer = await p.checkbox(o);
    if (answer.length > 0 || (await p.confirm({ message: t('prompt:none_confirm'), default: false }))) return answer;
  }
}

/** Ctrl-C at a prompt: nothing was saved. 130 is the shell's code for "stopped by Ctrl-C". */
export class PromptCancelled extends UepError {
  override readonly exitCode = 130;
  constructor(message = t('prompt:cancelled')) {
    super(message);
  }
}
