/**
 * Re-extracting a notice over a registry people have worked on: a three-way
 * merge of what the extractor wrote last time (the base), what the registry
 * says now, and what the notice says now. Tasks are paired by what they say
 * (./pair.ts); a notice field nobody changed takes the new value, one people
 * changed is kept (and the notice's new value reported); what people recorded
 * (status, done_on, progress, x- fields, comments) is never dropped: a task
 * gone from the notice that carries any of it moves to the registry's `gone` list.
 * Pure: text and registries in, the plan and the merged text out. Works on the
 * yaml Document, so comments and the order of keys survive.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { pairTasks, type PairedBy } from './pair.js';
import type { Registry, Task } from './types.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface FieldConflict {
  field: string;
  /** what people wrote, kept */
  kept: unknown;
  /** what the notice now says */
  notice: unknown;
}

export interface PlannedTask {
  /** its id in the registry before */
  from: string;
  /** its id after */
  id: string;
  by: PairedBy;
  /** its line in the registry before */
  line: number;
  /** notice fields nobody had changed, taken anew */
  updated: FieldChange[];
  conflicts: FieldConflict[];
  /** it was in the `gone` list and the notice has it again */
  returned: boolean;
  /** the text before and after, for a task paired by number alone */
  rewritten?: { before: string; after: string };
}

export interface MergePlan {
  /** same id; maybe reworded or with fields updated */
  kept: PlannedTask[];
  /** paired by text under another number */
  renumbered: PlannedTask[];
  /** paired by number only: the text was rewritten */
  changed: PlannedTask[];
  /** ids of tasks the notice now has that the registry had not */
  added: string[];
  /** tasks gone from the notice with recorded work: kept in `gone` */
  gone: { id: string; line: number; recorded: string[] }[];
  /** tasks gone from the notice with nothing recorded: removed */
  removed: { id: string; line: number }[];
  /** tasks people added by hand: kept where they were */
  byHand: { id: string; line: number }[];
  /** ids now used twice (a task added by hand under a number the notice now gives) */
  duplicateIds: string[];
  /** document fields people changed that the notice now sets otherwise */
  documentConflicts: FieldConflict[];
  /** no copy of the last extraction: every notice field was taken from the notice */
  withoutBase: boolean;
}

export interface MergeResult {
  plan: MergePlan;
  text: string;
}

export class MergeError extends Error {}

const MESSAGES = {
  notYaml: (reason: string) => `台账不是有效的 YAML：${reason}`,
  noTasks: '台账里没有 tasks 列表',
  notATask: (n: number) => `tasks 的第 ${n} 项不是一个任务`,
  nonStringId: (n: number) => `tasks 的第 ${n} 项的 id 不是字符串：请加引号`,
  recorded: {
    status: (s: unknown) => `状态 ${String(s)}`,
    doneOn: (d: unknown) => `完成日期 ${String(d)}`,
    progress: (n: number) => `进展 ${n} 条`,
    own: (key: string) => key,
    comments: '注释',
    changed: (field: string) => `改过的 ${field}`,
  },
};

/** What the notice says; people may correct it, and the merge tells who changed what. */
const NOTICE_FIELDS = new Set(['title', 'text', 'lead', 'support', 'responsibility_text', 'deadline', 'deadline_text', 'start', 'milestones', 'recurrence']);
/** Where the task stands in the notice: always the extractor's. */
const STRUCTURAL_FIELDS = new Set(['id', 'number', 'section', 'line', 'form', 'spans', 'gone_on']);
const isPeoples = (key: string) => key === 'status' || key === 'done_on' || key === 'progress' || key.startsWith('x-');

type Json = Record<string, unknown>;
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? 'undefined';
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const toJs = (node: unknown): unknown => (node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as { toJSON(): unknown }).toJSON() : node);

interface Current {
  node: YAMLMap;
  js: Json;
  id: string;
  inGone: boolean;
  base?: Task;
}

export function mergeRegistry(currentText: string, base: Registry | null, fresh: Registry, today: string): MergeResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(currentText, { lineCounter });
  if (document.errors.length > 0) throw new MergeError(MESSAGES.notYaml(document.errors[0]!.message.split('\n')[0]!));
  const lineOf = (node: YAMLMap) => (node.range ? lineCounter.linePos(node.range[0]).line : 1);
  const plan: MergePlan = { kept: [], renumbered: [], changed: [], added: [], gone: [], removed: [], byHand: [], duplicateIds: [], documentConflicts: [], withoutBase: base === null };

  mergeDocumentMeta(document, base, fresh, plan);

  const tasksNode = document.get('tasks', true);
  if (!isSeq(tasksNode)) throw new MergeError(MESSAGES.noTasks);
  const goneNode = document.get('gone', true);
  const items = [...(tasksNode as YAMLSeq).items, ...(isSeq(goneNode) ? goneNode.items : [])];
  const currents: Current[] = items.map((item, i) => {
    if (!isMap(item)) throw new MergeError(MESSAGES.notATask(i + 1));
    const js = toJs(item) as Json;
    if (typeof js.id !== 'string') throw new MergeError(MESSAGES.nonStringId(i + 1));
    return { node: item as YAMLMap, js, id: js.id, inGone: i >= (tasksNode as YAMLSeq).items.length };
  });
  const listed = currents.filter((c) => !c.inGone);

  // which of the registry's tasks the extractor wrote last time, and as what
  if (base) {
    const toBase = pairTasks(listed.map(pairable), base.tasks.map((t) => ({ id: t.id, text: t.text })));
    for (const [i, { index }] of toBase.pairs) listed[i]!.base = base.tasks[index];
  }
  const fromExtractor = (c: Current) => !c.inGone && (base === null || c.base !== undefined);
  const toFresh = pairTasks(
    currents.map((c) => ({ ...pairable(c), byNumber: fromExtractor(c) })),
    fresh.tasks.map((t) => ({ id: t.id, text: t.text })),
  );
  const pairOfFresh = new Map<number, Current>();
  for (const [i, { index, by }] of toFresh.pairs) {
    const current = currents[i]!;
    pairOfFresh.set(index, current);
    const task = fresh.tasks[index]!;
    const planned: PlannedTask = { from: current.id, id: task.id, by, line: lineOf(current.node), ...mergeTask(document, current, task), returned: current.inGone };
    if (by === 'number') planned.rewritten = { before: pairable(current).text, after: task.text };
    (by === 'number' ? plan.changed : current.id !== task.id ? plan.renumbered : plan.kept).push(planned);
  }

  fresh.tasks.forEach((task, i) => {
    if (!pairOfFresh.has(i)) plan.added.push(task.id);
  });
  const paired = new Set(pairOfFresh.values());
  const stays = new Set<Current>();
  const gone: YAMLMap[] = [];
  for (const current of currents) {
    if (paired.has(current)) continue;
    if (current.inGone) gone.push(current.node);
    else if (!fromExtractor(current)) {
      stays.add(current);
      plan.byHand.push({ id: current.id, line: lineOf(current.node) });
    } else {
      const recorded = recordedOn(current.node, current.js, current.base);
      if (recorded.length === 0) plan.removed.push({ id: current.id, line: lineOf(current.node) });
      else {
        current.node.set('gone_on', today);
        gone.push(current.node);
        plan.gone.push({ id: current.id, line: lineOf(current.node), recorded });
      }
    }
  }

  const output = orderTasks(document, listed, fresh.tasks, pairOfFresh, stays, peopleReordered(listed, base));
  (tasksNode as YAMLSeq).items = output;
  if (gone.length > 0) {
    const list = isSeq(goneNode) ? goneNode : (document.createNode([]) as YAMLSeq);
    list.items = gone;
    document.set('gone', list);
  } else if (goneNode !== undefined) document.delete('gone');

  const seen = new Set<string>();
  for (const node of output) {
    const id = String(node.get('id'));
    if (seen.has(id) && !plan.duplicateIds.includes(id)) plan.duplicateIds.push(id);
    seen.add(id);
  }
  return { plan, text: document.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

const pairable = (c: Current) => ({ id: c.id, text: typeof c.js.text === 'string' ? c.js.text : '' });

function mergeDocumentMeta(document: Document.Parsed, base: Registry | null, fresh: Registry, plan: MergePlan) {
  const meta = document.get('document', true);
  if (!isMap(meta)) {
    document.set('document', document.createNode(fresh.document));
    return;
  }
  for (const [key, value] of Object.entries(fresh.document)) {
    const current = toJs(meta.get(key, true));
    const before = base ? (base.document as unknown as Json)[key] : undefined;
    // the notice's file and digest are always the notice's
    if (key === 'source' || !base || same(current, before)) {
      if (!same(current, value)) meta.set(key, document.createNode(value));
    } else if (!same(value, before) && !same(value, current)) plan.documentConflicts.push({ field: key, kept: current, notice: value });
  }
}

/** The three-way merge of one task's fields, on its node. */
function mergeTask(document: Document.Parsed, current: Current, task: Task): Pick<PlannedTask, 'updated' | 'conflicts'> {
  const { node, js, base } = current;
  const fresh = task as unknown as Json;
  const updated: FieldChange[] = [];
  const conflicts: FieldConflict[] = [];
  const set = (key: string, value: unknown) => (value === undefined ? node.delete(key) : node.set(key, document.createNode(value)));
  for (const key of new Set([...Object.keys(fresh), ...Object.keys(js)])) {
    const now = js[key];
    const value = fresh[key];
    if (isPeoples(key)) {
      if (!(key in js) && value !== undefined) set(key, value);
    } else if (NOTICE_FIELDS.has(key)) {
      const before = base ? (base as unknown as Json)[key] : undefined;
      const changedByPeople = base !== undefined && !same(now, before);
      if (!changedByPeople) {
        if (!same(now, value)) {
          set(key, value);
          updated.push({ field: key, from: now, to: value });
        }
      } else if (!same(value, before) && !same(value, now)) conflicts.push({ field: key, kept: now, notice: value });
    } else if (key in fresh) {
      if (!same(now, value)) set(key, value);
    } else if (STRUCTURAL_FIELDS.has(key)) node.delete(key);
    // any other key is people's, and stays
  }
  return { updated, conflicts };
}

/** What people recorded on a task: empty when a notice may drop it without loss. */
function recordedOn(node: YAMLMap, js: Json, base?: Task): string[] {
  const said = MESSAGES.recorded;
  const recorded: string[] = [];
  if (js.status !== undefined && js.status !== 'open') recorded.push(said.status(js.status));
  if (js.done_on !== undefined) recorded.push(said.doneOn(js.done_on));
  if (Array.isArray(js.progress) && js.progress.length > 0) recorded.push(said.progress(js.progress.length));
  for (const key of Object.keys(js)) if (key.startsWith('x-')) recorded.push(said.own(key));
  if (base) for (const field of NOTICE_FIELDS) if (!same(js[field], (base as unknown as Json)[field])) recorded.push(said.changed(field));
  if (hasComments(node)) recorded.push(said.comments);
  return recorded;
}

function hasComments(node: YAMLMap): boolean {
  let found = false;
  visit(node, {
    Node(_, n) {
      if (n.commentBefore || n.comment) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether people put the extractor's tasks in another order than it wrote them. */
function peopleReordered(listed: Current[], base: Registry | null): boolean {
  if (!base) return false;
  const position = new Map(base.tasks.map((t, i) => [t, i]));
  let last = -1;
  for (const current of listed) {
    if (!current.base) continue;
    const at = position.get(current.base)!;
    if (at < last) return true;
    last = at;
  }
  return false;
}

/**
 * The tasks list after the merge: in the notice's order, with tasks people
 * added by hand after the task they followed; or, where people reordered the
 * list, in their order, with the notice's new tasks after the one they follow in the notice.
 */
function orderTasks(document: Document.Parsed, listed: Current[], freshTasks: Task[], pairOfFresh: Map<number, Current>, stays: Set<Current>, reordered: boolean): YAMLMap[] {
  const output: YAMLMap[] = [];
  const after = new Map<YAMLMap | null, YAMLMap[]>();
  const place = (anchor: YAMLMap | null, node: YAMLMap) => (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(node);
  const emit = (node: YAMLMap) => {
    output.push(node);
    for (const next of after.get(node) ?? []) emit(next);
  };
  const freshNode = (i: number) => pairOfFresh.get(i)?.node ?? (document.createNode(freshTasks[i]) as YAMLMap);
  if (!reordered) {
    let anchor: YAMLMap | null = null;
    const pairedNodes = new Set([...pairOfFresh.values()].map((c) => c.node));
    for (const current of listed) {
      if (pairedNodes.has(current.node)) anchor = current.node;
      else if (stays.has(current)) place(anchor, current.node);
    }
    for (const node of after.get(null) ?? []) emit(node);
    freshTasks.forEach((_, i) => emit(freshNode(i)));
  } else {
    let anchor: YAMLMap | null = null;
    freshTasks.forEach((_, i) => {
      const current = pairOfFresh.get(i);
      if (current && !current.inGone) anchor = current.node;
      else place(anchor, freshNode(i));
    });
    for (const node of after.get(null) ?? []) emit(node);
    const pairedNodes = new Set([...pairOfFresh.values()].map((c) => c.node));
    for (const current of listed) if (pairedNodes.has(current.node) || stays.has(current)) emit(current.node);
  }
  return output;
}

/** Everything people recorded in a registry's text, task by task: what `extract --force` would throw away. */
export function recordedWork(text: string): { id: string; recorded: string[] }[] {
  const document = parseDocument(text);
  if (document.errors.length > 0) return [];
  const work: { id: string; recorded: string[] }[] = [];
  for (const key of ['tasks', 'gone']) {
    const list = document.get(key, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const js = toJs(item) as Json;
      const recorded = recordedOn(item as YAMLMap, js);
      if (recorded.length > 0) work.push({ id: isScalar(item.get('id', true)) ? String(js.id) : '?', recorded });
    }
  }
  return work;
}
