import { displayPath } from './fsutil/display.js';
import { t } from './i18n/index.js';

/**
 * Typed errors carry what the user needs to fix the problem. The CLI maps them to exit codes:
 * UsageError → 2, every other UepError → 1; anything else is unexpected (stack with --verbose).
 */
export class UepError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags or arguments: exit code 2. */
export class UsageError extends UepError {
  override readonly exitCode = 2;
}

/** Bad input data, located as precisely as we can: file, line and field. `problem` and `hint` are already in the reader's language. */
export class DataError extends UepError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    problem: string,
    hint?: string,
  ) {
    super(t(`common:location.${line !== undefined ? 'line' : 'file'}${field ? '_field' : ''}`, { file: displayPath(file), line, field, problem }), hint);
  }
}

/** The database cannot be used as it is (newer schema, locked, corrupt). */
export class DatabaseError extends UepError {}
