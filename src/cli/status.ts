/** `safety-tasks status`: record a task's progress in its registry, changing nothing else in the file. */
import { parse } from 'yaml';
import { today as localToday } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isDay } from '../calendar.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { t } from '../i18n/index.js';
import { EditError, setTaskStatus } from '../registry/edit.js';
import { parseStatus, statusChoices, statusWord } from '../registry/status.js';
import type { Registry } from '../registry/types.js';
import { encodeText, FileProblem, readTextFile, withFileLock, writeFileSafely } from '../safe-file.js';
import { checkProgress } from '../validate/rules.js';
import { useColor } from './terminal.js';
import { usageError } from './usage-error.js';

export interface StatusCommandOptions {
  on?: string;
  note?: string;
  by?: string;
  units?: string;
  /** today, YYYY-MM-DD, instead of the machine's local date */
  today?: string;
}

export async function statusCommand(file: string, taskId: string, word: string, options: StatusCommandOptions): Promise<number> {
  const problems: Diagnostic[] = [];
  const report = (code: number) => {
    process.stderr.write(formatDiagnosticsText(problems, { color: useColor(process.stderr) }));
    return code;
  };
  const refuse = (rule: string, message: string, code: number, position = { line: 1, column: 1 }) => {
    problems.push(diagnostic(file, position, rule, 'error', message));
    return report(code);
  };
  // an unknown word is the schema's invalid-value, as validate would say of it
  const status = parseStatus(word);
  if (!status) return refuse('invalid-value', t('cli.status.unknown-word', { word, choices: statusChoices() }), 2);
  // --on dates a task done or a note; --by names who sent the note: alone they would do nothing
  if (options.on !== undefined && status !== 'done' && !options.note) return usageError('status', 'cli.status.on-unused');
  if (options.by !== undefined && !options.note) return usageError('status', 'cli.status.by-without-note');
  // a day that is none is bad usage (exit 2), named by the rule validate gives such a day
  for (const [flag, value] of [['--today', options.today], ['--on', options.on]] as const) {
    if (value !== undefined && !isDay(value)) return refuse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'impossible-date' : 'invalid-format', t('cli.status.not-a-day', { flag, value }), 2);
  }
  const today = options.today ?? localToday(process.env);
  const on = options.on ?? today;
  // the task as the edit leaves it, checked as validate checks it
  const edited = { status, ...(status === 'done' ? { done_on: on } : {}), ...(options.note ? { progress: [{ date: on, note: options.note }] } : {}) };
  for (const problem of checkProgress(edited, taskId, today)) problems.push(diagnostic(file, { line: 1, column: 1 }, problem.rule, 'error', problem.message, problem.suggestion));
  if (problems.length > 0) return report(1);

  // the units directories (and their schema) are loaded only to check --by
  const units = options.by ? await import('../units/load.js') : null;
  const directories = units ? await units.loadUnitsDirectories(options.units) : null;
  try {
    return await withFileLock(file, async () => {
      const read = await readTextFile(file);
      let by = options.by;
      if (by) {
        const { closestName, directoryFor, isFile, resolveUnit } = await import('../units/directory.js');
        const registry = parse(read.text, { schema: 'core', logLevel: 'error', maxAliasCount: 100 }) as Registry;
        const directory = directoryFor(directories!, registry?.document?.jurisdiction ?? null, isFile(options.units));
        const named = (registry?.tasks ?? []).flatMap((t) => [...(t.lead ?? []), ...(t.support ?? [])]);
        const known = directory ? resolveUnit(directory, by)?.name : undefined;
        if (!known && !named.includes(by)) {
          const meant = closestName(by, [...named, ...(directory ? directory.units.map((u) => u.name) : [])]);
          return refuse('unknown-unit', t('cli.status.no-unit', { unit: by, suggestion: meant ? t('cli.did-you-mean', { name: meant }) : '' }), 2);
        }
        by = known ?? by;
      }
      let text: string;
      try {
        text = setTaskStatus(read.text, { taskId, status, on, ...(options.note ? { note: options.note } : {}), ...(by ? { by } : {}) });
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
        return refuse(error.rule, error.message, error.rule === 'unknown-task' ? 2 : 1, positionOf(read.text, error.offset));
      }
      await writeFileSafely(file, encodeText(text, read));
      process.stderr.write(
        `${t('cli.status.done', {
          file,
          task: taskId,
          status: statusWord(status)!,
          on: status === 'done' ? t('cli.status.done-on', { on }) : '',
          noted: options.note ? t('cli.status.noted') : '',
        })}\n`,
      );
      return 0;
    });
  } catch (error) {
    if (error instanceof FileProblem) return refuse('unreadable-input', error.message, 2);
    throw error;
  }
}

/** 1-based line and column of an offset. */
function positionOf(text: string, offset: number) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
