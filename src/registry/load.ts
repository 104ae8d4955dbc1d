/**
 * Reading registries from disk for the reports: files, or folders of .yaml/.json,
 * each holding a registry or a list of them (as extract prints several); a file
 * that cannot be read is a diagnostic, not the end of the run.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import { ioErrorMessage, isIoError } from '../io-error.js';
import { yamlProblem } from '../yaml-error.js';
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
      fail(given, t('io.ENOENT'));
      continue;
    }
    const files = info.isDirectory()
      ? (await readdir(given)).filter((n) => /\.(ya?ml|json)$/i.test(n) && !n.startsWith('.')).sort().map((n) => path.join(given, n))
      : [given];
    if (files.length === 0) fail(given, t('registry.empty-folder'));
    for (const file of files) {
      const shown = path.normalize(file).split(path.sep).join('/');
      try {
        const document = parseDocument(await readFile(file, 'utf8'));
        if (document.errors.length > 0) {
          fail(shown, t('registry.not-yaml', { reason: yamlProblem(document.errors[0]!) }));
          continue;
        }
        const content = document.toJS({ maxAliasCount: 1000 }) as Registry | Registry[];
        // a list is one registry an item, each told apart by its place in the file
        const found = Array.isArray(content) ? content.map((registry, i) => ({ file: `${shown}#${i + 1}`, registry })) : [{ file: shown, registry: content }];
        for (const loaded of found) {
          const { registry } = loaded;
          if (!registry || typeof registry !== 'object' || !Array.isArray(registry.tasks) || typeof registry.document !== 'object') fail(loaded.file, t('registry.not-a-registry'));
          else registries.push(loaded);
        }
      } catch (error) {
        fail(shown, isIoError(error) ? ioErrorMessage(error) : t('registry.not-yaml', { reason: t('yaml.too-many-aliases') }));
      }
    }
  }
  return { registries, diagnostics };
}
