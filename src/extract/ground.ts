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

const BREAK = /\s/;

/** Remove the line and page breaks a phrase can be split by, keeping spaces inside Latin text. */
export function joinBreaks(text: string): string {
  if (!BREAK.test(text)) return text;
  return text.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}
