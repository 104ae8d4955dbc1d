/**
 * Commander in the user's language: its titles (Usage: → 用法：), the choices
 * and defaults it lists, and its error messages, which it only has in English
 * and which are matched here by their fixed wording. Help is laid out by
 * help-layout.ts, the same for commander and for the help built with the tool.
 */
import type { Command, Help, Option, Argument } from 'commander';
import { hasMessage, t } from '../i18n/index.js';
import type { BuiltHelp } from './built-help.js';
import { layoutHelp, type HelpModel } from './help-layout.js';
import { columns, HELP_WIDTH } from './terminal.js';

/** a command with the text printed after its help (examples, exit codes), wrapped to the width it is printed at */
export type WithTextAfter = Command & { textAfter?: string };

export function localize<C extends Command>(program: C): C {
  const extras = (choices: readonly string[] | undefined, defaultValue: unknown, defaultDescription: string | undefined) => {
    const extra: string[] = [];
    if (choices) extra.push(t('cli.help.choices', { choices: choices.join(', ') }));
    if (defaultValue !== undefined && typeof defaultValue !== 'boolean') extra.push(t('cli.help.default', { value: defaultDescription ?? String(defaultValue) }));
    return extra.length > 0 ? t('cli.help.extras', { extras: extra.join(t('cli.help.separator')) }) : '';
  };
  return program
    .configureOutput({
      outputError: (text, write) => write(translateCommanderError(text)),
      getOutHelpWidth: () => columns(process.stdout, HELP_WIDTH),
      getErrHelpWidth: () => columns(process.stderr, HELP_WIDTH),
    })
    .configureHelp({
      styleTitle: (title: string) => {
        const id = `cli.title.${title}`;
        return hasMessage(id) ? t(id) : title;
      },
      // one layout for the help commander prints and the help printed from the built models
      formatHelp: (command: Command, helper: Help) => layoutHelp(helpModel(command, helper), helper.helpWidth ?? HELP_WIDTH),
      optionDescription: (option: Option) => `${option.description}${extras(option.argChoices, option.defaultValue, option.defaultValueDescription)}`,
      argumentDescription: (argument: Argument) => `${argument.description}${extras(argument.argChoices, argument.defaultValue, argument.defaultValueDescription)}`,
      commandUsage(this: Help, command: Command) {
        // the words of the usage line: [options] → [选项]
        return Object.getPrototypeOf(this)
          .commandUsage.call(this, command)
          .replace('[options]', t('cli.usage.options'))
          .replace('[command]', t('cli.usage.command'));
      },
      subcommandTerm(this: Help, command: Command) {
        return Object.getPrototypeOf(this).subcommandTerm.call(this, command).replace('[options]', t('cli.usage.options'));
      },
    } as Partial<Help>);
}

/** What a command's help says, in commander's words and order, before it is laid out to a width. */
export function helpModel(command: WithTextAfter, helper: Help): HelpModel {
  const sections: HelpModel['sections'] = [];
  const section = <T extends Command | Option | Argument>(groups: Map<string, T[]>, item: (x: T) => [string, string]) => {
    for (const [heading, items] of groups) if (items.length > 0) sections.push({ heading: helper.styleTitle(heading), items: items.map(item) });
  };
  section(new Map([['Arguments:', helper.visibleArguments(command)]]), (a) => [helper.argumentTerm(a), helper.argumentDescription(a)]);
  section(helper.groupItems(command.options as Option[], helper.visibleOptions(command), (o) => o.helpGroupHeading ?? 'Options:'), (o) => [helper.optionTerm(o), helper.optionDescription(o)]);
  section(helper.groupItems(command.commands as Command[], helper.visibleCommands(command), (c) => c.helpGroup() || 'Commands:'), (c) => [helper.subcommandTerm(c), helper.subcommandDescription(c)]);
  const after = command.textAfter;
  return { usageTitle: helper.styleTitle('Usage:'), usage: helper.commandUsage(command), description: helper.commandDescription(command), sections, ...(after === undefined ? {} : { after }) };
}

/** Every command's help, by command path ('' for the tool itself, 'ledger import'): what `npm run build` writes. */
export function builtHelp(program: WithTextAfter): BuiltHelp {
  const help: BuiltHelp = {};
  const visit = (command: WithTextAfter, path: string[]) => {
    const model = helpModel(command, command.createHelp());
    help[path.join(' ')] = { model, text: layoutHelp(model, HELP_WIDTH) };
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return help;
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
