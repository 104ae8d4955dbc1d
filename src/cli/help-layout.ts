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
  const after = model.after === undefined ? '' : `\n${wrapText(model.after, width)}\n`;
  return `${lines.join('\n')}${after}`;
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
