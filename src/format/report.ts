/**
 * Reports a person reads as tables, with machine twins: `table` (fits the
 * terminal; a CJK character is two columns wide), `csv` (UTF-8 with a BOM, so
 * Excel opens it right), `json` and `markdown`. Each is a pure function of the
 * report and the options.
 */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import stringWidth from 'string-width';
import { t } from '../i18n/index.js';
import { forSpreadsheet } from './escape.js';
import { inert as printable } from './escape.js';

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

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : printable(Array.isArray(cell) ? cell.join('、') : String(cell));

/** Break text into lines no wider than `width` display columns. */
function wrapToWidth(value: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line = '';
    for (const char of paragraph) {
      if (stringWidth(line + char) > width && line) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** A section as a terminal shows it: long texts cut, with a line that says so. */
function shortened(section: ReportSection): { section: ReportSection; note: string | null } {
  const columns = section.columns.filter((c) => c.shorten !== 0);
  const cut = new Set<Column>();
  const rows = section.rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = text(row[c.key]);
        if (c.shorten === undefined || [...value].length <= c.shorten) return [c.key, value];
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
  const out: string[] = [];
  for (const whole of report.sections) {
    const { section, note } = shortened(whole);
    if (section.title) out.push(printable(section.title));
    const slices = slicesToFit(section, options.width);
    if (slices === null) {
      out.push(blocks(section, options.width), '');
      continue;
    }
    for (const columns of slices) {
      const table = new Table({
        head: columns.map((c) => wrapToWidth(printable(c.label), c.maxWidth ?? 40)),
        style: options.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
        // no rule between rows: a ledger reads down its rows
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const row of section.rows) table.push(columns.map((c) => wrapToWidth(text(row[c.key]), c.maxWidth ?? 40)));
      out.push(table.toString());
    }
    if (note) out.push(wrapToWidth(note, options.width));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Columns to print together: all of them, or slices that each fit the
 * terminal, the sticky columns (the keys: 文件, 任务) on each; null where even
 * the keys and one more column do not fit, for a block a row instead.
 */
function slicesToFit(section: ReportSection, width: number): Column[][] | null {
  const widthOf = (c: Column) => {
    const widest = Math.max(...[c.label, ...section.rows.map((r) => text(r[c.key]))].flatMap((v) => wrapToWidth(v, c.maxWidth ?? 40).split('\n').map((l) => stringWidth(l))));
    return widest + 3; // padding and border
  };
  const sticky = section.columns.filter((c) => c.sticky);
  const rest = section.columns.filter((c) => !c.sticky);
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
      const keys = heading.map((c) => `${printable(c.label)} ${text(row[c.key])}`);
      const first = stringWidth(keys.join('  ')) <= width ? keys.join('  ') : keys.map((k) => wrapToWidth(k, width)).join('\n');
      const rest = section.columns
        .filter((c) => !heading.includes(c) && text(row[c.key]) !== '')
        .map((c) => `  ${indent(wrapToWidth(`${printable(c.label)}：${text(row[c.key])}`, width - 4), '    ')}`);
      return [first, ...rest].join('\n');
    })
    .join('\n\n');
}

function formatCsv(report: Report): string {
  const labels = (section: ReportSection) => section.columns.map((c) => c.label).join('\u0000');
  const shared = report.sections.every((s) => labels(s) === labels(report.sections[0]!));
  // every cell as a spreadsheet reads it: nothing that came from a notice can start a formula
  const cells = (section: ReportSection) => section.rows.map((row) => section.columns.map((c) => forSpreadsheet(text(row[c.key]))));
  const csv = (records: string[][]) => stringify(records, { record_delimiter: 'windows' });
  if (!shared) {
    // sections with their own columns (rows, then a summary): one block each, a blank line between
    return `\ufeff${report.sections.map((s) => csv([s.columns.map((c) => forSpreadsheet(c.label)), ...cells(s)])).join('\r\n')}`;
  }
  const several = report.sections.length > 1;
  const header = [...(several ? [t('report.column.section')] : []), ...(report.sections[0]?.columns ?? []).map((c) => forSpreadsheet(c.label))];
  const body = report.sections.flatMap((s) => cells(s).map((row) => [...(several ? [forSpreadsheet(s.title ?? '')] : []), ...row]));
  return `\ufeff${csv([header, ...body])}`;
}

function formatJson(report: Report): string {
  // the columns say what each key of a row is (a grid's keys are unit names)
  const columns = (s: ReportSection) => s.columns.map((c) => ({ key: c.key, label: c.label }));
  return `${JSON.stringify(report.sections.map((s) => ({ title: s.title, columns: columns(s), rows: s.rows })), null, 2)}\n`;
}

function formatMarkdown(report: Report): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const out: string[] = [];
  for (const section of report.sections) {
    if (section.title) out.push(`## ${section.title}`, '');
    out.push(`| ${section.columns.map((c) => escape(c.label)).join(' | ')} |`);
    out.push(`| ${section.columns.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) out.push(`| ${section.columns.map((c) => escape(text(row[c.key]))).join(' | ')} |`);
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
