/**
 * Display width: the columns a terminal gives text, a Chinese character two
 * (string-width). Loaded on the first measure, so a command that never lays
 * text out never loads it; and as CommonJS, since an ES import of it costs
 * start-up time in export detection.
 */
import { createRequire } from 'node:module';

let measure: ((text: string) => number) | undefined;

/** The display width of a text. */
export function stringWidth(text: string): number {
  measure ??= createRequire(import.meta.url)('string-width') as (text: string) => number;
  return measure(text);
}

const charWidths = new Map<string, number>();

/** The display width of one character, measured once per character: string-width is slow per call. */
export function charWidth(char: string): number {
  let width = charWidths.get(char);
  if (width === undefined) {
    width = stringWidth(char);
    charWidths.set(char, width);
  }
  return width;
}
