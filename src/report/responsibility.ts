/**
 * Who carries what, across registries: every assignment of a unit to a task,
 * with names folded through the units directory of the task's jurisdiction
 * and group assignments passed on to the groups' members. Pure.
 */
import { t } from '../i18n/index.js';
import type { LoadedRegistry } from '../registry/load.js';
import type { Task } from '../registry/types.js';
import { canonicalNames, resolveUnit, type UnitsDirectory } from '../units/directory.js';

export type Role = 'lead' | 'support';

export interface Assignment {
  jurisdiction: string;
  document: string;
  file: string;
  task: Task;
  unit: string;
  role: Role;
  /** the group the unit reaches this task through, when it is not named itself */
  via: string | null;
  /** whether the units directory knows the unit */
  known: boolean;
}

export const NO_JURISDICTION = t('report.no-jurisdiction');

/** Orders made once: localeCompare with a locale builds a collator on every call. */
export const chineseOrder = new Intl.Collator('zh').compare;
export const textOrder = new Intl.Collator().compare;
export const numberedOrder = new Intl.Collator(undefined, { numeric: true }).compare;

export function assignments(
  registries: LoadedRegistry[],
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  options: { throughGroups: boolean },
): Assignment[] {
  const out: Assignment[] = [];
  for (const { file, registry } of registries) {
    const jurisdiction = registry.document?.jurisdiction ?? null;
    const directory = units(jurisdiction);
    for (const task of registry.tasks ?? []) {
      for (const role of ['lead', 'support'] as const) {
        for (const unit of canonicalNames(directory, Array.isArray(task[role]) ? task[role] : [])) {
          const entry = directory ? resolveUnit(directory, unit) : null;
          const where = jurisdiction ?? NO_JURISDICTION;
          const document = registry.document?.id ?? file;
          // object literals, not spreads: a pile of registries makes millions of these
          out.push({ jurisdiction: where, document, file, task, role, unit, via: null, known: entry !== null });
          if (options.throughGroups && entry?.members) {
            for (const member of canonicalNames(directory, entry.members)) out.push({ jurisdiction: where, document, file, task, role, unit: member, via: unit, known: true });
          }
        }
      }
    }
  }
  return out;
}

/** A task's title: its heading, or its text; whole (a terminal table shortens it, and says so). */
export function taskTitle(task: Task): string {
  return task.title ?? task.text ?? '';
}

/** Items grouped by a key, groups in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
