/**
 * Task tables (任务分工表) flattened to text with `|` (or tabs), one row a line:
 * `序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限`. Each row is an item, numbered
 * by its position; its columns say the task, who leads, who supports, and by when.
 */
import type { Task } from '../registry/types.js';
import { joinBroken, looksLikeUnit, PLACE_OPENING, splitUnits, TIME_WORDS } from './clause.js';
import { alternation, ROLE_VERBS, roleOfLabel, TABLE_COLUMN_WORDS } from './lexicon.js';
import { findMarkers, RANK, type Marker, type MarkerStyle } from './numbering.js';

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
  /** an item of a numbered table: its numbering path (its id) and number as printed */
  path?: number[];
  numeral?: string;
}

export interface TaskTable {
  start: number;
  end: number;
  rows: TableRow[];
}

const HEADER_CELL: [RegExp, Column][] = [
  [new RegExp(`^(?:${alternation(TABLE_COLUMN_WORDS.number)})$`), 'number'],
  [new RegExp(alternation(TABLE_COLUMN_WORDS.progress)), 'progress'],
  [new RegExp(alternation(TABLE_COLUMN_WORDS.deadline)), 'deadline'],
  [new RegExp(alternation(TABLE_COLUMN_WORDS.task)), 'task'],
];
const UNIT_COLUMN = { lead: 'lead', support: 'support', joint: 'responsible' } as const;

/** What a header cell names: a unit column by the lexicon's labels, else by the column words (a stray space in 分 组 aside). */
function columnOf(cell: string): Column {
  const name = cell.replace(/\s+/g, '');
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
  // a header names its columns in a few words; a row of sentences is no header
  if (cells.some((cell) => joinBroken(cell).length > 20)) return null;
  const assigns = columns.includes('lead') || columns.includes('responsible');
  // a table of groups (分组 | 督查组牵头单位 | 督查单位) has no task column: each numbered row is a task all the same
  return assigns && (columns.includes('task') || columns[0] === 'number') ? columns : null;
}

/** Task tables in `text[from, to)`: a header naming a task column and a unit column, then its rows. */
export function findTables(text: string, from: number, to: number, options: { firstListedLeads?: boolean } = {}): TaskTable[] {
  type Open = { table: TaskTable; columns: Column[]; header: string; bordered: boolean; previous?: string[]; lines: Line[] };
  const tables: TaskTable[] = [];
  const opened: Open[] = [];
  let current: Open | null = null;
  let last: Open | null = null;
  let pending: { table: Open; cells: string[]; start: number; end: number } | null = null;
  const lines = rowLines(text, from, to);
  for (const [k, { line, start, end: lineEnd }] of lines.entries()) {
    const separator = separatorOf(line);
    if (!separator) {
      // a row of one numbered cell (一、体系建设, its bar cut as a scraped line's) stays in the table when rows go on after it
      if (current && findMarkers(line).some((m) => m.start === line.search(/\S/)) && lines[k + 1] && separatorOf(lines[k + 1]!.line)) {
        current.lines.push({ cells: [line.trim()], start, end: lineEnd });
        continue;
      }
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
      current = { table: { start, end: lineEnd, rows: [] }, columns, header: joinBroken(line), bordered, lines: [] };
      last = current;
      tables.push(current.table);
      opened.push(current);
      continue;
    }
    if (!current || /^[\s|｜:：-]+$/.test(line)) continue;
    let cells = cellsOf(line, current.bordered);
    current.lines.push({ cells, start, end: lineEnd });
    const row = current;
    // a cell broken over two lines: the row's start and its rest add up to one row
    const open = pending && pending.table === row ? pending : null;
    pending = null;
    if (open) {
      if (open.cells.length + cells.length - 1 === row.columns.length) {
        cells = [...open.cells.slice(0, -1), `${open.cells.at(-1)}${cells[0]}`, ...cells.slice(1)];
        addRow(row, open.start, cells, lineEnd);
        continue;
      }
      addRow(row, open.start, open.cells, open.end);
    }
    if (cells.length < row.columns.length && /^\d+$/.test(cells[0] ?? '')) {
      pending = { table: row, cells, start, end: lineEnd };
      continue;
    }
    addRow(row, start, cells, lineEnd);
  }
  if (pending) addRow(pending.table, pending.start, pending.cells, pending.end);
  // a table whose task cells are numbered at several levels is an outline: its items, not its lines, are the tasks
  for (const open of opened) {
    const items = numberedItems(open.lines, open.columns, options.firstListedLeads ?? false);
    if (items) {
      open.table.rows = items;
      open.table.end = Math.max(open.table.end, ...open.lines.map((l) => l.end));
    }
  }
  return tables.filter((t) => t.rows.length > 0);

  function addRow(into: Open, rowStart: number, raw: string[], end: number) {
    // a merged 牵头单位 or 完成时限 cell is printed once, in its first row: an empty one below carries it on
    const aligned = alignedCells(raw, into.columns);
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

interface Line {
  cells: string[];
  start: number;
  end: number;
}

/** The item numbers a cell holds: at its start, and after a `;` within it (1.落实…; 2.结合实际…;). */
function cellMarkers(cell: string): Marker[] {
  return findMarkers(cell).filter((m) => m.start === 0 || /[;；]\s*$/.test(cell.slice(0, m.start)));
}

/**
 * A table whose task cells carry item numbers at two levels or more
 * (`(一)组织指挥 | 1.组织机构 | (1)… | 1.落实…; 2.结合…; | 党政办 应消站 | 4月`):
 * each column is a level, an item nests under the nearest item to its left
 * (or above it in its own column, by rank), and the deepest items are the
 * tasks, each with its row's units and time limit. A row that lost cells to
 * merging lines up where its numbers and units fit the columns best.
 */
function numberedItems(lines: Line[], columns: Column[], firstListedLeads: boolean): TableRow[] | null {
  const styleOf = (cell: string) => cellMarkers(cell)[0]?.style ?? null;
  const styles = new Map<number, MarkerStyle>();
  for (const line of lines.filter((l) => l.cells.length === columns.length)) {
    line.cells.forEach((cell, c) => {
      const style = styleOf(cell);
      if (style && columns[c] === 'task' && !styles.has(c)) styles.set(c, style);
    });
  }
  if (new Set(styles.values()).size < 2) return null;
  const unitColumn = (c: number) => ['lead', 'responsible', 'support'].includes(columns[c]!);
  // (most of a cell's names read as units: 村(社区) may stand among them)
  const isUnits = (cell: string) => cell.trim() !== '' && cell.trim().split(/\s+/).filter((w) => isUnitCell(w, false)).length * 2 > cell.trim().split(/\s+/).length;
  const fit = (cells: string[], offset: number) =>
    cells.reduce((score, cell, i) => {
      const c = offset + i;
      const style = styleOf(cell);
      if (style) return score + (styles.get(c) === style ? 2 : columns[c] === 'task' ? 0 : -2);
      if (isUnits(cell)) return score + (unitColumn(c) ? 2 : -1);
      return score;
    }, 0);
  // each item: its numbering path, the row it stands in (its cells laid out under the columns) and its own words
  type Item = { path: number[]; numeral: string; column: number; style: MarkerStyle; line: Line; cells: string[]; text: string; children: number };
  const stack: Item[] = [];
  const items: Item[] = [];
  for (const line of lines) {
    let offset = 0;
    for (let o = 1; o <= columns.length - line.cells.length; o++) if (fit(line.cells, o) > fit(line.cells, offset)) offset = o;
    const cells = columns.map((_, c) => line.cells[c - offset] ?? '');
    cells.forEach((cell, c) => {
      if (columns[c] !== 'task') return;
      const markers = cellMarkers(cell);
      markers.forEach((marker, k) => {
        // the item nests under the nearest item to its left, or above it in its own column and of a higher rank
        const nests = (above: Item) => above.column < c || (above.column === c && RANK[above.style] < RANK[marker.style]);
        while (stack.length > 0 && !nests(stack[stack.length - 1]!)) stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.children++;
        const text = cell.slice(marker.end, markers[k + 1]?.start ?? cell.length).replace(/[;；\s]+$/, '');
        const item: Item = { path: [...(parent?.path ?? []), marker.value], numeral: marker.numeral, column: c, style: marker.style, line, cells, text, children: 0 };
        stack.push(item);
        items.push(item);
      });
    });
  }
  return items.flatMap((item) => {
    if (item.children > 0) return [];
    // the row as the item's own: its words the only task cell, the row's units and time limit beside them
    const cells = item.cells.map((cell, c) => (c === item.column ? item.text : columns[c] === 'task' ? '' : cell));
    const row = readRow(cells, columns, item.line.start, item.line.end, item.path[item.path.length - 1]!, firstListedLeads);
    return row ? [{ ...row, path: item.path, numeral: item.numeral }] : [];
  });
}

/** A row's number, in a 序号 or 分组 column: `3`, `第三组`, `第3项`. */
const ROW_NUMBER = /^(?:第?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[组项条]?)$/;

/**
 * A row with fewer cells than the header lost some to merged cells: a 类别
 * cell printed once for the rows below it, a merged time limit, an empty 备注
 * or 序号. The cells keep their order; the gaps go where what each cell holds
 * fits its column best (units under a unit column, a date under 完成时限, no
 * gap in the task column). On a tie, a row that opens with its number lost
 * cells at its end, any other at its start.
 */
function alignedCells(cells: string[], columns: Column[]): string[] {
  const gaps = columns.length - cells.length;
  if (gaps <= 0) return cells;
  const opensWithNumber = columns[0] === 'number' && ROW_NUMBER.test((cells[0] ?? '').replace(/\s+/g, ''));
  const kinds = cells.map(cellKind);
  let best: { score: number; cells: string[] } | null = null;
  // each placement of the gaps, in cell order; tables have a handful of columns, so this stays small
  const place = (column: number, cell: number, score: number, placed: string[]) => {
    if (column === columns.length) {
      const filled = placed.flatMap((c, i) => (c !== '' ? [i] : []));
      const tieBreak = opensWithNumber ? filled.at(-1)! : -filled[0]!;
      const total = score * 100 + tieBreak;
      if (!best || total > best.score) best = { score: total, cells: [...placed] };
      return;
    }
    const gapsLeft = gaps - (column - cell);
    if (cell < cells.length) place(column + 1, cell + 1, score + fit(kinds[cell]!, columns[column]!), [...placed, cells[cell]!]);
    if (gapsLeft > 0) place(column + 1, cell, score + gapCost(columns[column]!), [...placed, '']);
  };
  place(0, 0, 0, []);
  return best!.cells;
}

type CellKind = 'number' | 'units' | 'time' | 'text' | 'empty';

function cellKind(cell: string): CellKind {
  const text = cell.trim();
  if (!text) return 'empty';
  if (ROW_NUMBER.test(text.replace(/\s+/g, ''))) return 'number';
  if (text.length <= 24 && TIME_WORDS.test(text) && !looksLikeUnit(text)) return 'time';
  const units = splitUnits(text.replace(/\s+/g, '、'));
  return units.length > 0 && units.every(looksLikeUnit) ? 'units' : 'text';
}

/** What a gap costs in a column: a task cell is never merged away, a unit cell seldom. */
function gapCost(column: Column): number {
  if (column === 'task') return -3;
  return column === 'lead' || column === 'responsible' || column === 'support' ? -1 : 0;
}

/** How well a cell of a kind sits in a column. */
function fit(kind: CellKind, column: Column): number {
  if (kind === 'empty') return 0;
  switch (column) {
    case 'number':
      return kind === 'number' ? 2 : -2;
    case 'lead':
    case 'responsible':
    case 'support':
      return kind === 'units' ? 2 : -2;
    case 'deadline':
      return kind === 'time' ? 2 : -2;
    case 'task':
      // a list of units or a date is never what is to be done
      return kind === 'text' ? 1 : -3;
    default:
      return kind === 'text' ? 0 : -1;
  }
}

/**
 * The lines of `text[from, to)` a table's rows are read from. A table flattened
 * one cell a line, each cell after the first opening with a bar (`第一组⏎| 市安监局⏎| 雁塔区`),
 * is read as one line a row: a line holding only a bar cell continues the line above.
 */
function rowLines(text: string, from: number, to: number): { line: string; start: number; end: number }[] {
  const lines: { line: string; start: number; end: number }[] = [];
  let at = from;
  let joinable = false;
  for (const line of text.slice(from, to).split('\n')) {
    const start = at;
    at += line.length + 1;
    const barCell = /^[ \t\u3000]*[|｜][^|｜]*$/.test(line) && line.trim() !== '|';
    const previous = lines[lines.length - 1];
    if (barCell && joinable && previous) {
      previous.line += line.trim();
      previous.end = start + line.length;
      continue;
    }
    // a cell opens a joinable line when it holds no bar itself; the bar cells after it join on
    joinable = line.trim() !== '' && (barCell ? false : !/[|｜\t]/.test(line));
    lines.push({ line, start, end: start + line.length });
  }
  return lines;
}

function readRow(cells: string[], columns: Column[], start: number, end: number, position: number, firstListedLeads: boolean): TableRow | null {
  // a row that lost cells at its start (an empty 序号 dropped) lines up from the right
  const aligned = alignedCells(cells, columns);
  const cell = (column: Column) =>
    columns.flatMap((c, i) => (c === column ? [joinBroken(aligned[i] ?? '')] : [])).filter(Boolean).join('，');
  // (a table of groups has no task column: the row's own cells say what the group is)
  const task = columns.includes('task') ? cell('task') : aligned.filter((c, i) => columns[i] !== 'number' && c.trim()).map((c) => joinBroken(c)).join(' ');
  if (!task) return null;
  // inside a cell, units may be separated by spaces alone
  const cellText = (column: Column) => columns.flatMap((c, i) => (c === column ? [(aligned[i] ?? '').trim()] : [])).filter(Boolean).join(' ');
  // a dash or 无 in a unit cell names no unit
  const unitsIn = (column: Column) => splitUnits(cellText(column).replace(/\s+/g, '、')).filter((u) => !/^[—–\-－/／无]+$/.test(u));
  const lead = unitsIn('lead');
  const responsible = unitsIn('responsible');
  const support = unitsIn('support');
  // a unit marked with its role in brackets (县应急局（牵头）、县总工会) leads, the others of its cell support
  const marked = responsible.map((u) => ROLE_MARK.exec(u));
  if (marked.some((m) => m && LEAD_MARK.test(m[2]!))) {
    const leads = marked.flatMap((m) => (m && LEAD_MARK.test(m[2]!) ? [m[1]!] : []));
    const rest = responsible.map((u, i) => marked[i]?.[1] ?? u).filter((u) => !leads.includes(u));
    return readRowWith(leads, [...rest, ...support]);
  }
  const hasLeadColumn = columns.includes('lead');
  // without a 牵头 column the units listed are joint leads, unless the notice says the first one leads
  const [first, ...rest] = responsible;
  const leads = hasLeadColumn ? lead : firstListedLeads && first ? [first] : responsible;
  return readRowWith(leads, hasLeadColumn ? [...responsible, ...support] : firstListedLeads ? [...rest, ...support] : support);

  function readRowWith(leadUnits: string[], supportUnits: string[]): TableRow {
    return {
      start,
      end,
      position,
      task,
      lead: leadUnits,
      support: supportUnits,
      responsibility: (['lead', 'responsible', 'support'] as Column[]).map(cellText).filter(Boolean).join('；'),
      timeLimit: cell('deadline'),
      progress: cell('progress'),
    };
  }
}

const ROLE_MARK = new RegExp(`^(.+?)\\((${alternation([...ROLE_VERBS.lead, ...ROLE_VERBS.support, ...ROLE_VERBS.joint])})\\)$`);
const LEAD_MARK = new RegExp(`^(?:${alternation(ROLE_VERBS.lead)})$`);

export interface SpacedTable extends TaskTable {
  /** rows whose units were shared out between two unit columns by position */
  guessed: Set<TableRow>;
  /** the 附件 printed inline before the table, where the table is one */
  attachment?: { at: number; label: string };
}

/**
 * Task tables flattened into text with spaces alone (a 文库 page: `序号 工作任务
 * 牵头单位 配合单位 完成时限 1 开展… 县住建局 县市场监管局 2025年6月底前 2 …`):
 * a header of column labels, read by the lexicon, then rows each opening with
 * its number in turn. A row's cells are told apart by what they hold: the task's
 * words, then the units (the first unit-list the 牵头单位 cell, the rest the
 * other unit column), then its time limit.
 */
export function findSpacedTables(norm: string, from: number, to: number, options: { firstListedLeads?: boolean } = {}): SpacedTable[] {
  const tables: SpacedTable[] = [];
  const tokens = [...norm.slice(from, to).matchAll(/\S+/g)].map((m) => ({ word: m[0], start: from + m.index, end: from + m.index + m[0].length }));
  for (let i = 0; i < tokens.length; i++) {
    if (columnOf(tokens[i]!.word) !== 'number') continue;
    const columns: Column[] = ['number'];
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const column = columnOf(tokens[j]!.word);
      if (column === 'number' || (column === 'other' && !/^[\u4e00-\u9fff]{2,4}$/.test(tokens[j]!.word))) break;
      columns.push(column);
    }
    const assigns = columns.some((c) => c === 'lead' || c === 'responsible');
    if (columns.length < 3 || !columns.includes('task') || !assigns || tokens[j]?.word !== '1') continue;
    // an attachment printed inline before its table (…2025年4月2日 附件 平川县…任务清单 序号 …)
    const before = norm.slice(Math.max(from, tokens[i]!.start - 80), tokens[i]!.start);
    const label = /附件\s*(\d{0,2})\s*[:：]?\s*[^\s\d][^\n]{0,60}?\s*$/.exec(before);
    const attachment = label ? { at: tokens[i]!.start - before.length + label.index, label: `附件${label[1]}` } : undefined;
    const table = { start: tokens[i]!.start, end: tokens[j - 1]!.end, rows: [] as TableRow[], guessed: new Set<TableRow>(), ...(attachment ? { attachment } : {}) };
    // each row runs to the next row's number, standing alone (not 第 2 页)
    const starts: number[] = [];
    for (let k = j, n = 1; k < tokens.length; k++) {
      if (tokens[k]!.word === String(n) && !/^第$|^共$/.test(tokens[k - 1]?.word ?? '')) {
        starts.push(k);
        n++;
      }
    }
    for (const [r, k] of starts.entries()) {
      const cells = tokens.slice(k + 1, starts[r + 1] ?? tokens.length);
      const row = spacedRow(cells, columns, r + 1, tokens[k]!.start, options.firstListedLeads ?? false);
      if (!row) break;
      table.rows.push(row.row);
      if (row.guessed) table.guessed.add(row.row);
      table.end = row.row.end;
    }
    if (table.rows.length > 0) tables.push(table);
    i = tokens.findIndex((t) => t.start >= table.end) - 1;
    if (i < 0) break;
  }
  return tables;
}

/** A unit cell: one name or a list (市应急委、安委会各成员单位), or a dash or 无 for none. */
const isUnitCell = (word: string, first: boolean) =>
  /^[—–\-/无]+$/.test(word) ? !first : splitUnits(word).length > 0 && splitUnits(word).every(looksLikeUnit) && (!first || PLACE_OPENING.test(word));

function spacedRow(
  cells: { word: string; start: number; end: number }[],
  columns: Column[],
  position: number,
  start: number,
  firstListedLeads: boolean,
): { row: TableRow; guessed: boolean } | null {
  const first = cells.findIndex((c, i) => i > 0 && isUnitCell(c.word, true));
  const unitsAt = first < 0 ? cells.length : first;
  let after = unitsAt;
  while (after < cells.length && isUnitCell(cells[after]!.word, false)) after++;
  const task = joinBroken(cells.slice(0, unitsAt).map((c) => c.word).join(' '));
  if (!task) return null;
  const unitCells = cells.slice(unitsAt, after).map((c) => c.word).filter((w) => !/^[—–\-/无]+$/.test(w));
  // what follows the units is the time limit, one phrase; words after it (a colophon, a page line) are no part of the row
  const limit = columns.includes('deadline') && after < cells.length ? cells[after]! : null;
  const last = limit ?? cells[Math.max(unitsAt, after) - 1] ?? cells[cells.length - 1]!;
  const unitsOf = (words: string[]) => words.flatMap((w) => splitUnits(w));
  const hasLead = columns.includes('lead');
  const [head, ...rest] = unitCells;
  const lead = hasLead ? unitsOf(head ? [head] : []) : firstListedLeads ? unitsOf(unitCells).slice(0, 1) : unitsOf(unitCells);
  const support = hasLead ? unitsOf(rest) : firstListedLeads ? unitsOf(unitCells).slice(1) : [];
  const guessed = hasLead && columns.filter((c) => c === 'lead' || c === 'responsible' || c === 'support').length > 1 && unitCells.length > 1;
  return {
    row: { start, end: last.end, position, task, lead, support, responsibility: unitCells.join(' '), timeLimit: limit?.word ?? '', progress: '' },
    guessed,
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
