/**
 * Reports a person reads as tables, with machine twins: `table` (fits the
 * terminal; a CJK character is two columns wide), `csv` (UTF-8 with a BOM, so
 * Excel opens it right), `json` and `markdown`. Each is a pure function of the
 * report and the options, linear in its rows, made in chunks of a few thousand
 * lines (so a command writes a large report as it goes), and every value passes
 * through the escaping of its destination (escape.ts).
 */
import { Chalk } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import { t } from '../i18n/index.js';
import { forMarkdownCell, forMarkdownLine, forSpreadsheet, forTerminal, forTerminalLine, inert, toJson } from './escape.js';
import { charSizeAt, stringWidth, widthAt } from './width.js';

export type Cell = string | number | null | string[];

export interface Column {
  key: string;
  label: string;
  /** keep this column on every slice when a wide table is split to fit */
  sticky?: boolean;
  /** the widest this column may be, in terminal columns */
  maxWidth?: number;
  /** in a terminal table, at most this many characters (0: the column is left out); every other format has the whole text */
  shorten?: number;
}

export interface ReportSection {
  title: string | null;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface Report {
  sections: ReportSection[];
}

export interface ReportFormatOptions {
  color: boolean;
  /** terminal width for `table` */
  width: number;
}

export type ReportFormat = 'table' | 'csv' | 'json' | 'markdown';

const plain = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.join('、') : String(cell));
/** a cell as a terminal shows it */
const text = (cell: Cell | undefined): string => forTerminal(plain(cell));

/** Text broken into lines no wider than `width` display columns, each with its width. */
function wrapToWidth(value: string, width: number): { lines: string[]; widths: number[] } {
  const lines: string[] = [];
  const widths: number[] = [];
  for (const paragraph of value.split('\n')) {
    let start = 0;
    let used = 0;
    for (let i = 0; i < paragraph.length; ) {
      const size = charSizeAt(paragraph, i);
      const w = widthAt(paragraph, i, size);
      if (used + w > width && i > start) {
        // a break can start a line with `::`: made inert again, as every line a terminal shows
        lines.push(inert(paragraph.slice(start, i)));
        widths.push(used);
        start = i;
        used = 0;
      }
      used += w;
      i += size;
    }
    lines.push(inert(paragraph.slice(start)));
    widths.push(used);
  }
  return { lines, widths };
}

/** The width of a text that fits on one line of `width` columns as it is; -1 where it does not (it is wrapped). */
function oneLineWidth(value: string, width: number): number {
  if (value.includes('\n')) return -1;
  let used = 0;
  for (let i = 0; i < value.length; ) {
    const size = charSizeAt(value, i);
    used += widthAt(value, i, size);
    if (used > width) return -1;
    i += size;
  }
  return used;
}

type Wrapped = ReturnType<typeof wrapToWidth>;

/**
 * A row laid out: each cell one line as it is (most are), its width in `widths`, or wrapped into lines.
 * A cell of one line is kept as its text: no arrays for it, of which a table of 20,000 rows made 300,000.
 */
interface LaidRow {
  cells: (string | Wrapped)[];
  widths: number[];
}

const spaces: string[] = [];
/** `n` spaces, each length made once */
const padding = (n: number) => (spaces[n] ??= ' '.repeat(n));

/** One section's cells wrapped once, and each column's width (its widest line). */
function layOut(section: ReportSection) {
  const widest = section.columns.map(() => 0);
  const lay = (values: string[]): LaidRow => {
    const row: LaidRow = { cells: [], widths: [] };
    for (let k = 0; k < values.length; k++) {
      const value = forTerminal(values[k]!);
      const max = section.columns[k]!.maxWidth ?? 40;
      const width = oneLineWidth(value, max);
      if (width >= 0) {
        row.cells.push(inert(value));
        row.widths.push(width);
        if (width > widest[k]!) widest[k] = width;
        continue;
      }
      const wrapped = wrapToWidth(value, max);
      row.cells.push(wrapped);
      row.widths.push(0);
      for (const w of wrapped.widths) if (w > widest[k]!) widest[k] = w;
    }
    return row;
  };
  const head = lay(section.columns.map((c) => c.label));
  const rows = section.rows.map((row) => lay(section.columns.map((c) => plain(row[c.key]))));
  const index = new Map(section.columns.map((c, k) => [c.key, k]));
  return { head, rows, width: (c: Column) => widest[index.get(c.key)!] ?? 0 };
}

/** A section as a terminal shows it: long texts cut, with a line that says so. */
function shortened(section: ReportSection): { section: ReportSection; note: string | null } {
  const columns = section.columns.filter((c) => c.shorten !== 0);
  const cut = new Set<Column>();
  const rows = section.rows.map((row) => {
    const shown: Record<string, Cell> = {};
    for (const c of columns) {
      const value = plain(row[c.key]);
      // no longer in UTF-16 units than the limit: no longer in characters either
      if (c.shorten === undefined || value.length <= c.shorten || [...value].length <= c.shorten) shown[c.key] = value;
      else {
        cut.add(c);
        shown[c.key] = `${[...value].slice(0, c.shorten).join('')}…`;
      }
    }
    return shown;
  });
  const left = section.columns.filter((c) => c.shorten === 0).map((c) => c.label);
  const parts = [...[...cut].map((c) => `${c.label}只显示前${c.shorten}字`), ...(left.length > 0 && section.rows.length > 0 ? [`略去${left.join('、')}`] : [])];
  return { section: { ...section, columns, rows }, note: parts.length > 0 ? `（终端表格中${parts.join('，')}；全文见 --format csv、json 或 markdown）` : null };
}

/** A report's table, line by line (a line may hold several: a block, a wrapped note). */
function* tableLines(report: Report, options: ReportFormatOptions): Generator<string> {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  for (const whole of report.sections) {
    const { section, note } = shortened(whole);
    if (section.title) yield forTerminalLine(section.title);
    const layout = layOut(section);
    const index = new Map(section.columns.map((c, i) => [c, i]));
    const slices = slicesToFit(section.columns, layout.width, options.width);
    if (slices === null) {
      yield* blocks(section, options.width);
      yield '';
      continue;
    }
    for (const columns of slices) {
      const widths = columns.map(layout.width);
      const rule = (left: string, middle: string, right: string) => paint.grey(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`);
      const bar = paint.grey('│');
      const picked = columns.map((c) => index.get(c)!);
      // a line's pieces joined once: a string grown piece by piece is flattened again when the table is joined
      const pieces: string[] = [];
      function* draw(row: LaidRow, style: ((s: string) => string) | null) {
        let height = 1;
        for (const k of picked) {
          const cell = row.cells[k]!;
          if (typeof cell !== 'string' && cell.lines.length > height) height = cell.lines.length;
        }
        for (let line = 0; line < height; line++) {
          pieces.length = 0;
          pieces.push(bar);
          for (let i = 0; i < picked.length; i++) {
            const cell = row.cells[picked[i]!]!;
            const one = typeof cell === 'string';
            const shown = one ? (line === 0 ? cell : '') : cell.lines[line] ?? '';
            const used = one ? (line === 0 ? row.widths[picked[i]!]! : 0) : cell.widths[line] ?? 0;
            pieces.push(' ', style ? style(shown) : shown, padding(widths[i]! - used), ' ', bar);
          }
          yield pieces.join('');
        }
      }
      yield rule('┌', '┬', '┐');
      yield* draw(layout.head, options.color ? paint.cyan : null);
      // no rule between rows: a ledger reads down its rows
      for (const row of layout.rows) yield* draw(row, null);
      yield rule('└', '┴', '┘');
    }
    if (note) yield wrapToWidth(note, options.width).lines.join('\n');
    yield '';
  }
}

/**
 * Columns to print together: all of them, or slices that each fit the
 * terminal, the sticky columns (the keys: 文件, 任务) on each; null where even
 * the keys and one more column do not fit, for a block a row instead.
 */
function slicesToFit(all: Column[], widest: (c: Column) => number, width: number): Column[][] | null {
  const widthOf = (c: Column) => widest(c) + 3; // padding and border
  const sticky = all.filter((c) => c.sticky);
  const rest = all.filter((c) => !c.sticky);
  const base = sticky.reduce((sum, c) => sum + widthOf(c), 1);
  const slices: Column[][] = [];
  let current: Column[] = [];
  let used = base;
  for (const column of rest) {
    const w = widthOf(column);
    if (current.length > 0 && used + w > width) {
      slices.push([...sticky, ...current]);
      current = [];
      used = base;
    }
    current.push(column);
    used += w;
  }
  slices.push([...sticky, ...current]);
  return slices.some((slice) => slice.reduce((sum, c) => sum + widthOf(c), 1) > width) ? null : slices;
}

/** A terminal too narrow for a table: each row as a block, its key columns on its first line, then a line a column. */
function* blocks(section: ReportSection, width: number): Generator<string> {
  const keys = section.columns.filter((c) => c.sticky);
  const heading = keys.length > 0 ? keys : section.columns.slice(0, 1);
  const indent = (value: string, by: string) => value.split('\n').join(`\n${by}`);
  // a blank line between blocks (and one line, blank, for no rows)
  if (section.rows.length === 0) yield '';
  for (const [i, row] of section.rows.entries()) {
    // the keys on one line where they fit, else a line each
    const keys = heading.map((c) => `${forTerminalLine(c.label)} ${text(row[c.key])}`);
    const first = stringWidth(keys.join('  ')) <= width ? keys.join('  ') : keys.map((k) => wrapToWidth(k, width).lines.join('\n')).join('\n');
    const rest = section.columns
      .filter((c) => !heading.includes(c) && text(row[c.key]) !== '')
      .map((c) => `  ${indent(wrapToWidth(`${forTerminalLine(c.label)}：${text(row[c.key])}`, width - 4).lines.join('\n'), '    ')}`);
    if (i > 0) yield '';
    yield [first, ...rest].join('\n');
  }
}

/** Records as CSV, a batch of `size` at a time: csv-stringify writes each record on its own. */
function* csvBatches(records: Iterable<string[]>, size: number): Generator<string> {
  const csv = (batch: string[][]) => stringify(batch, { record_delimiter: 'windows' });
  let batch: string[][] = [];
  for (const record of records) {
    batch.push(record);
    if (batch.length < size) continue;
    yield csv(batch);
    batch = [];
  }
  if (batch.length > 0) yield csv(batch);
}

function* csvChunks(report: Report, size: number): Generator<string> {
  const cell = (value: Cell | undefined) => (typeof value === 'number' ? String(value) : forSpreadsheet(plain(value)));
  const labels = (section: ReportSection) => section.columns.map((c) => c.label).join('\u0000');
  const shared = report.sections.every((s) => labels(s) === labels(report.sections[0]!));
  const head = (section: ReportSection) => section.columns.map((c) => cell(c.label));
  const cells = function* (section: ReportSection, before: string[] = []) {
    for (const row of section.rows) yield [...before, ...section.columns.map((c) => cell(row[c.key]))];
  };
  yield '\ufeff';
  if (!shared) {
    // sections with their own columns (rows, then a summary): one block each, a blank line between
    for (const [i, s] of report.sections.entries()) {
      if (i > 0) yield '\r\n';
      yield* csvBatches([head(s)], size);
      yield* csvBatches(cells(s), size);
    }
    return;
  }
  const several = report.sections.length > 1;
  const first = report.sections[0];
  yield* csvBatches([[...(several ? [cell(t('report.column.section'))] : []), ...(first ? head(first) : [])]], size);
  for (const s of report.sections) yield* csvBatches(cells(s, several ? [cell(s.title)] : []), size);
}

/** JSON written as `toJson` writes the whole, a section's rows `size` at a time. */
function* jsonChunks(report: Report, size: number): Generator<string> {
  if (report.sections.length === 0) {
    yield '[]\n';
    return;
  }
  const indented = (json: string, by: string) => by + json.replace(/\n/g, `\n${by}`);
  yield '[\n';
  for (const [i, s] of report.sections.entries()) {
    // the columns say what each key of a row is (a grid's keys are unit names)
    const columns = s.columns.map((c) => ({ key: c.key, label: c.label }));
    const head = indented(toJson({ title: s.title, columns, rows: [] }), '  ');
    if (s.rows.length === 0) {
      yield `${i > 0 ? ',\n' : ''}${head}`;
      continue;
    }
    // `"rows": []` opened for the rows, each an item of the list at its depth
    yield `${i > 0 ? ',\n' : ''}${head.slice(0, -'[]\n  }'.length)}[`;
    for (let from = 0; from < s.rows.length; from += size) {
      yield s.rows.slice(from, from + size).map((row, k) => `${from + k > 0 ? ',' : ''}\n${indented(toJson(row), '      ')}`).join('');
    }
    yield '\n    ]\n  }';
  }
  yield '\n]\n';
}

function* markdownLines(report: Report): Generator<string> {
  for (const section of report.sections) {
    if (section.title) yield* [`## ${forMarkdownLine(section.title)}`, ''];
    yield `| ${section.columns.map((c) => forMarkdownCell(c.label)).join(' | ')} |`;
    yield `| ${section.columns.map(() => '---').join(' | ')} |`;
    for (const row of section.rows) yield `| ${section.columns.map((c) => forMarkdownCell(plain(row[c.key]))).join(' | ')} |`;
    yield '';
  }
}

/**
 * Lines joined, `size` at a time, into what they make whole: the text's trailing white space trimmed and one
 * newline. The last line with text is held back, so the trim never reaches into what was already given.
 */
function* inChunks(lines: Iterable<string>, size: number): Generator<string> {
  let held: string[] = [];
  for (const line of lines) {
    held.push(line);
    if (held.length <= size) continue;
    let last = held.length - 1;
    while (last > 0 && !/\S/.test(held[last]!)) last--;
    if (last === 0) continue;
    yield `${held.slice(0, last).join('\n')}\n`;
    held = held.slice(last);
  }
  yield `${held.join('\n').trimEnd()}\n`;
}

/** a chunk of a report: about this many lines (or rows) */
const CHUNK_LINES = 4096;

/**
 * Each format as the chunks its text is written in, so that a report of a million lines is never one string:
 * `reportFormatters` is each joined. Pure, as they are.
 */
export const reportChunks: Record<ReportFormat, (report: Report, options: ReportFormatOptions, size?: number) => Iterable<string>> = {
  table: (report, options, size = CHUNK_LINES) => inChunks(tableLines(report, options), size),
  csv: (report, _options, size = CHUNK_LINES) => csvChunks(report, size),
  json: (report, _options, size = CHUNK_LINES) => jsonChunks(report, size),
  markdown: (report, _options, size = CHUNK_LINES) => inChunks(markdownLines(report), size),
};

export const reportFormatters = Object.fromEntries(
  Object.entries(reportChunks).map(([format, chunks]) => [format, (report: Report, options: ReportFormatOptions) => [...chunks(report, options)].join('')]),
) as Record<ReportFormat, (report: Report, options: ReportFormatOptions) => string>;
