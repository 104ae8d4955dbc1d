/**
 * Returns of the ledger (回执): what units wrote in 进展情况 and 状态, checked
 * against what each row was sent with, merged in date order and written into
 * the registries with the byte-preserving status edit. Anything that cannot be
 * applied safely is a diagnostic at sheet!cell and is left out. Pure.
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostic.js';
import { isoDate } from '../calendar.js';
import { forSpreadsheet } from '../format/escape.js';
import { t } from '../i18n/index.js';
import { EditError, setTaskStatus } from '../registry/edit.js';
import { parseStatus } from '../registry/status.js';
import { LEDGER_COLUMNS, ledgerStatusWord, OVERDUE_WORD, STATUS_WORDS, type LedgerKey, type Status } from './rows.js';
import type { ReturnedSheet, ReturnedWorkbook, SentRecord } from './xlsx.js';

export interface LedgerReturn {
  /** the returned workbook's path, for messages */
  file: string;
  workbook: ReturnedWorkbook;
  /** the day the return was saved (YYYY-MM-DD): the date of entries written without one */
  savedOn: string;
}

/** A registry of the folder returns are applied to. */
export interface TargetRegistry {
  file: string;
  text: string;
}

export interface TaskChange {
  file: string;
  task: string;
  from: Status;
  to: Status;
  notes: { date: string; note: string; by?: string }[];
  /** where the change came from: workbook and sheet!cell of each row */
  places: string[];
}

export interface ImportPlan {
  /** registries whose text changes, with the new text */
  writes: { file: string; before: string; after: string }[];
  changes: TaskChange[];
  diagnostics: Diagnostic[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** A new progress line: its date where it begins with one (2025-01-10, 2025.1.10, 2025年1月10日), else the day the return was saved. */
function noteOf(line: string, savedOn: string): { date: string; note: string } {
  const dated = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?[\s:：,，、]*/.exec(line);
  const date = dated ? isoDate(Number(dated[1]), Number(dated[2]), Number(dated[3])) : null;
  return date ? { date, note: line.slice(dated![0].length).trim() || line.trim() } : { date: savedOn, note: line.trim() };
}

const lines = (cell: string | undefined) =>
  (cell ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface Event {
  target: TargetRegistry;
  task: string;
  sent: Status;
  status: Status;
  notes: { date: string; note: string; by?: string }[];
  savedOn: string;
  /** the day a new status took effect: its newest note's date, or the day saved */
  statusOn: string;
  /** the row it came from */
  place: { file: string; cell: string; row: number; column: number };
}

export function planImport(returns: LedgerReturn[], targets: TargetRegistry[]): ImportPlan {
  const diagnostics: Diagnostic[] = [];
  const events: Event[] = [];
  const shaOf = new Map(targets.map((t) => [t.file, sha256(t.text)]));
  const targetFor = (record: SentRecord) =>
    targets.find((t) => basename(t.file) === basename(record.file)) ??
    targets.find((t) => {
      try {
        return (parse(t.text) as { document?: { id?: string } })?.document?.id === record.documentId;
      } catch {
        return false;
      }
    }) ??
    null;

  for (const ret of returns) {
    const report = (row: number, column: number, rule: string, severity: Severity, message: string, suggestion?: string) =>
      diagnostics.push(diagnostic(ret.file, { line: row, column }, rule, severity, message, suggestion));
    if (!ret.workbook.records) {
      report(1, 1, 'ledger-not-ours', 'error', t('ledger.not-ledger'));
      continue;
    }
    const sentBySheet = new Map<string, SentRecord[]>();
    for (const r of ret.workbook.records) sentBySheet.set(r.sheet, [...(sentBySheet.get(r.sheet) ?? []), r]);
    for (const sheet of ret.workbook.sheets) {
      const sent = sentBySheet.get(sheet.name);
      if (!sent) {
        if (sheet.rows.length > 0) report(1, 1, 'ledger-sheet-unknown', 'error', t('ledger.unknown-sheet', { sheet: sheet.name }));
        continue;
      }
      const missing = (['task', 'document', 'text', 'progress', 'status'] as LedgerKey[]).filter((k) => !sheet.columns[k]);
      if (missing.length > 0) {
        report(2, 1, 'ledger-column-missing', 'error', t('ledger.missing-column', { sheet: sheet.name, labels: missing.map((k) => LEDGER_COLUMNS.find((c) => c.key === k)!.label).join('、') }));
        continue;
      }
      readSheet(ret, sheet, sent, report, targetFor, shaOf, events);
    }
  }
  return apply(events, diagnostics);
}

function readSheet(
  ret: LedgerReturn,
  sheet: ReturnedSheet,
  sent: SentRecord[],
  report: (row: number, column: number, rule: string, severity: Severity, message: string, suggestion?: string) => void,
  targetFor: (record: SentRecord) => TargetRegistry | null,
  shaOf: Map<string, string>,
  events: Event[],
): void {
  const letter = (key: LedgerKey) => sheet.columns[key] ?? 'A';
  const column = (key: LedgerKey) => [...letter(key)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const at = (key: LedgerKey, row: number) => `${sheet.name}!${letter(key)}${row}`;
  const seen = new Set<SentRecord>();
  const sameTask = (record: SentRecord, cells: ReturnedSheet['rows'][number]['cells']) =>
    record.task === (cells.task ?? '').trim() && forSpreadsheet(record.cells.document) === (cells.document ?? '').trim();
  for (const { row, cells } of sheet.rows) {
    let record = sent.find((r) => r.row === row && !seen.has(r) && sameTask(r, cells));
    if (!record) {
      record = sent.find((r) => !seen.has(r) && sameTask(r, cells));
      if (!record) {
        report(row, 1, 'ledger-row-added', 'error', t('ledger.row-added', { at: at('number', row), text: [...(cells.text ?? cells.task ?? '')].slice(0, 30).join('') }));
        continue;
      }
      report(row, column('task'), 'ledger-row-moved', 'warning', t('ledger.row-moved', { at: at('task', row), task: record.task, from: record.row }));
    }
    seen.add(record);
    if ((cells.text ?? '') !== forSpreadsheet(record.cells.text)) {
      report(row, column('text'), 'ledger-text-changed', 'error', t('ledger.text-changed', { at: at('text', row), task: record.task }), t('ledger.text-changed-hint'));
      continue;
    }
    const word = (cells.status ?? '').trim();
    // any word the status lexicon knows (进行中, 推进中, 已办结 …), not only the drop-down's: a unit writes its own
    let status: Status | undefined = word === '' || word === record.cells.status ? record.status : parseStatus(word) ?? undefined;
    // 逾期 is not a status of its own: the task is not done yet
    if (status === undefined && word === OVERDUE_WORD) status = record.status === 'open' || record.status === 'in_progress' ? record.status : 'in_progress';
    if (status === undefined) {
      report(row, column('status'), 'ledger-unknown-status', 'error', t('ledger.unknown-status', { at: at('status', row), word }), t('ledger.status-hint', { words: STATUS_WORDS.join('、') }));
      continue;
    }
    const before = new Set(lines(forSpreadsheet(record.cells.progress)));
    const now = lines(cells.progress);
    if ([...before].some((l) => !now.includes(l))) {
      report(row, column('progress'), 'ledger-progress-edited', 'error', t('ledger.progress-edited', { at: at('progress', row), task: record.task }), t('ledger.progress-hint'));
      continue;
    }
    const notes = now.filter((l) => !before.has(l)).map((l) => ({ ...noteOf(l, ret.savedOn), ...(record!.unit ? { by: record!.unit } : {}) }));
    if (notes.length === 0 && status === record.status) continue;
    const target = targetFor(record);
    if (!target) {
      report(row, 1, 'ledger-registry-missing', 'error', t('ledger.registry-missing', { at: at('number', row), file: record.file }));
      continue;
    }
    if (shaOf.get(target.file) !== record.sha256) {
      report(row, 1, 'ledger-registry-changed', 'error', t('ledger.registry-changed', { at: at('number', row), file: target.file }), t('ledger.registry-changed-hint'));
      continue;
    }
    const statusOn = notes.map((n) => n.date).sort().at(-1) ?? ret.savedOn;
    events.push({ target, task: record.task, sent: record.status, status, notes, savedOn: ret.savedOn, statusOn, place: { file: ret.file, cell: at('status', row), row, column: column('status') } });
  }
  for (const record of sent.filter((r) => !seen.has(r))) report(record.row, 1, 'ledger-row-deleted', 'warning', t('ledger.row-deleted', { at: `${sheet.name}!A${record.row}`, task: record.task }));
}

/** Events of one task merged: notes in date order (each once), the status of the latest-saved return that set one. */
function apply(events: Event[], diagnostics: Diagnostic[]): ImportPlan {
  const byTask = new Map<string, Event[]>();
  for (const e of events) byTask.set(`${e.target.file}\u0000${e.task}`, [...(byTask.get(`${e.target.file}\u0000${e.task}`) ?? []), e]);
  const texts = new Map<string, { before: string; after: string }>();
  const changes: TaskChange[] = [];
  for (const list of byTask.values()) {
    const { target, task, sent } = list[0]!;
    const seen = new Set<string>();
    const notes = list
      .flatMap((e) => e.notes)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .filter((n) => {
        const key = `${n.date}\u0000${n.note}\u0000${n.by ?? ''}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    const setting = list.filter((e) => e.status !== e.sent).sort((a, b) => (a.savedOn < b.savedOn ? -1 : a.savedOn > b.savedOn ? 1 : 0));
    const last = setting.at(-1);
    // returns saved the same day that disagree: the later one in the order given wins, and that is said
    if (last && setting.some((e) => e.savedOn === last.savedOn && e.status !== last.status)) {
      const { file, cell, row, column } = last.place;
      diagnostics.push(diagnostic(file, { line: row, column }, 'ledger-status-conflict', 'warning', t('ledger.status-conflict', { at: cell, task, kept: ledgerStatusWord(last.status) })));
    }
    const entry = texts.get(target.file) ?? { before: target.text, after: target.text };
    try {
      let text = entry.after;
      for (const n of notes) text = setTaskStatus(text, { taskId: task, on: n.date, note: n.note, ...(n.by ? { by: n.by } : {}) });
      if (last) text = setTaskStatus(text, { taskId: task, status: last.status, on: last.statusOn });
      entry.after = text;
      texts.set(target.file, entry);
      changes.push({ file: target.file, task, from: sent, to: last?.status ?? sent, notes, places: list.map((e) => `${e.place.file} ${e.place.cell}`) });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      const { file, cell, row, column } = list[0]!.place;
      diagnostics.push(diagnostic(file, { line: row, column }, 'ledger-edit-failed', 'error', t('ledger.edit-failed', { at: cell, message: error.message })));
    }
  }
  return { writes: [...texts].filter(([, t]) => t.after !== t.before).map(([file, t]) => ({ file, ...t })), changes, diagnostics };
}
