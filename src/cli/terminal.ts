/** What the commands share about the terminal: colour, width, and how bad usage is said. */
import { forTerminalLine } from '../format/escape.js';
import { charWidth, stringWidth } from '../format/width.js';
import { t, type MessageId, type Params } from '../i18n/index.js';

/** Colour only on a terminal, and never where NO_COLOR, FORCE_COLOR=0 or TERM=dumb says no. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** The width to fit: COLUMNS where set (piped output too), else the terminal's, else `fallback`. */
export function columns(stream: NodeJS.WriteStream, fallback: number): number {
  const given = Number(process.env.COLUMNS);
  if (Number.isInteger(given) && given > 0) return given;
  return stream.isTTY && stream.columns ? stream.columns : fallback;
}

/** Bad usage: one line on stderr naming the command, exit status 2. */
export function usageError(command: string, id: MessageId, params: Params = {}): number {
  // what the user typed, or what a notice says, may hold control characters: escaped before it reaches the terminal
  const escaped = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? forTerminalLine(v) : v]));
  process.stderr.write(`${t('cli.error-prefix', { command: `safety-tasks ${command}` })}${t(id, escaped)}\n`);
  return 2;
}

const CLOSING = new Set('，。、；：！？）》」』】”’,.;:!?)]');
const OPENING = new Set('（《「『【“‘([');

/**
 * Text wrapped to `width` display columns: between words, and between any two
 * Chinese characters (a closing mark stays with what it closes), never inside
 * a word of Latin letters.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const tokens: string[] = [];
      let kind: 'space' | 'word' | 'wide' | 'open' | 'close' | null = null;
      for (const char of line) {
        const next = /\s/.test(char) ? 'space' : CLOSING.has(char) ? 'close' : OPENING.has(char) ? 'open' : charWidth(char) > 1 ? 'wide' : 'word';
        // a closing mark stays with what it closes, an opening one with what it opens; a line may break after a closing one
        const joins = (next === 'close' && kind !== 'space') || (kind === 'open' && next !== 'space') || (next === kind && (next === 'word' || next === 'space'));
        if (joins && kind !== null) tokens[tokens.length - 1] += char;
        else tokens.push(char);
        kind = next;
      }
      const lines: string[] = [];
      // indentation at the start of a line stays
      let current = tokens[0] !== undefined && /^\s+$/.test(tokens[0]) ? tokens.shift()! : '';
      let used = stringWidth(current);
      let space = '';
      // the line's width kept as it grows: measuring the whole line again for each token made a long paragraph quadratic
      for (const token of tokens) {
        if (/^\s+$/.test(token)) {
          space = current ? token : '';
          continue;
        }
        const added = stringWidth(space + token);
        if (current && used + added > width) {
          lines.push(current);
          current = token;
          used = stringWidth(token);
        } else {
          current += space + token;
          used += added;
        }
        space = '';
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
