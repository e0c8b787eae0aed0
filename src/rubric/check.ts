import { UepError } from '../errors.js';
import { t } from '../i18n/index.js';

/** What a wrong value was, for error messages: `"x"`, `12`, `a list`, `an object`. */
export function describe(value: unknown): string {
  if (value === undefined) return t('rubric:value.nothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return t('rubric:value.list');
  if (typeof value === 'object') return t('rubric:value.object');
  return String(value);
}

/** Each check's message names the key's path first: `{{path}} must be …` (see locales/<lang>/rubric.json, `check`). */
export type Params = Record<string, unknown>;

/**
 * Hand-made checks of a JSON document: every failure is a UepError naming the file, the key's path
 * (`need.components.desil.weight`) and the problem.
 */
export class Checker {
  constructor(readonly file: string) {}

  /** `key` is one of the check messages of locales/<lang>/rubric.json; its {{path}} is filled here. */
  fail(path: string, key: string, params: Params = {}): never {
    const problem = t(key, { ...params, path: path || t('rubric:whole') });
    throw new UepError(t('common:location.file', { file: this.file, problem }), t('rubric:hint'));
  }

  /** An object with exactly these keys (`note`, free text for the reader, is allowed everywhere). */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'rubric:check.object', { got: describe(value) });
    const obj = value as Record<string, unknown>;
    const known = [...required, ...optional, 'note'];
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.fail(this.at(path, key), 'rubric:check.unknown_key', { known: known.join(', ') });
    }
    for (const key of required) if (obj[key] === undefined) this.fail(this.at(path, key), 'rubric:check.missing');
    if (obj.note !== undefined) this.string(obj.note, this.at(path, 'note'));
    return obj;
  }

  /** An object whose keys are free (ids); each value is checked by the caller. */
  map(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'rubric:check.object', { got: describe(value) });
    return value as Record<string, unknown>;
  }

  number(value: unknown, path: string, min: number, max: number, integer = false): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      this.fail(path, integer ? 'rubric:check.whole_number' : 'rubric:check.number', { min, max, got: describe(value) });
    }
    return value;
  }

  /** Text (not blank), matching `pattern` if given; `key` says what was expected. */
  string(value: unknown, path: string, pattern?: RegExp, key = 'rubric:check.text'): string {
    if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value))) {
      this.fail(path, key, { got: describe(value) });
    }
    return value;
  }

  /** Optional text: undefined when absent. */
  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'rubric:check.boolean', { got: describe(value) });
    return value;
  }

  array(value: unknown, path: string, nonEmpty = true): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'rubric:check.list', { got: describe(value) });
    if (nonEmpty && value.length === 0) this.fail(path, 'rubric:check.empty');
    return value;
  }

  /** The weights of a set of parts must add up to 100 (`key`: which sentence says so). */
  sumsTo100(weights: number[], path: string, key = 'rubric:check.weights_sum'): void {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-9) this.fail(path, key, { sum: Number(sum.toFixed(6)) });
  }

  at(path: string, key: string | number): string {
    if (typeof key === 'number') return `${path}[${key}]`;
    return path === '' ? key : `${path}.${key}`;
  }
}

/** The optional English text beside an Indonesian one (`text_en`, `label_en`): absent, or text. */
export function english<K extends string>(c: Checker, value: unknown, path: string, key: K): Partial<Record<K, string>> {
  const text = c.optionalString(value, path);
  return text === undefined ? {} : ({ [key]: text } as Record<K, string>);
}
