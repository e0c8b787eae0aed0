/** A Prompter answering from a script, for driving the interview without a terminal. */
import { BACK, PromptCancelled, type Back, type Prompter, type PromptChoice } from '../../src/prompter.js';
import { t } from '../../src/i18n/index.js';
import { questionText } from '../../src/rubric/texts.js';
import type { Rubric } from '../../src/rubric/types.js';
import type { Answers } from '../../src/score/types.js';

export type PromptKind = 'select' | 'search' | 'checkbox' | 'input' | 'number' | 'confirm';
export interface Asked {
  kind: PromptKind;
  message: string;
  choices?: PromptChoice<unknown>[];
  default?: unknown;
  /** Words a number prompt takes for "back". */
  back?: readonly string[];
}
/** Returns the answer, `DEFAULT` for the prompt's default, or `CANCEL` for a Ctrl-C. */
export type Responder = (asked: Asked) => unknown;
export const DEFAULT = Symbol('default');
export const CANCEL = Symbol('cancel');

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  constructor(private readonly respond: Responder) {}

  private async ask<T>(asked: Asked, validate?: (v: T) => true | string): Promise<T> {
    this.asked.push(asked);
    const answer = this.respond(asked);
    if (answer === CANCEL) throw new PromptCancelled();
    const value = (answer === DEFAULT ? asked.default : answer) as T;
    if (validate) {
      const ok = validate(value);
      if (ok !== true) throw new Error(`invalid answer ${String(value)} to "${asked.message}": ${ok}`);
    }
    return value;
  }

  select<T>(o: { message: string; choices: PromptChoice<T>[]; default?: T }): Promise<T> {
    return this.ask({ kind: 'select', ...o }, (v) => o.choices.some((c) => c.value === v) || 'not a choice');
  }
  search<T>(o: { message: string; source: (term: string) => PromptChoice<T>[] }): Promise<T> {
    return this.ask({ kind: 'search', message: o.message, choices: o.source('') as PromptChoice<unknown>[] }).then((term) => {
      // A string answer is typed into the search; the first match is taken.
      if (typeof term !== 'string') return term as T;
      const hit = o.source(term)[0];
      if (!hit) throw new Error(`no match for ${term}`);
      return hit.value;
    });
  }
  checkbox<T>(o: { message: string; choices: PromptChoice<T>[] }): Promise<T[]> {
    return this.ask({ kind: 'checkbox', ...o }, (v: T[]) => v.every((x) => o.choices.some((c) => c.value === x)) || 'not a choice');
  }
  input(o: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string> {
    return this.ask({ kind: 'input', message: o.message, default: o.default }, o.validate);
  }
  number(o: { message: string; min: number; max: number; default?: number; back?: readonly string[] }): Promise<number | Back> {
    return this.ask({ kind: 'number', ...o }, (v: number | Back) => (v === BACK ? !!o.back || 'no way back' : (Number.isInteger(v) && v >= o.min && v <= o.max) || 'out of range'));
  }
  confirm(o: { message: string; default?: boolean }): Promise<boolean> {
    return this.ask({ kind: 'confirm', ...o });
  }
}

/**
 * An officer who answers the rubric's questions with `answers`, agrees on `jenis` (default: the
 * type asked for), and says yes to everything else — unless `override` answers first.
 */
export function officer(rubric: Rubric, answers: Answers, o: { jenis?: string; override?: Responder } = {}): Responder {
  return (asked) => {
    const special = o.override?.(asked);
    if (special !== undefined) return special;
    const q = rubric.questions.find((x) => asked.message.startsWith(questionText(x)));
    if (q) return answers[q.id];
    if (asked.message === t('assess:interview.agreed_type')) return o.jenis ?? DEFAULT;
    if (asked.kind === 'confirm') return asked.message.startsWith(t('assess:interview.already_assessed').split('.')[0]!) ? false : true;
    if (asked.kind === 'search') return asked.choices?.[0]?.value;
    return DEFAULT;
  };
}
