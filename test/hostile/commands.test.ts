/**
 * Hostile content through every command and format (issue 16): registries and
 * notices written as someone with a pull request against an office's
 * repository would write them. Whatever they hold, no output line is a
 * terminal or GitHub command, no markdown row loses its columns, no CSV cell
 * is a formula, nothing outside the repository is read and nothing hangs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateRegistryText } from '../../src/validate/index.js';
import { safetyTasks, safetyTasksWithin } from '../helpers.js';
import { expectInert, expectInertCsv, expectMarkdownRows, expectNoCrash } from './check-output.js';

const INJECTED = '市应急局\n::add-mask::秘密\n::error file=README.md,line=1::被注入';
const BIDI = '市\u202e局安公\u202c\u2066隔离\u2069';
const ESCAPES = '\u001b[31m红色单位\u001b[0m\u009b2J\u0085\u001b]8;;http://x\u0007链接';
const PIPE = '消防\\|支队|其他';
const HTML = '<img src=x onerror=alert(1)>';
const FORMULAS = ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', ' =1+1'];
const LEGACY = '##[add-mask]旧式命令';
const JURISDICTION = '威海市\n::warning::注入辖区';

const work = mkdtempSync(path.join(tmpdir(), 'safety-tasks-hostile-'));
mkdirSync(path.join(work, '.git')); // the repository's top level
const registries = path.join(work, 'registries');
mkdirSync(registries);

const task = (id: string, lead: string[], support: string[], extra: object = {}) => ({
  id,
  number: id,
  section: [`${INJECTED}章节`],
  title: `${BIDI}标题`,
  text: `${ESCAPES}任务正文${PIPE}${HTML}`,
  lead,
  support,
  responsibility_text: null,
  deadline: '2024-06-30',
  deadline_text: `${LEGACY}6月底前`,
  recurrence: [],
  status: 'open',
  progress: [{ date: '2024-05-01', note: `${INJECTED}\n=1+1进展` }],
  line: 1,
  ...extra,
});
const registry = {
  version: 1,
  document: {
    id: 'hostile',
    title: `${INJECTED}${BIDI}`,
    issuer: ESCAPES,
    number: null,
    date: '2024-03-29',
    period: { from: '2024-01-01', to: '2024-12-31' },
    jurisdiction: JURISDICTION,
    source: { path: 'notices/hostile.txt', sha256: '0'.repeat(64) },
  },
  tasks: [
    task('1.1', [INJECTED, BIDI], [ESCAPES, PIPE]),
    task('1.2', [HTML, ...FORMULAS], [LEGACY]),
    task('1.3', [`${ESCAPES}\t${FORMULAS[0]}`], []),
  ],
};
writeFileSync(path.join(registries, 'hostile.yaml'), stringify(registry));

// %YAML 1.1 reads `no` as false; an unquoted 3.10 is a number: each a schema error, the other tasks still reported
const plain = (id: string, status = 'open') => ({ ...task(id, ['市应急局'], []), status, text: '普通任务', title: null, section: [], progress: [], deadline_text: null });
const yaml11Text = stringify({ ...registry, document: { ...registry.document, id: 'yaml11', jurisdiction: '威海市' }, tasks: [plain('2.1'), plain('2.2')] });
const last = yaml11Text.lastIndexOf('status: open');
const yaml11 = `${yaml11Text.slice(0, last)}status: no${yaml11Text.slice(last + 'status: open'.length)}`;
writeFileSync(path.join(registries, 'yaml11.yaml'), `%YAML 1.1\n---\n${yaml11}`);
writeFileSync(
  path.join(registries, 'number-id.yaml'),
  stringify({ ...registry, document: { ...registry.document, id: 'number-id', jurisdiction: '威海市' }, tasks: [plain('3.1'), plain('3.9')] }).replace('id: "3.9"', 'id: 3.10'),
);
// an alias expanding to a gigabyte
writeFileSync(path.join(registries, 'bomb.yaml'), `version: 1\nx-a: &a "${'x'.repeat(1024 * 1024)}"\nx-b: [${Array(1000).fill('*a').join(', ')}]\n`);
// tags the core schema does not know: warnings, as diagnostics
writeFileSync(path.join(registries, 'tags.yaml'), stringify({ ...registry, document: { ...registry.document, id: 'tags', jurisdiction: '威海市' }, tasks: [plain('4.1')] }).replace('text: 普通任务', 'text: !custom 普通任务'));

const reportRuns = {
  units: ['units', registries],
  matrix: ['matrix', registries],
  'matrix --doc': ['matrix', registries, '--doc', 'hostile'],
  'matrix --unit': ['matrix', registries, '--unit', INJECTED],
  overdue: ['overdue', registries, '--as-of', '2026-01-01'],
};

describe('validate on hostile registries', () => {
  const runs = Object.fromEntries((['text', 'json', 'github'] as const).map((format) => [format, safetyTasks('validate', registries, '--format', format)]));

  it.each(['text', 'json', 'github'] as const)('as %s: nothing in the output a terminal or GitHub would act on', (format) => {
    const run = runs[format]!;
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expectInert(run.stdout, { annotations: format === 'github' });
    expectInert(run.stderr);
  });

  it('reads YAML 1.2 whatever the directive, and a wrong type is a schema diagnostic', () => {
    const found = (JSON.parse(runs.json!.stdout) as { file: string; rule: string; severity: string; line: number }[]).map((d) => `${path.basename(d.file)} ${d.rule} ${d.severity}`);
    expect(found).toContain('yaml11.yaml invalid-value error');
    expect(found).toContain('number-id.yaml wrong-type error');
    expect(found).toContain('bomb.yaml yaml-syntax error');
    expect(found).toContain('tags.yaml yaml-syntax warning');
    expect(found.filter((d) => d.startsWith('bomb.yaml'))).toEqual(['bomb.yaml yaml-syntax error']);
  });

});

describe.each(Object.entries(reportRuns))('%s on hostile registries', (_, args) => {
  it.each(['table', 'csv', 'json', 'markdown'] as const)('as %s', (format) => {
    const run = safetyTasks(...args, '--format', format);
    expectNoCrash(run);
    // the alias bomb cannot be read (2); the others name what they left out
    expect(run.status).toBe(2);
    expectInert(run.stdout);
    expectInert(run.stderr);
    expect(run.stderr).toMatch(/yaml11\.yaml:\d+:\d+  错误  .+  invalid-value/);
    expect(run.stderr).toMatch(/number-id\.yaml:\d+:\d+  错误  .+  wrong-type/);
    if (format === 'markdown') expectMarkdownRows(run.stdout);
    if (format === 'csv') expectInertCsv(run.stdout);
    if (format === 'json') expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('what the reports still show', () => {
  it('overdue lists the tasks that pass the schema and none that fail it', () => {
    const run = safetyTasks('overdue', registries, '--as-of', '2026-01-01', '--format', 'json');
    const rows = (JSON.parse(run.stdout) as { rows: { document: string; task: string }[] }[])[0]!.rows.map((r) => `${r.document} ${r.task}`);
    expect(rows).toContain('yaml11 2.1');
    expect(rows).not.toContain('yaml11 2.2');
    expect(rows).toContain('number-id 3.1');
    expect(rows.filter((r) => r.startsWith('number-id'))).toEqual(['number-id 3.1']);
    expect(rows).toContain('hostile 1.1');
  });

  it('matrix --doc keeps each unit as a column, its name whole in JSON and CSV', () => {
    const csv = expectInertCsv(safetyTasks('matrix', registries, '--doc', 'hostile', '--format', 'csv').stdout);
    expect(csv[0]).toContain("'=HYPERLINK(\"http://x\",\"点我\")");
    expect(csv[0]).toContain(`${'市应急局⏎:\u200b:add-mask::秘密⏎:\u200b:error file=README.md,line=1::被注入'}`);
    const json = JSON.parse(safetyTasks('matrix', registries, '--doc', 'hostile', '--format', 'json').stdout) as { rows: Record<string, string>[] }[];
    expect(json[0]!.rows).toHaveLength(5);
    // the data whole, bidi characters written as escapes
    expect(safetyTasks('matrix', registries, '--doc', 'hostile', '--format', 'json').stdout).toContain('\\u202e');
  });

  it('markdown makes HTML text and a backslash-pipe one cell', () => {
    const markdown = safetyTasks('matrix', registries, '--doc', 'hostile', '--format', 'markdown').stdout;
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('消防&#92;&#124;支队&#124;其他');
  });
});

describe('source.path: nothing outside the repository is read, nothing hangs', () => {
  const dir = path.join(work, 'sources');
  const notices = path.join(work, 'notices');
  mkdirSync(dir);
  mkdirSync(notices);
  const mkfifo = (p: string) => expect(spawnSync('mkfifo', [p]).status).toBe(0);
  mkfifo(path.join(notices, 'pipe.txt'));
  symlinkSync('/etc/passwd', path.join(notices, 'link.txt'));
  writeFileSync(path.join(notices, 'real.txt'), '通知正文\n');
  const passwd = createHash('sha256').update(readFileSync('/etc/passwd')).digest('hex');
  const pointing = (name: string, sourcePath: string, sha256 = '0'.repeat(64)) =>
    writeFileSync(path.join(dir, `${name}.yaml`), stringify({ ...registry, document: { ...registry.document, id: name, jurisdiction: '威海市', source: { path: sourcePath, sha256 } }, tasks: [plain('1.1')] }));
  pointing('passwd-right-hash', '/etc/passwd', passwd);
  pointing('passwd-wrong-hash', '/etc/passwd');
  pointing('passwd-relative', '../../../../../../../../etc/passwd', passwd);
  pointing('nowhere', '/no/such/dir/file.txt');
  pointing('link-outside', '../notices/link.txt', passwd);
  pointing('fifo', '../notices/pipe.txt');
  pointing('changed', '../notices/real.txt');
  mkfifo(path.join(dir, 'pipe.yaml'));

  const run = safetyTasksWithin(2000, 'validate', dir, '--format', 'json');
  const found = () => (JSON.parse(run.stdout) as { file: string; rule: string; message: string }[]).map((d) => ({ ...d, file: path.basename(d.file) }));

  it('finishes within 2 s, a FIFO named as a registry and as a notice included', () => {
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(found().filter((d) => d.file === 'pipe.yaml').map((d) => d.rule)).toEqual(['unreadable-input']);
    expect(found().filter((d) => d.file === 'fifo.yaml').map((d) => d.rule)).toEqual(['source-unreadable']);
  });

  it('says the same of every path outside, whether it exists and whatever its hash', () => {
    const outside = ['passwd-right-hash', 'passwd-wrong-hash', 'passwd-relative', 'nowhere', 'link-outside'];
    for (const name of outside) {
      const mine = found().filter((d) => d.file === `${name}.yaml`);
      expect(mine.map((d) => d.rule), name).toEqual(['source-outside']);
    }
    const messages = new Set(outside.map((name) => found().find((d) => d.file === `${name}.yaml`)!.message.replace(/（.*?）/, '')));
    expect(messages.size).toBe(1);
  });

  it('still compares a notice inside the repository', () => {
    expect(found().filter((d) => d.file === 'changed.yaml').map((d) => d.rule)).toEqual(['source-changed']);
  });

  it('review neither shows nor compares a notice outside the repository, and says the same of each', () => {
    const out = path.join(work, 'review-pages');
    const names = ['passwd-right-hash', 'passwd-relative', 'nowhere', 'link-outside'];
    const review = safetyTasksWithin(10_000, 'review', ...names.map((n) => path.join(dir, `${n}.yaml`)), '--out', out);
    expectNoCrash(review);
    expectInert(review.stderr);
    const lines = review.stderr.split('\n').filter((l) => / source-/.test(l));
    expect(lines.map((l) => /([^/]+)\.yaml:1:1  警告  .+  (source-[a-z]+)$/.exec(l)?.slice(1).join(' ')).sort()).toEqual(names.map((n) => `${n} source-outside`).sort());
    expect(new Set(lines.map((l) => l.replace(/^.*\.yaml:1:1/, '').replace(/（.*?）/, ''))).size).toBe(1);
    for (const name of names) expect(readFileSync(path.join(out, `${name}.html`), 'utf8')).not.toContain('root:');
  });

  it('a report does not wait on a FIFO among the registries', () => {
    const report = safetyTasksWithin(10_000, 'overdue', dir, '--as-of', '2026-01-01');
    expectNoCrash(report);
    expect(report.stderr).toMatch(/pipe\.yaml:1:1  错误  .+  unreadable-input/);
  });
});

describe('extract: a notice whose file name holds workflow commands', () => {
  it('names it on stderr as one inert line', () => {
    const folder = path.join(work, 'named');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '通知\n::error file=README.md::注入\u202e.txt'), '%PDF-1.4\n');
    const run = safetyTasks('extract', folder);
    expectNoCrash(run);
    expectInert(run.stderr);
    expectInert(run.stdout);
    expect(run.stderr).toMatch(/通知⏎:\u200b:error file=README\.md::注入\.txt:1:1  错误/);
  });
});

describe('validate --timeout-per-file', () => {
  it('a file that spends its budget is one timed-out diagnostic, and the run goes on', () => {
    const dir = path.join(work, 'budget');
    mkdirSync(dir);
    const many = Array.from({ length: 3000 }, (_, i) => plain(`${i + 1}`));
    writeFileSync(path.join(dir, 'a-large.yaml'), stringify({ ...registry, document: { ...registry.document, id: 'large', jurisdiction: '威海市' }, tasks: many }, { aliasDuplicateObjects: false }));
    writeFileSync(path.join(dir, 'b-small.yaml'), stringify({ ...registry, document: { ...registry.document, id: 'small', jurisdiction: '威海市' }, tasks: [plain('1.1', 'done')] }));
    const run = safetyTasks('validate', dir, '--format', 'json', '--timeout-per-file', '0.001');
    expectNoCrash(run);
    expect(run.status).toBe(1);
    const found = (JSON.parse(run.stdout) as { file: string; rule: string }[]).map((d) => `${path.basename(d.file)} ${d.rule}`);
    expect(found).toEqual(['a-large.yaml timed-out', expect.stringMatching(/^b-small\.yaml (timed-out|done-without-date)$/)]);
    // with the default budget both are checked in full
    const full = (JSON.parse(safetyTasks('validate', dir, '--format', 'json').stdout) as { file: string; rule: string }[]).map((d) => `${path.basename(d.file)} ${d.rule}`);
    expect(full).toEqual(['b-small.yaml done-without-date']);
    expect(safetyTasks('validate', dir, '--timeout-per-file', 'soon').status).toBe(2);
  }, 60_000);

  it('the check stops where the budget is found spent (the clock given by the caller)', () => {
    const text = stringify({ ...registry, document: { ...registry.document, jurisdiction: '威海市' }, tasks: [plain('1.1', 'done')] });
    const check = (spent: () => boolean) => validateRegistryText(text, { file: 'r.yaml', units: () => null, today: '2026-01-01', budget: { spent, seconds: 1 } }).map((d) => d.rule).filter((rule) => rule !== 'no-units-directory');
    expect(check(() => true)).toEqual(['timed-out']);
    expect(check(() => false)).toEqual(['done-without-date']);
  });
});
