// Writes each command's help, in each language, to dist/cli/help/<language>.json at
// build time: its model, and its text at the width piped output gets, so
// `safety-tasks <command> --help` prints it without loading commander or the
// message catalogue (src/cli/built-help.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtHelpFile } from '../dist/cli/built-help.js';
import { helpModel } from '../dist/cli/help.js';
import { layoutHelp } from '../dist/cli/help-layout.js';
import { buildProgram } from '../dist/cli/program.js';
import { HELP_WIDTH } from '../dist/cli/terminal.js';
import { LANGUAGES, setLanguage } from '../dist/i18n/index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
mkdirSync(new URL('.', builtHelpFile('zh')), { recursive: true });
for (const language of LANGUAGES) {
  setLanguage(language);
  const help = {};
  const visit = (command, path) => {
    const model = helpModel(command, command.createHelp());
    help[path.join(' ')] = { model, text: layoutHelp(model, HELP_WIDTH) };
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(buildProgram(version), []);
  writeFileSync(builtHelpFile(language), `${JSON.stringify(help)}\n`);
}
