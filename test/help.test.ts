/**
 * Help printed from what `npm run build` writes (dist/cli/help/) is the help
 * commander prints, and loads neither commander's commands nor the message
 * catalogue.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtHelp } from '../src/cli/help.js';
import type { BuiltHelp } from '../src/cli/built-help.js';
import { layoutHelp } from '../src/cli/help-layout.js';
import { stringWidth } from '../src/format/width.js';
import { buildProgram } from '../src/cli/program.js';
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
      expect(built[language], language).toEqual(builtHelp(buildProgram('0.0.0')));
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

describe('examples in help', () => {
  const model = (after: string) => ({ usageTitle: 'Usage:', usage: 'safety-tasks x', description: '', sections: [], after });
  const example = (command: string, said = '') => `  $ ${command}${said ? `      ${said}` : ''}`;
  // the example's lines from its `$` on, and its command put back together from them
  const laidOut = (after: string, width: number) => layoutHelp(model(after), width).split('\n').slice(2, -1);
  const rejoined = (lines: string[]) => lines.join('\n').replace(/ \\\n {6}/g, ' ').replace(/^ {2}\$ /, '');

  it('are kept as written where they fit, and their command goes on over lines ending in ` \\` where not', () => {
    const command = 'safety-tasks matrix registries --jurisdiction 威海市 --format csv > 威海市.csv';
    expect(laidOut(example(command, '威海市的分工表'), 120)).toEqual([example(command, '威海市的分工表')]);
    expect(laidOut(example(command, '威海市的分工表'), 40)).toEqual([
      '  $ safety-tasks matrix registries \\',
      '      --jurisdiction 威海市 \\',
      '      --format csv > 威海市.csv',
      '      威海市的分工表',
    ]);
    // what it does, wrapped, stays under the command
    const said = laidOut(example('safety-tasks overdue registries', '按单位列出截至某日逾期的任务，牵头和配合分开列出'), 30).slice(1);
    expect(said.length).toBeGreaterThan(1);
    for (const line of said) expect(line).toMatch(/^ {6}\S/);
  });

  it('never break a word of the command, and fit the width wherever its words do', () => {
    const word = fc.oneof(fc.stringMatching(/^[a-z0-9./_-]{1,12}$/), fc.constantFrom('--out', '>', '&&', '|', '威海市', '市应急局.csv'));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.integer({ min: 24, max: 100 }), (words, width) => {
        const command = words.join(' ');
        const lines = laidOut(example(command, '说明'), width);
        if (stringWidth(example(command, '说明')) <= width) expect(lines).toEqual([example(command, '说明')]);
        else {
          expect(rejoined(lines.slice(0, -1))).toBe(command);
          expect(lines.at(-1)).toBe('      说明');
        }
        if (words.every((w) => stringWidth(w) <= width - 10)) for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      }),
    );
  });
});
