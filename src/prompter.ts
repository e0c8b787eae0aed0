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
}

export interface Prompter {
  select<T>(o: { message: string; choices: PromptChoice<T>[]; default?: T }): Promise<T>;
  /** A list filtered as the officer types. */
  search<T>(o: { message: string; source: (term: string) => PromptChoice<T>[] }): Promise<T>;
  checkbox<T>(o: { message: string; choices: PromptChoice<T>[] }): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  /** A whole number from min to max. */
  number(o: { message: string; min: number; max: number; default?: number }): Promise<number>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

/** Ctrl-C at a prompt: nothing was saved. 130 is the shell's code for "stopped by Ctrl-C". */
export class PromptCancelled extends UepError {
  override readonly exitCode = 130;
  constructor(message = t('prompt:cancelled')) {
    super(message);
  }
}
