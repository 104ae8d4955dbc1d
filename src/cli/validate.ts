/** `safety-tasks validate`: check registries against the schema, the units directory and the rules. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { diagnosticFormatters, type DiagnosticFormat } from '../format/diagnostics.js';
import { currentLanguage, t } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import { loadUnitsDirectories } from '../units/load.js';
import { budgetedPool, defaultBudget } from './budget.js';
import { unitsProblem } from './report-input.js';
import { useColor } from './terminal.js';

export interface ValidateCommandOptions {
  units?: string;
  format: DiagnosticFormat;
  maxWarnings?: number;
  /** seconds one registry may take; default: a floor and a few seconds per MB (budget.ts) */
  timeoutPerFile?: number;
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  const cannotRead = (file: string, message: string) => {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'unreadable-input', 'error', message));
    unreadable = true;
  };
  // checked here to name a problem once; the worker loads them for itself
  await loadUnitsDirectories(options.units).catch((error: unknown) => cannotRead(options.units ?? 'units', unitsProblem(error, options.units)));
  const today = new Date().toISOString().slice(0, 10);
  // each registry is checked in a worker thread, within its time budget: one past it is a diagnostic, and the run goes on
  const pool = budgetedPool<Diagnostic[]>(new URL('./validate-worker.js', import.meta.url), { units: options.units, today, language: currentLanguage() }, 1);
  try {
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
        const seconds = options.timeoutPerFile ?? defaultBudget(Buffer.byteLength(text));
        const outcome = await pool.run({ file, shown, text }, seconds).catch((error: unknown) => ({ failed: error as Error }));
        if ('result' in outcome) diagnostics.push(...outcome.result);
        else if ('failed' in outcome) diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'internal-error', 'error', t('validate.internal-error', { message: outcome.failed.message })));
        else diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'timed-out', 'error', t('validate.timed-out', { seconds: String(outcome.seconds) })));
      }
    }
  } finally {
    await pool.close();
  }

  const color = useColor(process.stdout);
  process.stdout.write(diagnosticFormatters[options.format](diagnostics, { color, summary: true }));
  if (unreadable) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return errors > 0 || (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) ? 1 : 0;
}

/** what extract writes: YAML registries, lists of them, and JSON */
const REGISTRY_FILE = /\.(ya?ml|json)$/i;

async function registryFiles(given: string): Promise<string[] | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return t('io.ENOENT');
  if (info.isFile()) return [given];
  if (!info.isDirectory()) return t('io.not-a-file');
  const names = (await readdir(given)).filter((n) => REGISTRY_FILE.test(n)).sort();
  return names.length > 0 ? names.map((n) => path.join(given, n)) : t('registry.empty-folder');
}
