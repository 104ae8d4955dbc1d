/**
 * The 任务分工台账 an office keeps: one row per task, in the columns a clerk
 * prints and sends (序号, 编号, 文件, 任务内容, 牵头单位, 配合单位, 完成时限,
 * 进展情况, 状态), all the registries' tasks or one sheet per unit. Pure.
 */
import type { Report } from '../format/report.js';
import type { LoadedRegistry } from '../registry/load.js';
import { STATUSES, statusWord } from '../registry/status.js';
import type { Task } from '../registry/types.js';
import { overdueRows } from '../report/overdue.js';
import { assignments, NO_JURISDICTION } from '../report/responsibility.js';
import { canonicalNames, resolveUnit, type UnitsDirectory } from '../units/directory.js';

export type Status = Task['status'];

/**
 * 状态 as the ledger prints it: the status lexicon's Chinese word, as its
 * column titles are Chinese, whatever --lang says (the ledger is an office's
 * document, sent to units). 逾期 is an open or started task past its deadline.
 */
export const ledgerStatusWord = (status: Status): string => statusWord(status, 'zh') ?? String(status);
export const OVERDUE_WORD = '逾期';
/** the words the 状态 drop-down offers */
export const STATUS_WORDS = [...STATUSES.map(ledgerStatusWord), OVERDUE_WORD];

export const LEDGER_COLUMNS = [
  { key: 'number', label: '序号' },
  { key: 'task', label: '编号' },
  { key: 'document', label: '文件' },
  { key: 'text', label: '任务内容' },
  { key: 'lead', label: '牵头单位' },
  { key: 'support', label: '配合单位' },
  { key: 'deadline', label: '完成时限' },
  { key: 'progress', label: '进展情况' },
  { key: 'status', label: '状态' },
] as const;

export type LedgerKey = (typeof LEDGER_COLUMNS)[number]['key'];

export interface LedgerRow {
  /** 序号, 1… on its sheet */
  number: number;
  /** the registry file, as it was read */
  file: string;
  documentId: string;
  /** 文件: the notice's title (its id where it has none) */
  document: string;
  task: string;
  text: string;
  lead: string[];
  support: string[];
  deadline: string;
  /** the progress log, newest first, one entry a line */
  progress: string;
  status: string;
  overdue: boolean;
  /** the task's status in the registry when the ledger was made */
  sentStatus: Status;
}

export interface LedgerSheet {
  /** the unit this sheet is sent to; null for the whole ledger */
  unit: string | null;
  jurisdiction: string | null;
  /** the sheet's name: the unit (with its jurisdiction where several), or 台账 */
  name: string;
  title: string;
  rows: LedgerRow[];
}

export interface LedgerOptions {
  asOf: string;
  /** only this unit's tasks (its canonical name in each jurisdiction) */
  unitIn?: (jurisdiction: string) => string | null;
  /** one sheet per unit */
  byUnit?: boolean;
}

const TITLE = '任务分工台账';

/** One progress entry as the 进展情况 cell shows it. */
export function progressLine(entry: { date: string; note: string; by?: string }): string {
  return `${entry.date} ${entry.note}${entry.by ? `（${entry.by}）` : ''}`;
}

function deadlineOf(task: Task, periodEnd: string | null): string {
  if (task.deadline) return task.deadline;
  if ((task.recurrence ?? []).length > 0) return task.recurrence.map((r) => r.text).join('；');
  return periodEnd ? `${periodEnd}（期末）` : '';
}

export function ledgerSheets(registries: LoadedRegistry[], units: (jurisdiction: string | null) => UnitsDirectory | null, options: LedgerOptions): LedgerSheet[] {
  // overdue as the overdue report judges it, period ends and recurring duties included
  const late = new Set(overdueRows(registries, units, { asOf: options.asOf }).filter((r) => r.kind === 'overdue').map((r) => `${r.document}#${r.task}`));
  const all: LedgerRow[] = [];
  const byKey = new Map<string, LedgerRow>();
  for (const { file, registry } of registries) {
    const directory = units(registry.document?.jurisdiction ?? null);
    const documentId = registry.document?.id ?? file;
    for (const task of registry.tasks ?? []) {
      const status = task.status ?? 'open';
      const overdue = late.has(`${documentId}#${task.id}`);
      const row: LedgerRow = {
        number: 0,
        file,
        documentId,
        document: registry.document?.title ?? documentId,
        task: String(task.id),
        text: task.text ?? '',
        lead: canonicalNames(directory, task.lead ?? []),
        support: canonicalNames(directory, task.support ?? []),
        deadline: deadlineOf(task, registry.document?.period?.to ?? null),
        progress: [...(task.progress ?? [])]
          .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
          .map(progressLine)
          .join('\n'),
        status: overdue ? OVERDUE_WORD : ledgerStatusWord(status),
        overdue,
        sentStatus: status,
      };
      all.push(row);
      byKey.set(`${file}#${task.id}`, row);
    }
  }
  const titles = (rows: LedgerRow[]) => [...new Set(rows.map((r) => r.document))].join('；');
  const numbered = (rows: LedgerRow[]) => rows.map((r, i) => ({ ...r, number: i + 1 }));
  if (!options.byUnit && !options.unitIn) return [{ unit: null, jurisdiction: null, name: '台账', title: `${TITLE}：${titles(all)}（截至${options.asOf}）`, rows: numbered(all) }];

  // a unit's rows: what it leads or supports, itself or through a group; a group gets no sheet of its own, its members do
  const sheets = new Map<string, { unit: string; jurisdiction: string; keys: Set<string> }>();
  for (const a of assignments(registries, units, { throughGroups: true })) {
    if (options.unitIn && a.unit !== options.unitIn(a.jurisdiction)) continue;
    const directory = units(a.jurisdiction === NO_JURISDICTION ? null : a.jurisdiction);
    if (!options.unitIn && directory && resolveUnit(directory, a.unit)?.members) continue;
    const id = `${a.jurisdiction}\u0000${a.unit}`;
    const sheet = sheets.get(id) ?? { unit: a.unit, jurisdiction: a.jurisdiction, keys: new Set<string>() };
    sheet.keys.add(`${a.file}#${a.task.id}`);
    sheets.set(id, sheet);
  }
  const several = new Set([...sheets.values()].map((s) => s.jurisdiction)).size > 1;
  return [...sheets.values()].map((s) => {
    const rows = numbered(all.filter((r) => s.keys.has(`${r.file}#${r.task}`)));
    const who = several ? `${s.jurisdiction} ${s.unit}` : s.unit;
    return { unit: s.unit, jurisdiction: s.jurisdiction, name: who, title: `${TITLE}（${who}）：${titles(rows)}（截至${options.asOf}）`, rows };
  });
}

/** The ledger for csv, json and markdown: one section per sheet, the full text in every cell. */
export function ledgerReport(sheets: LedgerSheet[]): Report {
  return {
    sections: sheets.map((sheet) => ({
      title: sheet.title,
      columns: LEDGER_COLUMNS.map((c) => ({ ...c })),
      rows: sheet.rows.map((r) => ({
        number: r.number,
        task: r.task,
        document: r.document,
        text: r.text,
        lead: r.lead,
        support: r.support,
        deadline: r.deadline,
        progress: r.progress,
        status: r.status,
      })),
    })),
  };
}
