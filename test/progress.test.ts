/**
 * Progress in registries: status edits that change nothing else, re-extraction
 * that keeps what people wrote, and the overdue report at period boundaries.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { safetyTasks } from './helpers.js';
import { EditError, setTaskStatus } from '../src/registry/edit.js';
import { endedPeriods, overdueRows } from '../src/report/overdue.js';
import type { LoadedRegistry } from '../src/registry/load.js';
import type { Registry, Task } from '../src/registry/types.js';


/** What a diff of one edit shows: the lines between the common start and the common end. */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const REGISTRY = `# 手工台账，勿删此行
version: 1
document:
  id: sample
  jurisdiction: 威海市
tasks:
  - id: "1.1"
    text: 强化矿山安全监管。 # 原文第1条
    status: open
    line: 1
    x-ledger-row: 7
  - {id: "1.2", text: 强化消防安全监管。, status: open, line: 2}
`;

describe('status', () => {
  it('changes the status line and adds done_on, and nothing else', () => {
    const edited = setTaskStatus(REGISTRY, { taskId: '1.1', status: 'done', on: '2024-12-20' });
    expect(changedLines(REGISTRY, edited)).toEqual({ removed: ['    status: open'], added: ['    status: done', '    done_on: 2024-12-20'] });
  });

  it('appends progress notes, newest last, and drops done_on when a task is reopened', () => {
    const done = setTaskStatus(REGISTRY, { taskId: '1.1', status: 'done', on: '2024-12-20', note: '排查完毕', by: '市应急局' });
    const reopened = setTaskStatus(done, { taskId: '1.1', status: 'in_progress', on: '2024-12-22', note: '复查发现问题' });
    const task = (parse(reopened) as Registry).tasks[0]!;
    expect(task.status).toBe('in_progress');
    expect(task.done_on).toBeUndefined();
    expect(task.progress).toEqual([
      { date: '2024-12-20', note: '排查完毕', by: '市应急局' },
      { date: '2024-12-22', note: '复查发现问题' },
    ]);
    expect(reopened).toContain('# 手工台账，勿删此行');
    expect(reopened).toContain('x-ledger-row: 7');
  });

  it('adds a note alone, leaving status and done_on as they are', () => {
    const done = setTaskStatus(REGISTRY, { taskId: '1.1', status: 'done', on: '2024-12-20' });
    const noted = setTaskStatus(done, { taskId: '1.1', on: '2025-01-05', note: '回头看' });
    expect(changedLines(done, noted)).toEqual({ removed: [], added: ['    progress:', '      - {date: 2025-01-05, note: 回头看}'] });
    const flow = setTaskStatus(REGISTRY, { taskId: '1.2', on: '2025-01-05', note: '回头看' });
    expect((parse(flow) as Registry).tasks[1]).toMatchObject({ status: 'open', progress: [{ date: '2025-01-05', note: '回头看' }] });
  });

  it('edits a task written in flow style too', () => {
    const edited = setTaskStatus(REGISTRY, { taskId: '1.2', status: 'dropped', on: '2024-12-20' });
    expect((parse(edited) as Registry).tasks[1]!.status).toBe('dropped');
    expect(edited).toContain('text: 强化矿山安全监管。 # 原文第1条');
  });

  it('refuses a task that is not there', () => {
    expect(() => setTaskStatus(REGISTRY, { taskId: '9.9', status: 'done', on: '2024-12-20' })).toThrow(EditError);
  });
});

describe('endedPeriods', () => {
  it.each([
    ['P1M', '2024-01-01', '2024-12-31', '2024-04-01', ['2024-01', '2024-02', '2024-03']],
    ['P1M', '2024-01-01', '2024-12-31', '2024-03-31', ['2024-01', '2024-02']],
    ['P3M', '2024-01-01', '2024-12-31', '2024-07-01', ['2024-Q1', '2024-Q2']],
    ['P3M', '2024-01-01', '2024-12-31', '2024-06-30', ['2024-Q1']],
    ['P3M', '2024-03-29', '2024-12-31', '2025-01-15', ['2024-Q2', '2024-Q3', '2024-Q4']],
    ['P6M', '2024-01-01', '2025-12-31', '2025-07-01', ['2024-H1', '2024-H2', '2025-H1']],
    ['P1Y', '2016-10-17', '2020-12-31', '2021-01-01', ['2017', '2018', '2019', '2020']],
    ['P1Y', '2016-10-17', '2020-12-31', '2020-12-31', ['2017', '2018', '2019']],
    ['P1W', '2024-01-01', '2024-12-31', '2025-01-01', []],
  ])('%s from %s to %s as of %s', (interval, from, to, asOf, labels) => {
    expect(endedPeriods(interval, from, to, asOf).map((p) => p.label)).toEqual(labels);
  });
});

describe('overdue', () => {
  const task = (id: string, fields: Partial<Task>): Task => ({
    id, number: id, section: [], title: null, text: `任务${id}`, lead: ['市应急局'], support: [], responsibility_text: null,
    deadline: null, deadline_text: null, recurrence: [], status: 'open', line: 1, ...fields,
  });
  const registry = (tasks: Task[]): LoadedRegistry[] => [
    {
      file: 'r.yaml',
      registry: {
        version: 1,
        document: { id: 'r', title: null, issuer: null, number: null, date: '2024-01-10', period: { from: '2024-01-01', to: '2024-12-31' }, jurisdiction: null, source: { path: 'n.txt', sha256: '' } },
        tasks,
      },
    },
  ];
  const rows = (tasks: Task[], asOf: string, options = {}) =>
    overdueRows(registry(tasks), () => null, { asOf, ...options }).map((r) => `${r.task} ${r.kind} ${r.basis}${r.period ? ` ${r.period}` : ''} ${r.days}`);

  it('is not overdue on its deadline day, and is the day after', () => {
    const tasks = [task('1', { deadline: '2024-06-30' })];
    expect(rows(tasks, '2024-06-30', { explicitOnly: true })).toEqual([]);
    expect(rows(tasks, '2024-07-01', { explicitOnly: true })).toEqual(['1 overdue deadline 1']);
  });

  it('lists what falls due within the window', () => {
    expect(rows([task('1', { deadline: '2024-07-20' })], '2024-07-01', { within: 30, explicitOnly: true })).toEqual(['1 due soon deadline 19']);
    expect(rows([task('1', { deadline: '2024-08-20' })], '2024-07-01', { within: 30, explicitOnly: true })).toEqual([]);
  });

  it('falls back on the period end, unless only explicit deadlines are asked for; done and dropped are never late', () => {
    const tasks = [task('1', {}), task('2', { status: 'done', deadline: '2024-03-01' }), task('3', { status: 'dropped', deadline: '2024-03-01' })];
    expect(rows(tasks, '2025-01-02')).toEqual(['1 overdue period end 2']);
    expect(rows(tasks, '2025-01-02', { explicitOnly: true })).toEqual([]);
  });

  it('holds a recurring duty overdue for each whole period without a progress entry in it', () => {
    const quarterly = task('1', {
      recurrence: [{ text: '每季度至少组织研究1次', interval: 'P3M' }],
      progress: [{ date: '2024-05-10', note: '二季度研究会' }],
    });
    expect(rows([quarterly], '2024-10-01').filter((r) => r.includes('recurring'))).toEqual(['1 overdue recurring 2024-Q3 1']);
  });
});

describe('overdue and status, on the seeds', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
  safetyTasks('extract', 'seeds', '--out', out);
  const late = () => {
    const result = safetyTasks('overdue', out, '--as-of', '2025-01-15', '--explicit-only', '--format', 'json');
    return (JSON.parse(result.stdout)[0].rows as { document: string; task: string }[]).map((r) => `${r.document.slice(0, 3)} ${r.task}`).sort();
  };

  it('lists exactly the tasks whose answer-key deadline falls before the date', () => {
    const expected = ['001 1.4', '001 3.11', '001 6.27', '002 3.4.2', '004 2.3.7'];
    expect(late()).toEqual(expected);
    if (existsSync('../shared/gold')) {
      const fromKeys = readdirSync('../shared/gold')
        .filter((f) => f.endsWith('.yaml'))
        .flatMap((f) => {
          const key = parse(readFileSync(`../shared/gold/${f}`, 'utf8'));
          return key.tasks.filter((t: { deadline?: string | null }) => t.deadline && String(t.deadline) < '2025-01-15').map((t: { id: string }) => `${f.slice(0, 3)} ${t.id}`);
        });
      expect(fromKeys.sort()).toEqual(expected);
    }
  });

  it('no longer lists a task once it is done, and the registry changes only in its status lines', () => {
    const file = path.join(out, '001_b11ec0531f900c9a.yaml');
    const before = readFileSync(file, 'utf8');
    expect(safetyTasks('status', file, '3.11', 'done', '--on', '2024-12-20').status).toBe(0);
    expect(late()).not.toContain('001 3.11');
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual({ removed: ['    status: open'], added: ['    status: done', '    done_on: 2024-12-20'] });
  });
});

describe('extract over a registry people have worked on', () => {
  it('refuses without --update, and with it keeps progress while taking the notice anew', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    const notice = path.join(dir, 'notice.txt');
    copyFileSync('seeds/004_65114f20cbda8ae2.txt', notice);
    const out = path.join(dir, 'registries');
    expect(safetyTasks('extract', notice, '--out', out).status).toBe(0);
    const file = path.join(out, 'notice.yaml');
    expect(safetyTasks('status', file, '2.2.3', 'in_progress', '--on', '2022-03-01', '--note', '已召开部署会', '--by', '市安委会办公室').status).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 2.2.4\n', '  # 考核细则待定\n  - id: 2.2.4\n    x-owner: 张三\n'));
    // the notice changes: a deadline is added to item 3
    writeFileSync(notice, readFileSync(notice, 'utf8').replace('3.推动落实安全生产责任。', '3.推动落实安全生产责任。6月底前完成责任清单修订。'));

    const refused = safetyTasks('extract', notice, '--out', out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/notice\.yaml:1:1  错误  .*--update.*  registry-exists/);

    expect(safetyTasks('extract', notice, '--out', out, '--update').status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const tasks = (parse(text) as Registry).tasks;
    const kept = tasks.find((t) => t.id === '2.2.3')!;
    expect(kept.status).toBe('in_progress');
    expect(kept.progress).toEqual([{ date: '2022-03-01', note: '已召开部署会', by: '市安委会办公室' }]);
    expect(kept.deadline).toBe('2022-06-30');
    expect((tasks.find((t) => t.id === '2.2.4') as Task & { 'x-owner'?: string })['x-owner']).toBe('张三');
    expect(text).toContain('# 考核细则待定');
  });
});
