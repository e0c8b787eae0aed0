/**
 * Which language a person reads: `--lang`, else UEP_LANG, else the locale (LC_ALL, LC_MESSAGES,
 * LANG: the first one set decides, as in POSIX), else Indonesian, the office's language.
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A locale name such as `en_US.UTF-8` or `id_ID` → its language, if uep speaks it. */
function fromLocale(locale: string | undefined): Lang | undefined {
  if (!locale || locale === 'C' || locale === 'POSIX') return undefined;
  const code = locale.toLowerCase().slice(0, 2);
  return code === 'en' ? 'en' : code === 'id' || code === 'in' ? 'id' : undefined;
}

export function chooseLanguage(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  if (isLang(flag)) return flag;
  if (isLang(env.UEP_LANG)) return env.UEP_LANG;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return fromLocale(locale) ?? 'id';
}

/** The value of `--lang` in raw argv (read before commander builds the translated help). */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
