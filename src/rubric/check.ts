import { UepError } from '../errors.js';

/** What a wrong value was, for error messages: `"x"`, `12`, `a list`, `an object`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Hand-made checks of a JSON document: every failure is a UepError naming the file, the key's path
 * (`need.components.desil.weight`) and the problem.
 */
export class Checker {
  constructor(readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new UepError(`${this.file}: ${path || 'the rubric'} ${problem}`, 'the rubric format is described in docs/rubric.md');
  }

  /** An object with exactly these keys (`note`, free text for the reader, is allowed everywhere). */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, `must be an object (got ${describe(value)})`);
    const obj = value as Record<string, unknown>;
    const known = [...required, ...optional, 'note'];
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.fail(this.at(path, key), `is not a known key (expected ${known.join(', ')})`);
    }
    for (const key of required) if (obj[key] === undefined) this.fail(this.at(path, key), 'is missing');
    if (obj.note !== undefined) this.string(obj.note, this.at(path, 'note'));
    return obj;
  }

  /** An object whose keys are free (ids); each value is checked by the caller. */
  map(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, `must be an object (got ${describe(value)})`);
    return value as Record<string, unknown>;
  }

  number(value: unknown, path: string, min: number, max: number, integer = false): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      this.fail(path, `must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max} (got ${describe(value)})`);
    }
    return value;
  }

  string(value: unknown, path: string, pattern?: RegExp, what = 'text'): string {
    if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value))) {
      this.fail(path, `must be ${what} (got ${describe(value)})`);
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `must be true or false (got ${describe(value)})`);
    return value;
  }

  array(value: unknown, path: string, nonEmpty = true): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be a list (got ${describe(value)})`);
    if (nonEmpty && value.length === 0) this.fail(path, 'must not be empty');
    return value;
  }

  /** The weights of a set of parts must add up to 100. */
  sumsTo100(weights: number[], path: string): void {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-9) this.fail(path, `must add up to 100 (got ${Number(sum.toFixed(6))})`);
  }

  at(path: string, key: string | number): string {
    if (typeof key === 'number') return `${path}[${key}]`;
    return path === '' ? key : `${path}.${key}`;
  }
}
