/** Reading registries from disk for the reports: files, or folders of .yaml/.json; a file that cannot be read is a diagnostic, not the end of the run. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { Registry } from './types.js';

export interface LoadedRegistry {
  file: string;
  registry: Registry;
}

export async function loadRegistries(paths: string[]): Promise<{ registries: LoadedRegistry[]; diagnostics: Diagnostic[] }> {
  const registries: LoadedRegistry[] = [];
  const diagnostics: Diagnostic[] = [];
  const fail = (file: string, message: string) => diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'unreadable-input', 'error', message));
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      fail(given, 'no such file or directory');
      continue;
    }
    const files = info.isDirectory()
      ? (await readdir(given)).filter((n) => /\.(ya?ml|json)$/i.test(n) && !n.startsWith('.')).sort().map((n) => path.join(given, n))
      : [given];
    if (files.length === 0) fail(given, 'directory holds no registries');
    for (const file of files) {
      const shown = path.normalize(file).split(path.sep).join('/');
      try {
        const registry = parse(await readFile(file, 'utf8'), { maxAliasCount: 1000 }) as Registry;
        if (!registry || typeof registry !== 'object' || !Array.isArray(registry.tasks) || typeof registry.document !== 'object') {
          fail(shown, 'not a task registry (no document and tasks): run safety-tasks validate on it');
          continue;
        }
        registries.push({ file: shown, registry });
      } catch (error) {
        fail(shown, `not readable as YAML: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  return { registries, diagnostics };
}
