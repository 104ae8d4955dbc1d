/** `safety-tasks validate`: check registries against the schema, the units directory and the rules. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { today as localToday } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isCalendarDay } from '../calendar.js';
import { diagnosticFormatters, type DiagnosticFormat } from '../format/diagnostics.js';
import { t } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { validateRegistryText } from '../validate/index.js';
import { unitsProblem } from './report-input.js';
import { useColor } from './terminal.js';

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
  const directories = await loadUnitsDirectories(options.units).catch((error: unknown) => {
    cannotRead(options.units ?? 'units', unitsProblem(error, options.units));
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
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        cannotRead(shown, ioErrorMessage(error));
        return null;
      });
      if (text === null) continue;
      try {
        // a notice is named relative to the registry that came from it
        const sourceDigest = (source: string) => digestOf(path.resolve(path.dirname(file), source));
        diagnostics.push(...validateRegistryText(text, { file: shown, units, today, sourceDigest }));
      } catch (error) {
        // one file's surprise is a diagnostic on that file, never the end of the run
        diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'internal-error', 'error', t('validate.internal-error', { message: (error as Error).message })));
      }
    }
  }

  const color = useColor(process.stdout);
  process.stdout.write(diagnosticFormatters[options.format](diagnostics, { color, summary: true }));
  if (unreadable) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return errors > 0 || (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/** The notice a registry was extracted from, as it is now; null when it is not here to compare. */
function digestOf(sourcePath: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(sourcePath)).digest('hex');
  } catch {
    return null;
  }
}

/** what extract writes: YAML registries, lists of them, and JSON */
const REGISTRY_FILE = /\.(ya?ml|json)$/i;

async function registryFiles(given: string): Promise<string[] | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return t('io.ENOENT');
  if (info.isFile()) return [given];
  if (!info.isDirectory()) return t('io.not-a-file');
  const names = (await readdir(given)).filter((n) => REGISTRY_FILE.test(n) && !n.startsWith('.')).sort();
  return names.length > 0 ? names.map((n) => path.join(given, n)) : t('registry.empty-folder');
}
