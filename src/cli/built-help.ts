/**
 * `<command> --help` answered from the help `npm run build` writes
 * (scripts/build-help.js: each command's model, and its text at the width
 * piped output gets), without loading commander or the message catalogue.
 */
import { readFileSync } from 'node:fs';
import { chooseLanguage, isLanguage, languageArguments } from '../i18n/language.js';
import type { HelpModel } from './help-layout.js';
import { columns, HELP_WIDTH } from './terminal.js';

/** one language's help, by command path ('' for the tool itself, 'ledger import'): each command's model and its text at HELP_WIDTH */
export type BuiltHelp = Record<string, { model: HelpModel; text: string }>;

/** The file of a language's built help. */
export const builtHelpFile = (language: string) => new URL(`./help/${language}.json`, import.meta.url);

/**
 * Help asked for as `[--lang L] <command>… --help` (or `-h`, or `help <command>…`),
 * printed from the built help; false for any other arguments, or where it was
 * not built, for commander to answer.
 */
export async function printBuiltHelp(args: string[], env: Record<string, string | undefined>, stdout: NodeJS.WriteStream): Promise<boolean> {
  const { asked, rest: words } = languageArguments(args);
  // a language commander would refuse is commander's to say
  if (!asked.every(isLanguage)) return false;
  let path: string[];
  if (words[0] === 'help') path = words.slice(1);
  else if (words.at(-1) === '--help' || words.at(-1) === '-h') path = words.slice(0, -1);
  else return false;
  if (path.some((word) => word.startsWith('-'))) return false;
  let help: BuiltHelp;
  try {
    help = JSON.parse(readFileSync(builtHelpFile(chooseLanguage(args, env)), 'utf8')) as BuiltHelp;
  } catch {
    return false;
  }
  const key = path.join(' ');
  if (!Object.hasOwn(help, key)) return false;
  const width = columns(stdout, HELP_WIDTH);
  // laid out again only at another width
  stdout.write(width === HELP_WIDTH ? help[key]!.text : (await import('./help-layout.js')).layoutHelp(help[key]!.model, width));
  return true;
}
