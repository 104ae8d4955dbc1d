/**
 * Commander in the user's language: its titles (Usage: → 用法：), the choices
 * and defaults it lists, and its error messages, which it only has in English
 * and which are matched here by their fixed wording. Help is wrapped by
 * display width, a Chinese character counting two columns.
 */
import type { Command, Help, Option, Argument } from 'commander';
import { stringWidth } from '../format/width.js';
import { hasMessage, t } from '../i18n/index.js';
import { columns, wrapText } from './terminal.js';

export function localize(program: Command): Command {
  const extras = (choices: readonly string[] | undefined, defaultValue: unknown, defaultDescription: string | undefined) => {
    const extra: string[] = [];
    if (choices) extra.push(t('cli.help.choices', { choices: choices.join(', ') }));
    if (defaultValue !== undefined && typeof defaultValue !== 'boolean') extra.push(t('cli.help.default', { value: defaultDescription ?? String(defaultValue) }));
    return extra.length > 0 ? t('cli.help.extras', { extras: extra.join(t('cli.help.separator')) }) : '';
  };
  return program
    .configureOutput({
      outputError: (text, write) => write(translateCommanderError(text)),
      getOutHelpWidth: () => columns(process.stdout, 80),
      getErrHelpWidth: () => columns(process.stderr, 80),
    })
    .configureHelp({
      styleTitle: (title: string) => {
        const id = `cli.title.${title}`;
        return hasMessage(id) ? t(id) : title;
      },
      displayWidth: (text: string) => stringWidth(text),
      // Chinese has no spaces to break at: wrap however narrow the column
      minWidthToWrap: 12,
      boxWrap: (text: string, width: number) => (width < 12 ? text : wrapText(text, width)),
      optionDescription: (option: Option) => `${option.description}${extras(option.argChoices, option.defaultValue, option.defaultValueDescription)}`,
      argumentDescription: (argument: Argument) => `${argument.description}${extras(argument.argChoices, argument.defaultValue, argument.defaultValueDescription)}`,
      commandUsage(this: Help, command: Command) {
        // the words of the usage line: [options] → [选项]
        return Object.getPrototypeOf(this)
          .commandUsage.call(this, command)
          .replace('[options]', t('cli.usage.options'))
          .replace('[command]', t('cli.usage.command'));
      },
      // the usage line wraps too, its continuation under its start
      styleUsage(this: Help, usage: string) {
        const indent = stringWidth(t('cli.title.Usage:')) + 1;
        return wrapText(usage, Math.max((this.helpWidth ?? 80) - indent, 12)).split('\n').join(`\n${' '.repeat(indent)}`);
      },
      subcommandTerm(this: Help, command: Command) {
        return Object.getPrototypeOf(this).subcommandTerm.call(this, command).replace('[options]', t('cli.usage.options'));
      },
    } as Partial<Help>);
}

/** Commander's English error, in the words of the catalogue. */
export function translateCommanderError(text: string): string {
  const body = text.replace(/^error: /, '').trimEnd();
  const suggestion = (names: string | undefined) => (names ? t('cli.commander.suggestion', { names }) : '');
  const reason = (r: string) => r.replace(/^Allowed choices are (.*)\.$/, (_, choices: string) => t('cli.commander.allowed-choices', { choices }));
  let m: RegExpMatchArray | null;
  let said: string;
  if ((m = body.match(/^unknown option '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/s))) said = t('cli.commander.unknown-option', { option: m[1]!, suggestion: suggestion(m[2]) });
  else if ((m = body.match(/^unknown command '(.+?)'(?:\n\(Did you mean (?:one of )?(.+)\?\))?$/s))) said = t('cli.commander.unknown-command', { command: m[1]!, suggestion: suggestion(m[2]) });
  else if ((m = body.match(/^missing required argument '(.+)'$/))) said = t('cli.commander.missing-argument', { argument: m[1]! });
  else if ((m = body.match(/^option '(.+)' argument missing$/))) said = t('cli.commander.option-missing-argument', { option: m[1]! });
  else if ((m = body.match(/^required option '(.+)' not specified$/))) said = t('cli.commander.missing-mandatory-option', { option: m[1]! });
  else if ((m = body.match(/^option '(.+?)' argument '(.*)' is invalid\. (.*)$/s))) said = t('cli.commander.invalid-option-value', { option: m[1]!, value: m[2]!, reason: reason(m[3]!) });
  else if ((m = body.match(/^command-argument value '(.*)' is invalid for argument '(.+?)'\. (.*)$/s)))
    said = t('cli.commander.invalid-argument-value', { value: m[1]!, argument: m[2]!, reason: reason(m[3]!) });
  else if ((m = body.match(/^too many arguments(?: for '.+?')?\. Expected (\d+) arguments? but got (\d+)\.$/))) said = t('cli.commander.excess-arguments', { expected: m[1]!, received: m[2]! });
  else said = body;
  return `${t('cli.commander.error', { message: said })}\n`;
}
