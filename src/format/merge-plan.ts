/**
 * The plan of `extract --update` as diagnostics, one line a thing that
 * happens to a task: the same lines whether it is carried out or only shown (--dry-run).
 */
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { FieldChange, FieldConflict, MergePlan, PlannedTask } from '../registry/merge.js';

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  text: '任务内容',
  lead: '牵头单位',
  support: '配合单位',
  responsibility_text: '责任分工原文',
  deadline: '完成时限',
  deadline_text: '时限原文',
  start: '开始日期',
  milestones: '阶段节点',
  recurrence: '周期性要求',
};

const field = (name: string) => FIELD_NAMES[name] ?? name;

function shown(value: unknown): string {
  if (value === undefined || value === null) return '（空）';
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

const MESSAGES = {
  withoutBase: (sidecar: string) => `没有上次抽取的记录（${sidecar}）：通知字段一律按通知更新；本次写下记录后，下次更新能分辨哪些字段有人改过`,
  renumbered: (t: PlannedTask) => `任务 ${t.from} → ${t.id}：通知里的编号变了，进度随任务一起移到 ${t.id}`,
  changed: (t: PlannedTask, before: string, after: string) =>
    `任务 ${t.id} 的内容已改写（原为“${before}”，现为“${after}”）：只按编号对上，原有进度仍记在 ${t.id}，请核对`,
  reworded: (t: PlannedTask) => `任务 ${t.id} 的文字有小改动，已按通知更新`,
  returned: (t: PlannedTask) => `任务 ${t.id} 又出现在通知里：已从 gone 列表移回 tasks`,
  updated: (t: PlannedTask, changes: FieldChange[]) =>
    `任务 ${t.id}：通知改了${changes.map((c) => (c.field === 'text' ? field(c.field) : `${field(c.field)}（${shown(c.from)} → ${shown(c.to)}）`)).join('、')}`,
  conflict: (id: string, c: FieldConflict) => `${id}的${field(c.field)}有人改过，保留“${shown(c.kept)}”；通知现在写的是“${shown(c.notice)}”`,
  added: (id: string) => `任务 ${id} 是通知新增的`,
  removed: (id: string) => `任务 ${id} 已不在通知里，也没有记录进度：已删除`,
  gone: (id: string, recorded: string[]) => `任务 ${id} 已不在通知里，但记有${recorded.join('、')}：已移到 gone 列表保留`,
  byHand: (id: string) => `任务 ${id} 是手工添加的：保留`,
  duplicate: (id: string) => `任务编号 ${id} 现在用了两次（手工添加的任务与通知的任务同号）：请改一个`,
};

export function mergePlanDiagnostics(plan: MergePlan, file: string, sidecar: string): Diagnostic[] {
  const at = (line: number) => ({ line, column: 1 });
  const out: Diagnostic[] = [];
  const tell = (line: number, rule: string, severity: Diagnostic['severity'], message: string) => out.push(diagnostic(file, at(line), rule, severity, message));
  if (plan.withoutBase) tell(1, 'no-base', 'info', MESSAGES.withoutBase(sidecar));
  for (const conflict of plan.documentConflicts) tell(1, 'field-conflict', 'warning', MESSAGES.conflict('document ', conflict));
  for (const task of [...plan.kept, ...plan.renumbered, ...plan.changed].sort((a, b) => a.line - b.line)) {
    if (plan.renumbered.includes(task)) tell(task.line, 'task-renumbered', 'info', MESSAGES.renumbered(task));
    if (plan.changed.includes(task)) tell(task.line, 'task-changed', 'warning', MESSAGES.changed(task, shown(task.rewritten?.before), shown(task.rewritten?.after)));
    else if (task.by === 'reworded') tell(task.line, 'task-reworded', 'info', MESSAGES.reworded(task));
    if (task.returned) tell(task.line, 'task-returned', 'info', MESSAGES.returned(task));
    const changes = task.updated.filter((c) => !(c.field === 'text' && task.by !== 'text'));
    if (changes.length > 0) tell(task.line, 'task-updated', 'info', MESSAGES.updated(task, changes));
    for (const conflict of task.conflicts) tell(task.line, 'field-conflict', 'warning', MESSAGES.conflict(`任务 ${task.id} `, conflict));
  }
  for (const id of plan.added) tell(1, 'task-appeared', 'info', MESSAGES.added(id));
  for (const task of plan.removed) tell(task.line, 'task-disappeared', 'info', MESSAGES.removed(task.id));
  for (const task of plan.gone) tell(task.line, 'task-disappeared', 'warning', MESSAGES.gone(task.id, task.recorded));
  for (const task of plan.byHand) tell(task.line, 'task-by-hand', 'info', MESSAGES.byHand(task.id));
  for (const id of plan.duplicateIds) tell(1, 'duplicate-task-id', 'warning', MESSAGES.duplicate(id));
  return out;
}
