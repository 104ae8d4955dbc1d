/**
 * Notice revisions over a registry people have worked on: each revision is
 * the same edited registry plus a revised notice; each test says where every
 * piece of recorded work ends up and what `extract --update` reports, and that
 * `--dry-run` reports the same and changes no byte.
 */
import { cpSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isSeq, parse, parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { safetyTasksIn, zh } from './helpers.js';
import type { Registry, Task } from '../src/registry/types.js';

const NOTICE = readFileSync('test/fixtures/revisions/notice.txt', 'utf8');
const NOW = { SAFETY_TASKS_NOW: '2024-06-15T02:00:00Z', TZ: 'Asia/Shanghai' };
const run = (...args: string[]) => safetyTasksIn(NOW, ...args);

/** The registry of the notice, worked on: progress through `status`, corrections, a task and a comment added by hand. */
function makeWorkedRegistry() {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-revision-'));
  const notice = path.join(dir, 'notice.txt');
  writeFileSync(notice, NOTICE);
  const out = path.join(dir, 'registries');
  expect(run('extract', notice, '--out', out).status).toBe(0);
  const file = path.join(out, 'notice.yaml');
  expect(run('status', file, '1.2', '已完成', '--on', '2024-05-01', '--note', '隐患排查已完成').status).toBe(0);
  expect(run('status', file, '2.1', '推进中', '--on', '2024-04-10', '--note', '燃气排查过半').status).toBe(0);
  const document = parseDocument(readFileSync(file, 'utf8'));
  const tasks = document.get('tasks', true);
  if (!isSeq(tasks)) throw new Error('no tasks');
  const task = (id: string) => tasks.items.find((t) => isMap(t) && t.get('id') === id) as YAMLMap;
  task('1.1').set('deadline', '2024-12-31'); // a deadline a person set
  task('1.3').set('lead', document.createNode(['市委组织部', '市应急局'])); // a lead a person corrected
  task('2.2').set('x-owner', '张三');
  task('2.2').commentBefore = ' 消防待复查';
  const byHand = document.createNode({ id: '1.9', text: '每月通报安全生产情况。', lead: ['市应急局'], support: [], deadline: null, status: 'in_progress', line: 1 });
  tasks.items.splice(tasks.items.indexOf(task('1.3')) + 1, 0, byHand);
  writeFileSync(file, document.toString({ lineWidth: 0 }));
  return dir;
}

let template: string | null = null;
/** A copy of the worked registry, with the notice it came from: made once, copied for each revision. */
function workedRegistry() {
  template ??= makeWorkedRegistry();
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-revision-'));
  cpSync(template, dir, { recursive: true });
  const out = path.join(dir, 'registries');
  return { notice: path.join(dir, 'notice.txt'), out, file: path.join(out, 'notice.yaml'), base: path.join(out, '.notice.base.yaml') };
}

/** Each diagnostic as `severity rule ids-it-names`, so tests say what is reported without its wording. */
function reported(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => /  (提示|警告|错误)  (.*)  ([a-z-]+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, word, message, rule]) => {
      const severity = ({ 提示: 'info', 警告: 'warning', 错误: 'error' } as Record<string, string>)[word!];
      const ids = (message!.match(/(?:附件\.\d+|\d+\.\d+)(?:\.\d+)*(?: → (?:附件\.\d+|\d+\.\d+)(?:\.\d+)*)?/g) ?? []).filter((id) => !/^20\d\d/.test(id));
      return `${severity} ${rule} ${ids[0] ?? ''}`.trim();
    });
}

/** Where each piece of recorded work is after the update, by the words of its task. */
function whereWorkIs(registry: Registry) {
  const all = [...registry.tasks.map((t) => ({ t, list: 'tasks' })), ...(registry.gone ?? []).map((t) => ({ t, list: 'gone' }))];
  const find = (words: string) => all.filter(({ t }) => t.text.includes(words));
  const one = (words: string) => {
    const found = find(words);
    expect(found.length).toBeLessThanOrEqual(1);
    return found[0] ?? { t: { id: 'none', lead: [] } as unknown as Task, list: 'none' };
  };
  const at = ({ t, list }: { t: Task; list: string }) => (list === 'gone' ? `gone ${t.id}` : t.id);
  const done = one('隐患排查');
  const gas = one('燃气');
  const exam = one('考核巡查');
  const duty = one('责任体系');
  const fire = one('消防');
  const ids = registry.tasks.map((t) => t.id);
  return {
    done: `${at(done)} ${done.t.status} ${done.t.done_on} ${done.t.progress?.map((p) => p.note).join()}`,
    gas: `${at(gas)} ${gas.t.status} ${gas.t.progress?.map((p) => p.note).join()}`,
    lead: `${at(exam)} ${exam.t.lead.join('、')}`,
    deadline: `${at(duty)} ${duty.t.deadline}`,
    own: `${at(fire)} ${(fire.t as Task & { 'x-owner'?: string })['x-owner']}`,
    // the task added by hand, and the task it follows
    byHand: `${ids[ids.indexOf('1.9') - 1]} → 1.9 ${registry.tasks.find((t) => t.id === '1.9')?.status}`,
    ids: ids.join(' '),
  };
}

function revise(change: (notice: string) => string) {
  const worked = workedRegistry();
  writeFileSync(worked.notice, change(NOTICE));
  const before = readFileSync(worked.file);
  const baseBefore = readFileSync(worked.base);
  const dry = run('extract', worked.notice, '--out', worked.out, '--update', '--dry-run');
  expect(dry.status).toBe(0);
  expect(readFileSync(worked.file).equals(before)).toBe(true);
  expect(readFileSync(worked.base).equals(baseBefore)).toBe(true);
  const real = run('extract', worked.notice, '--out', worked.out, '--update');
  expect(real.status).toBe(0);
  expect(dry.stderr).toBe(`${real.stderr}${zh('extract.dry-run')}\n`);
  const text = readFileSync(worked.file, 'utf8');
  expect(text).toContain('# 消防待复查');
  const validated = run('validate', worked.file);
  expect(validated.stdout.split('\n').filter((l) => l.includes('  错误  '))).toEqual([]);
  return { work: whereWorkIs(parse(text) as Registry), reported: reported(real.stderr), registry: parse(text) as Registry };
}

describe('extract --update over a worked registry, for each kind of revision', () => {
  it('an item inserted: the tasks below it keep their work under their new numbers', () => {
    const { work, reported: said } = revise((n) => n.replace('（二）开展隐患排查', '（二）开展应急演练。组织开展生产安全事故应急演练，检验应急预案。（市应急局牵头）\n（三）开展隐患排查').replace('（三）强化考核巡查', '（四）强化考核巡查'));
    expect(work).toEqual({
      done: '1.3 done 2024-05-01 隐患排查已完成',
      gas: '2.1 in_progress 燃气排查过半',
      lead: '1.4 市委组织部、市应急局',
      deadline: '1.1 2024-12-31',
      own: '2.2 张三',
      byHand: '1.4 → 1.9 in_progress',
      ids: '1.1 1.2 1.3 1.4 1.9 2.1 2.2',
    });
    expect(said).toEqual(['info task-appeared 1.2', 'info task-renumbered 1.2 → 1.3', 'info task-renumbered 1.3 → 1.4', 'info task-by-hand 1.9']);
  });

  it('an item deleted: its work is kept in gone, the item that took its number keeps its own', () => {
    const { work, reported: said, registry } = revise((n) => n.replace(/（二）开展隐患排查.*\n/, '').replace('（三）强化考核巡查', '（二）强化考核巡查'));
    expect(work).toEqual({
      done: 'gone 1.2 done 2024-05-01 隐患排查已完成',
      gas: '2.1 in_progress 燃气排查过半',
      lead: '1.2 市委组织部、市应急局',
      deadline: '1.1 2024-12-31',
      own: '2.2 张三',
      byHand: '1.2 → 1.9 in_progress',
      ids: '1.1 1.2 1.9 2.1 2.2',
    });
    expect(registry.gone?.[0]?.gone_on).toBe('2024-06-15');
    expect(said).toEqual(['warning task-disappeared 1.2', 'info task-renumbered 1.3 → 1.2', 'info task-by-hand 1.9']);
  });

  it('two items swapped: each keeps its own work', () => {
    const gas = /（一）整治燃气安全.*\n/.exec(NOTICE)![0];
    const fire = /（二）整治消防安全.*\n/.exec(NOTICE)![0];
    const { work, reported: said } = revise((n) => n.replace(gas + fire, fire.replace('（二）', '（一）') + gas.replace('（一）', '（二）')));
    expect(work).toMatchObject({ gas: '2.2 in_progress 燃气排查过半', own: '2.1 张三', done: '1.2 done 2024-05-01 隐患排查已完成', ids: '1.1 1.2 1.3 1.9 2.1 2.2' });
    expect(said).toEqual(['info task-by-hand 1.9', 'info task-renumbered 2.1 → 2.2', 'info task-renumbered 2.2 → 2.1']);
  });

  it('an item reworded slightly, a deadline the notice changed, a lead both changed: small edits keep the pairing, people win the conflict', () => {
    const { work, reported: said, registry } = revise((n) =>
      n
        .replace('组织全市重点行业领域开展安全隐患排查整治', '组织全市各重点行业领域开展安全隐患排查整治工作')
        .replace('餐饮场所燃气隐患，9月底前完成', '餐饮场所燃气隐患，10月底前完成')
        .replace('（市委组织部牵头）', '（市委宣传部牵头）'),
    );
    expect(work).toMatchObject({ done: '1.2 done 2024-05-01 隐患排查已完成', lead: '1.3 市委组织部、市应急局', gas: '2.1 in_progress 燃气排查过半', deadline: '1.1 2024-12-31' });
    expect(registry.tasks.find((t) => t.id === '1.2')!.text).toContain('各重点行业领域');
    expect(registry.tasks.find((t) => t.id === '2.1')!.deadline).toBe('2024-10-31');
    // 1.3: the notice's clause changed (taken) and its lead too (the person's correction kept, the new lead reported)
    expect(said).toEqual([
      'info task-reworded 1.2',
      'info task-updated 1.3',
      'warning field-conflict 1.3',
      'info task-by-hand 1.9',
      'info task-reworded 2.1',
      'info task-updated 2.1',
    ]);
  });

  it('an item rewritten entirely: paired by number only, and said so', () => {
    const { work, reported: said, registry } = revise((n) => n.replace(/（一）整治燃气安全.*\n/, '（一）推进信息化建设。建成全市统一的安全生产监管信息平台，实现数据共享。（市大数据中心牵头）\n'));
    expect(work).toMatchObject({ done: '1.2 done 2024-05-01 隐患排查已完成', own: '2.2 张三', gas: 'none undefined undefined' });
    const rewritten = registry.tasks.find((t) => t.id === '2.1')!;
    expect([rewritten.text.slice(0, 7), rewritten.status, rewritten.progress?.[0]?.note]).toEqual(['推进信息化建设', 'in_progress', '燃气排查过半']);
    expect(said).toEqual(['info task-by-hand 1.9', 'warning task-changed 2.1', 'info task-updated 2.1']);
  });

  it('a section inserted above: every task renumbered, every piece of work with its task', () => {
    const { work, reported: said } = revise((n) =>
      n
        .replace('一、压实安全生产责任', '一、加强组织领导\n（一）召开专题会议。每季度召开安委会全体会议，研究部署安全生产重点工作。（市应急局牵头）\n二、压实安全生产责任')
        .replace('二、加强重点领域整治', '三、加强重点领域整治'),
    );
    expect(work).toEqual({
      done: '2.2 done 2024-05-01 隐患排查已完成',
      gas: '3.1 in_progress 燃气排查过半',
      lead: '2.3 市委组织部、市应急局',
      deadline: '2.1 2024-12-31',
      own: '3.2 张三',
      byHand: '2.3 → 1.9 in_progress',
      ids: '1.1 2.1 2.2 2.3 1.9 3.1 3.2',
    });
    expect(said).toEqual([
      'info task-appeared 1.1',
      'info task-renumbered 1.1 → 2.1',
      'info task-renumbered 1.2 → 2.2',
      'info task-renumbered 1.3 → 2.3',
      'info task-by-hand 1.9',
      'info task-renumbered 2.1 → 3.1',
      'info task-renumbered 2.2 → 3.2',
    ]);
  });

  it('an attachment added: its tasks are new, nothing else moves', () => {
    const { work, reported: said } = revise((n) => `${n}\n附件\n重点执法检查清单\n1.开展危险化学品企业执法检查，严厉打击非法违法行为。（市应急局牵头）\n2.开展建筑施工安全执法检查，督促企业落实主体责任。（市住建局牵头）\n`);
    expect(work).toEqual({
      done: '1.2 done 2024-05-01 隐患排查已完成',
      gas: '2.1 in_progress 燃气排查过半',
      lead: '1.3 市委组织部、市应急局',
      deadline: '1.1 2024-12-31',
      own: '2.2 张三',
      byHand: '1.3 → 1.9 in_progress',
      ids: '1.1 1.2 1.3 1.9 2.1 2.2 附件.1 附件.2',
    });
    expect(said).toEqual(['info task-appeared 附件.1', 'info task-appeared 附件.2', 'info task-by-hand 1.9']);
  });
});

describe('extract over its own registries', () => {
  it('leaves a registry and its base alone when they hold what it would write, and writes them when the notice changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-same-'));
    const notice = path.join(dir, 'notice.txt');
    writeFileSync(notice, NOTICE);
    const out = path.join(dir, 'registries');
    expect(run('extract', notice, '--out', out).status).toBe(0);
    const files = [path.join(out, 'notice.yaml'), path.join(out, '.notice.base.yaml')];
    const old = new Date('2020-01-01T00:00:00Z');
    for (const file of files) utimesSync(file, old, old);
    const times = () => files.map((file) => statSync(file).mtime.toISOString());
    for (const again of [[], ['--force'], ['--update']]) {
      expect(run('extract', notice, '--out', out, ...again).status).toBe(0);
      expect(times()).toEqual([old.toISOString(), old.toISOString()]);
    }
    writeFileSync(notice, NOTICE.replace('市应急局', '市住房城乡建设局'));
    expect(run('extract', notice, '--out', out, '--force').status).toBe(0);
    expect(times().every((time) => time !== old.toISOString())).toBe(true);
    expect(readFileSync(files[0]!, 'utf8')).toBe(readFileSync(files[1]!, 'utf8'));
  });
});

describe('extract --force over recorded work', () => {
  it('refuses, naming each task, unless given twice; a registry nobody touched is replaced at once', () => {
    const { notice, out, file } = workedRegistry();
    const before = readFileSync(file);
    const refused = run('extract', notice, '--out', out, '--force');
    expect(refused.status).toBe(2);
    expect(reported(refused.stderr).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['error progress-would-be-lost']);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(run('extract', notice, '--out', out, '--force', '--force').status).toBe(0);
    const fresh = readFileSync(file, 'utf8');
    expect((parse(fresh) as Registry).tasks.every((t) => t.status === 'open' && !t.progress)).toBe(true);
    // now it is what the extractor wrote: a plain --force replaces it
    expect(run('extract', notice, '--out', out, '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(fresh);
  });
});
