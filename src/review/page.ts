/**
 * The review page of one notice: its text on the left with every task's text,
 * units and deadline marked where the registry's spans put them, the ledger on
 * the right, what needs a clerk's eye at the top. Pure: registry, notice text
 * and diagnostics in, one self-contained HTML string out, the same bytes for
 * the same input.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';
import { forHtml, toJson } from '../format/escape.js';
import { WEAK_FORMS, type Registry, type Span, type Task } from '../registry/types.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './assets.js';
import { statusWord } from '../registry/status.js';
import { FORM_WORDS, PAGE_WORDS as W, ruleWord } from './words.js';

/** How the notice on the page stands against the registry. */
export type SourceState = 'extracted' | 'unchanged' | 'changed' | 'missing';

export interface ReviewInput {
  registry: Registry;
  /** the notice's decoded text (byte-order mark left out), the text the spans index; null when it could not be read */
  notice: string | null;
  /** what the extractor (or the reading of the files) reported on this notice */
  diagnostics: Diagnostic[];
  source: { state: SourceState; path: string };
}

/** One item the clerk should check, with the line it stands on and the task it concerns. */
export interface Flag {
  line: number | null;
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  task: number | null;
}

type Kind = 't' | 'l' | 's' | 'd';
interface Mark {
  start: number;
  end: number;
  task: number;
  /** `t` text, `d` deadline, `u<n>` the task's n-th unit */
  key: string;
  kind: Kind;
  /** the order the registry gives: task by task, text, units, deadline */
  order: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The marks the spans give, and the flags for spans that do not fit the notice. */
function marksOf(tasks: Task[], notice: string | null): { marks: Mark[]; flags: Flag[] } {
  const marks: Mark[] = [];
  const flags: Flag[] = [];
  const flag = (task: number, rule: string, message: string) => flags.push({ line: tasks[task]!.line, rule, severity: 'warning', message, task });
  const withSpans = tasks.filter((t) => t.spans).length;
  if (tasks.length > 0 && withSpans === 0) {
    flags.push({ line: null, rule: 'no-spans', severity: 'warning', message: W.noSpans, task: null });
    return { marks, flags };
  }
  const place = (task: number, span: Span, key: string, kind: Kind, what: string, expected: string | null) => {
    // a registry edited by hand may hold anything here: what is not two offsets inside the notice is flagged
    const [start, end] = Array.isArray(span) ? span : [NaN, NaN];
    if (notice === null) return;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= notice.length)) return flag(task, 'span-outside', W.spanOutside(what));
    if (expected !== null && squeeze(notice.slice(start, end)) !== squeeze(expected)) flag(task, 'span-mismatch', W.spanMismatch(what, expected));
    marks.push({ start, end, task, key, kind, order: marks.length });
  };
  tasks.forEach((task, i) => {
    const spans = task.spans;
    if (!spans) return flag(i, 'no-spans', W.taskNoSpans);
    place(i, spans.text, 't', 't', W.spanWhat.text, null);
    spans.units?.forEach((unit, n) => place(i, unit.span, `u${n}`, unit.role === 'lead' ? 'l' : 's', W.spanWhat.unit, unit.name));
    if (spans.deadline) place(i, spans.deadline, 'd', 'd', W.spanWhat.deadline, task.deadline_text);
  });
  return { marks, flags };
}

/** The task a diagnostic concerns: the one whose text holds its line, else none. */
function taskAtLine(tasks: Task[], lineStarts: number[] | null, line: number): number | null {
  const exact = tasks.findIndex((t) => t.line === line);
  if (exact >= 0) return exact;
  if (!lineStarts) return null;
  const at = lineStarts[line - 1];
  if (at === undefined) return null;
  const holding = tasks.findIndex((t) => t.spans && t.spans.text[0] <= at && at < t.spans.text[1]);
  return holding >= 0 ? holding : null;
}

/** Offsets at which each line starts (a line ends at \n; \r\n and lone \r as in the file). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** The flags of a page, in the order of the notice: diagnostics first by line, then the page's own checks. */
export function flagsOf(input: ReviewInput): Flag[] {
  const tasks = input.registry.tasks;
  const lineStarts = input.notice === null ? null : lineStartsOf(input.notice);
  const fromDiagnostics: Flag[] = input.diagnostics.map((d) => ({
    line: d.line,
    rule: d.rule,
    severity: d.severity,
    message: d.suggestion ? `${d.message}（${d.suggestion}）` : d.message,
    task: taskAtLine(tasks, lineStarts, d.line),
  }));
  const weak: Flag[] = [];
  tasks.forEach((task, i) => {
    // the extractor says so itself (units-from-subject): once is enough
    const diagnosed = fromDiagnostics.some((f) => f.task === i && (f.rule === 'weak-form' || f.rule.startsWith('units-from-')));
    if (task.form && WEAK_FORMS.has(task.form) && !diagnosed) {
      weak.push({ line: task.line, rule: 'weak-form', severity: 'info', message: W.weakForm(FORM_WORDS[task.form]), task: i });
    }
  });
  const { marks, flags: spanFlags } = marksOf(tasks, input.notice);
  const unplaced = input.notice === null || !lineStarts ? [] : unplacedText(input.notice, lineStarts, marks);
  const all = [...fromDiagnostics, ...weak, ...unplaced, ...spanFlags];
  return all
    .map((f, order) => ({ f, order }))
    .sort((a, b) => (a.f.line ?? 0) - (b.f.line ?? 0) || a.order - b.order)
    .map(({ f }) => f);
}

/** Lines with words of their own that lie between the first task and the last yet in no span. */
const UNPLACED_LENGTH = 20;

/** Runs of such lines: what the extractor may have missed (headings and the notice's opening and close are left out). */
function unplacedText(notice: string, starts: number[], marks: Mark[]): Flag[] {
  const texts = marks.filter((m) => m.kind === 't');
  if (texts.length === 0) return [];
  const from = texts.reduce((least, m) => Math.min(least, m.start), Infinity);
  const to = texts.reduce((most, m) => Math.max(most, m.end), 0);
  // the marks as sorted, merged stretches, walked once alongside the lines
  const stretches: [number, number][] = [];
  for (const m of [...marks].sort((x, y) => x.start - y.start)) {
    const last = stretches[stretches.length - 1];
    if (last && m.start <= last[1]) last[1] = Math.max(last[1], m.end);
    else stretches.push([m.start, m.end]);
  }
  let at = 0;
  const covered = (a: number, b: number) => {
    while (at < stretches.length && stretches[at]![1] <= a) at++;
    return at < stretches.length && stretches[at]![0] < b;
  };
  const flags: Flag[] = [];
  let run: [number, number] | null = null;
  const close = () => {
    if (run) flags.push({ line: run[0], rule: 'unplaced-text', severity: 'info', message: W.unplaced(run[0], run[1]), task: null });
    run = null;
  };
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? notice.length;
    const words = notice.slice(start, end).replace(/\s+/g, '');
    if (start >= from && end <= to && words.length >= UNPLACED_LENGTH && !covered(start, end)) {
      if (run && run[1] === index) run[1] = index + 1;
      else {
        close();
        run = [index + 1, index + 1];
      }
    } else if (words.length > 0) close();
  });
  close();
  return flags;
}

/** The figures the overview shows for one notice. */
export function summaryOf(input: ReviewInput): { title: string; tasks: number; units: string[]; flagged: number } {
  const units = new Set<string>();
  for (const task of input.registry.tasks) for (const name of [...task.lead, ...task.support]) units.add(name);
  return { title: titleOf(input.registry), tasks: input.registry.tasks.length, units: [...units], flagged: flagsOf(input).length };
}

export function titleOf(registry: Registry): string {
  return registry.document.title ?? registry.document.id ?? W.untitled;
}

/**
 * The notice, line by line, each stretch between two span edges one element
 * that names the spans it lies in. One sweep over the edges: time linear in the
 * notice and its marks, however many lines.
 */
function noticeHtml(notice: string, marks: Mark[]): string {
  const edges = [...new Set(marks.flatMap((m) => [m.start, m.end]))].sort((x, y) => x - y);
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  let nextEdge = 0;
  let nextMark = 0;
  let active: Mark[] = [];
  const starts = lineStartsOf(notice);
  // a file ending in a line break has no empty last line to show
  if (starts.length > 1 && starts[starts.length - 1] === notice.length) starts.pop();
  let html = '';
  starts.forEach((lineStart, index) => {
    const next = starts[index + 1] ?? notice.length;
    const lineEnd = notice.slice(lineStart, next).replace(/\r?\n$|\r$/, '').length + lineStart;
    while (nextEdge < edges.length && edges[nextEdge]! <= lineStart) nextEdge++;
    const cuts = [lineStart];
    while (nextEdge < edges.length && edges[nextEdge]! < lineEnd) cuts.push(edges[nextEdge++]!);
    cuts.push(lineEnd);
    let body = '';
    for (let c = 0; c + 1 < cuts.length; c++) {
      const [from, to] = [cuts[c]!, cuts[c + 1]!];
      if (from === to) continue;
      while (nextMark < byStart.length && byStart[nextMark]!.start <= from) active.push(byStart[nextMark++]!);
      active = active.filter((m) => m.end > from);
      const text = forHtml(notice.slice(from, to));
      if (active.length === 0) {
        body += text;
        continue;
      }
      const kinds = (['t', 'l', 's', 'd'] as const).filter((k) => active.some((m) => m.kind === k));
      const firsts = (['l', 's', 'd'] as const).filter((k) => active.some((m) => m.kind === k && m.start === from));
      const classes = ['m', ...kinds.map((k) => `m-${k}`), ...firsts.map((k) => `f-${k}`)].join(' ');
      const keys = [...active].sort((x, y) => x.order - y.order).map((m) => `${m.task}:${m.key}`).join(' ');
      body += `<span class="${classes}" data-s="${keys}">${text}</span>`;
    }
    html += `<div class="l" id="L${index + 1}" data-n="${index + 1}">${body}</div>\n`;
  });
  return html;
}

const cell = (values: string[]) => (values.length ? values.map(forHtml).join('、') : W.none);

function deadlineCell(task: Task): string {
  if (task.deadline && task.deadline_text) return `${forHtml(task.deadline_text)}<br><span class="date">${forHtml(task.deadline)}</span>`;
  if (task.deadline_text) return forHtml(task.deadline_text);
  return task.deadline ? forHtml(task.deadline) : W.none;
}

function taskRows(tasks: Task[]): string {
  return tasks
    .map((task, i) => {
      const form = task.form ? `${FORM_WORDS[task.form]}${WEAK_FORMS.has(task.form) ? `<span class="weak">${W.weak}</span>` : ''}` : W.none;
      const summary = task.title ?? task.text;
      return (
        `<tr id="t${i}" data-i="${i}">` +
        `<th scope="row"><a href="#t${i}">${forHtml(task.id)}</a></th>` +
        `<td class="task"><div>${forHtml(summary)}</div></td>` +
        `<td class="lead">${cell(task.lead)}</td>` +
        `<td class="support">${cell(task.support)}</td>` +
        `<td class="deadline">${deadlineCell(task)}</td>` +
        `<td class="status s-${forHtml(String(task.status))}">${forHtml(statusWord(String(task.status), 'zh') ?? String(task.status))}</td>` +
        `<td class="form">${form}</td></tr>\n`
      );
    })
    .join('');
}

function flagList(flags: Flag[], tasks: Task[]): string {
  if (flags.length === 0) return `<p class="clean">${W.noFlags}</p>`;
  const items = flags.map((f) => {
    const where = f.line === null ? '' : `<a class="at" href="#L${f.line}">${W.line(f.line)}</a> `;
    const task = f.task === null ? '' : ` <a class="to" href="#t${f.task}" data-i="${f.task}">${forHtml(W.task(tasks[f.task]!.id))}</a>`;
    const rule = `<span class="rule" title="${forHtml(f.rule)}">${forHtml(ruleWord(f.rule))}</span>`;
    return `<li class="${f.severity}">${where}${rule} ${forHtml(f.message)}${task}</li>`;
  });
  return `<ol>\n${items.join('\n')}\n</ol>`;
}

function sourceNote(source: ReviewInput['source']): string {
  const path = forHtml(source.path);
  switch (source.state) {
    case 'missing':
      return `<p class="source bad" role="alert">${W.noticeMissing(path)}</p>`;
    case 'changed':
      return `<p class="source bad" role="alert">${W.noticeChanged(path)}</p>`;
    case 'unchanged':
      return `<p class="source ok">${W.noticeUnchanged(path)}</p>`;
    default:
      return `<p class="source ok">${W.noticeExtracted(path)}</p>`;
  }
}

/** JSON that no notice text can end the script element with: every < > & written as a \u escape. */
function scriptJson(value: unknown): string {
  return toJson(value, 0).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function reviewPage(input: ReviewInput): string {
  const { registry } = input;
  const doc = registry.document;
  const tasks = registry.tasks;
  const flags = flagsOf(input);
  const { marks } = marksOf(tasks, input.notice);
  const title = titleOf(registry);
  const facts = [
    [W.issuer, doc.issuer],
    [W.number, doc.number],
    [W.date, doc.date],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<span><b>${k}</b> ${forHtml(v!)}</span>`)
    .join('');
  const data = scriptJson({
    tasks: tasks.map((t) => ({ id: t.id, line: t.line })),
    words: { selected: W.selected('{id}'), none: W.selectedNone },
  });
  // nothing but this page's own style and script may run or load: no network, no script from a notice
  const csp = `default-src 'none'; style-src ${cspHash(PAGE_STYLE)}; script-src ${cspHash(PAGE_SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const notice = input.notice === null ? '' : noticeHtml(input.notice, marks);
  return `<!DOCTYPE html>
<html lang="${W.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${W.generator}">
<title>${forHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${forHtml(title)}</h1>
<p class="facts">${facts}</p>
${sourceNote(input.source)}
<section id="flags" aria-labelledby="flags-h">
<h2 id="flags-h">${W.flagged(flags.length)}</h2>
${flagList(flags, tasks)}
</section>
<p class="legend"><b>${W.legend}</b> <span class="m m-t">${W.legendText}</span> <span class="m m-l f-l">${W.legendLead}</span> <span class="m m-s f-s">${W.legendSupport}</span> <span class="m m-d f-d">${W.legendDeadline}</span> <span class="keys">${W.keys}</span></p>
</header>
<main>
<section id="notice" aria-labelledby="notice-h">
<h2 id="notice-h">${W.noticeHeading}</h2>
<div class="text">
${notice}</div>
</section>
<section id="tasks" aria-labelledby="tasks-h">
<h2 id="tasks-h">${W.tasksHeading(tasks.length)} <span id="current" aria-live="polite">${W.selectedNone}</span></h2>
<table>
<thead><tr><th scope="col">${W.columns.id}</th><th scope="col">${W.columns.task}</th><th scope="col">${W.columns.lead}</th><th scope="col">${W.columns.support}</th><th scope="col">${W.columns.deadline}</th><th scope="col">${W.columns.status}</th><th scope="col">${W.columns.form}</th></tr></thead>
<tbody>
${taskRows(tasks)}</tbody>
</table>
</section>
</main>
<script type="application/json" id="review-data">${data}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
