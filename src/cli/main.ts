import { type Command, CommanderError } from 'commander';
import { chooseLanguage, isLang, langFlag, setLanguage, t } from '../i18n/index.js';
import { LocalCommand } from './commander-i18n.js';
import { auditParams, auditResult, recordAudit, runningCommand } from '../audit/audit.js';
import { describeDatabaseFailure } from '../db/failures.js';
import { armPausePoints } from '../db/pause.js';
import { DatabaseError, UepError } from '../errors.js';
import { displayLine } from '../fsutil/display.js';
import { maskNiksInText } from '../nik/nik.js';
import { accessOf } from './access.js';
import { CliContext, type GlobalOptions } from './context.js';
import { processIo, type Io } from './io.js';
import { registerCommands } from './commands/index.js';
import type { Action } from './action.js';

/** Builds the program. Every command's action runs through `run`, which owns the context. */
export function buildProgram(io: Io, state: { exitCode: number; dbPath?: string }): Command {
  const program = new LocalCommand('uep')
    .description(t('cli:program.description'))
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version', t('cli:help.version_option'))
    .helpOption('-h, --help', t('cli:help.help_option'))
    .helpCommand('help [command]', t('cli:help.help_command'))
    .option('--lang <code>', t('cli:options.lang'))
    .option('--db <file>', t('cli:options.db'))
    .option('--json', t('cli:options.json'))
    .option('-q, --quiet', t('cli:options.quiet'))
    .option('--no-color', t('cli:options.no_color'))
    .option('--verbose', t('cli:options.verbose'))
    .option('--operator <name>', t('cli:options.operator'))
    .showHelpAfterError(t('cli:help.after_error'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(maskNiksInText(s)) });

  const run = (fn: Action) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const opts = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    const path = commandPath(command);
    const ctx = new CliContext(io, opts, accessOf(path));
    state.dbPath = ctx.dbPath;
    const onSigint = () => ctx.abort.abort();
    process.once('SIGINT', onSigint);
    const named = command.registeredArguments.map((a, i): [string, unknown] => [a.name(), args[i]]);
    const entry = () => ({ operator: ctx.operator, command: path, params: auditParams(named, command.opts()) });
    try {
      // Commands that change data leave a 'started' line first: a process killed before its final
      // line still leaves a trail (`uep audit` shows it as interrupted).
      const started = ctx.access === 'writes' ? recordAudit(ctx.db(), { ...entry(), changes: 0, result: { status: 'started' } }) : undefined;
      try {
        await fn(ctx, args.slice(0, -2), opts);
        // Said once the command has worked, so a refusal stays the one error line it is.
        if (ctx.createdDatabase) ctx.say(t('cli:database.created', { path: ctx.createdDatabase }));
      } catch (err) {
        if (started !== undefined) {
          try {
            recordAudit(ctx.db(), { ...entry(), changes: 0, result: { status: 'failed', started_id: started } });
          } catch {
            // the failure itself is what the user must see
          }
        }
        throw err;
      }
      if (ctx.auditNote || started !== undefined) {
        recordAudit(ctx.auditDb(), {
          ...entry(),
          changes: ctx.auditNote?.changes ?? 0,
          result: { ...auditResult(ctx.auditNote?.result ?? {}), status: 'done', ...(started !== undefined ? { started_id: started } : {}) },
        });
      }
      if (ctx.exitCode) state.exitCode = ctx.exitCode;
    } finally {
      process.removeListener('SIGINT', onSigint);
      ctx.close();
    }
  };
  registerCommands(program, run);
  // Every subcommand reports usage errors the same way and exits through runCli.
  for (const cmd of program.commands) configureRecursively(cmd, io);
  return program;
}

/** "import dtks", "allocate finalize" … */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function configureRecursively(cmd: Command, io: Io): void {
  cmd.exitOverride().showHelpAfterError(t('cli:help.after_error'))
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(maskNiksInText(s)) });
  for (const sub of cmd.commands) configureRecursively(sub, io);
}

/**
 * An error's text as the terminal shows it: control characters escaped (file names and cells are
 * quoted in messages), and NIK/KK-shaped numbers masked, whatever the user typed into an argument.
 */
function errorText(text: string): string {
  return maskNiksInText(displayLine(text));
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage. Never exits the process. */
export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  const state: { exitCode: number; dbPath?: string } = { exitCode: 0 };
  const flag = langFlag(argv);
  setLanguage(chooseLanguage(flag, io.env));
  if (flag !== undefined && !isLang(flag)) {
    io.stderr.write(`uep: ${errorText(t('cli:usage.bad_lang', { value: flag }))}\n`);
    return 2;
  }
  const program = buildProgram(io, state);
  const verbose = argv.includes('--verbose');
  armPausePoints(io.env.UEP_TEST_PAUSE);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (caught) {
    let err = caught;
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      // A command group without its subcommand: commander printed the group's help on stderr.
      if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
      return 2; // commander has already printed the message
    }
    if ((err as { code?: string })?.code === 'SQLITE_BUSY') {
      const holder = state.dbPath ? runningCommand(state.dbPath) : undefined;
      err = new DatabaseError(holder ? t('cli:error.busy', { holder }) : t('cli:error.busy_unknown'), t('cli:error.busy_hint'));
    }
    if (state.dbPath && !(err instanceof UepError)) err = describeDatabaseFailure(err, state.dbPath) ?? err;
    // Messages quote file names and cells: escaped here too, so no text from outside reaches the terminal raw.
    if (err instanceof UepError) {
      io.stderr.write(`uep: ${errorText(err.message)}\n`);
      if (err.hint) io.stderr.write(`  ${t('cli:error.hint', { hint: errorText(err.hint) })}\n`);
      if (verbose && err.stack) io.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    io.stderr.write(`uep: ${t('cli:error.unexpected', { message: errorText(e?.message ?? String(err)) })}\n`);
    io.stderr.write(verbose && e?.stack ? `${e.stack}\n` : `  ${t('cli:error.verbose')}\n`);
    return 1;
  }
}

/** The only place that exits the process. */
export async function runMain(argv: string[]): Promise<void> {
  // Every file uep creates (databases, their -wal/-journal, backups, exports) is its owner's alone
  // from its first byte, whatever library creates it.
  process.umask(0o077);
  const code = await runCli(argv.slice(2));
  process.exitCode = code;
}
