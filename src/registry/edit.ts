/**
 * Editing one task of a registry in place. The yaml Document API finds the
 * nodes; the edit is spliced into the text at their ranges, so everything else
 * — comments, key order, quoting, users' x- fields — stays byte for byte.
 */
import { t } from '../i18n/index.js';
import { Document, isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export type { Status } from './status.js';
import type { Status } from './status.js';


export interface StatusEdit {
  taskId: string;
  /** absent: a progress note only, status and done_on left as they are */
  status?: Status;
  /** the day it happened: done_on for done, and the date of the progress note */
  on: string;
  note?: string;
  by?: string;
}

/** Why an edit was refused: the rule validate names for the same problem, and where in the text. */
export class EditError extends Error {
  constructor(
    readonly rule: string,
    /** character offset in the registry's text */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Pure: the registry's text with the edit applied. */
export function setTaskStatus(text: string, edit: StatusEdit): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new EditError('yaml-syntax', document.errors[0]!.pos[0], t('registry.edit.not-yaml', { reason: document.errors[0]!.message.split('\n')[0]! }));
  const tasks = document.get('tasks', true);
  if (!isSeq(tasks)) throw new EditError('missing-field', 0, t('registry.edit.no-tasks'));
  // ids are matched as the exact strings they are: an unquoted 3.10 is the number 3.1, an error, not a guess
  let task: YAMLMap | undefined;
  for (const item of (tasks as YAMLSeq).items) {
    if (!isMap(item)) continue;
    const id = item.get('id', true);
    if (id === undefined) continue;
    if (!isScalar(id) || typeof id.value !== 'string') {
      const at = (id as { range?: number[] }).range ?? [0, 0];
      throw new EditError('wrong-type', at[0]!, t('registry.edit.non-string-id', { written: text.slice(at[0], at[1]).trim() }));
    }
    if (id.value !== edit.taskId) continue;
    if (task) throw new EditError('duplicate-task-id', id.range![0], t('registry.edit.id-twice', { task: edit.taskId }));
    task = item as YAMLMap;
  }
  if (!task) {
    const ids = (tasks as YAMLSeq).items.map((t) => (isMap(t) ? String((t as YAMLMap).get('id')) : '')).filter(Boolean);
    throw new EditError('unknown-task', 0, t('registry.edit.no-task', { task: edit.taskId, first: ids[0] ?? '-', last: ids.at(-1) ?? '-' }));
  }
  if (task.flow) return editThroughDocument(document, task, edit);

  const splices: { at: number; remove: number; insert: string }[] = [];
  const pairOf = (key: string) => task.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end + 1;
  };
  const keyIndent = (pair: Pair) => {
    const keyAt = (pair.key as { range: [number, number, number] }).range[0];
    return ' '.repeat(keyAt - lineStart(keyAt));
  };
  const anchor = pairOf('status') ?? task.items[task.items.length - 1]!;
  const indent = keyIndent(anchor);
  const endOfPair = (pair: Pair) => {
    const value = pair.value as { range?: [number, number, number] } | null;
    return lineEnd(Math.max((value?.range?.[1] ?? (pair.key as { range: number[] }).range[1]!) - 1, 0));
  };

  const status = pairOf('status');
  if (edit.status && status && isScalar(status.value)) {
    const [from, to] = status.value.range!;
    splices.push({ at: from, remove: to - from, insert: edit.status });
  }
  const lines: string[] = [];
  if (edit.status && !status) lines.push(`${indent}status: ${edit.status}\n`);
  const doneOn = pairOf('done_on');
  if (edit.status === 'done') {
    if (doneOn && isScalar(doneOn.value)) {
      const [from, to] = doneOn.value.range!;
      splices.push({ at: from, remove: to - from, insert: edit.on });
    } else lines.push(`${indent}done_on: ${edit.on}\n`);
  } else if (edit.status && doneOn) {
    // a task reopened is no longer done on that day
    const from = lineStart((doneOn.key as { range: number[] }).range[0]!);
    splices.push({ at: from, remove: endOfPair(doneOn) - from, insert: '' });
  }
  // new lines go after status (and after done_on where it stays)
  const insertAt = endOfPair((edit.status === 'done' || !edit.status) && doneOn ? doneOn : anchor);
  if (lines.length > 0) splices.push({ at: insertAt, remove: 0, insert: lines.join('') });

  if (edit.note) {
    const entry = progressEntry(edit);
    const progress = pairOf('progress');
    if (progress && isSeq(progress.value) && !progress.value.flow && progress.value.items.length > 0) {
      const last = progress.value.items[progress.value.items.length - 1] as { range: [number, number, number] };
      const itemIndent = ' '.repeat(text.indexOf('-', lineStart(last.range[0])) - lineStart(last.range[0]));
      splices.push({ at: lineEnd(last.range[1] - 1), remove: 0, insert: `${itemIndent}- ${entry}\n` });
    } else if (!progress) {
      splices.push({ at: insertAt, remove: 0, insert: `${indent}progress:\n${indent}  - ${entry}\n` });
    } else return editThroughDocument(document, task, edit);
  }

  // the edit touches only the task's lines: those alone are parsed again to check it, so a long registry costs one parse
  const from = lineStart(task.range![0]);
  const to = Math.max(lineEnd(Math.max(task.range![1] - 1, 0)), ...splices.map((s) => s.at + s.remove));
  const parts: string[] = [];
  let at = from;
  for (const s of splices.sort((a, b) => a.at - b.at)) {
    parts.push(text.slice(at, s.at), s.insert);
    at = s.at + s.remove;
  }
  parts.push(text.slice(at, to));
  let edited = parts.join('');
  if (!edited.endsWith('\n')) edited += '\n';
  if (!editedAsMeant(edited, edit)) return editThroughDocument(document, task, edit);
  return text.slice(0, from) + edited + text.slice(to);
}

/** The task's edited lines, read alone, say what the edit meant. */
function editedAsMeant(lines: string, edit: StatusEdit): boolean {
  const check = parseDocument(lines);
  if (check.errors.length > 0 || !isSeq(check.contents) || check.contents.items.length !== 1) return false;
  const task = (check.toJS() as Record<string, unknown>[])[0];
  if (!task) return false;
  // a note alone leaves status and done_on as they were
  if (edit.status !== undefined && (task.status !== edit.status || task.done_on !== (edit.status === 'done' ? edit.on : undefined))) return false;
  if (!edit.note) return true;
  const last = Array.isArray(task.progress) ? (task.progress.at(-1) as Record<string, unknown>) : undefined;
  return last?.note === edit.note && last?.date === edit.on && last?.by === edit.by;
}

function progressEntry(edit: StatusEdit): string {
  const entry = new Document({ date: edit.on, note: edit.note, ...(edit.by ? { by: edit.by } : {}) });
  (entry.contents as YAMLMap).flow = true;
  return entry.toString({ flowCollectionPadding: false }).trim();
}

/** The same edit for layouts the splice does not know (a task written in flow style): through the Document, reprinted. */
function editThroughDocument(document: Document.Parsed, task: YAMLMap, edit: StatusEdit): string {
  if (edit.status) task.set('status', edit.status);
  if (edit.status === 'done') task.set('done_on', edit.on);
  else if (edit.status) task.delete('done_on');
  if (edit.note) {
    const progress = (task.get('progress', true) as YAMLSeq | undefined) ?? document.createNode([]);
    progress.items.push(document.createNode({ date: edit.on, note: edit.note, ...(edit.by ? { by: edit.by } : {}) }));
    task.set('progress', progress);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
