/**
 * commander speaks the chosen language: its help headings ("Usage:", "Options:" …), the
 * "(default: …)" notes, and its usage errors ("unknown option", "missing required argument" …).
 * commander builds those texts in English inside its own methods; we keep its logic and
 * replace only the words, matched by the error's code.
 */
import { Command, Help, type Option } from 'commander';
import { t } from '../i18n/index.js';

const TITLES: Record<string, string> = {
  'Usage:': 'cli:help.usage',
  'Arguments:': 'cli:help.arguments',
  'Options:': 'cli:help.options',
  'Global Options:': 'cli:help.global_options',
  'Commands:': 'cli:help.commands',
};

/** `[options]` and `[command]` in usage lines, in the reader's words. */
function usageWords(text: string): string {
  return text.replace('[options]', t('cli:help.options_placeholder')).replace('[command]', t('cli:help.command_placeholder'));
}

class LocalHelp extends Help {
  override styleTitle(str: string): string {
    const key = TITLES[str];
    return super.styleTitle(key ? t(key) : str);
  }

  override commandUsage(cmd: Command): string {
    return usageWords(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return usageWords(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t('cli:help.choices', { choices: option.argChoices.join(', ') }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      extra.push(t('cli:help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
    }
    if (option.envVar !== undefined) extra.push(t('cli:help.env', { name: option.envVar }));
    return extra.length > 0 ? `${option.description} (${extra.join(', ')})`.trim() : option.description;
  }
}

const quoted = (message: string) => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);

/** commander's English usage error → the catalogue's text; unknown shapes pass unchanged. */
export function translateUsageError(code: string, message: string, commandName: string): string {
  const q = quoted(message);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1];
  const also = suggestion ? `\n${t('cli:usage.did_you_mean', { suggestion })}` : '';
  switch (code) {
    case 'commander.unknownOption':
      return t('cli:usage.unknown_option', { flag: q[0] }) + also;
    case 'commander.unknownCommand':
      return t('cli:usage.unknown_command', { command: q[0] }) + also;
    case 'commander.missingArgument':
      return t('cli:usage.missing_argument', { argument: q[0] });
    case 'commander.optionMissingArgument':
      return t('cli:usage.option_missing_argument', { flag: q[0] });
    case 'commander.missingMandatoryOptionValue':
      return t('cli:usage.missing_mandatory_option', { flag: q[0] });
    case 'commander.excessArguments': {
      const [, expected, got] = /Expected (\d+) arguments? but got (\d+)/.exec(message) ?? [];
      return t('cli:usage.excess_arguments', { command: commandName, expected, got });
    }
    case 'commander.conflictingOption': {
      const [, a, b] = /error: (.+) cannot be used with (.+)$/.exec(message) ?? [];
      return t('cli:usage.conflicting_option', { a, b });
    }
    case 'commander.invalidArgument': {
      // "option '--x <n>' argument 'abc' is invalid. <our parser's message>"
      const reason = /is invalid(?: for argument '[^']*')?\.\s*(.*)$/s.exec(message)?.[1] ?? '';
      return message.includes('command-argument')
        ? t('cli:usage.invalid_argument_value', { argument: q[1], value: q[0], reason })
        : t('cli:usage.invalid_option_value', { flag: q[0], value: q[1], reason });
    }
    default:
      return message.replace(/^error: /, '');
  }
}

/** A commander Command whose help and usage errors speak the chosen language. */
export class LocalCommand extends Command {
  override createCommand(name?: string): Command {
    return new LocalCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalHelp(), this.configureHelp());
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const code = errorOptions?.code ?? 'commander.error';
    const text = code === 'commander.error' ? message : `uep: ${translateUsageError(code, message, this.name())}`;
    return super.error(text, errorOptions);
  }
}
