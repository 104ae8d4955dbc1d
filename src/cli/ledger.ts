/** `safety-tasks ledger`: the 任务分工台账 as a workbook to send, and `ledger import`: the returns read back into the registries. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { isoDate } from '../calendar.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { reportFormatters } from '../format/report.js';
import { planImport, type LedgerReturn, type TargetRegistry } from '../ledger/returns.js';
import { ledgerReport, ledgerSheets, ledgerStatusWord } from '../ledger/rows.js';
import { encodeText, FileProblem, readTextFile, withFileLock, writeFileSafely, type TextFile } from '../safe-file.js';
import { toPosix } from './files.js';
import { chooseUnit, readReportInput, tableOptions } from './report-input.js';

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

const MESSAGES = {
  notADay: (asOf: string) => `--as-of ${asOf} 不是有效日期：请写成 YYYY-MM-DD`,
  noUnit: (unit: string, meant: string | null) => `这些登记表和单位名录中没有单位“${unit}”${meant ? `（是否要找“${meant}”？）` : ''}`,
  unitAndByUnit: '--unit 与 --by-unit 只能选一个',
  xlsxToTerminal: 'xlsx 是二进制文件，不能显示在终端：请用 --out 台账.xlsx 指定文件，或用 --format markdown',
  noRows: '没有可列入台账的任务',
  written: (file: string, sheets: number, rows: number) => `已写入 ${file}：${sheets} 个工作表，${rows} 行\n`,
  unreadable: '无法读取',
  notWorkbook: '不是可读的 xlsx 工作簿',
  noRegistries: (dir: string) => `--into ${dir} 不是存放登记表的目录`,
  change: (dry: boolean, file: string, task: string, from: string, to: string, notes: number, places: string) =>
    `${dry ? '将修改' : '已修改'} ${file} 任务 ${task}：${from === to ? `状态仍为${from}` : `状态 ${from} → ${to}`}${notes > 0 ? `，新增进展 ${notes} 条` : ''}（来自 ${places}）`,
  nothing: '回执中没有需要导入的改动',
  dryRun: '（试运行：未写入任何文件）',
};

const fail = (command: string, message: string) => {
  process.stderr.write(`safety-tasks ${command}: ${message}\n`);
  return 2;
};

const localDate = (time: Date) => isoDate(time.getFullYear(), time.getMonth() + 1, time.getDate())!;

function formatFor(options: LedgerCommandOptions): LedgerFormat {
  if (options.format) return options.format;
  const extension = options.out ? path.extname(options.out).toLowerCase() : '';
  return ({ '.csv': 'csv', '.json': 'json', '.md': 'markdown' } as Record<string, LedgerFormat>)[extension] ?? (options.out ? 'xlsx' : 'markdown');
}

export async function ledgerCommand(paths: string[], options: LedgerCommandOptions): Promise<number> {
  const asOf = options.asOf ?? localDate(new Date());
  if (isoDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8))) !== asOf) return fail('ledger', MESSAGES.notADay(asOf));
  if (options.unit && options.byUnit) return fail('ledger', MESSAGES.unitAndByUnit);
  const format = formatFor(options);
  if (format === 'xlsx' && !options.out && process.stdout.isTTY) return fail('ledger', MESSAGES.xlsxToTerminal);
  const input = await readReportInput(paths, options.units);
  let unitIn: ((jurisdiction: string) => string | null) | undefined;
  if (options.unit) {
    const chosen = chooseUnit(input, options.unit);
    if ('meant' in chosen) return fail('ledger', MESSAGES.noUnit(options.unit, chosen.meant));
    unitIn = chosen.unitIn;
  }
  const sheets = ledgerSheets(input.registries, input.units, { asOf, ...(unitIn ? { unitIn } : {}), ...(options.byUnit ? { byUnit: true } : {}) });
  if (sheets.every((s) => s.rows.length === 0) && input.registries.length > 0) process.stderr.write(`safety-tasks ledger: ${MESSAGES.noRows}\n`);

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
    await writeFileSafely(options.out, content);
    process.stderr.write(MESSAGES.written(options.out, sheets.length, sheets.reduce((n, s) => n + s.rows.length, 0)));
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
      unreadable(file, MESSAGES.unreadable);
      continue;
    }
    try {
      const workbook = await readLedgerWorkbook(bytes);
      // an entry written without a date is dated the day the unit saved its return
      const saved = workbook.modified ?? (await stat(file)).mtime;
      returns.push({ file: toPosix(file), workbook, savedOn: localDate(saved) });
    } catch {
      unreadable(file, MESSAGES.notWorkbook);
    }
  }
  const names = await readdir(options.into).catch(() => null);
  if (!names) return fail('ledger import', MESSAGES.noRegistries(options.into));
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
  process.stderr.write(formatDiagnosticsText(diagnostics, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  const lines = plan.changes.map((c) => MESSAGES.change(Boolean(options.dryRun), c.file, c.task, ledgerStatusWord(c.from), ledgerStatusWord(c.to), c.notes.length, c.places.join('、')));
  process.stdout.write(`${lines.length > 0 ? lines.join('\n') : MESSAGES.nothing}\n${options.dryRun ? `${MESSAGES.dryRun}\n` : ''}`);
  if (problems.length > 0) return 2;
  return diagnostics.length > 0 ? 1 : 0;
}
