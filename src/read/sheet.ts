/**
 * Task tables as workbooks (.xlsx, with exceljs) and CSV files (csv-parse):
 * each sheet's rows become `|`-separated lines, so the extractor reads them as
 * it reads a table in a notice. A merged cell spanning rows (one 牵头单位 for
 * several tasks) is repeated in each; one spanning columns is one cell; a row
 * holding a single cell (the table's title) is a line of text.
 */
import type { CellValue, Worksheet } from 'exceljs';
import { decodeNotice } from './decode.js';
import type { Reading, Refusal } from './reading.js';

const MESSAGES = {
  brokenWorkbook: 'Excel 工作簿已损坏，无法打开',
  brokenCsv: (reason: string) => `CSV 文件格式有误：${reason}`,
  empty: '表格里没有内容',
  cell: (sheet: string, cell: string) => `工作表“${sheet}”${cell} 单元格`,
  csvLine: (line: number) => `CSV 文件第 ${line} 行`,
};

/** Where each line of the text came from. */
interface RowOrigin {
  sheet?: string;
  /** the sheet's row, or the CSV file's line */
  row: number;
  /** 1-based source column of each printed cell */
  columns: number[];
}

const columnName = (n: number): string => (n <= 0 ? '' : columnName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A cell's value as printed: a date as 2024年6月30日, so the deadline reader reads it. */
function cellString(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellString((value.result ?? '') as CellValue);
    if ('text' in value) return cellString(value.text as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Rows of cells to lines: a cell's own line breaks become spaces, and a bar in a cell cannot split it. */
function linesOf(rows: { cells: string[]; origin: Omit<RowOrigin, 'columns'>; columns: number[] }[]): { text: string; origins: (RowOrigin | null)[] } {
  const lines: string[] = [];
  const origins: (RowOrigin | null)[] = [];
  for (const { cells, origin, columns } of rows) {
    const clean = cells.map((c) => c.replace(/\s+/g, ' ').trim().replace(/[|｜]/g, '／'));
    const filled = clean.filter(Boolean);
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      lines.push(filled[0]!);
      origins.push({ ...origin, columns: [columns[clean.findIndex(Boolean)] ?? 1] });
    } else {
      lines.push(`| ${clean.join(' | ')} |`);
      origins.push({ ...origin, columns });
    }
  }
  return { text: `${lines.join('\n')}\n`, origins };
}

/** The cell a column of a printed line stands in: count the bars before it. */
function cellAt(origin: RowOrigin, line: string, column: number): number {
  if (!line.startsWith('|')) return origin.columns[0] ?? 1;
  const bars = (line.slice(0, column - 1).match(/\|/g) ?? []).length;
  return origin.columns[Math.max(0, bars - 1)] ?? origin.columns.at(-1) ?? 1;
}

function sheetRows(sheet: Worksheet) {
  const rows: { cells: string[]; origin: { sheet: string; row: number }; columns: number[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const columns: number[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      // a merged range prints once across its columns, and again in every row it spans
      if (cell.isMerged && cell.master !== cell && cell.master.row === cell.row) continue;
      cells.push(cellString((cell.isMerged ? cell.master : cell).value));
      columns.push(c);
    }
    rows.push({ cells, origin: { sheet: sheet.name, row: rowNumber }, columns });
  });
  return rows;
}

export async function readXlsx(bytes: Uint8Array): Promise<Reading | Refusal> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ArrayBuffer);
  } catch {
    return { rule: 'unreadable-input', problem: MESSAGES.brokenWorkbook };
  }
  const rows = workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').flatMap(sheetRows);
  const { text, origins } = linesOf(rows);
  if (origins.length === 0) return { rule: 'unreadable-input', problem: MESSAGES.empty };
  const lines = text.split('\n');
  const modified = workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime()) ? isoDay(workbook.modified) : undefined;
  return {
    text,
    kind: 'xlsx',
    fields: {},
    attachments: [],
    ...(modified ? { savedOn: modified } : {}),
    place: ({ line, column }) => {
      const origin = origins[line - 1];
      return origin ? MESSAGES.cell(origin.sheet ?? '', `${columnName(cellAt(origin, lines[line - 1]!, column))}${origin.row}`) : null;
    },
  };
}

export async function readCsv(bytes: Uint8Array): Promise<Reading | Refusal> {
  const decoded = decodeNotice(bytes);
  if ('problem' in decoded) return { rule: 'unreadable-input', problem: decoded.problem };
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decoded.text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, delimiter: [',', '\t', '，'] }) as typeof records;
  } catch (error) {
    return { rule: 'unreadable-input', problem: MESSAGES.brokenCsv(String((error as { code?: string }).code ?? '')) };
  }
  const { text, origins } = linesOf(records.map(({ record, info }) => ({ cells: record, origin: { row: info.lines }, columns: record.map((_c, i) => i + 1) })));
  if (origins.length === 0) return { rule: 'unreadable-input', problem: MESSAGES.empty };
  return {
    text,
    kind: 'csv',
    encoding: decoded.encoding,
    fields: {},
    attachments: [],
    place: ({ line }) => {
      const origin = origins[line - 1];
      return origin ? MESSAGES.csvLine(origin.row) : null;
    },
  };
}
