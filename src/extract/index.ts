/**
 * The extraction pipeline: notice text in, task registry and diagnostics out.
 * Pure: it reads no files and writes nothing; the CLI does both.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';
import { diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import type { Attachment, InputKind, Registry, Task } from '../registry/types.js';
import { canonicalNames, type UnitsDirectory } from '../units/directory.js';
import { joinBroken, type ClauseOptions } from './clause.js';
import type { DateContext } from './dates.js';
import { foldForMatching } from './fold.js';
import { locator } from './ground.js';
import { readMetadata } from './metadata.js';
import { buildOutline, findMarkers, type OutlineNode } from './numbering.js';
import { deepestHolding, headingLine, idOf, sectionsOf, taskLeaves } from './sections.js';
import { readNotice, type NoticeText, type SourceKind } from './source.js';
export { loadMarkdownReader, needsMarkdown } from './source.js';
import { findSpacedTables, findTables, withProgress, type SpacedTable, type TaskTable } from './table.js';
import { taskOfRow, tasksOfItem } from './tasks.js';

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
  /** the character encoding the bytes were read in, recorded in the registry */
  encoding?: string;
  /** the units directory of a jurisdiction, to write canonical unit names */
  units?: (jurisdiction: string | null) => UnitsDirectory | null;
  /** what the file's reader found beside the text (src/read): document fields the text may lack, attachment links */
  reader?: {
    kind: InputKind;
    title?: string;
    issuer?: string;
    number?: string;
    date?: string;
    attachments?: Attachment[];
    /** the day the file was saved: the date of the progress a task table reports */
    savedOn?: string;
  };
}

export interface ExtractResult {
  registry: Registry;
  diagnostics: Diagnostic[];
}

const FIRST_LISTED_LEADS = /(?:排|列)(?:在|于)?第一位?的?(?:单位)?为牵头单位|排名第一的?(?:单位)?为牵头单位|第一个单位为牵头单位/;
const NOTES_BEFORE = /(?:说明|备注|注)\s*[:：]\s*$/;
const ATTACHMENT_HEADING = /^[ \t]*附件[ \t]*(\d{0,2})[ \t]*[:：]?[ \t]*$/gm;

export function extractNotice(input: ExtractInput): ExtractResult {
  const notice = readNotice(input.content, input.kind);
  const read = readMetadata(notice.text, notice.norm);
  // the title and issuer as printed (folding changed their brackets and widths)
  const asPrinted = (phrase: string | null) => (phrase ? locator(notice).find(phrase, 0)?.printed ?? phrase : null);
  // the text's own fields first; a web page's metadata block fills those it lacks
  const meta = {
    ...read,
    title: asPrinted(read.title) ?? input.reader?.title ?? null,
    issuer: asPrinted(read.issuer) ?? input.reader?.issuer ?? null,
    number: read.number ?? input.reader?.number ?? null,
    date: read.date ?? input.reader?.date ?? null,
  };
  const reportedOn = input.reader?.savedOn ?? meta.date;
  const diagnostics: Diagnostic[] = [];
  const clauseOptions: ClauseOptions = { firstListedLeads: FIRST_LISTED_LEADS.test(notice.norm) };
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.period ? Number(meta.period.from.slice(0, 4)) : null;
  const dates: DateContext = { year, since: meta.date ?? meta.period?.from ?? null };

  const placed: { at: number; task: Task }[] = [];
  for (const part of bodyParts(notice, meta.bodyStart)) {
    const barred = findTables(notice.text, part.start, part.end, clauseOptions);
    const spaced = findSpacedTables(notice.norm, part.start, part.end, clauseOptions).filter((s) => !barred.some((b) => s.start < b.end && b.start < s.end));
    const tables: (TaskTable & Partial<SpacedTable>)[] = [...barred, ...spaced];
    const inTable = (index: number) => tables.some((t) => index >= t.start && index < t.end);
    const markers = findMarkers(notice.norm, part.start, part.end).filter((m) => !inTable(m.start));
    const outline = buildOutline(markers, part.end, notice.norm);
    const { gaps } = outline;
    // a numbered list of notes (填表说明：1.…；2.…) explains a form; it assigns nothing
    const notes = outline.roots.findIndex((root) => NOTES_BEFORE.test(notice.text.slice(Math.max(part.start, root.marker.start - 12), root.marker.start)));
    const noteStyle = outline.roots[notes]?.marker.style;
    let inNotes = false;
    const roots = outline.roots.filter((root, i) => {
      inNotes = i === notes || (inNotes && root.marker.style === noteStyle);
      return !inNotes;
    });
    for (const gap of gaps) {
      diagnostics.push(
        diagnostic(input.path, notice.position(gap.marker.start), 'numbering-gap', 'warning',
          t('extract.numbering-gap', { numeral: gap.marker.numeral, previous: gap.expected - 1, expected: gap.expected })),
      );
    }
    // a table's rows are the items of the node it stands in, which is then a heading
    const { leaves, skipped } = taskLeaves(roots, notice);
    const headings = new Set<OutlineNode>();
    for (const table of tables) {
      const holder = deepestHolding(roots, table.start);
      if (holder && skipped.has(holder)) continue;
      // an item that is only a heading above its table gives way to the rows; one with words of its own stays a task
      const own = holder ? joinBroken(notice.text.slice(holder.marker.end, table.start)) : '';
      if (holder && !table.attachment && own.length <= 40 && !/[（(]/.test(own)) headings.add(holder);
      // an attachment printed inline after an item ends the item, and its rows number afresh
      const attachment = holder && table.attachment ? table.attachment : null;
      if (attachment) holder!.contentEnd = Math.min(holder!.contentEnd, attachment.at);
      const idPrefix = attachment ? `${attachment.label}.` : holder ? `${idOf(holder, part.prefix)}.` : part.prefix;
      const section = holder ? [...sectionsOf(holder, notice), headingLine(holder, notice)] : [];
      for (const row of table.rows) {
        // the 进展情况 cell as printed, as every other phrase of the registry
        const progress = row.progress ? locator(notice).find(row.progress, row.start, row.end)?.printed ?? row.progress : row.progress;
        const task = taskOfRow(row, idPrefix, section, notice, dates, diagnostics, input.path);
        if (table.guessed?.has(row)) {
          diagnostics.push(diagnostic(input.path, { line: task.line, column: 1 }, 'table-cells-guessed', 'info', t('extract.table-cells-guessed', { id: task.id, units: task.lead.join('、') })));
        }
        placed.push({ at: row.start, task: withProgress(task, progress, reportedOn) });
      }
    }
    const items = leaves.filter((leaf) => !headings.has(leaf));
    const tasksOf = new Map<OutlineNode, Task[]>();
    items.forEach((leaf) => {
      // the item the notice ends with (its signature and closing may follow), not merely the last task
      const last = leaf.contentEnd >= part.end;
      const tasks = tasksOfItem(leaf, notice, part.prefix, last, clauseOptions, dates, diagnostics, input.path);
      tasksOf.set(leaf, tasks);
      for (const task of tasks) placed.push({ at: leaf.marker.start, task });
    });
    shareClosingClauses(tasksOf, notice);
    reportMissingClauses(tasksOf, notice, diagnostics, input.path);
  }
  const directory = input.units?.(meta.jurisdiction) ?? null;
  const tasks = placed.sort((a, b) => a.at - b.at).map(({ task }) => {
    const lead = canonicalNames(directory, task.lead);
    return { ...task, lead, support: canonicalNames(directory, task.support).filter((u) => !lead.includes(u)) };
  });
  // numbering the outline could not tell apart (a table beside items of the same numbers) must still give one id a task
  const used = new Set<string>();
  for (const task of tasks) {
    if (!used.has(task.id)) {
      used.add(task.id);
      continue;
    }
    let k = 2;
    while (used.has(`${task.id}.${k}`)) k++;
    diagnostics.push(
      diagnostic(input.path, { line: task.line, column: 1 }, 'ambiguous-numbering', 'warning', t('extract.ambiguous-numbering', { id: task.id, renumbered: `${task.id}.${k}` })),
    );
    task.id = `${task.id}.${k}`;
    used.add(task.id);
  }
  if (tasks.length === 0) {
    diagnostics.push(diagnostic(input.path, { line: 1, column: 1 }, 'no-tasks', 'error', t('extract.no-tasks')));
  }

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
      source: {
        path: input.path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        ...(input.encoding ? { encoding: input.encoding } : {}),
        ...(input.reader ? { kind: input.reader.kind } : {}),
      },
      ...(input.reader?.attachments?.length ? { attachments: input.reader.attachments } : {}),
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
    if (m.index < bodyStart) {
      // the document that holds the tasks is itself the attachment (附件 / its title / its table): its items are the attachment's
      if (notice.text.slice(m.index + m[0].length, bodyStart).trim().split('\n').length <= 2) parts[0]!.prefix = `附件${m[1] ?? ''}.`;
      continue;
    }
    parts[parts.length - 1]!.end = m.index;
    parts.push({ start: m.index + m[0].length, end: notice.text.length, prefix: `附件${m[1] ?? ''}.` });
  }
  return parts;
}

/** A clause on a line of its own, closing the last of an item's sub-items: `(1)…(4)…⏎(责任单位:…)`. */
const CLOSING_CLAUSE = /\n[ \t]*\(([^\n]+)\)[ \t。]*\s*$/;

/**
 * A clause on a line of its own after the last sub-item of an item names the
 * units of all its sub-items: those that name none take it.
 */
function shareClosingClauses(tasksOf: Map<OutlineNode, Task[]>, notice: NoticeText): void {
  const parents = new Set([...tasksOf.keys()].map((item) => item.parent).filter((p): p is OutlineNode => p !== null));
  for (const parent of parents) {
    const items = parent.children.filter((child) => tasksOf.has(child));
    const last = items[items.length - 1];
    if (!last || items.length < 2 || items.length !== parent.children.length) continue;
    const [closing, ...more] = tasksOf.get(last)!;
    const clause = CLOSING_CLAUSE.exec(notice.text.slice(last.marker.end, last.contentEnd));
    if (!closing || more.length > 0 || closing.form !== 'clause' || !clause || joinBroken(clause[1]!) !== joinBroken(foldForMatching(closing.responsibility_text ?? ''))) continue;
    for (const item of items.slice(0, -1)) {
      for (const task of tasksOf.get(item)!) {
        if (task.lead.length + task.support.length > 0) continue;
        Object.assign(task, { lead: closing.lead, support: closing.support, responsibility_text: closing.responsibility_text, form: 'clause' });
        if (closing.spans?.units) task.spans = { ...task.spans!, units: closing.spans.units };
      }
    }
  }
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
        t('extract.missing-clause', { numeral: item.marker.numeral })),
    );
  }
}
