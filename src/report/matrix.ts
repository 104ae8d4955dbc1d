/**
 * Responsibility matrices (任务分工表): what one unit carries, the grid of one
 * notice (tasks × units, ● lead, ○ support), or units × documents. Pure.
 */
import type { Report, ReportSection } from '../format/report.js';
import type { LoadedRegistry } from '../registry/load.js';
import { chineseOrder, groupBy, shortTitle, type Assignment, type Role } from './responsibility.js';

const ROLE_NAME: Record<Role, string> = { lead: '牵头', support: '配合' };

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
      { key: 'document', label: '文件', sticky: true, maxWidth: 24 },
      { key: 'task', label: '任务', sticky: true },
      { key: 'role', label: '角色' },
      { key: 'title', label: '任务名称', maxWidth: 30 },
      { key: 'deadline', label: '完成时限' },
      { key: 'status', label: '状态' },
      { key: 'others', label: '其他单位', maxWidth: 40 },
      { key: 'via', label: '经由' },
    ],
    rows: list.map((a) => ({
      document: a.document,
      task: a.task.id,
      role: ROLE_NAME[a.role],
      title: shortTitle(a.task),
      deadline: a.task.deadline ?? null,
      status: a.task.status ?? 'open',
      others: [...(a.task.lead ?? []), ...(a.task.support ?? [])].filter((u) => u !== a.unit && u !== a.via),
      via: a.via,
    })),
  }));
}

/** One notice as the classic grid: tasks as rows, units as columns, ● lead, ○ support, totals per unit. */
export function documentGrid(loaded: LoadedRegistry, named: Assignment[]): Report {
  const mine = named.filter((a) => a.file === loaded.file && a.via === null);
  const unitsInOrder = [...new Set(mine.map((a) => a.unit))];
  const column = new Map(unitsInOrder.map((u, i) => [u, `u${i}`]));
  // each task's mark per unit, in one pass: ● lead wins over ○ support
  const marks = new Map<string, Map<string, string>>();
  for (const a of mine) {
    const row = marks.get(a.task.id) ?? new Map<string, string>();
    if (a.role === 'lead' || !row.has(a.unit)) row.set(a.unit, a.role === 'lead' ? '●' : '○');
    marks.set(a.task.id, row);
  }
  const totals = { '●': new Map<string, number>(), '○': new Map<string, number>() };
  const rows = loaded.registry.tasks.map((task) => {
    const row: Record<string, string> = { task: task.id, title: shortTitle(task, 16) };
    for (const [unit, key] of column) {
      const mark = marks.get(task.id)?.get(unit) ?? '';
      row[key] = mark;
      if (mark) totals[mark as '●' | '○'].set(key, (totals[mark as '●' | '○'].get(key) ?? 0) + 1);
    }
    return row;
  });
  const total = (label: string, mark: '●' | '○') => ({
    task: label,
    title: '',
    ...Object.fromEntries([...column.values()].map((key) => [key, totals[mark].get(key) ?? 0])),
  });
  return {
    sections: [
      {
        title: `${loaded.registry.document.title ?? loaded.registry.document.id}（${loaded.registry.document.id}）`,
        columns: [
          { key: 'task', label: '任务', sticky: true },
          { key: 'title', label: '任务名称', sticky: true, maxWidth: 20 },
          ...unitsInOrder.map((u, i) => ({ key: `u${i}`, label: u, maxWidth: 4 })),
        ],
        rows: [...rows, total('牵头合计', '●'), total('配合合计', '○')],
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
          { key: 'unit', label: '单位', sticky: true, maxWidth: 24 },
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
