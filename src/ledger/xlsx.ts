/**
 * The ledger as an Excel workbook a clerk prints and sends (exceljs), and the
 * same workbook read back when a unit returns it. A hidden sheet ties each row
 * to its registry, document and task, the values it was sent with and the
 * registry's sha256 at the time, so a return can be checked before it is applied.
 */
import ExcelJS from 'exceljs';
import { forSpreadsheet, toJson } from '../format/escape.js';
import { stringWidth } from '../format/width.js';
import { LEDGER_COLUMNS, STATUS_WORDS, type LedgerKey, type LedgerRow, type LedgerSheet, type Status } from './rows.js';

/** The sheet that says where each row came from. */
export const SOURCE_SHEET = '_来源';
const HEADER_ROW = 2;

/** What a row was sent with: written to the hidden sheet, read back on import. */
export interface SentRecord {
  sheet: string;
  row: number;
  file: string;
  documentId: string;
  task: string;
  /** the unit the sheet went to */
  unit: string | null;
  status: Status;
  /** the cells as sent, before escaping */
  cells: { document: string; text: string; progress: string; status: string };
  sha256: string;
}

/** Widths in Excel's units (about one Latin character; a Chinese character takes two). */
const WIDTH: Record<LedgerKey, number> = { number: 6, task: 9, document: 20, text: 60, lead: 16, support: 22, deadline: 18, progress: 34, status: 9 };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
const FONT = '宋体';
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const MESSAGES = {
  statusTitle: '状态',
  statusPrompt: `请从下拉列表选择：${STATUS_WORDS.join('、')}`,
  statusError: `请填写：${STATUS_WORDS.join('、')}`,
};

function cellText(row: LedgerRow, key: LedgerKey): string | number {
  switch (key) {
    case 'number':
      return row.number;
    case 'lead':
    case 'support':
      return row[key].join('、');
    default:
      return row[key];
  }
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not used yet. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = [...wanted.replace(/[[\]:*?/\\']/g, '')].slice(0, 28).join('') || '台账';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/** Rows tall enough for their wrapped text (Excel does not grow them on opening). */
function rowHeight(values: (string | number)[]): number {
  let lines = 1;
  LEDGER_COLUMNS.forEach((c, i) => {
    // a little short of the width: fonts for Chinese run wider than two Latin characters
    const usable = (WIDTH[c.key] - 1) * 0.85;
    const count = String(values[i] ?? '')
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(stringWidth(line) / usable)), 0);
    lines = Math.max(lines, count);
  });
  return Math.min(409, lines * 14.5 + 4);
}

export async function writeLedgerWorkbook(sheets: LedgerSheet[], sha256: Map<string, string>, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'safety-tasks';
  workbook.created = now;
  workbook.modified = now;
  const used = new Set([SOURCE_SHEET]);
  const records: SentRecord[] = [];
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, used);
    const worksheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    worksheet.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: WIDTH[c.key] }));

    worksheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
    const title = worksheet.getCell(1, 1);
    title.value = forSpreadsheet(sheet.title);
    title.font = { name: FONT, size: 16, bold: true };
    title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    worksheet.getRow(1).height = Math.max(30, Math.ceil(stringWidth(sheet.title) / 120) * 22);

    const header = worksheet.getRow(HEADER_ROW);
    header.values = LEDGER_COLUMNS.map((c) => c.label);
    header.height = 22;
    header.eachCell((cell) => {
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });

    sheet.rows.forEach((row, i) => {
      const at = HEADER_ROW + 1 + i;
      const values = LEDGER_COLUMNS.map((c) => cellText(row, c.key));
      const line = worksheet.getRow(at);
      LEDGER_COLUMNS.forEach((c, j) => {
        const cell = line.getCell(j + 1);
        const value = values[j]!;
        // every text through the spreadsheet escape; ids and dates as text, never numbers
        cell.value = typeof value === 'number' ? value : forSpreadsheet(value);
        if (typeof value !== 'number') cell.numFmt = '@';
        cell.font = { name: FONT, size: 11, ...(row.overdue && c.key === 'status' ? { bold: true, color: { argb: 'FFC00000' } } : {}) };
        cell.alignment = { vertical: 'top', wrapText: true, ...(['number', 'task', 'status'].includes(c.key) ? { horizontal: 'center' } : {}) };
        cell.border = BORDER;
        if (row.overdue) cell.fill = OVERDUE_FILL;
      });
      line.height = rowHeight(values);
      line.getCell(LEDGER_COLUMNS.length).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${STATUS_WORDS.join(',')}"`],
        showInputMessage: true,
        promptTitle: MESSAGES.statusTitle,
        prompt: MESSAGES.statusPrompt,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: MESSAGES.statusTitle,
        error: MESSAGES.statusError,
      };
      records.push({
        sheet: name,
        row: at,
        file: row.file,
        documentId: row.documentId,
        task: row.task,
        unit: sheet.unit,
        status: row.sentStatus,
        cells: { document: row.document, text: row.text, progress: row.progress, status: row.status },
        sha256: sha256.get(row.file) ?? '',
      });
    });
  }

  const source = workbook.addWorksheet(SOURCE_SHEET, { state: 'hidden' });
  source.columns = [
    { header: '工作表', key: 'sheet', width: 16 },
    { header: '行', key: 'row', width: 6 },
    { header: '发送时的记录（JSON，请勿改动）', key: 'record', width: 80 },
  ];
  // one JSON object a row: lossless, and it begins with { so no spreadsheet reads it as a formula
  for (const record of records) source.addRow({ sheet: forSpreadsheet(record.sheet), row: record.row, record: forSpreadsheet(toJson(record, 0)) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row of a returned sheet, the cells as the unit left them. */
export interface ReturnedRow {
  row: number;
  cells: Partial<Record<LedgerKey, string>>;
}

export interface ReturnedSheet {
  name: string;
  /** column letters of the ledger's columns in this sheet, by key */
  columns: Partial<Record<LedgerKey, string>>;
  rows: ReturnedRow[];
}

export interface ReturnedWorkbook {
  /** when the unit last saved it (the workbook's own date) */
  modified: Date | null;
  sheets: ReturnedSheet[];
  /** null: no hidden sheet, not a ledger this tool wrote */
  records: SentRecord[] | null;
}

/** The cells of a returned ledger; throws when the bytes are no workbook. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<ReturnedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const source = workbook.getWorksheet(SOURCE_SHEET);
  let records: SentRecord[] | null = null;
  if (source) {
    records = [];
    source.eachRow((row, n) => {
      if (n === 1) return;
      try {
        records!.push(JSON.parse(row.getCell(3).text) as SentRecord);
      } catch {
        // a record someone broke: its row is then reported as added
      }
    });
  }
  const sheets: ReturnedSheet[] = [];
  workbook.eachSheet((worksheet) => {
    if (worksheet.name === SOURCE_SHEET) return;
    const columns: Partial<Record<LedgerKey, string>> = {};
    const numbers = new Map<LedgerKey, number>();
    worksheet.getRow(HEADER_ROW).eachCell((cell, n) => {
      const column = LEDGER_COLUMNS.find((c) => c.label === cell.text.trim());
      if (column && !numbers.has(column.key)) {
        numbers.set(column.key, n);
        columns[column.key] = worksheet.getColumn(n).letter;
      }
    });
    const rows: ReturnedRow[] = [];
    worksheet.eachRow((row, n) => {
      if (n <= HEADER_ROW) return;
      const cells: Partial<Record<LedgerKey, string>> = {};
      for (const [key, at] of numbers) cells[key] = row.getCell(at).text.replace(/\r\n?/g, '\n');
      if (Object.values(cells).some((v) => v !== undefined && v.trim() !== '')) rows.push({ row: n, cells });
    });
    sheets.push({ name: worksheet.name, columns, rows });
  });
  return { modified: workbook.modified ?? null, sheets, records };
}
