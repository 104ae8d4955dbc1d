/** The languages the tool speaks, and how a run picks one: apart from the catalogue, so help printed from its model loads no messages. */
export type Language = 'zh' | 'en';
export const LANGUAGES: Language[] = ['zh', 'en'];

/**
 * The language of a run: `--lang zh|en` if given, else English where the
 * locale (LC_ALL, then LC_MESSAGES, then LANG) starts with `en`, else Chinese.
 */
export function chooseLanguage(argv: string[], env: Record<string, string | undefined>): Language {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}
