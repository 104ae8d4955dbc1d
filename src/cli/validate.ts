/** `safety-tasks validate`: check registries against the schema, the units directory and the rules. */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { today as localToday } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isDay } from '../calendar.js';
import { MAX_NOTICE_BYTES } from '../read/decode.js';
import { diagnosticFormatters, type DiagnosticFormat } from '../format/diagnostics.js';
import { MAX_REGISTRY_BYTES } from '../registry/load.js';
import { fileKind, readProblemMessage, readRegularFile } from '../safe-read.js';
import { t } from '../i18n/index.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile } from '../units/directory.js';
import { loadUnitsDirectories, unitsProblem } from '../units/load.js';
import { validateRegistryText } from '../validate/index.js';
import { defaultBudget } from './budget.js';
import { noticeInside } from './repository.js';
import { useColor } from './terminal.js';
import { usageError } from './usage-error.js';

export interface ValidateCommandOptions {
  units?: string;
  format: DiagnosticFormat;
  maxWarnings?: number;
  /** today, YYYY-MM-DD, instead of the machine's local date */
  today?: string;
  /** seconds of CPU time one file may take; default: a floor and a few seconds per MB (budget.ts) */
  timeoutPerFile?: number;
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
  if (options.today !== undefined && !isDay(options.today)) {
    return usageError('validate', 'cli.status.not-a-day', { flag: '--today', value: options.today });
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
      const read = readRegularFile(file, MAX_REGISTRY_BYTES);
      if (!('bytes' in read)) {
        cannotRead(shown, readProblemMessage(read, MAX_REGISTRY_BYTES));
        continue;
      }
      const seconds = options.timeoutPerFile ?? defaultBudget(read.bytes.length);
      // CPU time, not the wall clock: a machine busy with other jobs does not spend a file's budget
      const started = process.cpuUsage();
      const budget = { seconds, spent: () => cpuSeconds(process.cpuUsage(started)) > seconds };
      try {
        // a loop, not a spread: a registry may have more diagnostics than a call has room for arguments
        for (const found of validateRegistryText(read.bytes.toString('utf8'), { file: shown, units, today, sourceDigest: sourceDigestFor(file), budget })) diagnostics.push(found);
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

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

/**
 * The notice a registry was extracted from, as it is now. `source.path` is
 * relative to the registry's folder; it is read only when it leads (links
 * followed inside, never outside) to a regular file in the registry's
 * repository — or, outside any repository, its own folder — of at most a
 * notice's size. Nothing is looked up outside it, so the answer says nothing
 * about files there.
 */
function sourceDigestFor(registryFile: string) {
  return (sourcePath: string) => {
    const inside = noticeInside(path.dirname(path.resolve(registryFile)), sourcePath);
    if (!inside) return null;
    if ('problem' in inside) return inside.problem === 'missing' ? null : inside;
    const read = readRegularFile(inside.path, MAX_NOTICE_BYTES);
    if (!('bytes' in read)) return read.problem === 'missing' ? null : read;
    return createHash('sha256').update(read.bytes).digest('hex');
  };
}

/** what extract writes: YAML registries, lists of them, and JSON */
const REGISTRY_FILE = /\.(ya?ml|json)$/i;

async function registryFiles(given: string): Promise<string[] | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return readProblemMessage({ problem: 'missing' }, 0);
  if (info.isFile()) return [given];
  if (!info.isDirectory()) return readProblemMessage({ problem: 'not-regular', kind: fileKind(info) }, 0);
  const names = (await readdir(given)).filter((n) => REGISTRY_FILE.test(n) && !n.startsWith('.')).sort();
  return names.length > 0 ? names.map((n) => path.join(given, n)) : t('registry.empty-folder');
}
