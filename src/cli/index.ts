/**
 * The command line: flags to options, nothing more. Each command's modules are
 * imported inside its action, so `--version` and `--help` load none of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CommanderError as CommanderErrorType } from 'commander';

const UNITS_HELP = 'units directory: one file used for every registry, or a folder matched by jurisdiction (default: the shipped units/)';

let InvalidArgumentError: typeof import('commander').InvalidArgumentError;

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('give a whole number');
  return Number(value);
}

function seconds(value: string): number {
  if (!/^(?:\d+\.?\d*|\.\d+)$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError('请给出大于 0 的秒数（如 5 或 0.5）');
  return Number(value);
}

function positiveNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('give a whole number from 1');
  return Number(value);
}

export async function run(argv: string[]): Promise<void> {
  // output piped into `head` that stops reading is no failure of ours
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  // the version is asked for by scripts, often: answer it before loading anything
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  // as CommonJS: an ES import of commander costs start-up time in export detection
  const commander = createRequire(import.meta.url)('commander') as typeof import('commander');
  const { Argument, Command, CommanderError, Option } = commander;
  InvalidArgumentError = commander.InvalidArgumentError;
  const program = new Command('safety-tasks')
    .version(version)
    .description('Turn work-safety notices into task registries (任务分工台账), check them and report on them.')
    .showHelpAfterError('(run with --help for usage)')
    // bad usage exits 2, as the rest of the toolkit does; help and version exit 0
    .exitOverride();

  program
    .command('extract')
    .summary('read notices into YAML task registries')
    .description(
      'Read work-safety notices (plain text or Markdown) and write one task registry per notice:\n' +
        'document metadata, then every task with its id, text, lead and support units, deadline and source line.',
    )
    .argument('<paths...>', 'notice files, or directories whose .txt and .md files are read')
    .option('-o, --out <dir>', 'write <dir>/<name>.yaml for each notice instead of printing')
    .option('--update', 'where <dir>/<name>.yaml exists, merge the notice into it: text, units and deadlines anew, status and progress kept')
    .option('--force', 'where <dir>/<name>.yaml exists, replace it')
    .option('-u, --units <file|dir>', UNITS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .addOption(new Option('-j, --jobs <n>', 'worker threads to extract with (default: one per core, at most 4, for more than 8 files)').argParser(positiveNumber))
    .option('--debug', 'print the stack of an unexpected error')
    .addHelpText(
      'after',
      `
Examples:
  $ safety-tasks extract seeds/001_b11ec0531f900c9a.txt          print one registry as YAML
  $ safety-tasks extract seeds --format json > all.json            every notice, as a JSON array
  $ safety-tasks extract seeds --out registries                    write registries/<name>.yaml
  $ safety-tasks extract seeds --out registries --update           re-read the notices, keep progress

Warnings (a gap in the numbering, an item without a responsibility clause, a unit list
that could not be split) go to stderr as file:line:column; stdout carries only registries.
Exit status: 0 done (warnings or not), 1 a notice gave errors, 2 bad usage or unreadable input.`,
    )
    .action(async (paths: string[], options: { out?: string; update?: boolean; force?: boolean; units?: string; jobs?: number; format: 'yaml' | 'json'; debug?: boolean }) => {
      const { extractCommand } = await import('./extract.js');
      process.exitCode = await extractCommand(paths, options);
    });

  program
    .command('validate')
    .summary('check registries against the schema, the units directory and the rules')
    .description(
      'Check task registries as CI does when someone edits one: YAML syntax, the registry schema,\n' +
        'unit names against the units directory of the registry\'s jurisdiction, and the rules below.\n' +
        'Each problem is reported at the file, line and column of the node that causes it.',
    )
    .argument('<paths...>', 'registry files, or directories whose .yaml files are read')
    .option('-u, --units <file|dir>', UNITS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .addOption(new Option('--max-warnings <n>', 'fail when there are more warnings than this').argParser(wholeNumber))
    .addOption(new Option('--timeout-per-file <seconds>', '每个文件的检查时限（CPU 秒；默认 2 秒加每 MB 3 秒）：超时的文件记一条 time-limit 错误，其余文件照常检查').argParser(seconds))
    .addHelpText(
      'after',
      `
Rules: unknown-unit, duplicate-task-id, missing-lead, lead-and-support, impossible-date,
deadline-before-document, done-without-date, done-in-future, source-changed, source-outside,
source-unreadable, no-units-directory, time-limit;
the schema gives unknown-key, missing-field, wrong-type, invalid-format, invalid-value; yaml-syntax.
source.path 只在指向本仓库（git 顶层目录，否则台账所在文件夹）内、不超过 10 MB 的普通文件时才读取比对。

Examples:
  $ safety-tasks validate registries                       every registry in a folder
  $ safety-tasks validate registries --format github       annotations for a GitHub pull request
  $ safety-tasks validate r.yaml --units my-units.yaml --max-warnings 0

Exit status: 0 clean, 1 errors (or more warnings than --max-warnings), 2 an input cannot be read.`,
    )
    .action(async (paths: string[], options: { units?: string; format: 'text' | 'json' | 'github'; maxWarnings?: number; timeoutPerFile?: number }) => {
      const { validateCommand } = await import('./validate.js');
      process.exitCode = await validateCommand(paths, options);
    });

  program
    .command('units')
    .summary('list the units the registries name, what each carries, and names the directory does not know')
    .argument('<paths...>', 'registry files, or directories of them')
    .option('-u, --units <file|dir>', UNITS_HELP)
    .option('--unknown', 'list only names the units directory does not know, where they occur and the closest known name')
    .option('--suggest', 'print proposed alias entries for the units file, as YAML ready to paste')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .addHelpText(
      'after',
      `
Units are counted per jurisdiction: 市应急局 of 威海市 and of 滕州市 are different bodies.

Examples:
  $ safety-tasks units registries
  $ safety-tasks units registries --unknown
  $ safety-tasks units registries --suggest >> proposed-aliases.yaml

Exit status: 0 done, 1 --unknown or --suggest found something, 2 an input cannot be read.`,
    )
    .action(async (paths: string[], options: { units?: string; unknown?: boolean; suggest?: boolean; format: 'table' | 'json' | 'csv' | 'markdown' }) => {
      const { unitsCommand } = await import('./units.js');
      process.exitCode = await unitsCommand(paths, options);
    });

  program
    .command('matrix')
    .summary('print responsibility matrices (任务分工表): for a unit, a notice, or units × notices')
    .argument('<paths...>', 'registry files, or directories of them')
    .option('--unit <name>', 'every task this unit leads or supports (an alias works), with the other units on it')
    .option('--doc <id>', 'one notice as a grid: tasks × units, ● lead, ○ support, totals per unit')
    .option('-j, --jurisdiction <name>', 'only registries of this jurisdiction')
    .addOption(new Option('--role <role>', 'only this role').choices(['lead', 'support']))
    .option('-u, --units <file|dir>', UNITS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json', 'markdown']).default('table'))
    .addHelpText(
      'after',
      `
A task assigned to a group (负有安全生产监管职责的各有关部门) appears for each member the units
directory lists, marked with the group it comes through. Several jurisdictions give one section each.
The table fits the terminal (a wide grid is split, the task columns repeated); csv opens in Excel.

Examples:
  $ safety-tasks matrix registries --unit 市应急局
  $ safety-tasks matrix registries --doc 004_65114f20cbda8ae2
  $ safety-tasks matrix registries --jurisdiction 威海市 --format csv > 威海市.csv`,
    )
    .action(
      async (
        paths: string[],
        options: { unit?: string; doc?: string; jurisdiction?: string; role?: 'lead' | 'support'; units?: string; format: 'table' | 'csv' | 'json' | 'markdown' },
      ) => {
        const { matrixCommand } = await import('./matrix.js');
        process.exitCode = await matrixCommand(paths, options);
      },
    );

  program
    .command('status')
    .summary("record a task's progress in its registry")
    .description(
      "Set a task's status (open, in_progress, done, dropped) and add a dated progress note.\n" +
        'Only those lines of the registry change: comments, key order, quoting and your x- fields stay as they are.',
    )
    .argument('<registry>', 'the registry file')
    .argument('<task-id>', 'the task, by its id (3.11)')
    .addArgument(new Argument('<status>', 'the new status').choices(['open', 'in_progress', 'done', 'dropped']))
    .option('--on <date>', 'the day it happened, YYYY-MM-DD (default: today): done_on for done, and the date of the note')
    .option('--note <text>', 'add a progress entry with this note')
    .option('--by <unit>', 'the unit reporting the progress (must be named in the registry or its units directory)')
    .option('-u, --units <file|dir>', UNITS_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ safety-tasks status registries/001.yaml 3.11 done --on 2024-12-20
  $ safety-tasks status registries/001.yaml 4.12 in_progress --note 完成矿山隐患排查 --by 市应急局`,
    )
    .action(async (registry: string, taskId: string, status: 'open' | 'in_progress' | 'done' | 'dropped', options: { on?: string; note?: string; by?: string; units?: string }) => {
      const { statusCommand } = await import('./status.js');
      process.exitCode = await statusCommand(registry, taskId, status, options);
    });

  program
    .command('overdue')
    .summary('report what is late as of a date, by unit')
    .description(
      'List tasks whose deadline has passed and that are neither done nor dropped, with the days overdue,\n' +
        'the lead units, the deadline as printed and the last progress note; then a summary per unit.\n' +
        "A task without a deadline of its own falls back on its notice's period end (shown as 期末), and a\n" +
        'recurring duty (每季度…) is overdue for each whole period that ended with no progress dated inside it.',
    )
    .argument('<paths...>', 'registry files, or directories of them')
    .option('--as-of <date>', 'the day to judge by, YYYY-MM-DD (default: today); a task due that day is not yet late')
    .option('--unit <name>', 'only tasks this unit leads or supports (an alias works; groups count)')
    .addOption(new Option('--within <days>', 'also list tasks due in the next N days').argParser(wholeNumber))
    .addOption(new Option('--role <role>', 'with --unit: only tasks it leads, or only those it supports').choices(['lead', 'support']))
    .option('--explicit-only', 'only deadlines the tasks state: no period ends, no recurring duties')
    .option('--fail-on-overdue', 'exit 1 when anything is overdue (for a scheduled CI job)')
    .option('-u, --units <file|dir>', UNITS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json', 'markdown']).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  $ safety-tasks overdue registries
  $ safety-tasks overdue registries --as-of 2025-01-15 --explicit-only
  $ safety-tasks overdue registries --unit 市应急局 --within 30 --format csv > 市应急局.csv`,
    )
    .action(
      async (
        paths: string[],
        options: { asOf?: string; unit?: string; within?: number; role?: 'lead' | 'support'; explicitOnly?: boolean; failOnOverdue?: boolean; units?: string; format: 'table' | 'csv' | 'json' | 'markdown' },
      ) => {
        const { overdueCommand } = await import('./overdue.js');
        process.exitCode = await overdueCommand(paths, options);
      },
    );

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = (error as CommanderErrorType).exitCode === 0 ? 0 : 2;
      return;
    }
    // a failure of the tool itself: one line, the stack only when asked for
    const { forTerminal, forTerminalLine } = await import('../format/escape.js');
    process.stderr.write(argv.includes('--debug') ? `${forTerminal(String((error as Error).stack))}\n` : `safety-tasks: ${forTerminalLine((error as Error).message)} (run again with --debug to see where)\n`);
    process.exitCode = 2;
  }
}
