// Writes each command's help, in each language, to dist/cli/help/<language>.json at
// build time: its model, and its text at the width piped output gets, so
// `safety-tasks <command> --help` prints it without loading commander or the
// message catalogue (src/cli/built-help.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtHelpFile } from '../dist/cli/built-help.js';
import { builtHelp } from '../dist/cli/help.js';
import { buildProgram } from '../dist/cli/program.js';
import { LANGUAGES, setLanguage } from '../dist/i18n/index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
mkdirSync(new URL('.', builtHelpFile('zh')), { recursive: true });
for (const language of LANGUAGES) {
  setLanguage(language);
  writeFileSync(builtHelpFile(language), `${JSON.stringify(builtHelp(buildProgram(version)))}\n`);
}
