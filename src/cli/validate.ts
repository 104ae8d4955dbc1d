/** `safety-tasks validate`: check registries against the schema, the units directory and the rules. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { today as localToday } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isCalendarDay } from '../calendar.js';
import { diagnosticFormatters, type DiagnosticFormat } from '../format/diagnostics.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { validateRegistryText } from '../validate/index.js';

export interface ValidateCommandOptions {
  units?: string;
  format: DiagnosticFormat;
  maxWarnings?: number;
  /** today, YYYY-MM-DD, instead of the machine's local date */
  today?: string;
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  const cannotRead = (file: string, message: string) => {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'unreadable-input', 'error', message));
    unreadable = true;
  };
  const directories = await loadUnitsDirectories(options.units).catch((error: Error) => {
    cannotRead(options.units ?? 'units', error.message);
    return new Map<string, UnitsDirectory>();
  });
  const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, isFile(options.units));
  if (options.today !== undefined && !isCalendarDay(options.today)) {
    process.stderr.write(`safety-tasks validate: --today ${options.today} 不是一个日子：请写成 YYYY-MM-DD\n`);
    return 2;
  }
  const today = options.today ?? localToday(process.env);

  for (const given of paths) {
    const files = await registryFiles(given);
    if (typeof files === 'string') {
      cannotRead(given, files);
      continue;
    }
    for (const file of files) {
      const shown = path.normalize(file).split(path.sep).join('/');
      const text = await readFile(file, 'utf8').catch((error: Error) => {
        cannotRead(shown, error.message);
        return null;
      });
      if (text === null) continue;
      try {
        diagnostics.push(...validateRegistryText(text, { file: shown, units, today, sourceDigest }));
      } catch (error) {
        // one file's surprise is a diagnostic on that file, never the end of the run
        diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'internal-error', 'error', `could not be checked: ${(error as Error).message}`));
      }
    }
  }

  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(diagnosticFormatters[options.format](diagnostics, { color, summary: true }));
  if (unreadable) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return errors > 0 || (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/** The notice a registry was extracted from, as it is now; null when it is not here to compare. */
function sourceDigest(sourcePath: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(sourcePath)).digest('hex');
  } catch {
    return null;
  }
}

async function registryFiles(given: string): Promise<string[] | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return 'no such file or directory';
  if (info.isFile()) return [given];
  const names = (await readdir(given)).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  return names.length > 0 ? names.map((n) => path.join(given, n)) : 'directory holds no .yaml registries';
}
