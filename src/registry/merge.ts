/**
 * Re-extracting a notice over a registry people have worked on: what the
 * notice says (text, units, deadline) is taken anew; what people wrote
 * (status, done_on, progress, x- fields, comments) is kept. Works on the yaml
 * Document, so comments and the order of keys survive.
 */
import { t } from '../i18n/index.js';
import { yamlProblem } from '../yaml-error.js';
import { isMap, isScalar, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Registry, Task } from './types.js';

export interface MergeResult {
  text: string;
  /** ids of tasks the notice now has that the registry had not */
  appeared: string[];
  /** ids of tasks the notice no longer has: removed, or kept because people had written on them */
  removed: string[];
  keptWithProgress: string[];
}

/** Fields people fill in; everything else in a task comes from the notice. */
const PEOPLE_FIELDS = new Set(['status', 'done_on', 'progress']);
const isPeoples = (key: string) => PEOPLE_FIELDS.has(key) || key.startsWith('x-');

export function mergeRegistry(previousText: string, fresh: Registry): MergeResult {
  const document = parseDocument(previousText);
  if (document.errors.length > 0) throw new Error(t('registry.edit.not-yaml', { reason: yamlProblem(document.errors[0]!) }));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  const meta = document.get('document', true);
  if (isMap(meta)) {
    for (const [key, value] of Object.entries(fresh.document)) {
      if (!same((meta.get(key, true) as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? meta.get(key), value)) meta.set(key, document.createNode(value));
    }
  } else document.set('document', document.createNode(fresh.document));

  const tasks = document.get('tasks', true) as YAMLSeq | undefined;
  const previous = new Map<string, YAMLMap>();
  for (const item of tasks?.items ?? []) if (isMap(item)) previous.set(String(item.get('id')), item as YAMLMap);

  const result: MergeResult = { text: '', appeared: [], removed: [], keptWithProgress: [] };
  const items: unknown[] = [];
  for (const task of fresh.tasks) {
    const node = previous.get(task.id);
    previous.delete(task.id);
    if (!node) {
      result.appeared.push(task.id);
      items.push(document.createNode(task));
      continue;
    }
    for (const [key, value] of Object.entries(task) as [keyof Task, unknown][]) {
      if (isPeoples(key) && node.has(key)) continue;
      const current = node.get(key, true) as { toJSON?: () => unknown } | undefined;
      if (!same(current?.toJSON ? current.toJSON() : node.get(key), value)) node.set(key, document.createNode(value));
    }
    // a field the notice no longer sets (a deadline dropped) goes, unless people wrote it
    for (const pair of [...node.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key && !isPeoples(key) && !(key in task)) node.delete(key);
    }
    items.push(node);
  }
  for (const [id, node] of previous) {
    const worked = node.items.some((p) => isScalar(p.key) && isPeoples(String(p.key.value)) && !(p.key.value === 'status' && String(node.get('status')) === 'open'));
    if (worked) {
      result.keptWithProgress.push(id);
      items.push(node);
    } else result.removed.push(id);
  }
  if (tasks) tasks.items = items as YAMLSeq['items'];
  else document.set('tasks', document.createNode(fresh.tasks));
  result.text = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return result;
}
