/** What a command's action is, and how it is registered: below main.ts and every command, so none imports the other. */
import type { CliContext } from './context.js';

/** A command's work: the context, its positional arguments, and its options (global ones included). */
export type Action = (ctx: CliContext, args: unknown[], opts: Record<string, unknown>) => Promise<void> | void;

/** Turns an Action into a commander action handler; main.ts builds it and owns the context. */
export type Run = (fn: Action) => (...args: unknown[]) => Promise<void>;
