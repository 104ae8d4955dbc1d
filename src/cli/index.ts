/**
 * The command line: the language chosen once, then the commands (program.ts)
 * parse the arguments. `--version`, and help from its built models
 * (built-help.ts), are answered before commander or the catalogue is loaded.
 */
import { readFileSync } from 'node:fs';
import type { CommanderError as CommanderErrorType } from 'commander';

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
  // and help, from the models built with the tool, without commander or the catalogue
  if (argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help')) {
    const { printBuiltHelp } = await import('./built-help.js');
    if (await printBuiltHelp(argv.slice(2), process.env, process.stdout)) return;
  }
  const [{ chooseLanguage, setLanguage, t }, { ioErrorMessage, isIoError }, { buildProgram, CommanderError }] = await Promise.all([
    import('../i18n/index.js'),
    import('../io-error.js'),
    import('./program.js'),
  ]);
  setLanguage(chooseLanguage(argv.slice(2), process.env));
  const program = buildProgram(version);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = (error as CommanderErrorType).exitCode === 0 ? 0 : 2;
      return;
    }
    // a failure of the tool itself: one line, the stack only when asked for
    const said = isIoError(error) ? `${t('cli.error-prefix', { command: error.path ?? '' })}${ioErrorMessage(error)}` : (error as Error).message;
    const { forTerminal, forTerminalLine } = await import('../format/escape.js');
    process.stderr.write(argv.includes('--debug') ? `${forTerminal(String((error as Error).stack))}\n` : `${t('cli.internal-error', { message: forTerminalLine(said) })}\n`);
    process.exitCode = 2;
  }
}
