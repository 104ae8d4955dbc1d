/** `safety-tasks extract`: read notices, write registries, report what looked wrong. */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { decodeNotice } from '../extract/decode.js';
import { extractNotice, stemOf } from '../extract/index.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { mergeRegistry } from '../registry/merge.js';
import { registriesToJson, registryToYaml } from '../registry/serialize.js';
import type { Registry } from '../registry/types.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { toPosix, writeAtomically } from './files.js';

export interface ExtractOptions {
  out?: string;
  /** merge into an existing registry, keeping what people wrote */
  update?: boolean;
  /** overwrite an existing registry */
  force?: boolean;
  units?: string;
  format: 'yaml' | 'json';
  debug?: boolean;
}

const NOTICE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const SCHEMA = fileURLToPath(new URL('../../schemas/registry.schema.json', import.meta.url));

export async function extractCommand(paths: string[], options: ExtractOptions): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  const files: string[] = [];
  for (const given of paths) {
    const found = await noticeFiles(given);
    if (typeof found === 'string') {
      diagnostics.push(diagnostic(given, { line: 1, column: 1 }, 'unreadable-input', 'error', found));
      unreadable = true;
    } else files.push(...found);
  }

  const directories = await loadUnitsDirectories(options.units).catch((error: Error) => {
    diagnostics.push(diagnostic(options.units ?? 'units', { line: 1, column: 1 }, 'unreadable-input', 'error', error.message));
    unreadable = true;
    return new Map<string, UnitsDirectory>();
  });
  const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, isFile(options.units));
  const registries: Registry[] = [];
  for (const file of files) {
    const shown = toPosix(path.normalize(file));
    try {
      const bytes = await readFile(file);
      const decoded = decodeNotice(bytes);
      if ('problem' in decoded) {
        diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'unreadable-input', 'error', decoded.problem));
        unreadable = true;
        continue;
      }
      const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
      const result = extractNotice({ content: decoded.text, path: shown, kind, bytes, units, encoding: decoded.encoding });
      diagnostics.push(...result.diagnostics);
      registries.push(result.registry);
    } catch (error) {
      unreadable = true;
      const reason = (error as NodeJS.ErrnoException).code ? (error as Error).message : `could not be read: ${String((error as Error).message ?? error)}`;
      diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'unreadable-input', 'error', reason));
      if (options.debug) process.stderr.write(`${(error as Error).stack}\n`);
    }
  }

  if (options.out) {
    await mkdir(options.out, { recursive: true });
    const schema = toPosix(path.relative(path.resolve(options.out), SCHEMA));
    for (const registry of registries) {
      const target = path.join(options.out, `${stemOf(registry.document.source.path)}.${options.format}`);
      const fresh = options.format === 'json' ? registriesToJson(registry) : registryToYaml(registry, schema);
      const written = await writeRegistry(target, fresh, registry, options);
      diagnostics.push(...written);
      if (written.some((d) => d.severity === 'error')) unreadable = true;
    }
  } else if (registries.length > 0) {
    const schema = toPosix(path.relative(process.cwd(), SCHEMA));
    const single = registries.length === 1 ? registries[0]! : null;
    process.stdout.write(
      options.format === 'json'
        ? registriesToJson(single ?? registries)
        : single
          ? registryToYaml(single, schema)
          : registryToYaml(registries as unknown as Registry, schema),
    );
  }

  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  process.stderr.write(formatDiagnosticsText(diagnostics, { color }));
  if (unreadable) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/**
 * Write a registry to --out. One that is there already is never lost: the same
 * bytes are left alone, --update merges the notice into it (keeping status,
 * progress, done_on and x- fields), --force replaces it; otherwise it is refused.
 */
async function writeRegistry(target: string, fresh: string, registry: Registry, options: ExtractOptions): Promise<Diagnostic[]> {
  const shown = toPosix(path.normalize(target));
  const previous = await readFile(target, 'utf8').catch(() => null);
  if (previous === null || options.force) {
    await writeAtomically(target, fresh);
    return [];
  }
  if (previous === fresh) return [];
  if (!options.update || options.format === 'json') {
    const how = options.format === 'json' ? '--force replaces it' : '--update merges the notice into it, keeping status and progress; --force replaces it';
    return [diagnostic(shown, { line: 1, column: 1 }, 'registry-exists', 'error', `exists and differs from the notice: ${how}`)];
  }
  try {
    const merged = mergeRegistry(previous, registry);
    await writeAtomically(target, merged.text);
    return [
      ...merged.appeared.map((id) => diagnostic(shown, { line: 1, column: 1 }, 'task-appeared', 'info', `task ${id} is new in the notice`)),
      ...merged.removed.map((id) => diagnostic(shown, { line: 1, column: 1 }, 'task-disappeared', 'info', `task ${id} is no longer in the notice: removed`)),
      ...merged.keptWithProgress.map((id) =>
        diagnostic(shown, { line: 1, column: 1 }, 'task-disappeared', 'warning', `task ${id} is no longer in the notice, but has progress: kept`),
      ),
    ];
  } catch (error) {
    return [diagnostic(shown, { line: 1, column: 1 }, 'registry-exists', 'error', `cannot merge into it: ${(error as Error).message}`)];
  }
}

/** The notices a path names, or why it names none. */
async function noticeFiles(given: string): Promise<string[] | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return 'no such file or directory';
  if (info.isFile()) return [given];
  if (!info.isDirectory()) return 'not a file or directory';
  const names = (await readdir(given)).filter((n) => NOTICE_EXTENSIONS.has(path.extname(n).toLowerCase())).sort();
  if (names.length === 0) return 'directory holds no .txt or .md notices';
  return names.map((n) => path.join(given, n));
}
