/**
 * Every command, its arguments and options, in the language chosen for the run:
 * built for a run that parses them, and by `npm run build` for the help it
 * writes (scripts/build-help.js, src/cli/built-help.ts). Each command's modules are imported inside its action.
 */
import { createRequire } from 'node:module';
import { LANGUAGES, t } from '../i18n/index.js';
import { statusChoices } from '../registry/status.js';
import { localize, type WithTextAfter } from './help.js';

// as CommonJS: an ES import of commander costs start-up time in export detection
const commander = createRequire(import.meta.url)('commander') as typeof import('commander');
const { Command, InvalidArgumentError, Option } = commander;
export const { CommanderError } = commander;

/** A command that keeps the text after its help (examples, exit codes) for its help model. */
class HelpedCommand extends Command implements WithTextAfter {
  textAfter?: string;

  helpAfter(text: string): this {
    this.textAfter = text;
    return this;
  }

  override createCommand(name?: string): HelpedCommand {
    return new HelpedCommand(name);
  }
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t('cli.whole-number'));
  return Number(value);
}

function positiveSeconds(value: string): number {
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError(t('cli.positive-seconds'));
  return Number(value);
}

function positiveNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(t('cli.positive-number'));
  return Number(value);
}

type ReportFormat = 'table' | 'csv' | 'json' | 'markdown';

export function buildProgram(version: string): HelpedCommand {
  const formatOption = (choices: string[], fallback: string) => new Option('-f, --format <format>', t('cli.format')).choices(choices).default(fallback);
  const unitsOption = () => new Option('-u, --units <file|dir>', t('cli.units-help'));
  // the time budget of one file (src/cli/budget.ts)
  const timeoutOption = () => new Option('--timeout-per-file <seconds>', t('cli.timeout-per-file')).argParser(positiveSeconds);
  const program = localize(new HelpedCommand('safety-tasks'))
    .version(version, '-V, --version', t('cli.option.version'))
    .helpOption('-h, --help', t('cli.option.help'))
    .helpCommand('help [command]', t('cli.command.help'))
    .description(t('cli.description'))
    .addOption(new Option('--lang <lang>', t('cli.option.lang')).choices(LANGUAGES))
    .showHelpAfterError(t('cli.help-after-error'))
    // bad usage exits 2, as the rest of the toolkit does; help and version exit 0
    .exitOverride();

  program
    .command('init')
    .summary(t('cli.init.summary'))
    .description(t('cli.init.description'))
    .argument('[dir]', t('cli.init.dir'))
    .option('--jurisdiction <name>', t('cli.init.jurisdiction'))
    .helpAfter(t('cli.init.after'))
    .action(async (dir: string | undefined, options: { jurisdiction?: string }) => {
      const { initCommand } = await import('./init.js');
      process.exitCode = await initCommand(dir ?? '.', options);
    });

  program
    .command('extract')
    .summary(t('cli.extract.summary'))
    .description(t('cli.extract.description'))
    .argument('<paths...>', t('cli.extract.paths'))
    .option('-o, --out <dir>', t('cli.extract.out'))
    .option('--update', t('cli.extract.update'))
    .option('--dry-run', t('cli.extract.dry-run'))
    .option('--force', t('cli.extract.force'), (_: string | undefined, count: number) => count + 1, 0)
    .option('--discard-progress', t('cli.extract.discard-progress'))
    .addOption(unitsOption())
    .addOption(formatOption(['yaml', 'json'], 'yaml'))
    .addOption(new Option('-j, --jobs <n>', t('cli.extract.jobs')).argParser(positiveNumber))
    .option('--debug', t('cli.extract.debug'))
    .addOption(timeoutOption())
    .helpAfter(`${t('cli.examples')}\n${t('cli.extract.after')}`)
    .action(
      async (
        paths: string[],
        options: { out?: string; update?: boolean; force: number; discardProgress?: boolean; dryRun?: boolean; units?: string; jobs?: number; format: 'yaml' | 'json'; debug?: boolean; timeoutPerFile?: number },
      ) => {
        const { extractCommand } = await import('./extract.js');
        const { force, ...rest } = options;
        process.exitCode = await extractCommand(paths, { ...rest, ...(force > 0 ? { force } : {}) });
      },
    );

  program
    .command('validate')
    .summary(t('cli.validate.summary'))
    .description(t('cli.validate.description'))
    .argument('<paths...>', t('cli.validate.paths'))
    .addOption(unitsOption())
    .addOption(formatOption(['text', 'json', 'github'], 'text'))
    .addOption(new Option('--max-warnings <n>', t('cli.validate.max-warnings')).argParser(wholeNumber))
    .option('--today <date>', t('cli.validate.today'))
    .addOption(timeoutOption())
    .helpAfter(t('cli.validate.after'))
    .action(async (paths: string[], options: { units?: string; format: 'text' | 'json' | 'github'; maxWarnings?: number; today?: string; timeoutPerFile?: number }) => {
      const { validateCommand } = await import('./validate.js');
      process.exitCode = await validateCommand(paths, options);
    });

  program
    .command('units')
    .summary(t('cli.units.summary'))
    .argument('<paths...>', t('cli.units.paths'))
    .addOption(unitsOption())
    .option('--unknown', t('cli.units.unknown'))
    .option('--suggest', t('cli.units.suggest'))
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .helpAfter(t('cli.units.after'))
    .action(async (paths: string[], options: { units?: string; unknown?: boolean; suggest?: boolean; format: ReportFormat }, command: InstanceType<typeof Command>) => {
      const { unitsCommand } = await import('./units.js');
      process.exitCode = await unitsCommand(paths, { ...options, formatGiven: command.getOptionValueSource('format') === 'cli' });
    });

  program
    .command('matrix')
    .summary(t('cli.matrix.summary'))
    .argument('<paths...>', t('cli.matrix.paths'))
    .option('--unit <name>', t('cli.matrix.unit'))
    .option('--doc <id>', t('cli.matrix.doc'))
    .option('--jurisdiction <name>', t('cli.matrix.jurisdiction'))
    .addOption(new Option('--role <role>', t('cli.matrix.role')).choices(['lead', 'support']))
    .addOption(unitsOption())
    .addOption(formatOption(['table', 'csv', 'json', 'markdown'], 'table'))
    .helpAfter(t('cli.matrix.after'))
    .action(async (paths: string[], options: { unit?: string; doc?: string; jurisdiction?: string; role?: 'lead' | 'support'; units?: string; format: ReportFormat }) => {
      const { matrixCommand } = await import('./matrix.js');
      process.exitCode = await matrixCommand(paths, options);
    });

  program
    .command('status')
    .summary(t('cli.status.summary'))
    .description(t('cli.status.description'))
    .argument('<registry>', t('cli.status.registry'))
    .argument('<task-id>', t('cli.status.task-id'))
    .argument('<status>', t('cli.status.status', { choices: statusChoices() }))
    .option('--on <date>', t('cli.status.on'))
    .option('--note <text>', t('cli.status.note'))
    .option('--by <unit>', t('cli.status.by'))
    .option('--today <date>', t('cli.status.today'))
    .addOption(unitsOption())
    .helpAfter(t('cli.status.after'))
    .action(async (registry: string, taskId: string, status: string, options: { on?: string; note?: string; by?: string; units?: string; today?: string }) => {
      const { statusCommand } = await import('./status.js');
      process.exitCode = await statusCommand(registry, taskId, status, options);
    });

  program
    .command('overdue')
    .summary(t('cli.overdue.summary'))
    .description(t('cli.overdue.description'))
    .argument('<paths...>', t('cli.overdue.paths'))
    .option('--as-of <date>', t('cli.overdue.as-of'))
    .option('--jurisdiction <name>', t('cli.overdue.jurisdiction'))
    .option('--unit <name>', t('cli.overdue.unit'))
    .addOption(new Option('--within <days>', t('cli.overdue.within')).argParser(wholeNumber))
    .addOption(new Option('--role <role>', t('cli.overdue.role')).choices(['lead', 'support']))
    .option('--explicit-only', t('cli.overdue.explicit-only'))
    .option('--fail-on-overdue', t('cli.overdue.fail-on-overdue'))
    .addOption(unitsOption())
    .addOption(formatOption(['table', 'csv', 'json', 'markdown'], 'table'))
    .helpAfter(t('cli.overdue.after'))
    .action(
      async (
        paths: string[],
        options: { asOf?: string; jurisdiction?: string; unit?: string; within?: number; role?: 'lead' | 'support'; explicitOnly?: boolean; failOnOverdue?: boolean; units?: string; format: ReportFormat },
      ) => {
        const { overdueCommand } = await import('./overdue.js');
        process.exitCode = await overdueCommand(paths, options);
      },
    );

  const ledger = program
    .command('ledger')
    .summary(t('cli.ledger.summary'))
    .description(t('cli.ledger.description'))
    .argument('<registries...>', t('cli.ledger.registries'))
    .option('--unit <name>', t('cli.ledger.unit'))
    .option('--by-unit', t('cli.ledger.by-unit'))
    .option('--as-of <date>', t('cli.ledger.as-of'))
    .option('-o, --out <file>', t('cli.ledger.out'))
    .addOption(new Option('-f, --format <format>', t('cli.ledger.format')).choices(['xlsx', 'csv', 'json', 'markdown']))
    .addOption(unitsOption())
    .helpAfter(t('cli.ledger.after'))
    .action(async (paths: string[], options: { unit?: string; byUnit?: boolean; asOf?: string; out?: string; format?: 'xlsx' | 'csv' | 'json' | 'markdown'; units?: string }) => {
      const { ledgerCommand } = await import('./ledger.js');
      process.exitCode = await ledgerCommand(paths, options);
    });

  ledger
    .command('import')
    .summary(t('cli.ledger.import.summary'))
    .description(t('cli.ledger.import.description'))
    .argument('<files...>', t('cli.ledger.import.files'))
    .requiredOption('--into <dir>', t('cli.ledger.import.into'))
    .option('--dry-run', t('cli.ledger.import.dry-run'))
    .helpAfter(t('cli.ledger.import.after'))
    .action(async (files: string[], options: { into: string; dryRun?: boolean }) => {
      const { ledgerImportCommand } = await import('./ledger.js');
      process.exitCode = await ledgerImportCommand(files, options);
    });

  program
    .command('review')
    .summary(t('cli.review.summary'))
    .description(t('cli.review.description'))
    .argument('<paths...>', t('cli.review.paths'))
    .option('-o, --out <dir>', t('cli.review.out'), 'review')
    .option('--open', t('cli.review.open'))
    .addOption(unitsOption())
    .option('--debug', t('cli.review.debug'))
    .helpAfter(t('cli.review.after'))
    .action(async (paths: string[], options: { out: string; open?: boolean; units?: string; debug?: boolean }) => {
      const { reviewCommand } = await import('./review.js');
      process.exitCode = await reviewCommand(paths, options);
    });

  return program;
}
