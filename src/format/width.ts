/**
 * Display width: the columns a terminal gives text, a Chinese character two
 * (string-width). Loaded on the first measure it is needed for, so a command
 * that never lays text out never loads it; and as CommonJS, since an ES import
 * of it costs start-up time in export detection.
 */
import { createRequire } from 'node:module';

let measure: ((text: string) => number) | undefined;

/**
 * Printable ASCII (one column) and the CJK blocks a notice and its help are written in — CJK punctuation, kana,
 * ideographs, full-width forms (two) — measured without string-width, which is slow per call: help lays out every
 * line through it. The blocks are those string-width itself gives these widths (test/narrow.test.ts checks each).
 */
export const FIXED_WIDTH = /^[\x20-\x7e\u3000-\u303e\u3040-\u30ff\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*$/;

/** The display width of a text. */
export function stringWidth(text: string): number {
  if (FIXED_WIDTH.test(text)) {
    let width = text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) width++;
    return width;
  }
  measure ??= createRequire(import.meta.url)('string-width') as (text: string) => number;
  return measure(text);
}

const charWidths = new Map<string, number>();

/** The display width of one character, measured once per character. */
export function charWidth(char: string): number {
  let width = charWidths.get(char);
  if (width === undefined) {
    width = stringWidth(char);
    charWidths.set(char, width);
  }
  return width;
}

/** The UTF-16 units of the character at `i`: a pair of surrogates is one character. */
export function charSizeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** The display width of the character at `i`, of `size` units: a table measures every character of its cells so. */
export function widthAt(text: string, i: number, size: number): number {
  const code = text.charCodeAt(i);
  // the two ranges most cells are made of, without a lookup: printable ASCII (one column), CJK ideographs (two)
  return code >= 0x20 && code <= 0x7e ? 1 : code >= 0x4e00 && code <= 0x9fff ? 2 : charWidth(text.slice(i, i + size));
}
