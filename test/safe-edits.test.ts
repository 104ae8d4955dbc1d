/**
 * Recording progress safely: one local "today", status refusing what validate
 * rejects (with the same rule), ids matched exactly, writes that keep what the
 * file was, refusal of what is not UTF-8, and locks that lose no edit.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, lstatSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseStatus, STATUSES, statusWord } from '../src/registry/status.js';
import { createFileExclusively } from '../src/safe-file.js';
import { safetyTasks, safetyTasksIn } from './helpers.js';
import type { Registry } from '../src/registry/types.js';

const task = (id: string, extra = '') => `  - id: "${id}"\n    text: 任务${id}\n    lead: [市应急局]\n    support: []\n    deadline: 2024-05-01\n    status: open\n    line: 1\n${extra}`;
const registryText = (tasks: string) => `version: 1\ndocument:\n  id: r\n  title: null\n  issuer: null\n  number: null\n  date: 2024-01-01\n  period: null\n  jurisdiction: 威海市\n  source:\n    path: n.txt\n    sha256: ${'a'.repeat(64)}\ntasks:\n${tasks}`;

function registry(text = registryText(task('1.1') + task('1.2'))) {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-edit-'));
  const file = path.join(dir, 'r.yaml');
  writeFileSync(file, text);
  return { dir, file };
}
const rules = (stderr: string) => stderr.split('\n').filter(Boolean).map((line) => line.split('  ').at(-1));

describe('one today: the local date of the machine', () => {
  // 2024-05-01 23:30 UTC is 07:30 on 2 May in Beijing
  const at0730 = { TZ: 'Asia/Shanghai', SAFETY_TASKS_NOW: '2024-05-01T23:30:00Z' };

  it('status records the local date, and validate and overdue judge by it', () => {
    const { file } = registry();
    expect(safetyTasksIn(at0730, 'status', file, '1.1', '完成').status).toBe(0);
    expect((parse(readFileSync(file, 'utf8')) as Registry).tasks[0]!.done_on).toBe('2024-05-02');
    const validated = safetyTasksIn(at0730, 'validate', file, '--format', 'json');
    expect(JSON.parse(validated.stdout).filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(validated.status).toBe(0);
    // the same instant judged by the UTC date would put the day in the future
    expect(JSON.parse(safetyTasksIn({ ...at0730, TZ: 'UTC' }, 'validate', file, '--format', 'json').stdout).map((d: { rule: string }) => d.rule)).toContain('done-in-future');
    const late = JSON.parse(safetyTasksIn(at0730, 'overdue', file, '--explicit-only', '--format', 'json').stdout)[0].rows;
    expect(late.map((r: { task: string; days: number }) => `${r.task} ${r.days}`)).toEqual(['1.2 1']);
  });

  it('--today overrides it', () => {
    const { file } = registry(registryText(task('1.1', '    done_on: 2024-05-02\n').replace('status: open', 'status: done')));
    expect(rules(safetyTasksIn(at0730, 'validate', file, '--today', '2024-05-01').stdout)).toContain('done-in-future');
  });
});

describe('status refuses what validate rejects, with the same rule', () => {
  it.each([
    [['1.1', 'done', '--on', '2999-01-01'], 1, 'done-in-future'],
    [['1.1', 'in_progress', '--on', '2999-01-01', '--note', '提前'], 1, 'progress-in-future'],
    [['1.1', 'done', '--on', '2024-02-30'], 2, 'impossible-date'],
    [['1.1', 'done', '--on', '2024/04/01'], 2, 'invalid-format'],
    [['1.1', '好了'], 2, 'invalid-value'],
  ])('%j', (args, code, rule) => {
    const { file } = registry();
    const before = readFileSync(file);
    const result = safetyTasks('status', file, ...args);
    expect([result.status, rules(result.stderr)]).toEqual([code, [rule]]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('validate gives the same rules for the same fields', () => {
    const { file } = registry(registryText(task('1.1', '    done_on: 2999-01-01\n    progress:\n      - {date: 2024-02-30, note: 记}\n').replace('status: open', 'status: done')));
    expect(JSON.parse(safetyTasks('validate', file, '--format', 'json').stdout).map((d: { rule: string }) => d.rule).sort()).toEqual(['done-in-future', 'impossible-date']);
  });

  it.each([
    ['已完成', 'done'], ['完成', 'done'], ['推进中', 'in_progress'], ['进行中', 'in_progress'], ['in progress', 'in_progress'], ['未开始', 'open'], ['已取消', 'dropped'], ['已撤销', 'dropped'], ['dropped', 'dropped'],
  ])('takes %s for %s', (word, status) => {
    const { file } = registry();
    expect(safetyTasks('status', file, '1.2', word, ...(status === 'done' ? ['--on', '2024-04-01'] : [])).status).toBe(0);
    expect((parse(readFileSync(file, 'utf8')) as Registry).tasks[1]!.status).toBe(status);
  });

  it('reads back every word it prints for a status, in either language', () => {
    for (const language of ['zh', 'en'] as const) for (const status of STATUSES) expect(parseStatus(statusWord(status, language)!)).toBe(status);
    expect(statusWord('finished', 'zh')).toBeNull();
  });
});

describe('task ids are matched as the exact strings they are', () => {
  it('3.1 is not 3.10', () => {
    const { file } = registry(registryText(task('3.10') + task('3.1')));
    expect(safetyTasks('status', file, '3.1', 'done', '--on', '2024-04-01').status).toBe(0);
    expect((parse(readFileSync(file, 'utf8')) as Registry).tasks.map((t) => `${t.id} ${t.status}`)).toEqual(['3.10 open', '3.1 done']);
  });

  it('an unquoted id (a number) is an error at its line, not a guess', () => {
    const { file } = registry(registryText(task('3.10').replace('"3.10"', '3.10') + task('3.2')));
    const before = readFileSync(file);
    const result = safetyTasks('status', file, '3.1', 'done', '--on', '2024-04-01');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/r\.yaml:14:9  错误  .*3\.10.*  wrong-type$/m);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a write keeps what the file was', () => {
  it('its mode and owner', () => {
    const { file } = registry();
    chmodSync(file, 0o600);
    if (process.getuid?.() === 0) chownSync(file, 1234, 1234);
    const owner = statSync(file);
    expect(safetyTasks('status', file, '1.1', 'done', '--on', '2024-04-01').status).toBe(0);
    const after = statSync(file);
    expect([after.mode & 0o777, after.uid, after.gid]).toEqual([0o600, owner.uid, owner.gid]);
    expect(readFileSync(file, 'utf8')).toContain('done_on: 2024-04-01');
  });

  it('a symlink: written through to its target', () => {
    const { dir, file } = registry();
    mkdirSync(path.join(dir, 'links'));
    const link = path.join(dir, 'links', 'r.yaml');
    symlinkSync(file, link);
    expect(safetyTasks('status', link, '1.1', 'done', '--on', '2024-04-01').status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('done_on: 2024-04-01');
  });

  it('hard links: every name sees the edit', () => {
    const { dir, file } = registry();
    const other = path.join(dir, 'copy.yaml');
    linkSync(file, other);
    const inode = statSync(file).ino;
    expect(safetyTasks('status', file, '1.1', 'done', '--on', '2024-04-01').status).toBe(0);
    expect([statSync(file).ino, statSync(file).nlink]).toEqual([inode, 2]);
    expect(readFileSync(other, 'utf8')).toContain('done_on: 2024-04-01');
  });

  it('CRLF line endings stay CRLF, and only the status lines change', () => {
    const crlf = registryText(task('1.1') + task('1.2')).replace(/\n/g, '\r\n');
    const { file } = registry(crlf);
    expect(safetyTasks('status', file, '1.2', 'done', '--on', '2024-04-01').status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(after).toBe(crlf.replace(/(id: "1\.2"(?:.*\r\n)*?    )status: open\r\n/, '$1status: done\r\n    done_on: 2024-04-01\r\n'));
  });

  it.each([
    ['GBK', (text: string) => iconv.encode(text, 'gbk')],
    ['invalid UTF-8', (text: string) => Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0x0a])])],
  ])('a registry in %s is refused and never rewritten', (_, encode) => {
    const { file } = registry();
    const bytes = encode(readFileSync(file, 'utf8'));
    writeFileSync(file, bytes);
    const result = safetyTasks('status', file, '1.1', 'done', '--on', '2024-04-01');
    expect([result.status, rules(result.stderr)]).toEqual([2, ['unreadable-input']]);
    expect(result.stderr).toContain('UTF-8');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('leaves no temporary file, and removes what a killed run left', () => {
    const { dir, file } = registry();
    const leftover = path.join(dir, '.r.yaml.4194999.0123456789abcdef.tmp');
    writeFileSync(leftover, 'half');
    expect(safetyTasks('status', file, '1.1', 'done', '--on', '2024-04-01').status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['r.yaml']);
  });

  it('a stale lock left by a killed run is recovered', () => {
    const { file } = registry();
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect(safetyTasks('status', file, '1.1', 'done', '--on', '2024-04-01').status).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('edits at once', () => {
  /** Run the CLI without waiting: for processes that must overlap. */
  const start = (...args: string[]) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['bin/safety-tasks.js', ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
      child.on('close', resolve);
    });

  it('200 pairs of status runs on one registry lose none of the 400 edits, and leave it valid', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `${Math.floor(i / 20) + 1}.${(i % 20) + 1}`);
    const { file } = registry(registryText(ids.map((id) => task(id)).join('')));
    const codes: (number | null)[] = [];
    // the pairs start together, a few pairs at a time, so every run overlaps with others
    for (let batch = 0; batch < ids.length; batch += 8) {
      const pairs = ids.slice(batch, batch + 8).flatMap((id) => [
        start('status', file, id, 'in_progress', '--on', '2024-04-01', '--note', `甲报${id}`),
        start('status', file, id, 'in_progress', '--on', '2024-04-02', '--note', `乙报${id}`),
      ]);
      codes.push(...(await Promise.all(pairs)));
    }
    expect(codes.filter((c) => c !== 0)).toEqual([]);
    const tasks = (parse(readFileSync(file, 'utf8')) as Registry).tasks;
    expect(tasks.flatMap((t) => (t.progress ?? []).map((p) => p.note)).sort()).toEqual(ids.flatMap((id) => [`甲报${id}`, `乙报${id}`]).sort());
    expect(tasks.every((t) => t.status === 'in_progress')).toBe(true);
    const validated = safetyTasks('validate', file, '--format', 'json');
    expect(JSON.parse(validated.stdout).filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  }, 600_000);

  it('six extract runs at once into one empty folder: each registry made once and whole, every run content, nothing left behind', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-race-'));
    const alone = mkdtempSync(path.join(tmpdir(), 'safety-tasks-alone-'));
    expect(safetyTasks('extract', 'seeds', '--out', alone).status).toBe(0);
    const codes = await Promise.all(Array.from({ length: 6 }, () => start('extract', 'seeds', '--out', out)));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    expect(readdirSync(out).sort()).toEqual(readdirSync(alone).sort());
    for (const name of readdirSync(alone)) expect(readFileSync(path.join(out, name), 'utf8')).toBe(readFileSync(path.join(alone, name), 'utf8'));
  }, 120_000);
});

describe('a new file is created only where nothing is', () => {
  it('made whole, with no temporary file beside it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-create-'));
    const file = path.join(dir, 'r.yaml');
    expect(await createFileExclusively(file, 'version: 1\n')).toBe(true);
    expect([readFileSync(file, 'utf8'), readdirSync(dir)]).toEqual(['version: 1\n', ['r.yaml']]);
  });

  it('a file that is there, or a link to nowhere, is left as it is', async () => {
    const { dir, file } = registry();
    const before = readFileSync(file, 'utf8');
    expect(await createFileExclusively(file, 'version: 1\n')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const dangling = path.join(dir, 'link.yaml');
    symlinkSync(path.join(dir, 'nowhere.yaml'), dangling);
    expect(await createFileExclusively(dangling, 'version: 1\n')).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'r.yaml']);
  });
});
