/**
 * The extraction pipeline: notice text in, task registry and diagnostics out.
 * Pure: it reads no files and writes nothing; the CLI does both.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';
import { diagnostic } from '../diagnostic.js';
import type { Registry, Task } from '../registry/types.js';
import {
  findClauses,
  joinBroken,
  looksLikeUnit,
  parseResponsibility,
  splitOutsideBrackets,
  splitUnits,
  type ClauseOptions,
  type Responsibility,
} from './clause.js';
import { findRecurrences, readDeadline, type DateContext, type DeadlineReading } from './dates.js';
import { readMetadata } from './metadata.js';
import { buildOutline, findMarkers, type OutlineNode } from './numbering.js';
import { readNotice, type NoticeText, type SourceKind } from './source.js';
import { findTables, type TableRow } from './table.js';

export interface ExtractInput {
  /** the notice's text, already decoded */
  content: string;
  /** where it came from, as the registry should record it */
  path: string;
  kind: SourceKind;
  /** document id; defaults to the file name's stem */
  id?: string;
  /** the raw bytes, for the checksum; defaults to the UTF-8 of `content` */
  bytes?: Uint8Array;
}

export interface ExtractResult {
  registry: Registry;
  diagnostics: Diagnostic[];
}

/** Section headings whose items set no work: situation, guiding thought, principles, goals. */
const NON_TASK_HEADING =
  /^(?:[^,。]{0,12}(?:现状|形势|背景)|(?:整治|工作|实施|适用|排查)?范围|指导思想|基本原则|工作原则|(?:主要|规划|工作|总体|发展|奋斗|预期)目标|总体要求|总体思路|编制依据|适用范围|目标要求)/;
const TASK_HEADING = /任务|重点工作|工作重点|重点工程|主要举措|工作措施/;
/** Where a section heading ends: a full stop, a line end, or (in run-on text) a space before the next words. */
const HEADING_END = /[。\n]|[ \u3000]+(?=[\u4e00-\u9fff“《])/;
const FIRST_LISTED_LEADS = /(?:排|列)(?:在|于)?第一位?的?(?:单位)?为牵头单位|排名第一的?(?:单位)?为牵头单位|第一个单位为牵头单位/;
const ATTACHMENT_HEADING = /^[ \t]*附件[ \t]*(\d{0,2})[ \t]*[:：]?[ \t]*$/gm;

export function extractNotice(input: ExtractInput): ExtractResult {
  const notice = readNotice(input.content, input.kind);
  const meta = readMetadata(notice.text, notice.norm);
  const diagnostics: Diagnostic[] = [];
  const clauseOptions: ClauseOptions = { firstListedLeads: FIRST_LISTED_LEADS.test(notice.norm) };
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.period ? Number(meta.period.from.slice(0, 4)) : null;
  const dates: DateContext = { year };

  const placed: { at: number; task: Task }[] = [];
  for (const part of bodyParts(notice, meta.bodyStart)) {
    const tables = findTables(notice.text, part.start, part.end);
    const inTable = (index: number) => tables.some((t) => index >= t.start && index < t.end);
    const markers = findMarkers(notice.norm, part.start, part.end).filter((m) => !inTable(m.start));
    const { roots, gaps } = buildOutline(markers, part.end);
    for (const gap of gaps) {
      diagnostics.push(
        diagnostic(input.path, notice.position(gap.marker.start), 'numbering-gap', 'warning',
          `item ${gap.marker.numeral} follows ${gap.expected - 1}: item ${gap.expected} is missing or unreadable`),
      );
    }
    // a table's rows are the items of the node it stands in, which is then a heading
    const { leaves, skipped } = taskLeaves(roots, notice);
    const headings = new Set<OutlineNode>();
    for (const table of tables) {
      const holder = deepestHolding(roots, table.start);
      if (holder && skipped.has(holder)) continue;
      if (holder) headings.add(holder);
      const idPrefix = holder ? `${idOf(holder, part.prefix)}.` : part.prefix;
      const section = holder ? [...sectionsOf(holder, notice), headingLine(holder, notice)] : [];
      for (const row of table.rows) placed.push({ at: row.start, task: taskOfRow(row, idPrefix, section, notice, dates) });
    }
    const items = leaves.filter((leaf) => !headings.has(leaf));
    const tasksOf = new Map<OutlineNode, Task[]>();
    items.forEach((leaf, i) => {
      const last = i === items.length - 1;
      const tasks = tasksOfItem(leaf, notice, part.prefix, last, clauseOptions, dates, diagnostics, input.path);
      tasksOf.set(leaf, tasks);
      for (const task of tasks) placed.push({ at: leaf.marker.start, task });
    });
    reportMissingClauses(tasksOf, notice, diagnostics, input.path);
  }
  const tasks = placed.sort((a, b) => a.at - b.at).map((p) => p.task);

  const bytes = input.bytes ?? new TextEncoder().encode(input.content);
  const registry: Registry = {
    version: 1,
    document: {
      id: input.id ?? stemOf(input.path),
      title: meta.title,
      issuer: meta.issuer,
      number: meta.number,
      date: meta.date,
      period: meta.period,
      jurisdiction: meta.jurisdiction,
      source: { path: input.path, sha256: createHash('sha256').update(bytes).digest('hex') },
    },
    tasks,
  };
  return { registry, diagnostics };
}

export function stemOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '');
}

/** The main document, then each attachment (附件), which numbers its items afresh. */
function bodyParts(notice: NoticeText, bodyStart: number): { start: number; end: number; prefix: string }[] {
  const parts = [{ start: bodyStart, end: notice.text.length, prefix: '' }];
  for (const m of notice.text.matchAll(ATTACHMENT_HEADING)) {
    if (m.index < bodyStart) continue;
    parts[parts.length - 1]!.end = m.index;
    parts.push({ start: m.index + m[0].length, end: notice.text.length, prefix: `附件${m[1] ?? ''}.` });
  }
  return parts;
}

function headingOf(node: OutlineNode, notice: NoticeText): string {
  const end = node.children[0]?.marker.start ?? node.contentEnd;
  const content = notice.norm.slice(node.marker.end, end);
  return joinBroken(content.split(HEADING_END)[0] ?? '').replace(/[。.:]$/, '');
}

/** The deepest numbered items under sections that assign work, and the sections that assign none. */
function taskLeaves(roots: OutlineNode[], notice: NoticeText): { leaves: OutlineNode[]; skipped: Set<OutlineNode> } {
  const leaves: OutlineNode[] = [];
  const skipped = new Set<OutlineNode>();
  const walk = (node: OutlineNode, skip: boolean) => {
    const heading = headingOf(node, notice);
    const here = skip || (heading.length <= 24 && NON_TASK_HEADING.test(heading) && !TASK_HEADING.test(heading));
    if (here) skipped.add(node);
    else if (node.children.length === 0) leaves.push(node);
    node.children.forEach((child) => walk(child, here));
  };
  roots.forEach((root) => walk(root, false));
  return { leaves, skipped };
}

function deepestHolding(nodes: OutlineNode[], index: number): OutlineNode | null {
  for (const node of nodes) {
    if (node.marker.start <= index && index < node.contentEnd) return deepestHolding(node.children, index) ?? node;
    const last = node.children.length > 0 ? node : null;
    if (last && index >= node.marker.start && node.children.some((c) => c.marker.start > index)) return node;
  }
  return null;
}

function idOf(node: OutlineNode, prefix: string): string {
  const path: number[] = [];
  for (let n: OutlineNode | null = node; n; n = n.parent) path.unshift(n.marker.value);
  return prefix + path.join('.');
}

function sectionsOf(node: OutlineNode, notice: NoticeText): string[] {
  const sections: string[] = [];
  for (let n = node.parent; n; n = n.parent) sections.unshift(headingLine(n, notice));
  return sections;
}

/** A section's heading as printed, number included: `三、切实加强安全生产风险防控`. */
function headingLine(node: OutlineNode, notice: NoticeText): string {
  const end = node.children[0]?.marker.start ?? node.contentEnd;
  const numeral = notice.text.slice(node.marker.start, node.marker.end).trim();
  return numeral + joinBroken(notice.text.slice(node.marker.end, end).split(HEADING_END)[0] ?? '').trim();
}

/** A heading sentence opens many items (`提高功能区安全生产治理能力。`): short, no comma, more text after. */
function headingSentence(content: string): string | null {
  const m = /^([^。,，;；:：!?]{2,50}?)。/.exec(content);
  return m && m[0].length < content.trim().length - 1 ? m[1]! : null;
}

/** Signature, date, attachment list and chrome that follow the last item of a notice. */
function trailerStart(text: string): number {
  const lines = text.split('\n');
  let keep = lines.length;
  for (let i = lines.length - 1; i > 0; i--) {
    const line = joinBroken(lines[i]!);
    const trailer =
      line === '' ||
      /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line) ||
      /^[(（]?此件|^抄送|^附件/.test(line) ||
      (line.length <= 30 && looksLikeUnit(line));
    if (!trailer) break;
    keep = i;
  }
  return lines.slice(0, keep).join('\n').length;
}

function tasksOfItem(
  node: OutlineNode,
  notice: NoticeText,
  prefix: string,
  lastOfPart: boolean,
  clauseOptions: ClauseOptions,
  dates: DateContext,
  diagnostics: Diagnostic[],
  file: string,
): Task[] {
  const from = node.marker.end;
  const to = lastOfPart ? from + trailerStart(notice.text.slice(from, node.contentEnd)) : node.contentEnd;
  const id = idOf(node, prefix);
  const section = sectionsOf(node, notice);
  const clauses = findClauses(notice.norm, notice.text, from, to, clauseOptions);
  for (const clause of clauses) {
    if (clause.doubtful.length > 0) {
      diagnostics.push(
        diagnostic(file, notice.position(clause.start), 'unit-list-unsplit', 'warning',
          `could not read ${clause.doubtful.map((u) => `"${u}"`).join(', ')} as a unit name`),
      );
    }
  }
  const title = headingSentence(joinBroken(notice.text.slice(from, clauses[0]?.start ?? to)));

  // runs of text each closed by its own clause become sub-tasks (001 item 20)
  const runs: { start: number; end: number; clause: (typeof clauses)[number] | null }[] = [];
  let runStart = from;
  for (const clause of clauses) {
    const between = joinBroken(notice.text.slice(runStart, clause.start));
    if (between.length > 0 || runs.length === 0) runs.push({ start: runStart, end: clause.start, clause });
    else runs[runs.length - 1]!.clause = mergeClauses(runs[runs.length - 1]!.clause!, clause);
    runStart = clause.end;
  }
  const tail = joinBroken(notice.text.slice(runStart, to)).replace(/^[。;；,，\s]+/, '');
  if (runs.length === 0) runs.push({ start: runStart, end: to, clause: null });
  else if (tail) runs[runs.length - 1]!.end = to;

  return runs.map((run, k): Task => {
    const segment = withoutClauses(notice.text, run.start, run.end, clauses, '');
    const text = joinBroken(segment).replace(/^[。;；\s]+/, '');
    const responsibility = run.clause ?? inlineResponsibility(notice.text.slice(from, to), title !== null, node, notice, clauseOptions);
    const reading = readDeadline(joinBroken(withoutClauses(notice.text, run.start, run.end, clauses, '。')), dates);
    const limit = run.clause?.timeLimit ? readDeadline(`完成时限：${run.clause.timeLimit}`, dates) : null;
    return {
      id: runs.length > 1 ? `${id}.${k + 1}` : id,
      number: node.marker.numeral,
      section,
      title,
      text,
      lead: responsibility?.lead ?? [],
      support: responsibility?.support ?? [],
      responsibility_text: run.clause ? run.clause.text : responsibility ? responsibility.text : null,
      ...deadlineFields(limit?.deadline ? limit : reading),
      recurrence: findRecurrences(joinBroken(segment)),
      status: 'open',
      line: notice.position(k === 0 ? node.marker.start : run.start).line,
    };
  });
}

function deadlineFields(reading: DeadlineReading): Pick<Task, 'deadline' | 'deadline_text' | 'start' | 'milestones'> {
  return {
    deadline: reading.deadline,
    deadline_text: reading.deadline_text,
    ...(reading.start ? { start: reading.start } : {}),
    ...(reading.milestones.length > 0 ? { milestones: reading.milestones } : {}),
  };
}

/** A row of a task table: its time-limit column sets the deadline, else its task text. */
function taskOfRow(row: TableRow, idPrefix: string, section: string[], notice: NoticeText, dates: DateContext): Task {
  const limit = row.timeLimit ? readDeadline(`完成时限：${row.timeLimit}`, dates) : null;
  const reading = limit?.deadline || /长期|持续|常态/.test(row.timeLimit) ? limit! : readDeadline(row.task, dates);
  return {
    id: `${idPrefix}${row.position}`,
    number: String(row.position),
    section,
    title: headingSentence(row.task),
    text: row.task,
    lead: row.lead,
    support: row.support,
    responsibility_text: row.responsibility || null,
    ...deadlineFields(reading),
    recurrence: findRecurrences(`${row.task}。${row.timeLimit}`),
    status: 'open',
    line: notice.position(row.start).line,
  };
}

function mergeClauses<T extends Responsibility & { text: string }>(a: T, b: T): T {
  return { ...a, lead: [...a.lead, ...b.lead], support: [...a.support, ...b.support], text: `${a.text}；${b.text}` };
}

/** The text of a run with its clauses cut out (or replaced by a sentence end, for reading dates). */
function withoutClauses(text: string, start: number, end: number, clauses: { start: number; end: number }[], separator: string): string {
  let kept = '';
  let at = start;
  for (const c of clauses) {
    if (c.end <= start || c.start >= end) continue;
    kept += text.slice(at, c.start) + separator;
    at = c.end;
  }
  return kept + text.slice(at, end);
}

type InlineResponsibility = Responsibility & { text: string };

const LABEL = '牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间';
/** `牵头单位：A  配合单位：B` on a line of its own or one line each; a label ends the value before it. */
const LABELLED = new RegExp(`(${LABEL})\\s*[:：]\\s*([^\\n;；。]+?)(?=\\s*(?:${LABEL})\\s*[:：]|[\\n;；。]|$)`, 'g');
const BY_UNIT = /(?<!由于)(?:此项工作)?由([^,，;；。由]{2,60}?)(?:牵头|负责|带队)(?:[,，;；][^;；。]{2,80}?(?:配合|参与|协助|负责落实|分工负责|负责))?/;
const OPENING = /^(.{2,60}?)(牵头|会同|负责|配合|参与|要|应当|应|须|必须)(.*)$/;
const PLACE_PREFIX = /^(?:市|区|县|镇|乡|省|各|有关|局|团|共青团|街道)/;

/**
 * Responsibility written outside parentheses: `牵头单位：A` lines, `由A牵头，B配合`,
 * units opening the item (`县公安局要…`), or a section heading that is a unit.
 */
function inlineResponsibility(
  content: string,
  hasHeading: boolean,
  node: OutlineNode,
  notice: NoticeText,
  options: ClauseOptions,
): InlineResponsibility | null {
  const labelled = [...content.matchAll(LABELLED)].filter((m) => !m[1]!.startsWith('完成'));
  if (labelled.length > 0) {
    const text = labelled.map((m) => `${m[1]}：${m[2]!.trim()}`).join('；');
    // inside a label line, units may be separated by spaces alone
    const units = (kinds: RegExp) => labelled.filter((m) => kinds.test(m[1]!)).flatMap((m) => splitUnits(m[2]!.trim().replace(/\s+/g, '、')));
    const leads = units(/牵头/);
    const responsible = units(/责任/);
    const partners = units(/配合|协办/);
    return leads.length > 0
      ? { lead: leads, support: [...responsible, ...partners], doubtful: [], text }
      : { lead: responsible, support: partners, doubtful: [], text };
  }
  const joined = joinBroken(content);
  const by = BY_UNIT.exec(joined);
  if (by && splitUnits(by[1]!).every(looksLikeUnit)) {
    return { ...parseResponsibility(by[0], options), text: by[0] };
  }
  const opening = openingUnits(hasHeading ? joined.replace(/^[^。]*。/, '') : joined, options);
  if (opening) return opening;
  for (let n = node.parent; n; n = n.parent) {
    const heading = headingOf(n, notice);
    const units = splitUnits(heading);
    if (heading.length <= 30 && units.length > 0 && units.every((u) => looksLikeUnit(u) && PLACE_PREFIX.test(u))) {
      return { lead: units, support: [], doubtful: [], text: heading };
    }
  }
  return null;
}

/**
 * Units as the subject opening an item: `县公安局要…`, `县教育局负责…`,
 * `县住建局会同县自然资源局、县城管局开展…`, `县应急局牵头，县工信局配合，开展…`.
 */
function openingUnits(opening: string, options: ClauseOptions): InlineResponsibility | null {
  const printed: string[] = [];
  const read: string[] = [];
  for (const segment of splitOutsideBrackets(opening, ',，;；')) {
    const m = OPENING.exec(segment);
    if (!m) break;
    const [, names, verb, rest] = m as unknown as [string, string, string, string];
    const units = splitUnits(names);
    if (units.length === 0 || !units.every(looksLikeUnit) || (read.length === 0 && !PLACE_PREFIX.test(units[0]!))) break;
    if (verb === '会同') {
      const partners = leadingUnits(rest).join('、');
      printed.push(`${names}会同${partners}`);
      read.push(`${names}会同${partners}`);
      break;
    }
    printed.push(`${names}${verb}`);
    // 要/应/须 state a duty: the units are responsible for the item
    read.push(`${names}${/^(?:牵头|负责|配合|参与)$/.test(verb) ? verb : '负责'}`);
    if (rest !== '' || !/^(?:牵头|负责|配合|参与)$/.test(verb)) break;
  }
  if (read.length === 0) return null;
  return { ...parseResponsibility(read.join('，'), options), text: printed.join('，') };
}

/** The unit names a phrase opens with: `县自然资源局、县城管局开展…` → both. */
function leadingUnits(phrase: string): string[] {
  const units: string[] = [];
  for (const part of splitOutsideBrackets(phrase, '、')) {
    if (looksLikeUnit(part)) {
      units.push(part);
      continue;
    }
    for (let end = Math.min(part.length, 20); end >= 3; end--) {
      if (looksLikeUnit(part.slice(0, end))) {
        units.push(part.slice(0, end));
        break;
      }
    }
    break;
  }
  return units;
}

/** An item naming no unit, where most items beside it (same heading) name one, is probably misread. */
function reportMissingClauses(tasksOf: Map<OutlineNode, Task[]>, notice: NoticeText, diagnostics: Diagnostic[], file: string): void {
  const named = (node: OutlineNode) => tasksOf.get(node)!.some((t) => t.lead.length + t.support.length > 0);
  for (const item of tasksOf.keys()) {
    if (named(item)) continue;
    const siblings = (item.parent?.children ?? [...tasksOf.keys()].filter((n) => n.parent === null)).filter((n) => tasksOf.has(n));
    if (siblings.filter(named).length * 2 <= siblings.length) continue;
    diagnostics.push(
      diagnostic(file, notice.position(item.marker.start), 'missing-clause', 'warning',
        `item ${item.marker.numeral} names no responsible unit, while most items beside it do`),
    );
  }
}
