/**
 * Step 3: the rules a schema cannot say — units the directory does not know,
 * ids used twice, days that do not exist, a finished task without its day.
 * Each reads the registry as it is, however malformed, and skips what it cannot read.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostic.js';
import { isDay } from '../calendar.js';
import type { ReadProblem } from '../safe-read.js';
import { t } from '../i18n/index.js';
import { closestUnit, resolveUnit, type UnitsDirectory } from '../units/directory.js';
import type { LocatedDocument, Path } from './locate.js';

export interface RuleContext {
  file: string;
  located: LocatedDocument;
  /** the units directory for the registry's jurisdiction, when there is one */
  units: UnitsDirectory | null;
  /** today, YYYY-MM-DD: `done_on` may not be later */
  today: string;
  /**
   * the SHA-256 of the notice at `source.path` now; null when it is not there
   * to compare, or why it was not read (outside the repository, not a regular file, too large)
   */
  sourceDigest?: (path: string) => string | null | ReadProblem | { problem: 'outside' };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isDateShaped = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Why the notice at source.path was not compared: the same words whether or not a path outside exists. */
function sourceProblem(path: string, problem: Exclude<ReadProblem, { problem: 'missing' }> | { problem: 'outside' }): string {
  switch (problem.problem) {
    case 'outside':
      return t('validate.source-outside', { path });
    case 'not-regular':
      return t('validate.source-not-regular', { path, kind: t(`io.kind.${problem.kind}`) });
    case 'too-large':
      return t('validate.source-too-large', { path, size: Math.ceil(problem.size / 1024 / 1024) });
    case 'unreadable':
      return t('validate.source-unreadable', { path });
  }
}

export function checkRules(registry: unknown, context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: Path, rule: string, severity: Severity, message: string, suggestion?: string) =>
    diagnostics.push(diagnostic(context.file, context.located.position(path), rule, severity, message, suggestion));
  if (!isObject(registry)) return diagnostics;
  const document = isObject(registry.document) ? registry.document : {};
  const tasks = Array.isArray(registry.tasks) ? registry.tasks : [];

  // every date must be a day of the calendar
  const dates: Path[] = [['document', 'date'], ['document', 'period', 'from'], ['document', 'period', 'to']];
  tasks.forEach((task, i) => {
    if (!isObject(task)) return;
    for (const field of ['deadline', 'start']) dates.push(['tasks', i, field]);
    if (Array.isArray(task.milestones)) task.milestones.forEach((_, j) => dates.push(['tasks', i, 'milestones', j, 'date']));
  });
  for (const path of dates) {
    const value = path.reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? (v as Json)[k as string] : undefined), registry);
    if (isDateShaped(value) && !isDay(value)) {
      report(path, 'impossible-date', 'error', t('validate.impossible-date', { value }));
    }
  }

  if (context.units === null && typeof document.jurisdiction === 'string') {
    report(['document', 'jurisdiction'], 'no-units-directory', 'warning', t('validate.no-units-directory', { jurisdiction: document.jurisdiction }));
  }
  // where most tasks lack a lead (a 规划 assigns none), one warning says so, not one a task
  const leadless = tasks.filter((t) => isObject(t) && Array.isArray(t.lead) && strings(t.lead).length === 0).length;
  const fewLeads = leadless * 2 > tasks.length;
  if (fewLeads) report(['tasks'], 'missing-lead', 'warning', t('validate.few-leads', { leadless, count: tasks.length }));
  const seen = new Map<string, number>();
  tasks.forEach((task, i) => {
    if (!isObject(task)) return;
    const id = typeof task.id === 'string' ? task.id : null;
    if (id !== null) {
      if (seen.has(id)) report(['tasks', i, 'id'], 'duplicate-task-id', 'error', t('validate.duplicate-task-id', { id, first: seen.get(id)! + 1 }));
      else seen.set(id, i);
    }
    const name = id ?? `#${i + 1}`;
    const lead = strings(task.lead);
    const leadSet = new Set(lead);
    if (!fewLeads && Array.isArray(task.lead) && lead.length === 0) report(['tasks', i, 'lead'], 'missing-lead', 'warning', t('validate.missing-lead', { task: name }));
    for (const role of ['lead', 'support'] as const) {
      strings(task[role]).forEach((unit, j) => {
        if (context.units && !resolveUnit(context.units, unit)) {
          const meant = closestUnit(context.units, unit);
          report(['tasks', i, role, j], 'unknown-unit', 'error', t('validate.unknown-unit', { unit, jurisdiction: context.units.jurisdiction }), meant ? t('validate.did-you-mean', { name: meant }) : undefined);
        }
        if (role === 'support' && leadSet.has(unit)) {
          report(['tasks', i, 'support', j], 'lead-and-support', 'error', t('validate.lead-and-support', { unit, task: name }));
        }
      });
    }
    if (isDay(task.deadline) && isDay(document.date) && task.deadline < document.date) {
      report(['tasks', i, 'deadline'], 'deadline-before-document', 'warning', t('validate.deadline-before-document', { task: name, deadline: task.deadline, date: document.date }));
    }
    for (const problem of checkProgress(task, name, context.today)) report(['tasks', i, ...problem.path], problem.rule, 'error', problem.message, problem.suggestion);
  });

  const source = isObject(document.source) ? document.source : {};
  if (typeof source.path === 'string' && typeof source.sha256 === 'string' && context.sourceDigest) {
    const now = context.sourceDigest(source.path);
    if (typeof now === 'string' && now !== source.sha256) {
      report(['document', 'source', 'sha256'], 'source-changed', 'warning', t('validate.source-changed', { path: source.path }), t('validate.re-extract'));
    } else if (now !== null && typeof now === 'object' && now.problem !== 'missing') {
      report(['document', 'source', 'path'], now.problem === 'outside' ? 'source-outside' : 'source-unreadable', 'warning', sourceProblem(source.path, now));
    }
  }
  return diagnostics;
}

export interface ProgressProblem {
  /** where in the task */
  path: Path;
  rule: string;
  message: string;
  suggestion?: string;
}

/**
 * What people record on a task — status, done_on, progress — checked: days
 * that exist, none after today, done with its day. `status` runs the same
 * check on its edit, so it never writes what validate rejects.
 */
export function checkProgress(task: Record<string, unknown>, name: string, today: string): ProgressProblem[] {
  const problems: ProgressProblem[] = [];
  const day = (path: Path, value: unknown, future: string) => {
    if (isDateShaped(value) && !isDay(value)) problems.push({ path, rule: 'impossible-date', message: t('validate.impossible-date', { value: String(value) }) });
    else if (isDay(value) && value > today) {
      problems.push({ path, rule: future, message: future === 'done-in-future' ? t('validate.done-in-future', { task: name, doneOn: value, today }) : t('validate.progress-in-future', { task: name, date: value, today }) });
    }
  };
  if (task.status === 'done' && task.done_on === undefined) {
    problems.push({ path: ['status'], rule: 'done-without-date', message: t('validate.done-without-date', { task: name }), suggestion: t('validate.add-done-on') });
  }
  day(['done_on'], task.done_on, 'done-in-future');
  if (Array.isArray(task.progress)) task.progress.forEach((entry, j) => day(['progress', j, 'date'], isObject(entry) ? entry.date : undefined, 'progress-in-future'));
  return problems;
}
