import { forTerminalLine } from '../format/escape.js';
import { t, type MessageId, type Params } from '../i18n/index.js';

/** Bad usage: one line on stderr naming the command, exit status 2. */
export function usageError(command: string, id: MessageId, params: Params = {}): number {
  // what the user typed, or what a notice says, may hold control characters: escaped before it reaches the terminal
  const escaped = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? forTerminalLine(v) : v]));
  process.stderr.write(`${t('cli.error-prefix', { command: `safety-tasks ${command}` })}${t(id, escaped)}\n`);
  return 2;
}
