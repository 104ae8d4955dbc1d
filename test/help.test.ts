/**
 * Help printed from what `npm run build` writes (dist/cli/help/) is the help
 * commander prints, and loads neither commander's commands nor the message
 * catalogue.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { helpModel, type WithTextAfter } from '../src/cli/help.js';
import type { BuiltHelp } from '../src/cli/built-help.js';
import { layoutHelp } from '../src/cli/help-layout.js';
import { buildProgram } from '../src/cli/program.js';
import { HELP_WIDTH } from '../src/cli/terminal.js';
import { LANGUAGES, setLanguage } from '../src/i18n/index.js';
import { safetyTasksIn } from './helpers.js';

const built = Object.fromEntries(LANGUAGES.map((language) => [language, JSON.parse(readFileSync(`dist/cli/help/${language}.json`, 'utf8')) as BuiltHelp]));
const paths = Object.keys(built.zh!);
// a run that loads commander's commands (program.js) or the catalogue fails
const FORBID = { NODE_OPTIONS: '--import ./test/fixtures/forbid-readers.mjs', FORBID_MODULES: String.raw`\/dist\/(?:cli\/program|i18n\/index)\.js` };

describe('help built with the tool', () => {
  afterAll(() => setLanguage('zh'));

  it("is the commands' own, in every language", () => {
    expect(paths).toEqual(['', 'init', 'extract', 'validate', 'units', 'matrix', 'status', 'overdue', 'ledger', 'ledger import', 'review']);
    for (const language of LANGUAGES) {
      setLanguage(language);
      const live: Record<string, unknown> = {};
      const visit = (command: WithTextAfter, path: string[]) => {
        const model = helpModel(command, command.createHelp());
        live[path.join(' ')] = { model, text: layoutHelp(model, HELP_WIDTH) };
        for (const sub of command.commands) visit(sub, [...path, sub.name()]);
      };
      visit(buildProgram('0.0.0'), []);
      expect(built[language], language).toEqual(live);
    }
  });

  it.each(paths.flatMap((path) => [['zh', '80', path] as const, ['en', '30', path] as const]))(
    'in %s at %s columns is what commander prints, for `%s`',
    { timeout: 30_000 },
    (lang, columns, path) => {
      const words = path ? path.split(' ') : [];
      const fromModel = safetyTasksIn({ COLUMNS: columns, ...FORBID }, ...words, '--help', '--lang', lang);
      expect(fromModel.stderr).toBe('');
      expect(fromModel.status).toBe(0);
      // arguments after --help (here `--`) are commander's to answer
      const fromCommander = safetyTasksIn({ COLUMNS: columns }, ...words, '--help', '--', '--lang', lang);
      expect(fromCommander.status).toBe(0);
      expect(fromModel.stdout).toBe(fromCommander.stdout);
      expect(fromModel.stdout.startsWith(`${built[lang]![path]!.model.usageTitle} safety-tasks`)).toBe(true);
      expect(safetyTasksIn({ COLUMNS: columns, ...FORBID }, '--lang', lang, 'help', ...words).stdout).toBe(fromModel.stdout);
    },
  );

  it('leaves every other form of arguments to commander', () => {
    // the hook does catch commander being loaded
    expect(safetyTasksIn(FORBID, '--help', 'extract').stderr).toMatch(/a forbidden module was loaded: .*(?:program|i18n\/index)\.js/);
    // a language commander refuses, a folder named before --help, an option with a value, a name Object has
    for (const args of [['--lang', 'fr', 'extract', '--help'], ['extract', 'notices', '--help'], ['extract', '--out', 'x', '--help'], ['constructor', '--help'], ['help', 'help']]) {
      expect(safetyTasksIn(FORBID, ...args).stderr, args.join(' ')).toMatch(/a forbidden module was loaded/);
    }
    expect(safetyTasksIn({}, '--lang', 'fr', 'extract', '--help').status).toBe(2);
  });
});
