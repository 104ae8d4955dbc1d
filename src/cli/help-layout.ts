/**
 * Help as data and its layout. A command's help is a model (its usage, what it
 * does, its sections of terms and descriptions, the text after them) laid out
 * to a width by one pure function: for the help commander prints
 * (src/cli/help.ts), and for the help printed from the models `npm run build`
 * writes (src/cli/built-help.ts).
 */
import { charWidth, stringWidth } from '../format/width.js';

export interface HelpModel {
  usageTitle: string;
  usage: string;
  description: string;
  sections: { heading: string; items: [term: string, description: string][] }[];
  after?: string;
}

// Chinese has no spaces to break at: wrap however narrow the column, down to this
const MIN_WIDTH_TO_WRAP = 12;

/** A command's help at `width` columns, in commander's arrangement: usage, description, sections, then the text after. */
export function layoutHelp(model: HelpModel, width: number): string {
  const termWidth = model.sections.reduce((widest, s) => s.items.reduce((w, [term]) => Math.max(w, stringWidth(term)), widest), 0);
  const item = ([term, description]: [string, string]) => {
    if (!description) return `  ${term}`;
    const remaining = width - termWidth - 4;
    // a description with its own indented lines is kept as written
    const body = remaining < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description) ? description : wrapText(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + 2)}`);
    return `  ${term}${' '.repeat(termWidth - stringWidth(term) + 2)}${body.replace(/\n/g, '\n  ')}`;
  };
  // the usage line wraps too, its continuation under its start
  const indent = stringWidth(model.usageTitle) + 1;
  const usage = wrapText(model.usage, Math.max(width - indent, MIN_WIDTH_TO_WRAP)).split('\n').join(`\n${' '.repeat(indent)}`);
  const lines = [`${model.usageTitle} ${usage}`, ''];
  if (model.description) lines.push(width < MIN_WIDTH_TO_WRAP ? model.description : wrapText(model.description, width), '');
  for (const section of model.sections) lines.push(section.heading, ...section.items.map(item), '');
  const after = model.after === undefined ? '' : `\n${model.after.split('\n').map((line) => (EXAMPLE.test(line) ? wrapExample(line, width) : wrapText(line, width))).join('\n')}\n`;
  return `${lines.join('\n')}${after}`;
}

// an example of the text after the options: `  $ <command>`, and what it does after a gap of two spaces or more
const EXAMPLE = /^ {2}\$ (\S+(?: \S+)*)(?: {2,}(\S.*))?$/;
const CONTINUED = ' '.repeat(6);

/**
 * An example that does not fit, never broken inside a word of its command: the
 * command goes on over lines ending in ` \` (a shell's continuation, so it can
 * still be copied), broken before an option or an operator where one is on the
 * line, so an option keeps its value; what it does goes under it.
 */
function wrapExample(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const [, command, said] = EXAMPLE.exec(line)!;
  const lines: string[] = [];
  const shown = (words: string[]) => `${lines.length === 0 ? '  $' : CONTINUED.slice(1)} ${words.join(' ')}`;
  let words: string[] = [];
  for (const word of command!.split(' ')) {
    // room kept for the ` \` that continues the line
    if (words.length > 0 && stringWidth(`${shown([...words, word])} \\`) > width) {
      let at = words.length - 1;
      while (at > 0 && !/^(?:-|>|\||&&)/.test(words[at]!)) at--;
      // words carried to the next line only where they fit on it with the one that did not
      const carried = at > 0 && stringWidth(`${CONTINUED}${[...words.slice(at), word].join(' ')} \\`) <= width ? words.splice(at) : [];
      lines.push(`${shown(words)} \\`);
      words = carried;
    }
    words.push(word);
  }
  lines.push(shown(words));
  if (said) lines.push(wrapText(`${CONTINUED}${said}`, width));
  return lines.join('\n');
}

const CLOSING = new Set('，。、；：！？）》」』】”’,.;:!?)]');
const OPENING = new Set('（《「『【“‘([');

/**
 * Text wrapped to `width` display columns: between words, and between any two
 * Chinese characters (a closing mark stays with what it closes), never inside
 * a word of Latin letters.
 */
function wrapText(text: string, width: number): string {
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
      // indentation at the start of a line stays, on each line it is wrapped to
      const indent = tokens[0] !== undefined && /^\s+$/.test(tokens[0]) ? tokens.shift()! : '';
      let current = indent;
      let used = stringWidth(current);
      let space = '';
      // the line's width kept as it grows: measuring the whole line again for each token made a long paragraph quadratic
      for (const token of tokens) {
        if (/^\s+$/.test(token)) {
          space = current !== indent ? token : '';
          continue;
        }
        const added = stringWidth(space + token);
        if (current !== indent && used + added > width) {
          lines.push(current);
          current = indent + token;
          used = stringWidth(current);
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
