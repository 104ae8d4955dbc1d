/**
 * Bad usage, table-driven: every option either acts or is refused with exit 2
 * and a message naming what would work — in Chinese by default, in English
 * with --lang en or an English locale. Each case names its message by id.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageId, Params } from '../src/i18n/index.js';
import { en, safetyTasks, safetyTasksIn, zh } from './helpers.js';

const registries = mkdtempSync(path.join(tmpdir(), 'safety-tasks-usage-'));
safetyTasks('extract', 'seeds', '--out', registries);
const registry = path.join(registries, readdirSync(registries).filter((f) => !f.startsWith('.')).sort()[0]!);
const places = ['威海市', '文登区', '滕州市'];
const jurisdictions = (m: Say) => places.join(m('cli.list-separator'));

type Say = (id: MessageId, params?: Params) => string;
const cases: { name: string; args: string[]; says: (m: Say) => string }[] = [
  { name: 'matrix of a jurisdiction no registry has', args: ['matrix', registries, '--jurisdiction', '北京市'], says: (m) => m('cli.no-jurisdiction', { jurisdiction: '北京市', jurisdictions: jurisdictions(m) }) },
  { name: 'overdue of a jurisdiction no registry has', args: ['overdue', registries, '--jurisdiction', '北京市'], says: (m) => m('cli.no-jurisdiction', { jurisdiction: '北京市', jurisdictions: jurisdictions(m) }) },
  { name: 'overdue --role without --unit', args: ['overdue', registries, '--role', 'support'], says: (m) => m('cli.overdue.role-without-unit') },
  { name: 'overdue --as-of a day that is none', args: ['overdue', registries, '--as-of', '2024-02-30'], says: (m) => m('cli.overdue.as-of-not-a-day', { asOf: '2024-02-30' }) },
  { name: 'overdue --unit nobody', args: ['overdue', registries, '--unit', '某某局'], says: (m) => m('cli.no-unit', { unit: '某某局', suggestion: '' }) },
  { name: 'matrix --doc with --unit', args: ['matrix', registries, '--doc', '004_65114f20cbda8ae2', '--unit', '市应急局'], says: (m) => m('cli.matrix.doc-and-unit') },
  { name: 'matrix --unit misspelt', args: ['matrix', registries, '--unit', '市应急'], says: (m) => m('cli.no-unit', { unit: '市应急', suggestion: m('cli.did-you-mean', { name: '市应急局' }) }) },
  {
    name: 'matrix --doc unknown',
    args: ['matrix', registries, '--doc', 'X'],
    says: (m) => m('cli.matrix.no-doc', { doc: 'X', ids: readdirSync(registries).filter((f) => !f.startsWith('.')).sort().map((f) => f.replace('.yaml', '')).join(m('cli.list-separator')) }),
  },
  { name: 'extract --update with --force', args: ['extract', 'seeds', '--out', registries, '--update', '--force'], says: (m) => m('cli.extract.update-and-force') },
  { name: 'extract --dry-run without --update', args: ['extract', 'seeds', '--out', registries, '--dry-run'], says: (m) => m('cli.extract.dry-run-alone') },
  { name: 'extract --discard-progress without --force', args: ['extract', 'seeds', '--out', registries, '--discard-progress'], says: (m) => m('cli.extract.discard-alone') },
  { name: 'extract --update without --out', args: ['extract', 'seeds', '--update'], says: (m) => m('cli.extract.needs-out', { option: '--update' }) },
  { name: 'extract --force without --out', args: ['extract', 'seeds', '--force'], says: (m) => m('cli.extract.needs-out', { option: '--force' }) },
  { name: 'extract --update of JSON', args: ['extract', 'seeds', '--out', registries, '--format', 'json', '--update'], says: (m) => m('cli.extract.update-json') },
  { name: 'units --suggest with --unknown', args: ['units', registries, '--suggest', '--unknown'], says: (m) => m('cli.units.suggest-and-unknown') },
  { name: 'units --suggest with --format', args: ['units', registries, '--suggest', '--format', 'csv'], says: (m) => m('cli.units.suggest-format', { format: 'csv' }) },
  { name: 'status --on for a task not done, without a note', args: ['status', registry, '1.1', 'open', '--on', '2024-01-01'], says: (m) => m('cli.status.on-unused') },
  { name: 'status --by without --note', args: ['status', registry, '1.1', 'done', '--by', '市应急局'], says: (m) => m('cli.status.by-without-note') },
  { name: 'status --on a day that is none', args: ['status', registry, '1.1', 'done', '--on', '2024-13-01'], says: (m) => m('cli.status.not-a-day', { flag: '--on', value: '2024-13-01' }) },
  {
    name: 'status of a word that is none',
    args: ['status', registry, '1.1', '完'],
    says: (m) =>
      m('cli.status.unknown-word', {
        word: '完',
        choices: ['open', 'in_progress', 'done', 'dropped'].map((id) => m('cli.status.choice', { id, word: m(`report.status.${id}` as MessageId) })).join(m('cli.list-separator')),
      }),
  },
  {
    name: 'an output format there is not',
    args: ['extract', 'seeds', '--format', 'xml'],
    says: (m) => m('cli.commander.invalid-option-value', { option: '-f, --format <format>', value: 'xml', reason: m('cli.commander.allowed-choices', { choices: 'yaml, json' }) }),
  },
  {
    name: 'a role there is not',
    args: ['matrix', registries, '--role', 'boss'],
    says: (m) => m('cli.commander.invalid-option-value', { option: '--role <role>', value: 'boss', reason: m('cli.commander.allowed-choices', { choices: 'lead, support' }) }),
  },
  { name: 'no worker threads', args: ['extract', 'seeds', '-j', '0'], says: (m) => m('cli.commander.invalid-option-value', { option: '-j, --jobs <n>', value: '0', reason: m('cli.positive-number') }) },
  { name: 'a count that is no number', args: ['validate', registries, '--max-warnings', 'x'], says: (m) => m('cli.commander.invalid-option-value', { option: '--max-warnings <n>', value: 'x', reason: m('cli.whole-number') }) },
  { name: 'an option without its value', args: ['matrix', registries, '--jurisdiction'], says: (m) => m('cli.commander.option-missing-argument', { option: '--jurisdiction <name>' }) },
  { name: 'an option there is not', args: ['overdue', registries, '--bogus'], says: (m) => m('cli.commander.unknown-option', { option: '--bogus', suggestion: '' }) },
  { name: 'a command there is not', args: ['valdate', registries], says: (m) => m('cli.commander.unknown-command', { command: 'valdate', suggestion: m('cli.commander.suggestion', { names: 'validate' }) }) },
  { name: 'no paths', args: ['validate'], says: (m) => m('cli.commander.missing-argument', { argument: 'paths' }) },
  { name: 'ledger --unit with --by-unit', args: ['ledger', registries, '--unit', '市应急局', '--by-unit'], says: (m) => m('cli.ledger.unit-and-by-unit') },
  { name: 'ledger --as-of a day that is none', args: ['ledger', registries, '--as-of', '2024-02-30'], says: (m) => m('cli.overdue.as-of-not-a-day', { asOf: '2024-02-30' }) },
  { name: 'ledger --unit nobody', args: ['ledger', registries, '--unit', '某某局'], says: (m) => m('cli.no-unit', { unit: '某某局', suggestion: '' }) },
  { name: 'ledger import into no folder', args: ['ledger', 'import', registry, '--into', path.join(registries, 'none')], says: (m) => m('cli.ledger.import.no-registries', { dir: path.join(registries, 'none') }) },
  { name: 'too many arguments', args: ['status', registry, '1.1', 'done', 'extra'], says: (m) => m('cli.commander.excess-arguments', { expected: 3, received: 4 }) },
];

const HAN = /[\u4e00-\u9fff]/;

describe('bad usage exits 2, saying what would work', () => {
  // two runs of the binary a case, on a machine that may be busy
  it.each(cases)('$name', { timeout: 60_000 }, ({ args, says }) => {
    const chinese = safetyTasks(...args);
    expect(chinese.status).toBe(2);
    expect(chinese.stdout).toBe('');
    expect(chinese.stderr).toContain(says(zh));
    expect(says(zh)).toMatch(HAN);

    const english = safetyTasks(...args, '--lang', 'en');
    expect(english.status).toBe(2);
    expect(english.stderr).toContain(says(en));
    // nothing but the data of the case (北京市, 完, unit names) is Chinese in English
    expect(says(en).replace(/北京市|威海市|文登区|滕州市|市应急局?|某某局|完/g, '')).not.toMatch(HAN);
  });

  it('takes English from the locale, and --lang over the locale', () => {
    const args = ['overdue', registries, '--role', 'lead'];
    expect(safetyTasksIn({ LANG: 'en_US.UTF-8' }, ...args).stderr).toContain(en('cli.overdue.role-without-unit'));
    expect(safetyTasksIn({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, ...args).stderr).toContain(en('cli.overdue.role-without-unit'));
    expect(safetyTasksIn({ LANG: 'en_US.UTF-8' }, ...args, '--lang', 'zh').stderr).toContain(zh('cli.overdue.role-without-unit'));
    expect(safetyTasksIn({ LANG: 'C.UTF-8' }, ...args).stderr).toContain(zh('cli.overdue.role-without-unit'));
  });

  it('gives one meaning to each short flag across commands', () => {
    const help = (command: string) => safetyTasks(command, '--help').stdout;
    const meanings = new Map<string, Set<string>>();
    for (const command of ['init', 'extract', 'validate', 'units', 'matrix', 'status', 'overdue']) {
      for (const [, short, long] of help(command).matchAll(/^ {2}(-\w), (--[\w-]+)/gm)) meanings.set(short!, new Set([...(meanings.get(short!) ?? []), long!]));
    }
    expect(meanings.get('-j')).toEqual(new Set(['--jobs']));
    for (const [, longs] of meanings) expect(longs.size).toBe(1);
  });

  it('acts on the options it takes: overdue --jurisdiction keeps that jurisdiction only, and shows it', () => {
    const { status, stdout } = safetyTasks('overdue', registries, '--jurisdiction', '滕州市', '--as-of', '2025-06-01', '--format', 'json');
    expect(status).toBe(0);
    const rows = JSON.parse(stdout)[0].rows as { jurisdiction: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.jurisdiction))).toEqual(new Set(['滕州市']));
  });

  it('accepts status words in either language', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-usage-'));
    safetyTasks('extract', 'seeds/004_65114f20cbda8ae2.txt', '--out', dir);
    const file = path.join(dir, '004_65114f20cbda8ae2.yaml');
    for (const [word, shown] of [['已完成', '已完成'], ['完成', '已完成'], ['进行中', '进行中'], ['done', '已完成']] as const) {
      const result = safetyTasks('status', file, '2.2.3', word, ...(shown === '已完成' ? ['--on', '2022-03-01'] : []));
      expect(result.status).toBe(0);
      expect(result.stderr).toContain(shown);
    }
  });
});
