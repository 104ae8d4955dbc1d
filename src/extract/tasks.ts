/**
 * Step 4: from an item (or a table row) to its tasks. An item whose runs of
 * sentences each close with their own clause becomes sub-tasks; each task gets
 * its units, deadline and recurring duties.
 */
import type { Diagnostic } from '../diagnostic.js';
import { diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import type { Task } from '../registry/types.js';
import { findClauses, joinBroken, looksLikeUnit, type ClauseOptions, type Responsibility } from './clause.js';
import { findRecurrences, readDeadline, type DateContext, type DeadlineReading } from './dates.js';
import type { OutlineNode } from './numbering.js';
import { responsibilityOutsideClauses } from './responsibility.js';
import { headingOf, idOf, sectionsOf } from './sections.js';
import type { NoticeText } from './source.js';
import type { TableRow } from './table.js';

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

export function tasksOfItem(
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
  let to = lastOfPart ? from + trailerStart(notice.text.slice(from, node.contentEnd)) : node.contentEnd;
  const id = idOf(node, prefix);
  const section = sectionsOf(node, notice);
  const headings: string[] = [];
  for (let n = node.parent; n; n = n.parent) headings.push(headingOf(n, notice, true));
  const clauses = findClauses(notice.norm, notice.text, from, to, clauseOptions);
  for (const clause of clauses) {
    if (clause.doubtful.length > 0) {
      diagnostics.push(
        diagnostic(file, notice.position(clause.start), 'unit-list-unsplit', 'warning',
          t('extract.unit-list-unsplit', { names: clause.doubtful.map((u) => `“${u}”`).join('、') })),
      );
    }
  }
  const title = headingSentence(joinBroken(notice.text.slice(from, clauses[0]?.start ?? to)));

  // runs of text each closed by its own clause become sub-tasks (001 item 20)
  const runs: { start: number; end: number; clause: (typeof clauses)[number] | null }[] = [];
  let runStart = from;
  for (const clause of clauses) {
    // words between two clauses make a run of their own; bare punctuation does not
    const between = joinBroken(notice.text.slice(runStart, clause.start)).replace(/[。;；,，、.\s]/g, '');
    if (between.length > 0 || runs.length === 0) runs.push({ start: runStart, end: clause.start, clause });
    else runs[runs.length - 1]!.clause = mergeClauses(runs[runs.length - 1]!.clause!, clause);
    runStart = clause.end;
  }
  // after the last item's last clause, a new paragraph is the notice's closing (请…于6月18日前报送…), not the item
  const lineBreak = notice.text.slice(runStart, to).indexOf('\n');
  if (lastOfPart && clauses.length > 0 && lineBreak >= 0) to = runStart + lineBreak;
  const tail = joinBroken(notice.text.slice(runStart, to)).replace(/^[。;；,，\s]+/, '');
  if (runs.length === 0) runs.push({ start: runStart, end: to, clause: null });
  else if (tail) runs[runs.length - 1]!.end = to;

  return runs.map((run, k): Task => {
    const segment = withoutClauses(notice.text, run.start, run.end, clauses, '');
    const text = joinBroken(segment).replace(/^[。;；\s]+/, '');
    const responsibility = run.clause ?? responsibilityOutsideClauses(notice.text.slice(from, to), title !== null, headings, clauseOptions);
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

/** A row of a task table: its deadline is the earliest date of its time-limit column and its text. */
export function taskOfRow(row: TableRow, idPrefix: string, section: string[], notice: NoticeText, dates: DateContext): Task {
  // the time-limit column and the task's own words together: the earliest date is the deadline
  const reading = readDeadline(row.timeLimit ? `${row.task}。完成时限：${row.timeLimit}` : row.task, dates);
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
