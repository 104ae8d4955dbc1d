/**
 * Task tables (任务分工表) flattened to text with `|` (or tabs), one row a line:
 * `序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限`. Each row is an item, numbered
 * by its position; its columns say the task, who leads, who supports, and by when.
 */
import type { Task } from '../registry/types.js';
import { joinBroken, splitUnits } from './clause.js';
import { roleOfLabel } from './lexicon.js';

export type Column = 'number' | 'task' | 'lead' | 'responsible' | 'support' | 'deadline' | 'progress' | 'other';

export interface TableRow {
  /** index in the text where the row's line starts */
  start: number;
  /** index just after the row's last line */
  end: number;
  /** 1-based position among the table's rows */
  position: number;
  task: string;
  lead: string[];
  support: string[];
  /** the unit cells as printed, joined: the row's responsibility text */
  responsibility: string;
  timeLimit: string;
  /** the 进展情况 cell, as printed */
  progress: string;
}

export interface TaskTable {
  start: number;
  end: number;
  rows: TableRow[];
}

const HEADER_CELL: [RegExp, Column][] = [
  [/^(?:序号|编号|序)$/, 'number'],
  [/进展|完成情况/, 'progress'],
  [/时限|时间|期限|节点/, 'deadline'],
  [/任务|内容|事项|措施|工作|要求|名称|项目|工程/, 'task'],
];
const UNIT_COLUMN = { lead: 'lead', support: 'support', joint: 'responsible' } as const;

/** What a header cell names: a unit column by the lexicon's labels, else by the words above. */
function columnOf(name: string): Column {
  const role = roleOfLabel(name);
  if (role) return UNIT_COLUMN[role];
  return HEADER_CELL.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/** Columns whose cells a table merges down a group of rows. */
const MERGED = new Set<Column>(['lead', 'responsible', 'deadline']);

/** Cells are separated by bars, or by tabs in text copied from a word processor. */
function separatorOf(line: string): RegExp | null {
  if (/[|｜]/.test(line)) return /[|｜]/;
  // (empty cells at either end are tabs too: every tab of the line counts)
  return (line.match(/\t/g) ?? []).length >= 2 ? /\t/ : null;
}

function cellsOf(line: string, bordered: boolean): string[] {
  let cells = line.trim() === '' ? [] : line.split(separatorOf(line) ?? /[|｜]/).map((c) => c.trim());
  // `| a | b |` has a border on each side; without one, a leading bar is an empty first cell
  if (bordered) cells = cells.slice(line.trimStart().startsWith('|') ? 1 : 0, line.trimEnd().endsWith('|') ? -1 : undefined);
  return cells;
}

function columnsOf(cells: string[]): Column[] | null {
  const columns = cells.map((cell) => {
    const name = joinBroken(cell);
    return columnOf(name);
  });
  const assigns = columns.includes('lead') || columns.includes('responsible');
  return columns.includes('task') && assigns ? columns : null;
}

/** Task tables in `text[from, to)`: a header naming a task column and a unit column, then its rows. */
export function findTables(text: string, from: number, to: number, options: { firstListedLeads?: boolean } = {}): TaskTable[] {
  type Open = { table: TaskTable; columns: Column[]; header: string; bordered: boolean; previous?: string[] };
  const tables: TaskTable[] = [];
  let current: Open | null = null;
  let last: Open | null = null;
  let pending: { table: Open; cells: string[]; start: number; end: number } | null = null;
  let at = from;
  for (const line of text.slice(from, to).split('\n')) {
    const start = at;
    at += line.length + 1;
    const separator = separatorOf(line);
    if (!separator) {
      // a table broken over pages goes on after 续表 and its header printed again
      if (current && line.trim() !== '' && !/^\s*[（(]?续(?:表|上表)[)）]?\s*$/.test(line)) current = null;
      continue;
    }
    const bordered = /^\s*[|｜]/.test(line) && /[|｜]\s*$/.test(line);
    const headerCells = cellsOf(line, bordered);
    const columns = headerCells.length >= 3 ? columnsOf(headerCells) : null;
    if (columns) {
      // a header repeated after a page break continues the table
      if (last && joinBroken(line) === last.header) {
        current = last;
        continue;
      }
      current = { table: { start, end: start + line.length, rows: [] }, columns, header: joinBroken(line), bordered };
      last = current;
      tables.push(current.table);
      continue;
    }
    if (!current || /^[\s|｜:：-]+$/.test(line)) continue;
    let cells = cellsOf(line, current.bordered);
    const row = current;
    // a cell broken over two lines: the row's start and its rest add up to one row
    const open = pending && pending.table === row ? pending : null;
    pending = null;
    if (open) {
      if (open.cells.length + cells.length - 1 === row.columns.length) {
        cells = [...open.cells.slice(0, -1), `${open.cells.at(-1)}${cells[0]}`, ...cells.slice(1)];
        addRow(row, open.start, cells, start + line.length);
        continue;
      }
      addRow(row, open.start, open.cells, open.end);
    }
    if (cells.length < row.columns.length && /^\d+$/.test(cells[0] ?? '')) {
      pending = { table: row, cells, start, end: start + line.length };
      continue;
    }
    addRow(row, start, cells, start + line.length);
  }
  if (pending) addRow(pending.table, pending.start, pending.cells, pending.end);
  return tables.filter((t) => t.rows.length > 0);

  function addRow(into: Open, rowStart: number, raw: string[], end: number) {
    // a merged 牵头单位 or 完成时限 cell is printed once, in its first row: an empty one below carries it on
    const aligned = raw.length < into.columns.length ? [...Array(into.columns.length - raw.length).fill(''), ...raw] : raw;
    const cells = aligned.map((c, i) => (c.trim() === '' && MERGED.has(into.columns[i]!) && into.previous ? into.previous[i] ?? '' : c));
    // a line whose only words continue the task cell (a cell wrapped onto a line of its own) belongs to the row above
    const last = into.table.rows[into.table.rows.length - 1];
    const filled = aligned.map((c, i) => (c.trim() ? into.columns[i] : null)).filter(Boolean);
    if (last && filled.length === 1 && filled[0] === 'task' && aligned.length > 1) {
      last.task += joinBroken(aligned.find((c) => c.trim())!);
      last.end = end;
      into.table.end = end;
      return;
    }
    into.previous = cells;
    const row = readRow(cells, into.columns, rowStart, end, into.table.rows.length + 1, options.firstListedLeads ?? false);
    if (row) {
      into.table.rows.push(row);
      into.table.end = end;
    }
  }
}

function readRow(cells: string[], columns: Column[], start: number, end: number, position: number, firstListedLeads: boolean): TableRow | null {
  // a row that lost cells at its start (an empty 序号 dropped) lines up from the right
  const aligned = cells.length < columns.length ? [...Array(columns.length - cells.length).fill(''), ...cells] : cells;
  const cell = (column: Column) =>
    columns.flatMap((c, i) => (c === column ? [joinBroken(aligned[i] ?? '')] : [])).filter(Boolean).join('，');
  const task = cell('task');
  if (!task) return null;
  // inside a cell, units may be separated by spaces alone
  const cellText = (column: Column) => columns.flatMap((c, i) => (c === column ? [(aligned[i] ?? '').trim()] : [])).filter(Boolean).join(' ');
  // a dash or 无 in a unit cell names no unit
  const unitsIn = (column: Column) => splitUnits(cellText(column).replace(/\s+/g, '、')).filter((u) => !/^[—–\-－/／无]+$/.test(u));
  const lead = unitsIn('lead');
  const responsible = unitsIn('responsible');
  const support = unitsIn('support');
  const hasLeadColumn = columns.includes('lead');
  // without a 牵头 column the units listed are joint leads, unless the notice says the first one leads
  const [first, ...rest] = responsible;
  const leads = hasLeadColumn ? lead : firstListedLeads && first ? [first] : responsible;
  return {
    start,
    end,
    position,
    task,
    lead: leads,
    support: hasLeadColumn ? [...responsible, ...support] : firstListedLeads ? [...rest, ...support] : support,
    responsibility: (['lead', 'responsible', 'support'] as Column[]).map(cellText).filter(Boolean).join('；'),
    timeLimit: cell('deadline'),
    progress: cell('progress'),
  };
}

/** The status a 进展情况 cell reports: 未启动 before 完成, since 未完成 is not done. */
function statusOf(progress: string): Task['status'] {
  if (/未启动|未开始|未完成|尚未/.test(progress)) return 'open';
  if (/进行中|推进中|正在/.test(progress)) return 'in_progress';
  if (/已完成|^完成|已办结/.test(progress)) return 'done';
  return 'open';
}

/** A row's 进展情况 as the task's progress (dated the day it was reported) and the status it names. */
export function withProgress(task: Task, progress: string, reportedOn: string | null): Task {
  if (!progress) return task;
  const status = statusOf(progress);
  if (!reportedOn) return { ...task, status };
  // in the registry's key order: status, done_on, progress, then the rest
  const { line, form, spans, ...head } = task;
  return {
    ...head,
    status,
    ...(status === 'done' ? { done_on: reportedOn } : {}),
    progress: [{ date: reportedOn, note: progress }],
    line,
    ...(form ? { form } : {}),
    ...(spans ? { spans } : {}),
  };
}
