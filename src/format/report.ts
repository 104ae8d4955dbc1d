/**
 * Reports a person reads as tables, with machine twins: `table` (fits the
 * terminal; a CJK character is two columns wide), `csv` (UTF-8 with a BOM, so
 * Excel opens it right), `json` and `markdown`. Each is a pure function of the
 * report and the options, linear in its rows, and every value passes through
 * the escaping of its destination (escape.ts).
 */
import { Chalk } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import { t } from '../i18n/index.js';
import { forMarkdownCell, forMarkdownLine, forSpreadsheet, forTerminal, forTerminalLine, inert, toJson } from './escape.js';
import { charWidth, stringWidth } from './width.js';

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
  // printable ASCII is one column a character
  if (value.length <= width && /^[\x20-\x7e]*$/.test(value)) return { lines: [value], widths: [value.length] };
  const lines: string[] = [];
  const widths: number[] = [];
  for (const paragraph of value.split('\n')) {
    let start = 0;
    let used = 0;
    for (let i = 0; i < paragraph.length; ) {
      // one code point at a time: a pair of surrogates is one character
      const code = paragraph.charCodeAt(i);
      const next = paragraph.charCodeAt(i + 1);
      const size = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      // the two ranges most cells are made of, without a lookup: printable ASCII (one column), CJK ideographs (two)
      const w = code >= 0x20 && code <= 0x7e ? 1 : code >= 0x4e00 && code <= 0x9fff ? 2 : charWidth(paragraph.slice(i, i + size));
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

type Wrapped = ReturnType<typeof wrapToWidth>;

/** One section's cells wrapped once, and each column's width (its widest line). */
function layOut(section: ReportSection) {
  const widest = new Map<string, number>();
  const wrap = (column: Column, value: string) => {
    const wrapped = wrapToWidth(forTerminal(value), column.maxWidth ?? 40);
    let w = widest.get(column.key) ?? 0;
    for (const width of wrapped.widths) if (width > w) w = width;
    widest.set(column.key, w);
    return wrapped;
  };
  const head = section.columns.map((c) => wrap(c, c.label));
  const rows = section.rows.map((row) => section.columns.map((c) => wrap(c, plain(row[c.key]))));
  return { head, rows, width: (c: Column) => widest.get(c.key) ?? 0 };
}

/** A section as a terminal shows it: long texts cut, with a line that says so. */
function shortened(section: ReportSection): { section: ReportSection; note: string | null } {
  const columns = section.columns.filter((c) => c.shorten !== 0);
  const cut = new Set<Column>();
  const rows = section.rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = plain(row[c.key]);
        // no longer in UTF-16 units than the limit: no longer in characters either
        if (c.shorten === undefined || value.length <= c.shorten || [...value].length <= c.shorten) return [c.key, value];
        cut.add(c);
        return [c.key, `${[...value].slice(0, c.shorten).join('')}…`];
      }),
    ),
  );
  const left = section.columns.filter((c) => c.shorten === 0).map((c) => c.label);
  const parts = [...[...cut].map((c) => `${c.label}只显示前${c.shorten}字`), ...(left.length > 0 && section.rows.length > 0 ? [`略去${left.join('、')}`] : [])];
  return { section: { ...section, columns, rows }, note: parts.length > 0 ? `（终端表格中${parts.join('，')}；全文见 --format csv、json 或 markdown）` : null };
}

function formatTable(report: Report, options: ReportFormatOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const whole of report.sections) {
    const { section, note } = shortened(whole);
    if (section.title) out.push(forTerminalLine(section.title));
    const layout = layOut(section);
    const index = new Map(section.columns.map((c, i) => [c, i]));
    const slices = slicesToFit(section.columns, layout.width, options.width);
    if (slices === null) {
      out.push(blocks(section, options.width), '');
      continue;
    }
    for (const columns of slices) {
      const widths = columns.map(layout.width);
      const rule = (left: string, middle: string, right: string) => paint.grey(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`);
      const bar = paint.grey('│');
      const picked = columns.map((c) => index.get(c)!);
      const draw = (cells: Wrapped[], style: (s: string) => string) => {
        let height = 1;
        for (const k of picked) if (cells[k]!.lines.length > height) height = cells[k]!.lines.length;
        for (let line = 0; line < height; line++) {
          let drawn = bar;
          for (let i = 0; i < picked.length; i++) {
            const cell = cells[picked[i]!]!;
            drawn += ` ${style(cell.lines[line] ?? '')}${' '.repeat(widths[i]! - (cell.widths[line] ?? 0))} ${bar}`;
          }
          out.push(drawn);
        }
      };
      out.push(rule('┌', '┬', '┐'));
      draw(layout.head, options.color ? paint.cyan : (s) => s);
      // no rule between rows: a ledger reads down its rows
      for (const row of layout.rows) draw(row, (s) => s);
      out.push(rule('└', '┴', '┘'));
    }
    if (note) out.push(wrapToWidth(note, options.width).lines.join('\n'));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
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
function blocks(section: ReportSection, width: number): string {
  const keys = section.columns.filter((c) => c.sticky);
  const heading = keys.length > 0 ? keys : section.columns.slice(0, 1);
  const indent = (value: string, by: string) => value.split('\n').join(`\n${by}`);
  return section.rows
    .map((row) => {
      // the keys on one line where they fit, else a line each
      const keys = heading.map((c) => `${forTerminalLine(c.label)} ${text(row[c.key])}`);
      const first = stringWidth(keys.join('  ')) <= width ? keys.join('  ') : keys.map((k) => wrapToWidth(k, width).lines.join('\n')).join('\n');
      const rest = section.columns
        .filter((c) => !heading.includes(c) && text(row[c.key]) !== '')
        .map((c) => `  ${indent(wrapToWidth(`${forTerminalLine(c.label)}：${text(row[c.key])}`, width - 4).lines.join('\n'), '    ')}`);
      return [first, ...rest].join('\n');
    })
    .join('\n\n');
}

function formatCsv(report: Report): string {
  const cell = (value: Cell | undefined) => (typeof value === 'number' ? String(value) : forSpreadsheet(plain(value)));
  const labels = (section: ReportSection) => section.columns.map((c) => c.label).join('\u0000');
  const shared = report.sections.every((s) => labels(s) === labels(report.sections[0]!));
  const head = (section: ReportSection) => section.columns.map((c) => cell(c.label));
  const cells = (section: ReportSection) => section.rows.map((row) => section.columns.map((c) => cell(row[c.key])));
  const csv = (records: string[][]) => stringify(records, { record_delimiter: 'windows' });
  if (!shared) {
    // sections with their own columns (rows, then a summary): one block each, a blank line between
    return `\ufeff${report.sections.map((s) => csv([head(s), ...cells(s)])).join('\r\n')}`;
  }
  const several = report.sections.length > 1;
  const first = report.sections[0];
  const header = [...(several ? [cell(t('report.column.section'))] : []), ...(first ? head(first) : [])];
  const body = report.sections.flatMap((s) => cells(s).map((row) => [...(several ? [cell(s.title)] : []), ...row]));
  return `\ufeff${csv([header, ...body])}`;
}

function formatJson(report: Report): string {
  // the columns say what each key of a row is (a grid's keys are unit names)
  const columns = (s: ReportSection) => s.columns.map((c) => ({ key: c.key, label: c.label }));
  return `${toJson(report.sections.map((s) => ({ title: s.title, columns: columns(s), rows: s.rows })))}\n`;
}

function formatMarkdown(report: Report): string {
  const out: string[] = [];
  for (const section of report.sections) {
    if (section.title) out.push(`## ${forMarkdownLine(section.title)}`, '');
    out.push(`| ${section.columns.map((c) => forMarkdownCell(c.label)).join(' | ')} |`);
    out.push(`| ${section.columns.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) out.push(`| ${section.columns.map((c) => forMarkdownCell(plain(row[c.key]))).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export const reportFormatters: Record<ReportFormat, (report: Report, options: ReportFormatOptions) => string> = {
  table: formatTable,
  csv: formatCsv,
  json: formatJson,
  markdown: formatMarkdown,
};
