/**
 * Responsibility matrices (任务分工表): what one unit carries, the grid of one
 * notice (tasks × units, ● lead, ○ support), or units × documents. Pure.
 */
import type { Cell, Report, ReportSection } from '../format/report.js';
import { t } from '../i18n/index.js';
import type { LoadedRegistry } from '../registry/load.js';
import { statusWord } from '../registry/status.js';
import type { Task } from '../registry/types.js';
import { chineseOrder, groupBy, taskTitle, type Assignment, type Role } from './responsibility.js';


function sectionsByJurisdiction(list: Assignment[], section: (jurisdiction: string, list: Assignment[]) => ReportSection): Report {
  const groups = groupBy(list, (a) => a.jurisdiction);
  return { sections: [...groups].sort(([a], [b]) => chineseOrder(a, b)).map(([j, l]) => section(j, l)) };
}

/** Every task a unit (given by its canonical name in each jurisdiction) leads or supports, directly or through a group. */
export function unitMatrix(all: Assignment[], unitIn: (jurisdiction: string) => string | null, role?: Role): Report {
  const mine = all.filter((a) => a.unit === unitIn(a.jurisdiction) && (!role || a.role === role));
  // a unit named on a task itself needs no row through a group for the same task
  const direct = new Set(mine.filter((a) => a.via === null).map((a) => `${a.file}#${a.task.id}`));
  const rows = mine.filter((a) => a.via === null || !direct.has(`${a.file}#${a.task.id}`));
  return sectionsByJurisdiction(rows, (jurisdiction, list) => ({
    title: `${jurisdiction} · ${unitIn(jurisdiction)}`,
    columns: [
      { key: 'document', label: t('report.column.document'), sticky: true, maxWidth: 24 },
      { key: 'task', label: t('report.column.task'), sticky: true },
      { key: 'role', label: t('report.column.role') },
      { key: 'title', label: t('report.column.title'), maxWidth: 30, shorten: 20 },
      { key: 'text', label: t('report.column.text'), shorten: 0 },
      { key: 'deadline', label: t('report.column.deadline') },
      { key: 'status', label: t('report.column.status') },
      { key: 'others', label: t('report.column.others'), maxWidth: 40 },
      { key: 'via', label: t('report.column.via') },
    ],
    rows: list.map((a) => ({
      document: a.document,
      task: a.task.id,
      role: t(`report.role.${a.role}`),
      title: taskTitle(a.task),
      text: a.task.text ?? '',
      deadline: a.task.deadline ?? null,
      status: statusWord(a.task.status ?? 'open') ?? String(a.task.status),
      others: [...(a.task.lead ?? []), ...(a.task.support ?? [])].filter((u) => u !== a.unit && u !== a.via),
      via: a.via,
    })),
  }));
}

/** One notice as the classic grid: tasks as rows, units as columns, ● lead, ○ support, totals per unit. */
export function documentGrid(loaded: LoadedRegistry, named: Assignment[]): Report {
  // each task's units and roles, gathered in one pass: a cell is a look-up, not a scan of every assignment
  const roles = new Map<Task, Map<string, Role>>();
  const unitsInOrder = new Set<string>();
  for (const a of named) {
    if (a.file !== loaded.file || a.via !== null) continue;
    unitsInOrder.add(a.unit);
    let ofTask = roles.get(a.task);
    if (!ofTask) roles.set(a.task, (ofTask = new Map()));
    if (ofTask.get(a.unit) !== 'lead') ofTask.set(a.unit, a.role);
  }
  // no prototype: a unit called __proto__ is a column like any other
  const cells = (task: string, title: string): Record<string, Cell> => Object.assign(Object.create(null) as Record<string, Cell>, { task, title });
  const totals = { '●': new Map<string, number>(), '○': new Map<string, number>() };
  const rows = loaded.registry.tasks.map((task) => {
    const row = cells(task.id, taskTitle(task));
    const ofTask = roles.get(task);
    for (const unit of unitsInOrder) {
      const role = ofTask?.get(unit);
      const mark = role === 'lead' ? '●' : role === 'support' ? '○' : '';
      row[unit] = mark;
      if (mark) totals[mark].set(unit, (totals[mark].get(unit) ?? 0) + 1);
    }
    return row;
  });
  const total = (label: string, mark: '●' | '○') => {
    const row = cells(label, '');
    for (const unit of unitsInOrder) row[unit] = totals[mark].get(unit) ?? 0;
    return row;
  };
  return {
    sections: [
      {
        title: `${loaded.registry.document.title ?? loaded.registry.document.id}（${loaded.registry.document.id}）`,
        columns: [
          { key: 'task', label: t('report.column.task'), sticky: true },
          { key: 'title', label: t('report.column.title'), sticky: true, maxWidth: 20, shorten: 16 },
          // cells keyed by the unit's name, so the JSON says which unit is which
          ...[...unitsInOrder].map((u) => ({ key: u, label: u, maxWidth: 4 })),
        ],
        rows: [...rows, total(t('report.total.lead'), '●'), total(t('report.total.support'), '○')],
      },
    ],
  };
}

/** Units × documents: how many tasks each unit leads (●) and supports (○) in each notice. */
export function overviewMatrix(named: Assignment[]): Report {
  return sectionsByJurisdiction(
    named.filter((a) => a.via === null),
    (jurisdiction, list) => {
      const documents = [...new Set(list.map((a) => a.document))].sort();
      const units = [...new Set(list.map((a) => a.unit))];
      const counts = new Map<string, number>();
      for (const a of list) counts.set(`${a.unit}\u0000${a.document}\u0000${a.role}`, (counts.get(`${a.unit}\u0000${a.document}\u0000${a.role}`) ?? 0) + 1);
      const count = (unit: string, document: string, role: Role) => counts.get(`${unit}\u0000${document}\u0000${role}`) ?? 0;
      return {
        title: jurisdiction,
        columns: [
          { key: 'unit', label: t('report.column.unit'), sticky: true, maxWidth: 24 },
          ...documents.map((d, i) => ({ key: `d${i}`, label: d, maxWidth: 12 })),
        ],
        rows: units.map((unit) => ({
          unit,
          ...Object.fromEntries(
            documents.map((d, i) => {
              const lead = count(unit, d, 'lead');
              const support = count(unit, d, 'support');
              return [`d${i}`, lead + support === 0 ? '' : `●${lead} ○${support}`];
            }),
          ),
        })),
      };
    },
  );
}
