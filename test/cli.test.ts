/**
 * The built binary, run as a clerk or CI would (NO_COLOR=1). Each case names
 * its fixture folder under test/fixtures/cli where it has one.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safetyTasks, safetyTasksInWithin, zh } from './helpers.js';


const cases: {
  name: string;
  args: string[];
  status: number;
  stdout?: (out: string) => void;
  stderr: RegExp[];
}[] = [
  {
    name: 'one notice gives one registry object',
    args: ['extract', 'seeds/000_057774623b698b6c.txt', '--format', 'json'],
    status: 0,
    stdout: (out) => {
      const registry = JSON.parse(out);
      expect(registry.document.number).toBe('威安办发〔2022〕38号');
      expect(registry.tasks).toHaveLength(33);
    },
    stderr: [],
  },
  {
    name: 'a directory gives an array, in file name order',
    args: ['extract', 'seeds', '--format', 'json'],
    status: 0,
    stdout: (out) => expect(JSON.parse(out).map((r: { document: { id: string } }) => r.document.id)).toEqual(readdirSync('seeds').map((f) => f.replace('.txt', ''))),
    stderr: [/^seeds\/001_b11ec0531f900c9a\.txt:7:\d+  警告  .*  unit-list-unsplit$/m],
  },
  {
    name: 'numbering-gap',
    args: ['extract', 'test/fixtures/cli/numbering-gap/notice.txt', '--format', 'json'],
    status: 0,
    stdout: (out) => expect(JSON.parse(out).tasks.map((t: { id: string }) => t.id)).toEqual(['1.1', '1.2', '1.4']),
    stderr: [/^test\/fixtures\/cli\/numbering-gap\/notice\.txt:14:1  警告  .*  numbering-gap$/m],
  },
  {
    name: 'markdown',
    args: ['extract', 'test/fixtures/cli/markdown/plan.md'],
    status: 0,
    stdout: (out) => {
      // printed, a registry cannot know where it will be saved: no schema line, and its notice named from here
      expect(out.startsWith('version: 1\n')).toBe(true);
      expect(out).toContain('path: test/fixtures/cli/markdown/plan.md');
      expect(out).toContain('text: 摸清底数。4月底前全面排查城镇燃气企业和用户。');
    },
    stderr: [],
  },
  {
    name: 'a directory of files that are no notices: each is read and named, no registry written for it, exit 1',
    args: ['extract', 'test/fixtures/cli/no-notices', 'seeds/003_c1536b6ac6ba3ddc.txt', '--format', 'json'],
    status: 1,
    stdout: (out) => expect(JSON.parse(out).map((r: { document: { id: string } }) => r.document.id)).toEqual(['003_c1536b6ac6ba3ddc']),
    stderr: [/^test\/fixtures\/cli\/no-notices\/readme\.rst:1:1  错误  .*  no-tasks$/m],
  },
  {
    name: 'a missing file is named, and the run still fails with 2',
    args: ['extract', 'no/such/notice.txt'],
    status: 2,
    stdout: (out) => expect(out).toBe(''),
    stderr: [new RegExp(`^no/such/notice\\.txt:1:1  错误  ${zh('io.ENOENT')}  unreadable-input$`, 'm')],
  },
  {
    // without a units directory no notice is read: it is named once, not again on every file
    name: 'an unreadable units directory is named once, and nothing is extracted',
    args: ['extract', 'seeds', '--units', 'no/such/units', '--format', 'json'],
    status: 2,
    stdout: (out) => expect(out).toBe(''),
    stderr: [new RegExp(`^no/such/units:1:1  错误  ${zh('units.unreadable', { file: 'no/such/units', reason: zh('io.ENOENT') })}  unreadable-input\\n*$`)],
  },
  {
    name: 'an unknown format is bad usage',
    args: ['extract', 'seeds', '--format', 'xml'],
    status: 2,
    stdout: (out) => expect(out).toBe(''),
    stderr: [new RegExp(zh('cli.commander.invalid-option-value', { option: '-f, --format <format>', value: 'xml', reason: zh('cli.commander.allowed-choices', { choices: 'yaml, json' }) }))],
  },
];

describe('safety-tasks extract', () => {
  it.each(cases)('$name', ({ args, status, stdout, stderr }) => {
    const result = safetyTasks(...args);
    expect(result.status).toBe(status);
    stdout?.(result.stdout);
    for (const pattern of stderr) expect(result.stderr).toMatch(pattern);
    if (stderr.length === 0) expect(result.stderr).toBe('');
  });

  it('ends, with exit 2, when it fails inside after its worker has started (the worker does not hold the process)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    // the units directories' loader, which the main thread imports once the worker is starting, fails to load
    const failing = { NODE_OPTIONS: '--import ./test/fixtures/forbid-readers.mjs', FORBID_MODULES: String.raw`\/dist\/units\/load\.js` };
    const run = safetyTasksInWithin(failing, 20_000, 'extract', 'seeds', '--out', out);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/a forbidden module was loaded: .*units\/load\.js/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes one registry per notice with --out, says how many, and a second run changes no byte', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    const run = safetyTasks('extract', 'seeds', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(zh('extract.written', { count: 5, warnings: 1 }));
    const names = readdirSync(out).sort();
    // beside each registry, hidden, what extract wrote for it: the base of the next --update
    const registries = readdirSync('seeds').map((f) => f.replace('.txt', '.yaml'));
    expect(names).toEqual([...registries.map((n) => `.${n.replace('.yaml', '.base.yaml')}`), ...registries].sort());
    const first = names.map((n) => readFileSync(path.join(out, n)));
    // outside any repository there is no schema to point at; the notice is named from the registry
    expect(first[0]!.toString().split('\n')[0]).toBe('version: 1');
    expect(first[0]!.toString()).toContain(`path: ${path.relative(out, path.resolve('seeds/000_057774623b698b6c.txt')).split(path.sep).join('/')}\n`);
    expect(safetyTasks('extract', 'seeds', '--out', out).status).toBe(0);
    expect(names.map((n) => readFileSync(path.join(out, n)))).toEqual(first);
  });

  it('gives each file a time budget: one past it is a timed-out error naming it, and the other files are still written', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    // no notice is read in a microsecond: every file runs out of time, one after the other, each in a fresh worker
    const over = safetyTasks('extract', 'seeds/000_057774623b698b6c.txt', 'seeds/003_c1536b6ac6ba3ddc.txt', '--out', out, '--timeout-per-file', '0.000001');
    expect(over.status).toBe(1);
    const timedOut = over.stderr.split('\n').filter((line) => line.endsWith('timed-out'));
    expect(timedOut.map((line) => line.split(':')[0])).toEqual(['seeds/000_057774623b698b6c.txt', 'seeds/003_c1536b6ac6ba3ddc.txt']);
    expect(over.stderr).toContain(zh('extract.timed-out', { seconds: '0.000001' }));
    expect(readdirSync(out)).toEqual([]);
    // within a wide budget the same files are written, the worker reused for the second
    const within = safetyTasks('extract', 'seeds/000_057774623b698b6c.txt', 'seeds/003_c1536b6ac6ba3ddc.txt', '--out', out, '--timeout-per-file', '600');
    expect(within.status).toBe(0);
    // (each registry beside its hidden base, what --update merges against)
    expect(readdirSync(out).sort()).toEqual(['.000_057774623b698b6c.base.yaml', '.003_c1536b6ac6ba3ddc.base.yaml', '000_057774623b698b6c.yaml', '003_c1536b6ac6ba3ddc.yaml']);
    // validate keeps a budget the same way
    const checked = safetyTasks('validate', out, '--timeout-per-file', '0.000001', '--format', 'json');
    expect(checked.status).toBe(1);
    expect(JSON.parse(checked.stdout).map((d: { rule: string }) => d.rule)).toEqual(['timed-out', 'timed-out']);
    expect(safetyTasks('validate', out, '--timeout-per-file', '600').status).not.toBe(2);
    expect(safetyTasks('extract', 'seeds', '--timeout-per-file', '0').status).toBe(2);
  });

  it('teaches with --help', () => {
    const { status, stdout } = safetyTasks('extract', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--out <dir>');
    expect(stdout).toContain(zh('cli.title.Usage:'));
    expect(stdout).toContain(zh('cli.examples'));
    expect(stdout).toContain('退出码');
  });

  it('prints its version', () => {
    expect(safetyTasks('--version').stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
