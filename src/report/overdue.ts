/**
 * What is late as of a date, and whose it is. A task is overdue when its
 * deadline is before that date and it is neither done nor dropped; one without
 * a deadline of its own falls back on its document's period end; a recurring
 * duty is overdue for each period that has ended with no progress dated inside it.
 */
import type { Report } from '../format/report.js';
import { t } from '../i18n/index.js';
import type { LoadedRegistry } from '../registry/load.js';
import type { Task } from '../registry/types.js';
import { canonicalNames, type UnitsDirectory } from '../units/directory.js';
import { assignments, chineseOrder, NO_JURISDICTION, numberedOrder, taskTitle, textOrder, type Role } from './responsibility.js';

export interface OverdueOptions {
  asOf: string;
  /** also list what falls due within this many days */
  within?: number;
  /** only tasks with a deadline of their own: no period ends, no recurring duties */
  explicitOnly?: boolean;
  /** only tasks of this unit (its canonical name in each jurisdiction) */
  unitIn?: (jurisdiction: string) => string | null;
  role?: Role;
}

export interface OverdueRow {
  kind: 'overdue' | 'due soon';
  jurisdiction: string;
  document: string;
  task: string;
  title: string;
  text: string;
  lead: string[];
  due: string;
  due_text: string | null;
  basis: 'deadline' | 'period end' | 'recurring';
  period: string | null;
  /** days late (overdue) or days left (due soon) */
  days: number;
  last_progress: string | null;
}

export interface Period {
  label: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;
const toTime = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY);
const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY);

/** Calendar periods for the intervals a notice sets: month, two months, quarter, half-year, year. */
const PERIODS: Record<string, { months: number; label: (year: number, index: number) => string }> = {
  P1M: { months: 1, label: (y, i) => `${y}-${String(i + 1).padStart(2, '0')}` },
  P2M: { months: 2, label: (y, i) => `${y}-B${i + 1}` },
  P3M: { months: 3, label: (y, i) => `${y}-Q${i + 1}` },
  P6M: { months: 6, label: (y, i) => `${y}-H${i + 1}` },
  P1Y: { months: 12, label: (y) => `${y}` },
};

/**
 * The whole periods of an interval that lie within [from, to] and have ended
 * before `asOf` (a period ending on the as-of day itself is not over yet).
 */
export function endedPeriods(interval: string, from: string, to: string, asOf: string): Period[] {
  const kind = PERIODS[interval];
  if (!kind) return [];
  const periods: Period[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let index = 0; index < 12 / kind.months; index++) {
      const startMonth = index * kind.months;
      const start = toDate(Date.UTC(year, startMonth, 1));
      const end = toDate(Date.UTC(year, startMonth + kind.months, 0));
      if (start >= from && end <= to && end < asOf) periods.push({ label: kind.label(year, index), start, end });
    }
  }
  return periods;
}

export function overdueRows(registries: LoadedRegistry[], units: (jurisdiction: string | null) => UnitsDirectory | null, options: OverdueOptions): OverdueRow[] {
  const soon = options.within !== undefined ? addDays(options.asOf, options.within) : null;
  const chosen = options.unitIn ? mine(registries, units, options.unitIn, options.role) : null;
  const rows: OverdueRow[] = [];
  // the tasks of a notice share its period: each interval's periods are worked out once
  const periods = new Map<string, Period[]>();
  const periodsOf = (interval: string, from: string, to: string) => {
    const key = `${interval} ${from} ${to}`;
    let found = periods.get(key);
    if (!found) periods.set(key, (found = endedPeriods(interval, from, to, options.asOf)));
    return found;
  };
  for (const { file, registry } of registries) {
    const jurisdiction = registry.document?.jurisdiction ?? NO_JURISDICTION;
    const directory = units(registry.document?.jurisdiction ?? null);
    const document = registry.document?.id ?? file;
    for (const task of registry.tasks ?? []) {
      if (task.status === 'done' || task.status === 'dropped') continue;
      if (chosen && !chosen.has(`${file}#${task.id}`)) continue;
      // what every row of the task shares, worked out when it gives its first row (most tasks give none)
      let lead: string[] | undefined;
      let lastProgress: string | null = null;
      const row = (kind: OverdueRow['kind'], due: string, due_text: string | null, basis: OverdueRow['basis'], period: string | null, days: number) => {
        if (lead === undefined) {
          lead = canonicalNames(directory, task.lead ?? []);
          lastProgress = lastNote(task);
        }
        rows.push({ jurisdiction, document, task: task.id, title: taskTitle(task), text: task.text ?? '', lead, last_progress: lastProgress, kind, due, due_text, basis, period, days });
      };
      const due = task.deadline ?? (options.explicitOnly ? null : registry.document?.period?.to ?? null);
      if (due) {
        const basis = task.deadline ? 'deadline' : 'period end';
        const due_text = task.deadline ? task.deadline_text ?? task.deadline : null;
        if (due < options.asOf) row('overdue', due, due_text, basis, null, daysBetween(due, options.asOf));
        else if (soon && due <= soon) row('due soon', due, due_text, basis, null, daysBetween(options.asOf, due));
      }
      if (options.explicitOnly) continue;
      const from = registry.document?.date ?? registry.document?.period?.from;
      if (!from) continue;
      const to = registry.document?.period?.to ?? options.asOf;
      for (const recurrence of task.recurrence ?? []) {
        for (const period of periodsOf(recurrence.interval ?? '', from, to)) {
          const reported = (task.progress ?? []).some((p) => p.date >= period.start && p.date <= period.end);
          if (!reported) row('overdue', period.end, recurrence.text, 'recurring', period.label, daysBetween(period.end, options.asOf));
        }
      }
    }
  }
  // documents and task numbers ranked once each, so the sort compares numbers, not collated strings
  const documentRank = rankOf(rows.map((r) => r.document), textOrder);
  const taskRank = rankOf(rows.map((r) => r.task), numberedOrder);
  return rows.sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'overdue' ? -1 : 1) || b.days - a.days || documentRank.get(a.document)! - documentRank.get(b.document)! || taskRank.get(a.task)! - taskRank.get(b.task)!,
  );
}

/** Each distinct value's place in `order`: values the order holds equal share one. */
function rankOf(values: string[], order: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(values)].sort(order);
  const ranks = new Map<string, number>();
  distinct.forEach((value, i) => ranks.set(value, i > 0 && order(distinct[i - 1]!, value) === 0 ? ranks.get(distinct[i - 1]!)! : i));
  return ranks;
}

function mine(
  registries: LoadedRegistry[],
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  unitIn: (jurisdiction: string) => string | null,
  role?: Role,
): Set<string> {
  return new Set(
    assignments(registries, units, { throughGroups: true })
      .filter((a) => a.unit === unitIn(a.jurisdiction) && (!role || a.role === role))
      .map((a) => `${a.file}#${a.task.id}`),
  );
}

function lastNote(task: Task): string | null {
  // the latest date; of notes on one day, the last written
  let last: NonNullable<Task['progress']>[number] | undefined;
  for (const note of task.progress ?? []) if (!last || note.date >= last.date) last = note;
  return last ? `${last.date} ${last.note}` : null;
}


export function overdueReport(rows: OverdueRow[]): Report {
  const kinds = { overdue: t('report.kind.overdue'), 'due soon': t('report.kind.due soon') };
  const bases = { deadline: t('report.basis.deadline'), 'period end': t('report.basis.period end'), recurring: t('report.basis.recurring') };
  const summary = new Map<string, { overdue: number; soon: number; oldest: number }>();
  for (const row of rows) {
    for (const unit of row.lead.length > 0 ? row.lead : [t('report.no-lead')]) {
      const key = `${row.jurisdiction} ${unit}`;
      const s = summary.get(key) ?? { overdue: 0, soon: 0, oldest: 0 };
      if (row.kind === 'overdue') {
        s.overdue++;
        s.oldest = Math.max(s.oldest, row.days);
      } else s.soon++;
      summary.set(key, s);
    }
  }
  return {
    sections: [
      {
        title: null,
        columns: [
          { key: 'document', label: t('report.column.document'), sticky: true, maxWidth: 24 },
          { key: 'task', label: t('report.column.task'), sticky: true },
          { key: 'kind', label: t('report.column.kind') },
          { key: 'jurisdiction', label: t('report.column.jurisdiction') },
          { key: 'title', label: t('report.column.title'), maxWidth: 24, shorten: 20 },
          { key: 'text', label: t('report.column.text'), shorten: 0 },
          { key: 'lead', label: t('report.column.lead-units'), maxWidth: 24 },
          { key: 'due', label: t('report.column.due') },
          { key: 'due_text', label: t('report.column.due-text'), maxWidth: 16 },
          { key: 'basis', label: t('report.column.basis') },
          { key: 'days', label: t('report.column.days') },
          { key: 'last_progress', label: t('report.column.last-progress'), maxWidth: 24 },
        ],
        rows: rows.map((r) => ({ ...r, kind: kinds[r.kind], basis: r.period ? `${bases[r.basis]} ${r.period}` : bases[r.basis] })),
      },
      {
        title: t('report.section.by-unit'),
        columns: [
          { key: 'unit', label: t('report.column.unit'), sticky: true, maxWidth: 30 },
          { key: 'overdue', label: t('report.column.overdue') },
          { key: 'soon', label: t('report.column.soon') },
          { key: 'oldest', label: t('report.column.oldest') },
        ],
        rows: [...summary]
          .map(([unit, s]) => ({ unit, overdue: s.overdue, soon: s.soon, oldest: s.overdue ? s.oldest : null }))
          .sort((a, b) => b.overdue - a.overdue || (b.oldest ?? 0) - (a.oldest ?? 0) || chineseOrder(a.unit, b.unit)),
      },
    ],
  };
}
