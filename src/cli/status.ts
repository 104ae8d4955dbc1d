/** `safety-tasks status`: record a task's progress in its registry, changing nothing else in the file. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { isoDate } from '../calendar.js';
import { forTerminalLine } from '../format/escape.js';
import { EditError, setTaskStatus, type Status } from '../registry/edit.js';
import type { Registry } from '../registry/types.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { writeAtomically } from './files.js';

export interface StatusCommandOptions {
  on?: string;
  note?: string;
  by?: string;
  units?: string;
}

export async function statusCommand(file: string, taskId: string, status: Status, options: StatusCommandOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`safety-tasks status: ${forTerminalLine(message)}\n`);
    return 2;
  };
  const on = options.on ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || isoDate(Number(on.slice(0, 4)), Number(on.slice(5, 7)), Number(on.slice(8))) !== on) {
    return fail(`--on ${on} is not a day: write it YYYY-MM-DD`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let by = options.by;
  if (by) {
    const registry = parse(text, { schema: 'core', logLevel: 'error' }) as Registry;
    const directory = directoryFor(await loadUnitsDirectories(options.units), registry?.document?.jurisdiction ?? null, isFile(options.units));
    const named = (registry?.tasks ?? []).flatMap((t) => [...(t.lead ?? []), ...(t.support ?? [])]);
    const known = directory ? resolveUnit(directory, by)?.name : undefined;
    if (!known && !named.includes(by)) {
      const meant = closestName(by, [...named, ...(directory ? directory.units.map((u) => u.name) : [])]);
      return fail(`no unit "${by}" in this registry or its units directory${meant ? ` (did you mean "${meant}"?)` : ''}`);
    }
    by = known ?? by;
  }
  try {
    const edited = setTaskStatus(text, { taskId, status, on, ...(options.note ? { note: options.note } : {}), ...(by ? { by } : {}) });
    await writeAtomically(file, edited);
  } catch (error) {
    if (error instanceof EditError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  process.stderr.write(`${forTerminalLine(`${file}: task ${taskId} is ${status}${status === 'done' ? ` on ${on}` : ''}${options.note ? ', progress noted' : ''}`)}\n`);
  return 0;
}
