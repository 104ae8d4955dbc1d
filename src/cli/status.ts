/** `safety-tasks status`: record a task's progress in its registry, changing nothing else in the file. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { isoDate } from '../calendar.js';
import { forTerminalLine } from '../format/escape.js';
import { t } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import { EditError, setTaskStatus, type Status } from '../registry/edit.js';
import type { Registry } from '../registry/types.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { writeAtomically } from './files.js';
import { unitsProblem } from './report-input.js';
import { usageError } from './terminal.js';

export interface StatusCommandOptions {
  on?: string;
  note?: string;
  by?: string;
  units?: string;
}

export async function statusCommand(file: string, taskId: string, status: Status, options: StatusCommandOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`${t('cli.error-prefix', { command: 'safety-tasks status' })}${forTerminalLine(message)}\n`);
    return 2;
  };
  // --on dates a task done or a note; --by names who sent the note: alone they would do nothing
  if (options.on !== undefined && status !== 'done' && !options.note) return usageError('status', 'cli.status.on-unused');
  if (options.by !== undefined && !options.note) return usageError('status', 'cli.status.by-without-note');
  const on = options.on ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || isoDate(Number(on.slice(0, 4)), Number(on.slice(5, 7)), Number(on.slice(8))) !== on) {
    return usageError('status', 'cli.status.on-not-a-day', { on });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(t('cli.status.cannot-read', { file, reason: ioErrorMessage(error) }));
  }
  let by = options.by;
  if (by) {
    let registry: Registry | null = null;
    try {
      registry = parse(text, { schema: 'core', logLevel: 'error' }) as Registry;
    } catch {
      // a registry that is not YAML is named by the edit below
    }
    let directories;
    try {
      directories = await loadUnitsDirectories(options.units);
    } catch (error) {
      return fail(unitsProblem(error, options.units));
    }
    const directory = directoryFor(directories, registry?.document?.jurisdiction ?? null, isFile(options.units));
    const named = (registry?.tasks ?? []).flatMap((task) => [...(task.lead ?? []), ...(task.support ?? [])]);
    const known = directory ? resolveUnit(directory, by)?.name : undefined;
    if (!known && !named.includes(by)) {
      const meant = closestName(by, [...named, ...(directory ? directory.units.map((u) => u.name) : [])]);
      return fail(t('cli.status.no-unit', { unit: by, suggestion: meant ? t('cli.did-you-mean', { name: meant }) : '' }));
    }
    by = known ?? by;
  }
  try {
    const edited = setTaskStatus(text, { taskId, status, on, ...(options.note ? { note: options.note } : {}), ...(by ? { by } : {}) });
    await writeAtomically(file, edited);
  } catch (error) {
    if (error instanceof EditError) return fail(`${t('cli.error-prefix', { command: file })}${error.message}`);
    if ((error as NodeJS.ErrnoException).code) return fail(`${t('cli.error-prefix', { command: file })}${ioErrorMessage(error)}`);
    throw error;
  }
  process.stderr.write(
    `${t('cli.status.done', {
      file: forTerminalLine(file),
      task: forTerminalLine(taskId),
      status: t(`report.status.${status}`),
      on: status === 'done' ? t('cli.status.done-on', { on }) : '',
      noted: options.note ? t('cli.status.noted') : '',
    })}\n`,
  );
  return 0;
}
