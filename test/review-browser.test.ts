/**
 * The review pages in a real browser: Debian's chromium, driven by
 * playwright-core. CI installs chromium (.ci/run); without it this file fails,
 * it does not skip. Pages are written by the built binary, as a clerk would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNotice } from '../src/read/decode.js';
import { extractNotice } from '../src/extract/index.js';
import type { Registry } from '../src/registry/types.js';
import { directoryFor } from '../src/units/directory.js';
import { loadUnitsDirectories } from '../src/units/load.js';
import { safetyTasks } from './helpers.js';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const FIXTURES = 'test/fixtures/review';
const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

function chromiumPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('chromium is not installed: apt-get install chromium (as .ci/run does)');
  return found;
}

/** Every page the tests open, written by one run of the binary. */
const INPUTS = ['seeds', `${FIXTURES}/notice.yaml`, `${FIXTURES}/hostile.txt`, `${FIXTURES}/hostile.yaml`];

let browser: Browser;
let out: string;
let run: ReturnType<typeof review>;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath() });
  out = mkdtempSync(path.join(tmpdir(), 'review-'));
  run = review(path.join(out, 'pages'), ...INPUTS);
}, 60000);
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

function review(dir: string, ...inputs: string[]) {
  const result = safetyTasks('review', ...inputs, '--out', dir);
  return { ...result, url: (name: string) => pathToFileURL(path.join(dir, name)).href };
}

/** Open a page, recording every request it makes and every script error. */
async function open(url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, requests, errors };
}

interface Marked {
  text: string;
  deadline: string;
  units: { text: string; lead: boolean; support: boolean }[];
}

/** What the page marks for each task, read from the notice pane. */
function marksOn(page: Page, unitCounts: number[]): Promise<Marked[]> {
  return page.evaluate((counts) => {
    const textOf = (key: string) =>
      Array.from(document.querySelectorAll(`#notice [data-s~="${key}"]`))
        .map((el) => el.textContent)
        .join('');
    return counts.map((count, i) => ({
      text: textOf(`${i}:t`),
      deadline: textOf(`${i}:d`),
      units: Array.from({ length: count }, (_, n) => {
        const first = document.querySelector(`#notice [data-s~="${i}:u${n}"]`);
        return { text: textOf(`${i}:u${n}`), lead: !!first?.classList.contains('m-l'), support: !!first?.classList.contains('m-s') };
      }),
    }));
  }, unitCounts);
}

/** Select every task by clicking its row; report which did not end up marked. */
function selectEach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const rows = Array.from(document.querySelectorAll<HTMLElement>('#tasks tbody tr[data-i]'));
    rows.forEach((row, i) => {
      row.click();
      const current = rows.filter((r) => r.getAttribute('aria-current') === 'true');
      if (current.length !== 1 || current[0] !== row) problems.push(`${i}: row not current`);
      const own = Array.from(document.querySelectorAll(`#notice [data-s~="${i}:t"]`));
      if (own.length === 0) problems.push(`${i}: no text marked`);
      if (!own.every((el) => el.classList.contains('on'))) problems.push(`${i}: text not marked as selected`);
      const on = Array.from(document.querySelectorAll('#notice .on'));
      if (!on.every((el) => (el.getAttribute('data-s') ?? '').split(' ').some((k) => k.startsWith(`${i}:`)))) problems.push(`${i}: another task marked`);
    });
    return problems;
  });
}

function checkMarks(registry: Registry, marked: Marked[]) {
  registry.tasks.forEach((task, i) => {
    const where = `task ${task.id}`;
    expect(task.spans, where).toBeDefined();
    // the registry's text is the notice's with markup (**bold**) taken out: its start must be where the mark starts
    expect(squeeze(marked[i]!.text).startsWith(squeeze(task.text).slice(0, 12)), where).toBe(true);
    if (task.spans!.deadline) expect(squeeze(marked[i]!.deadline), where).toBe(squeeze(task.deadline_text));
    (task.spans!.units ?? []).forEach((unit, n) => {
      expect(squeeze(marked[i]!.units[n]!.text), where).toBe(squeeze(unit.name));
      expect(marked[i]!.units[n]![unit.role === 'lead' ? 'lead' : 'support'], where).toBe(true);
    });
  });
}

describe('a registry written by hand', () => {
  const registry = parse(readFileSync(`${FIXTURES}/notice.yaml`, 'utf8')) as Registry;

  it('marks each task, unit and deadline where its spans say, and the page asks for nothing', async () => {
    expect(run.status).toBe(0);
    const { page, requests, errors } = await open(run.url('notice.html'));
    expect(requests).toEqual([run.url('notice.html')]);
    expect(errors).toEqual([]);
    expect(await page.title()).toBe('威海市安全生产委员会关于开展消防安全检查的通知');
    checkMarks(registry, await marksOn(page, registry.tasks.map((t) => t.spans?.units?.length ?? 0)));
    // the marks are the notice's words exactly, CRLF line endings and all
    expect((await marksOn(page, [3]))[0]).toEqual({
      text: '开展高层建筑消防检查。',
      deadline: '2024年6月底前',
      units: [
        { text: '市消防救援支队', lead: true, support: false },
        { text: '市住建局', lead: false, support: true },
        { text: '市应急局', lead: false, support: true },
      ],
    });
    expect(await selectEach(page)).toEqual([]);
    await page.close();
  });

  it('moves between tasks with j/k and the arrows, and a click on a span selects its task', async () => {
    const { page } = await open(run.url('notice.html'));
    const current = () => page.evaluate(() => document.querySelector('#tasks tr[aria-current="true"]')?.getAttribute('data-i') ?? null);
    expect(await current()).toBe(null);
    await page.keyboard.press('j');
    expect(await current()).toBe('0');
    await page.keyboard.press('ArrowDown');
    expect(await current()).toBe('1');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current()).toBe('2');
    await page.keyboard.press('k');
    expect(await current()).toBe('1');
    await page.keyboard.press('ArrowUp');
    expect(await current()).toBe('0');
    await page.click('#notice [data-s~="2:u0"]');
    expect(await current()).toBe('2');
    expect(await page.getAttribute('#notice [data-s~="2:u0"]', 'class')).toContain('on');
    expect(await page.textContent('#current')).toBe('已选中：任务 1.3');
    // hovering a row marks its span without selecting it
    await page.hover('#t1');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('#notice .hover')).every((el) => el.getAttribute('data-s')!.includes('1:')))).toBe(true);
    expect(await page.locator('#notice .hover').count()).toBeGreaterThan(0);
    expect(await current()).toBe('2');
    // a flag's link selects the task it concerns
    await page.click('#flags a.to');
    expect(await current()).toBe('2');
    await page.close();
  });
});

describe('a notice or registry holding markup', () => {
  async function checkInert(url: string, title: string) {
    const { page, errors } = await open(url);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(2);
    expect(await page.locator('img, #notice b, #tasks b').count()).toBe(0);
    expect(await page.title()).toBe(title);
    const text = await page.textContent('#notice');
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(text).toContain('</div></span><b>网页标签</b>');
    expect(errors).toEqual([]);
    await page.close();
  }

  it('shows it as text and runs none of it', async () => {
    await checkInert(run.url('hostile.html'), '关于<script>window.__pwned=1</script>检查的通知');
    await checkInert(run.url('hostile-2.html'), '关于<script>window.__pwned=1</script>检查的通知');
    const { page } = await open(run.url('hostile-2.html'));
    await page.keyboard.press('j');
    expect(await page.textContent('#current')).toBe('已选中：任务 </script><script>window.__pwned=4</script>');
    expect(await page.textContent('#t1 td.lead')).toBe('<img src=x onerror=window.__pwned=5>');
    await page.close();
  });

  it('runs none of it even without the page’s content security policy: the escaping holds by itself', async () => {
    const dir = path.join(out, 'no-csp');
    mkdirSync(dir);
    for (const name of ['hostile.html', 'hostile-2.html', 'index.html']) {
      const html = readFileSync(path.join(out, 'pages', name), 'utf8');
      const bare = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
      expect(bare).not.toBe(html);
      writeFileSync(path.join(dir, name), bare);
    }
    const url = (name: string) => pathToFileURL(path.join(dir, name)).href;
    await checkInert(url('hostile.html'), '关于<script>window.__pwned=1</script>检查的通知');
    await checkInert(url('hostile-2.html'), '关于<script>window.__pwned=1</script>检查的通知');
    const { page } = await open(url('index.html'));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img').count()).toBe(0);
    await page.close();
  });
});

describe('the seeds', async () => {
  const directories = await loadUnitsDirectories();
  const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, false);
  const registries = new Map<string, Registry>();
  for (const name of seeds) {
    const bytes = readFileSync(`seeds/${name}`);
    const decoded = decodeNotice(bytes);
    if (!('text' in decoded)) throw new Error(decoded.problem);
    registries.set(name, extractNotice({ content: decoded.text, path: `seeds/${name}`, kind: 'text', bytes, units, encoding: decoded.encoding }).registry);
  }
  it('are all read', () => {
    expect(run.stderr).not.toContain('unreadable-input');
  });

  it.each(seeds)('%s: every task, unit and deadline is marked on its words, selecting marks it, nothing is requested', async (name) => {
    const registry = registries.get(name)!;
    const file = name.replace(/\.txt$/, '.html');
    const { page, requests, errors } = await open(run.url(file));
    expect(requests).toEqual([run.url(file)]);
    expect(errors).toEqual([]);
    expect(await page.title()).toBe(registry.document.title);
    checkMarks(registry, await marksOn(page, registry.tasks.map((t) => t.spans?.units?.length ?? 0)));
    expect(await selectEach(page)).toEqual([]);
    await page.close();
  });

  it('scrolls the notice to the task selected, and to the task a row is hovered on', async () => {
    const { page } = await open(run.url('001_b11ec0531f900c9a.html'));
    const inView = (i: number) =>
      page.evaluate((task) => {
        const pane = document.getElementById('notice')!.getBoundingClientRect();
        const mark = document.querySelector(`#notice [data-s~="${task}:t"]`)!.getBoundingClientRect();
        return mark.top >= pane.top && mark.top < pane.bottom;
      }, i);
    const last = registries.get('001_b11ec0531f900c9a.txt')!.tasks.length - 1;
    expect(await inView(last)).toBe(false);
    await page.keyboard.press('k');
    expect(await inView(last)).toBe(true);
    expect(await inView(0)).toBe(false);
    await page.hover('#t0 th');
    expect(await inView(0)).toBe(true);
    await page.close();
  });

  it('the overview has one line per notice, each linking to its page', async () => {
    const { page, requests } = await open(run.url('index.html'));
    expect(requests).toEqual([run.url('index.html')]);
    const links = await page.$$eval('tbody a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([...seeds.map((s) => s.replace(/\.txt$/, '.html')), 'notice.html', 'hostile.html', 'hostile-2.html']);
    const counts = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.children[1]!.textContent));
    expect(counts.slice(0, seeds.length)).toEqual(seeds.map((s) => String(registries.get(s)!.tasks.length)));
    await page.close();
  });
});

describe('the same input', () => {
  it('gives the same bytes twice', () => {
    const [a, b] = [path.join(out, 'pages'), path.join(out, 'again')];
    expect(review(b, ...INPUTS).stdout.replaceAll(b, a)).toBe(run.stdout);
    const names = readdirSync(a).sort();
    expect(names).toEqual(readdirSync(b).sort());
    expect(names.length).toBe(seeds.length + 4);
    for (const name of names) expect(readFileSync(path.join(b, name)).equals(readFileSync(path.join(a, name))), name).toBe(true);
  });
});
