/** The review page's core (flags, marks, escaping) and the `review` command on the built binary; the browser tests are in review-browser.test.ts. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnostic } from '../src/diagnostic.js';
import type { Registry } from '../src/registry/types.js';
import { flagsOf, reviewPage, type ReviewInput } from '../src/review/page.js';
import { safetyTasks } from './helpers.js';

const FIXTURES = 'test/fixtures/review';
const notice = readFileSync(`${FIXTURES}/notice.txt`, 'utf8');
const registry = () => parse(readFileSync(`${FIXTURES}/notice.yaml`, 'utf8')) as Registry;
const input = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  registry: registry(),
  notice,
  diagnostics: [],
  source: { state: 'unchanged', path: 'notice.txt' },
  ...over,
});
const where = (flags: ReturnType<typeof flagsOf>) => flags.map((f) => [f.rule, f.line, f.task]);

const temporary = mkdtempSync(path.join(tmpdir(), 'review-cli-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('flags', () => {
  it('names a task whose units came from a weak form, at its line', () => {
    expect(where(flagsOf(input()))).toEqual([['weak-form', 8, 2]]);
  });

  it("takes the extractor's word for a weak form once, and ties a diagnostic to the task on its line", () => {
    const diagnostics = [
      diagnostic('notice.txt', { line: 8, column: 1 }, 'units-from-subject', 'info', '任务 1.3 的单位取自句首主语'),
      diagnostic('notice.txt', { line: 7, column: 6 }, 'numbering-gap', 'warning', 'item 3 follows 1'),
    ];
    expect(where(flagsOf(input({ diagnostics })))).toEqual([
      ['numbering-gap', 7, 1],
      ['units-from-subject', 8, 2],
    ]);
  });

  it('says when a span no longer reads as the registry says (the notice changed), and when one lies outside it', () => {
    const changed = notice.replace('市住建局', '市建设局');
    expect(where(flagsOf(input({ notice: changed })))).toEqual([
      ['span-mismatch', 5, 0],
      ['weak-form', 8, 2],
    ]);
    const shortened = notice.slice(0, 100);
    expect(where(flagsOf(input({ notice: shortened }))).filter(([rule]) => rule === 'span-outside')).toEqual([
      ['span-outside', 6, 1],
      ['span-outside', 6, 1],
      ['span-outside', 6, 1],
      ['span-outside', 8, 2],
      ['span-outside', 8, 2],
    ]);
  });

  it('says once that a registry records no spans at all, per task when only some lack them', () => {
    const bare = registry();
    for (const task of bare.tasks) delete task.spans;
    expect(where(flagsOf(input({ registry: bare })))).toEqual([
      ['no-spans', null, null],
      ['weak-form', 8, 2],
    ]);
    const some = registry();
    delete some.tasks[1]!.spans;
    expect(where(flagsOf(input({ registry: some }))).filter(([rule]) => rule === 'no-spans')).toEqual([['no-spans', 6, 1]]);
  });

  it('lists words between the tasks that no task holds', () => {
    expect(where(flagsOf(input())).filter(([rule]) => rule === 'unplaced-text')).toEqual([]);
    // task 1.2 held only to its first line: line 7 (责任单位：… 完成时限：…, 26 characters) lies in no span
    const shorter = registry();
    shorter.tasks[1]!.spans = { text: [96, 109] };
    expect(where(flagsOf(input({ registry: shorter }))).filter(([rule]) => rule === 'unplaced-text')).toEqual([['unplaced-text', 7, null]]);
  });
});

describe('the page', () => {
  it('is the same bytes for the same input', () => {
    expect(reviewPage(input())).toBe(reviewPage(input()));
  });

  it('titles itself with the notice, says how the notice stands, and loads nothing', () => {
    const page = reviewPage(input());
    expect(page).toContain('<title>威海市安全生产委员会关于开展消防安全检查的通知</title>');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(reviewPage(input({ source: { state: 'changed', path: 'notice.txt' } }))).toContain('<p class="source bad" role="alert">注意：通知文件 notice.txt 自台账生成后已改动');
    expect(reviewPage(input({ notice: null, source: { state: 'missing', path: 'notice.txt' } }))).toContain('找不到台账所记的通知文件 notice.txt');
  });

  it('marks a unit as one element naming its task and role, its label from the style', () => {
    expect(reviewPage(input())).toContain('<span class="m m-l f-l" data-s="0:u0">市消防救援支队</span>');
    expect(reviewPage(input())).toContain('<span class="m m-t m-d f-d" data-s="1:t 1:d">2024年9月30日前</span>');
  });

  it('writes the script data so no text can close its element', () => {
    const hostile = registry();
    hostile.tasks[0]!.id = '</script><script>alert(1)</script>';
    const page = reviewPage(input({ registry: hostile }));
    const data = /<script type="application\/json" id="review-data">(.*?)<\/script>/.exec(page)![1]!;
    expect(data).not.toMatch(/[<>]/);
    expect(JSON.parse(data).tasks[0].id).toBe('</script><script>alert(1)</script>');
    expect(page.match(/<script/g)).toHaveLength(2);
  });
});

describe('safety-tasks review', () => {
  it('writes one page per input and an overview, and lists them on stdout, the overview first', () => {
    const out = path.join(temporary, 'two');
    const run = safetyTasks('review', `${FIXTURES}/notice.yaml`, `${FIXTURES}/notice.txt`, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe([`${out}/index.html`, `${out}/notice.html`, `${out}/notice-2.html`, ''].join('\n'));
    const overview = readFileSync(`${out}/index.html`, 'utf8');
    expect(overview).toContain('<td><a href="notice.html">威海市安全生产委员会关于开展消防安全检查的通知</a></td><td class="n">3</td>');
  });

  it('says plainly when the notice changed since the registry, or is missing, and exits 1', () => {
    const out = path.join(temporary, 'changed-out');
    for (const name of ['notice.yaml', 'hostile.yaml']) copyFileSync(`${FIXTURES}/${name}`, path.join(temporary, name));
    writeFileSync(path.join(temporary, 'notice.txt'), notice.replace('高度重视', '重视'));
    const run = safetyTasks('review', path.join(temporary, 'notice.yaml'), path.join(temporary, 'hostile.yaml'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/notice\.yaml:1:1 +警告 +通知文件 notice\.txt 自台账生成后已改动（sha256 不同） +source-changed/);
    expect(run.stderr).toMatch(/hostile\.yaml:1:1 +警告 +找不到台账所记的通知文件 hostile\.txt +source-missing/);
    expect(readFileSync(path.join(out, 'notice.html'), 'utf8')).toContain('role="alert">注意：通知文件 notice.txt 自台账生成后已改动');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<td class="bad">hostile.txt（找不到）</td>');
  });

  it('finds the notice from where it runs when not beside the registry', () => {
    const out = path.join(temporary, 'cwd');
    const moved = path.join(temporary, 'moved.yaml');
    writeFileSync(moved, readFileSync(`${FIXTURES}/notice.yaml`, 'utf8').replace('path: notice.txt', `path: ${FIXTURES}/notice.txt`));
    const run = safetyTasks('review', moved, '--out', out);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(out, 'moved.html'), 'utf8')).toContain(`台账与通知文件 ${FIXTURES}/notice.txt 一致（sha256 相同）`);
  });

  it('says so of a registry it cannot make a page of, and goes on with the others', () => {
    const out = path.join(temporary, 'broken');
    const broken = path.join(temporary, 'broken.yaml');
    writeFileSync(broken, readFileSync(`${FIXTURES}/notice.yaml`, 'utf8').replace('path: notice.txt', `path: ${FIXTURES}/notice.txt`).replace(/lead:\n      - 市商务局/, 'lead: 3').replace('text: [ 46, 57 ]', 'text: seven'));
    const run = safetyTasks('review', broken, `${FIXTURES}/notice.txt`, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.yaml:1:1 +错误 +台账的格式有误，无法生成审阅页/);
    expect(run.stdout).toBe(`${out}/notice.html\n`);
  });

  it('exits 2 on a path that is not there, still writing the others', () => {
    const out = path.join(temporary, 'bad');
    const run = safetyTasks('review', 'no/such/notice.txt', `${FIXTURES}/notice.txt`, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no\/such\/notice\.txt:1:1 +错误 +.+ +unreadable-input/);
    expect(run.stdout).toBe(`${out}/notice.html\n`);
  });
});
