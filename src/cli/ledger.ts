/** `safety-tasks ledger`: the 任务分工台账 as a workbook to send, and `ledger import`: the returns read back into the registries. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { isoDate } from '../calendar.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { forTerminalLine } from '../format/escape.js';
import { t } from '../i18n/index.js';
import { reportFormatters } from '../format/report.js';
import { planImport, type LedgerReturn, type TargetRegistry } from '../ledger/returns.js';
import { ledgerReport, ledgerSheets, ledgerStatusWord } from '../ledger/rows.js';
import { encodeText, FileProblem, readTextFile, withFileLock, writeFileSafely, type TextFile } from '../safe-file.js';
import { toPosix } from './files.js';
import { chooseUnit, readReportInput, tableOptions } from './report-input.js';
import { useColor } from './terminal.js';
import { usageError } from './usage-error.js';

export type LedgerFormat = 'xlsx' | 'csv' | 'json' | 'markdown';

export interface LedgerCommandOptions {
  unit?: string;
  byUnit?: boolean;
  asOf?: string;
  out?: string;
  format?: LedgerFormat;
  units?: string;
}

export interface LedgerImportOptions {
  into: string;
  dryRun?: boolean;
}

const localDate = (time: Date) => isoDate(time.getFullYear(), time.getMonth() + 1, time.getDate())!;

function formatFor(options: LedgerCommandOptions): LedgerFormat {
  if (options.format) return options.format;
  const extension = options.out ? path.extname(options.out).toLowerCase() : '';
  return ({ '.csv': 'csv', '.json': 'json', '.md': 'markdown' } as Record<string, LedgerFormat>)[extension] ?? (options.out ? 'xlsx' : 'markdown');
}

export async function ledgerCommand(paths: string[], options: LedgerCommandOptions): Promise<number> {
  const asOf = options.asOf ?? localDate(new Date());
  if (isoDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8))) !== asOf) return usageError('ledger', 'cli.overdue.as-of-not-a-day', { asOf });
  if (options.unit && options.byUnit) return usageError('ledger', 'cli.ledger.unit-and-by-unit');
  const format = formatFor(options);
  if (format === 'xlsx' && !options.out && process.stdout.isTTY) return usageError('ledger', 'cli.ledger.xlsx-to-terminal');
  const input = await readReportInput(paths, options.units);
  let unitIn: ((jurisdiction: string) => string | null) | undefined;
  if (options.unit) {
    const chosen = chooseUnit(input, options.unit);
    if ('meant' in chosen) return usageError('ledger', 'cli.no-unit', { unit: options.unit, suggestion: chosen.meant ? t('cli.did-you-mean', { name: chosen.meant }) : '' });
    unitIn = chosen.unitIn;
  }
  const sheets = ledgerSheets(input.registries, input.units, { asOf, ...(unitIn ? { unitIn } : {}), ...(options.byUnit ? { byUnit: true } : {}) });
  if (sheets.every((s) => s.rows.length === 0) && input.registries.length > 0) process.stderr.write(`${t('cli.error-prefix', { command: 'safety-tasks ledger' })}${t('ledger.no-rows')}\n`);

  let content: string | Uint8Array;
  if (format === 'xlsx') {
    // the registry's bytes as they are now: an import refuses rows whose registry has changed since
    const sha256 = new Map<string, string>();
    for (const { file } of input.registries) sha256.set(file, createHash('sha256').update(await readFile(file)).digest('hex'));
    const { writeLedgerWorkbook } = await import('../ledger/xlsx.js');
    content = await writeLedgerWorkbook(sheets, sha256, new Date());
  } else {
    content = reportFormatters[format](ledgerReport(sheets), tableOptions());
  }
  if (options.out) {
    try {
      await writeFileSafely(options.out, content);
    } catch (problem) {
      if (!(problem instanceof FileProblem)) throw problem;
      // a file that cannot be written is unreadable input's twin: said on the file, exit 2
      process.stderr.write(`${t('cli.error-prefix', { command: forTerminalLine(options.out) })}${problem.message}\n`);
      return 2;
    }
    process.stderr.write(`${t('ledger.written', { file: options.out, sheets: sheets.length, rows: sheets.reduce((n, s) => n + s.rows.length, 0) })}\n`);
  } else process.stdout.write(content);
  return input.unreadable ? 2 : 0;
}

export async function ledgerImportCommand(files: string[], options: LedgerImportOptions): Promise<number> {
  const { readLedgerWorkbook } = await import('../ledger/xlsx.js');
  const problems: Diagnostic[] = [];
  const unreadable = (file: string, message: string) => problems.push({ file, line: 1, column: 1, rule: 'unreadable-input', severity: 'error', message });
  const returns: LedgerReturn[] = [];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) {
      unreadable(file, t('ledger.unreadable'));
      continue;
    }
    try {
      const workbook = await readLedgerWorkbook(bytes);
      // an entry written without a date is dated the day the unit saved its return
      const saved = workbook.modified ?? (await stat(file)).mtime;
      returns.push({ file: toPosix(file), workbook, savedOn: localDate(saved) });
    } catch {
      unreadable(file, t('ledger.not-workbook'));
    }
  }
  const names = await readdir(options.into).catch(() => null);
  if (!names) return usageError('ledger import', 'cli.ledger.import.no-registries', { dir: options.into });
  const targets: TargetRegistry[] = [];
  const read = new Map<string, TextFile>();
  // hidden files (.name.base.yaml, what --update merges against) are no registries
  for (const name of names.filter((n) => !n.startsWith('.') && /\.(ya?ml|json)$/i.test(n)).sort()) {
    const file = toPosix(path.join(options.into, name));
    try {
      const registry = await readTextFile(file);
      read.set(file, registry);
      targets.push({ file, text: registry.text });
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      unreadable(file, error.message);
    }
  }

  const plan = planImport(returns, targets);
  if (!options.dryRun) {
    for (const write of plan.writes) {
      // under the registry's lock, on what is there now: an edit made since the plan was read is kept
      await withFileLock(write.file, async () => {
        const now = await readTextFile(write.file);
        const after = now.text === write.before ? write.after : planImport(returns, [{ file: write.file, text: now.text }]).writes[0]?.after;
        if (after !== undefined) await writeFileSafely(write.file, encodeText(after, read.get(write.file) ?? now));
      }).catch((error: unknown) => {
        if (!(error instanceof FileProblem)) throw error;
        unreadable(write.file, error.message);
      });
    }
  }
  const diagnostics = [...problems, ...plan.diagnostics];
  process.stderr.write(formatDiagnosticsText(diagnostics, { color: useColor(process.stderr) }));
  const lines = plan.changes.map((c) => {
    const [from, to] = [ledgerStatusWord(c.from), ledgerStatusWord(c.to)];
    return t(options.dryRun ? 'ledger.would-change' : 'ledger.changed', {
      file: c.file,
      task: c.task,
      change: from === to ? t('ledger.status-kept', { status: from }) : t('ledger.status-changed', { from, to }),
      notes: c.notes.length > 0 ? t('ledger.notes-added', { count: c.notes.length }) : '',
      places: c.places.join(t('cli.list-separator')),
    });
  });
  process.stdout.write(`${lines.length > 0 ? lines.join('\n') : t('ledger.nothing')}\n${options.dryRun ? `${t('ledger.dry-run')}\n` : ''}`);
  if (problems.length > 0) return 2;
  return diagnostics.length > 0 ? 1 : 0;
}
