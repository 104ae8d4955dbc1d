/**
 * Step 4: from an item (or a table row) to its tasks. An item whose runs of
 * sentences each close with their own clause becomes sub-tasks; each task gets
 * its units, deadline and recurring duties.
 */
import type { Diagnostic } from '../diagnostic.js';
import { diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import { WEAK_FORMS, type AssignmentForm, type Task, type TaskSpans } from '../registry/types.js';
import { locator } from './ground.js';
import { findClauses, joinBroken, looksLikeUnit, type ClauseOptions, type Responsibility } from './clause.js';
import { arabicDates, findRecurrences, readDeadline, type DateContext, type DeadlineReading } from './dates.js';
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

/** Or a heading line of its own, which may hold a comma (五、加强值守,准确及时上报事故信息⏎各区县政府要…). */
function headingOfItem(printed: string): string | null {
  const line = /^[ \t\u3000]*([^\n。;；:：!?]{2,24}?)[ \t\u3000]*\n\s*\S/.exec(printed);
  return headingSentence(joinBroken(printed)) ?? line?.[1] ?? null;
}

/** Signature, date, attachment list and chrome that follow the last item of a notice. */
function trailerStart(text: string): number {
  const lines = text.split('\n');
  let keep = lines.length;
  for (let i = lines.length - 1; i > 0; i--) {
    const line = joinBroken(lines[i]!);
    const trailer =
      line === '' ||
      /^\d{4}年\d{1,2}月\d{1,2}日$/.test(arabicDates(line)) ||
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
  for (let n = node.parent; n; n = n.parent) headings.push(headingOf(n, notice));
  const clauses = findClauses(notice, from, to, clauseOptions);
  for (const clause of clauses) {
    if (clause.doubtful.length > 0) {
      diagnostics.push(
        diagnostic(file, notice.position(clause.start), 'unit-list-unsplit', 'warning',
          t('extract.unit-list-unsplit', { names: clause.doubtful.map((u) => `“${u}”`).join('、') })),
      );
    }
  }
  const title = headingOfItem(notice.printed.slice(from, clauses[0]?.start ?? to));

  // runs of text each closed by its own clause become sub-tasks (001 item 20)
  const runs: { start: number; end: number; clause: (typeof clauses)[number] | null }[] = [];
  let runStart = from;
  for (const clause of clauses) {
    // words between two clauses make a run of their own; bare punctuation does not
    const words = /[^。;；,，、.\s]/.test(notice.text.slice(runStart, clause.start));
    if (words || runs.length === 0) runs.push({ start: runStart, end: clause.start, clause });
    else runs[runs.length - 1]!.clause = mergeClauses(runs[runs.length - 1]!.clause!, clause);
    runStart = clause.end;
  }
  // after the last item's last clause, a new paragraph is the notice's closing (请…于6月18日前报送…), not the item
  const lineBreak = notice.text.slice(runStart, to).indexOf('\n');
  if (lastOfPart && clauses.length > 0 && lineBreak >= 0) to = runStart + lineBreak;
  const tail = /[^。;；,，\s]/.test(notice.text.slice(runStart, to));
  if (runs.length === 0) runs.push({ start: runStart, end: to, clause: null });
  else if (tail) runs[runs.length - 1]!.end = to;

  const outside = runs.some((run) => !run.clause)
    ? responsibilityOutsideClauses(notice.text.slice(from, to), headingOfItem(notice.text.slice(from, clauses[0]?.start ?? to)), headings, clauseOptions)
    : null;
  return runs.map((run, k): Task => {
    const segment = withoutClauses(notice.printed, run.start, run.end, clauses, '');
    const joined = joinBroken(segment);
    const text = joined.replace(/^[。;；\s]+/, '');
    const responsibility = run.clause ? { ...run.clause, form: clauseOptions.firstListedLeads && !/牵头/.test(run.clause.text) ? 'first-listed' as const : 'clause' as const } : outside;
    const reading = readDeadline(joinBroken(withoutClauses(notice.text, run.start, run.end, clauses, '。')), dates);
    const limit = run.clause?.timeLimit ? readDeadline(`完成时限：${run.clause.timeLimit}`, dates) : null;
    const task: Task = {
      id: runs.length > 1 ? `${id}.${k + 1}` : id,
      number: node.marker.numeral,
      section,
      title,
      text,
      lead: responsibility?.lead ?? [],
      support: responsibility?.support ?? [],
      responsibility_text: run.clause ? run.clause.text : responsibility ? printedOf(responsibility.text, notice, from, to) : null,
      ...deadlineFields(limit?.deadline ? limit : reading),
      recurrence: findRecurrences(joined),
      status: 'open',
      line: notice.position(k === 0 ? node.marker.start : run.start).line,
    };
    // where the units are printed: the clause itself, else the item (a heading above it may name them)
    const unitsFrom = run.clause ? run.clause.start : from;
    return grounded(task, notice, { text: [run.start, run.end], within: [unitsFrom, run.clause ? run.clause.end : to], deadlineWithin: [run.start, run.clause?.end ?? run.end], form: responsibility?.form ?? null }, diagnostics, file);
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
export function taskOfRow(row: TableRow, idPrefix: string, section: string[], notice: NoticeText, dates: DateContext, diagnostics: Diagnostic[], file: string): Task {
  // the time-limit column and the task's own words together: the earliest date is the deadline
  const reading = readDeadline(row.timeLimit ? `${row.task}。完成时限：${row.timeLimit}` : row.task, dates);
  const task: Task = {
    id: `${idPrefix}${row.path ? row.path.join('.') : row.position}`,
    number: row.numeral ?? String(row.position),
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
  const printedTask = printedOf(row.task, notice, row.start, row.end);
  return grounded({ ...task, text: printedTask, title: headingSentence(printedTask) }, notice, { text: [row.start, row.end], within: [row.start, row.end], deadlineWithin: [row.start, row.end], form: 'table', textPhrase: row.task }, diagnostics, file);
}

/** A phrase read from the folded text, as printed: found in [from, to), else as read. */
function printedOf(phrase: string, notice: NoticeText, from: number, to: number): string {
  return locator(notice).find(phrase, from, to)?.printed ?? phrase;
}


/**
 * Quote the task's units and deadline as printed and record where they stand:
 * the spans of its text, each unit and the deadline phrase, and the form that
 * assigned the units. A unit that cannot be found as printed keeps its name as read.
 */
function grounded(
  task: Task,
  notice: NoticeText,
  place: { text: [number, number]; within: [number, number]; deadlineWithin: [number, number]; form: AssignmentForm | null; textPhrase?: string },
  diagnostics: Diagnostic[],
  file: string,
): Task {
  const find = locator(notice);
  const units: NonNullable<TaskSpans['units']> = [];
  const quote = (names: string[], role: 'lead' | 'support') =>
    names.map((name) => {
      // the units are printed in the task, or in a heading above it
      const found = find.find(name, place.within[0], place.within[1]) ?? find.find(name, 0, place.within[1]);
      if (!found) return name;
      units.push({ name: found.printed, role, span: find.span(found.at) });
      return found.printed;
    });
  const lead = quote(task.lead, 'lead');
  const support = quote(task.support, 'support');
  const deadline = task.deadline_text ? find.find(task.deadline_text, place.deadlineWithin[0], place.deadlineWithin[1]) ?? find.find(task.deadline_text, place.deadlineWithin[0]) : null;
  const textAt = trimmedRange(notice, place.text);
  const spans: TaskSpans = { text: find.span(textAt), ...(deadline ? { deadline: find.span(deadline.at) } : {}), ...(units.length ? { units } : {}) };
  const hasUnits = lead.length + support.length > 0;
  if (hasUnits && place.form && WEAK_FORMS.has(place.form)) {
    diagnostics.push(
      diagnostic(file, { line: task.line, column: 1 }, `units-from-${place.form}`, 'info', t(`extract.units-from-${place.form as 'subject' | 'heading'}`, { id: task.id, units: lead.join('、') })),
    );
  }
  return {
    ...task,
    lead,
    support,
    ...(deadline ? { deadline_text: deadline.printed } : {}),
    ...(hasUnits && place.form ? { form: place.form } : {}),
    spans,
  };
}

/** A range without the spaces, breaks and stray punctuation at its ends. */
function trimmedRange(notice: NoticeText, [start, end]: [number, number]): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /[\s\u3000。;；,，]/.test(notice.text[a]!)) a++;
  while (b > a && /[\s\u3000]/.test(notice.text[b - 1]!)) b--;
  return b > a ? [a, b] : [start, Math.max(start + 1, end)];
}

function mergeClauses<T extends Responsibility & { text: string }>(a: T, b: T): T {
  return { ...a, lead: [...a.lead, ...b.lead], support: [...a.support, ...b.support], text: `${a.text}；${b.text}` };
}

/** The text of a run with its clauses cut out (or replaced by a sentence end, for reading dates). */
function withoutClauses(text: string, start: number, end: number, clauses: { start: number; end: number }[], separator: string): string {
  let kept = '';
  let at = start;
  // the clauses are in order: start from the first that ends after `start`, stop at the first past `end`
  let lo = 0;
  let hi = clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < clauses.length && clauses[i]!.start < end; i++) {
    const c = clauses[i]!;
    kept += text.slice(at, c.start) + separator;
    at = c.end;
  }
  return kept + text.slice(at, end);
}
