/**
 * Reading registries from disk for the reports: files, or folders of
 * .yaml/.json, each holding a registry or a list of them (as extract prints
 * several). Each is read as validate reads it (YAML 1.2, bounded aliases,
 * the compiled schema); a value that fails the schema is never computed with:
 * its task, or the registry when the fault is outside the tasks, is left out
 * and named. A file that cannot be read is a diagnostic, not the end of the run.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { fileKind, readProblemMessage, readRegularFile } from '../safe-read.js';
import { t } from '../i18n/index.js';
import { readRegistryText } from '../validate/index.js';
import type { Registry, Task } from './types.js';

/** A registry of 100,000 tasks is some 40 MB; anything far larger is not one. */
export const MAX_REGISTRY_BYTES = 256 * 1024 * 1024;

export interface LoadedRegistry {
  file: string;
  /** as the file holds it, but for the tasks' spans (unless loaded `whole`) */
  registry: Registry;
}

export interface LoadResult {
  registries: LoadedRegistry[];
  /** problems found, each on its file */
  diagnostics: Diagnostic[];
  /** a path or file could not be read at all */
  unreadable: boolean;
  /** a registry or task was left out because a value fails the schema */
  refused: boolean;
}

export interface LoadOptions {
  /**
   * a registry as it is, values the schema refuses included and unsaid
   * (review shows such a registry to be corrected; validate names the faults)
   */
  whole?: boolean;
}

const withoutSpans = ({ spans: _spans, ...task }: Task): Task => task;

export async function loadRegistries(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const result: LoadResult = { registries: [], diagnostics: [], unreadable: false, refused: false };
  const fail = (file: string, message: string) => {
    result.diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'unreadable-input', 'error', message));
    result.unreadable = true;
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      fail(given, readProblemMessage({ problem: 'missing' }, 0));
      continue;
    }
    const files = info.isDirectory()
      ? (await readdir(given)).filter((n) => /\.(ya?ml|json)$/i.test(n) && !n.startsWith('.')).sort().map((n) => path.join(given, n))
      : [given];
    if (!info.isDirectory() && !info.isFile()) {
      fail(given, readProblemMessage({ problem: 'not-regular', kind: fileKind(info) }, 0));
      continue;
    }
    if (files.length === 0) fail(given, t('registry.empty-folder'));
    for (const file of files) {
      const shown = path.normalize(file).split(path.sep).join('/');
      const read = readRegularFile(file, MAX_REGISTRY_BYTES);
      if (!('bytes' in read)) {
        fail(shown, readProblemMessage(read, MAX_REGISTRY_BYTES));
        continue;
      }
      const loaded = readRegistryText(read.bytes.toString('utf8'), shown);
      if (loaded.items === null) {
        for (const d of loaded.diagnostics) result.diagnostics.push(d);
        result.unreadable = true;
        continue;
      }
      // a list is one registry an item, each told apart by its place in the file
      const items = loaded.items.map((item, i) => ({ ...item, file: loaded.list ? `${shown}#${i + 1}` : shown }));
      const leftOut = new Set<string>();
      for (const item of items) {
        const registry = item.data as Registry | null;
        if (!registry || typeof registry !== 'object' || !Array.isArray(registry.tasks) || typeof registry.document !== 'object' || registry.document === null) {
          fail(item.file, t('registry.not-a-registry'));
          continue;
        }
        if (options.whole) {
          result.registries.push({ file: item.file, registry });
          continue;
        }
        // a fault inside a task leaves out that task; anywhere else, the registry
        const badTasks = new Set<number>();
        let badRegistry = false;
        for (const p of item.failed) {
          if (p[0] === 'tasks' && typeof p[1] === 'number') badTasks.add(p[1]);
          else badRegistry = true;
        }
        if (badRegistry) leftOut.add('registry');
        else if (badTasks.size > 0) leftOut.add('task');
        if (badRegistry || badTasks.size > 0) result.refused = true;
        if (badRegistry) continue;
        if (badTasks.size > 0) registry.tasks = registry.tasks.filter((_, i) => !badTasks.has(i));
        // a report holds every registry at once: copied, so its strings no longer keep the file's whole text alive
        // (10,000 registries held 440 MB; copied, their load took 9% less CPU), and without the tasks' spans, which
        // only review reads (it loads registries whole): a quarter less heap held
        result.registries.push({ file: item.file, registry: structuredClone({ ...registry, tasks: registry.tasks.map(withoutSpans) }) });
      }
      for (const d of loaded.diagnostics) {
        if (options.whole && d.rule !== 'yaml-syntax') continue;
        if (d.severity !== 'error') result.diagnostics.push(d);
        else result.diagnostics.push({ ...d, message: t(leftOut.has('registry') ? 'registry.registry-left-out' : 'registry.task-left-out', { message: d.message }) });
      }
    }
  }
  return result;
}
