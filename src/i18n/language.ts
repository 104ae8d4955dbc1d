/** The languages the tool speaks, and how a run picks one: apart from the catalogue, so help printed from its model loads no messages. */
export type Language = 'zh' | 'en';
export const LANGUAGES: Language[] = ['zh', 'en'];

/** The values given to `--lang` (as `--lang en` or `--lang=en`), and the other arguments. */
export function languageArguments(argv: string[]): { asked: string[]; rest: string[] } {
  const asked: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') asked.push(argv[++i] ?? '');
    else if (arg.startsWith('--lang=')) asked.push(arg.slice(7));
    else rest.push(arg);
  }
  return { asked, rest };
}

export const isLanguage = (value: string): value is Language => (LANGUAGES as string[]).includes(value);

/**
 * The language of a run: `--lang zh|en` if given, else English where the
 * locale (LC_ALL, then LC_MESSAGES, then LANG) starts with `en`, else Chinese.
 */
export function chooseLanguage(argv: string[], env: Record<string, string | undefined>): Language {
  const asked = languageArguments(argv).asked.find(isLanguage);
  if (asked) return asked;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}
