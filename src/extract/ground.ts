/**
 * Grounding: where a phrase the stages read (in folded form, breaks joined)
 * stands in the notice, and how it is printed there. Every unit name and
 * deadline phrase of a registry is found this way, so it is quoted as printed
 * (traditional characters, full-width brackets) and carries its span.
 */
import type { Span } from '../registry/types.js';
import type { NoticeText } from './source.js';

export interface Grounded {
  /** the phrase as printed, breaks joined */
  printed: string;
  /** [start, end) in `notice.text` */
  at: [number, number];
}

export interface Locator {
  /** the first place at or after `from` (and ending by `to`) where `phrase` is printed, spaces and breaks aside */
  find(phrase: string, from: number, to?: number): Grounded | null;
  /** a range of `notice.text` as a span of the decoded file */
  span(at: [number, number]): Span;
}

const SPACES = /[\s\u3000]/g;
const WORDS = /[^\s\u3000]+/g;

const cache = new WeakMap<NoticeText, Locator>();

/** The locator of a notice, built once (a pass over its text) and kept with it. */
export function locator(notice: NoticeText): Locator {
  let found = cache.get(notice);
  if (!found) cache.set(notice, (found = buildLocator(notice)));
  return found;
}

function buildLocator(notice: NoticeText): Locator {
  // the folded text without spaces and breaks, and where each character stood
  const compact = notice.text.replace(SPACES, '');
  const index = new Int32Array(compact.length);
  // run by run of non-spaces: a test a character was most of extraction's time here
  let n = 0;
  for (const run of notice.text.matchAll(WORDS)) for (let i = run.index; i < run.index + run[0].length; i++) index[n++] = i;
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    find(phrase, from, to = notice.text.length) {
      const needle = phrase.replace(/[\s\u3000]+/g, '');
      if (!needle) return null;
      const at = compact.indexOf(needle, firstAtOrAfter(from));
      if (at < 0) return null;
      const start = index[at]!;
      const end = index[at + needle.length - 1]! + 1;
      if (end > to) return null;
      return { printed: joinBreaks(notice.printed.slice(start, end)), at: [start, end] };
    },
    span([start, end]) {
      return [notice.sourceOffset(start), notice.sourceOffset(end - 1) + 1];
    },
  };
}

const SPACE_UNIT = /\s/;

/** The UTF-16 units `\s` matches: line and page breaks, spaces of every width, the byte-order mark. */
const isSpaceUnit = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
const isLatinOrDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Remove the line and page breaks a phrase can be split by, keeping spaces inside Latin text:
 * each run of spaces goes, or becomes one space between two Latin letters or digits.
 * (A loop over code units: a replace with a callback was a tenth of extraction.)
 */
export function joinBreaks(text: string): string {
  // most phrases hold no space at all: the regular expression engine finds the first far faster than a loop
  const first = text.search(SPACE_UNIT);
  if (first < 0) return text;
  let out = '';
  let last = 0;
  for (let i = first; i < text.length; i++) {
    if (!isSpaceUnit(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpaceUnit(text.charCodeAt(j))) j++;
    const between = i > 0 && j < text.length && isLatinOrDigit(text.charCodeAt(i - 1)) && isLatinOrDigit(text.charCodeAt(j));
    out += text.slice(last, i) + (between ? ' ' : '');
    last = j;
    i = j - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
