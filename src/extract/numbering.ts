/**
 * Step 2: item numbers (序号). Finds the numbers that open items — at the start
 * of a line or inline in a run-on line — and nests them into an outline by the
 * hierarchy of official documents (GB/T 9704): 一、 > （一） > 1. > （1） > ①.
 * A number is only taken when it continues a sequence, which is what tells
 * `12.强化…` from `3、4、5月份` or `1次`.
 */

export type MarkerStyle = 'chapter' | 'part' | 'cn' | 'article' | 'cnParen' | 'arabic' | 'arabicParen' | 'circled';

/** 第一章 > 第一节 > 一、 > 第1条 > （一） > 1. > （1） > ① */
export const RANK: Record<MarkerStyle, number> = { chapter: 0, part: 1, cn: 2, article: 2.5, cnParen: 3, arabic: 4, arabicParen: 5, circled: 6 };

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** the number as printed, without its punctuation: `12`, `四` */
  numeral: string;
  /** index in the text of the marker's first character */
  start: number;
  /** index just after the marker and the spaces that follow it */
  end: number;
  atLineStart: boolean;
  /** `15.6月份…`, `1、3、4月份…`: a number a digit follows, which may be a decimal (1.5倍) or a list of months */
  beforeDigit?: 'dot' | 'comma';
}

export interface OutlineNode {
  marker: Marker;
  /** index where this node's content ends (the next accepted marker, or the end of the body) */
  contentEnd: number;
  children: OutlineNode[];
  parent: OutlineNode | null;
}

export interface NumberingGap {
  marker: Marker;
  expected: number;
}

const CN_DIGITS: Record<string, number> = {
  '〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23, 一〇二 → 102 (digit by digit when no 十/百). */
export function parseChineseNumeral(numeral: string): number | null {
  if (!numeral || !/^[〇零○一二两三四五六七八九十百]+$/.test(numeral)) return null;
  if (!/[十百]/.test(numeral)) {
    let value = 0;
    for (const c of numeral) value = value * 10 + CN_DIGITS[c]!;
    return value;
  }
  let total = 0;
  let digit = 0;
  for (const c of numeral) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[c]!;
  }
  return total + digit;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '[一二三四五六七八九十百]{1,4}';

/**
 * Every place that could open an item, read from width-folded text. The
 * characters on either side are checked here; the sequence in `buildOutline`.
 */
const CANDIDATE = new RegExp(
  [
    `(?<chapter>第(?<chapterNum>${CN}|\\d{1,3})章)(?=[ \\u4e00-\\u9fff])`,
    `(?<part>第(?<partNum>${CN}|\\d{1,3})节)(?=[ \\u4e00-\\u9fff])`,
    `(?<article>第(?<articleNum>${CN}|\\d{1,3})条)(?=[ \\u3000\\u4e00-\\u9fff“])`,
    `(?<cn>(?<cnNum>${CN})[、.](?![、\\d]))`,
    `(?<cnParen>\\( ?(?<cnParenNum>${CN}) ?\\))`,
    `(?<arabicParen>\\( ?(?<arabicParenNum>\\d{1,3}) ?\\))`,
    `(?<arabic>(?<arabicNum>\\d{1,3}) ?(?:\\.(?!\\.)|、(?![一二三四五六七八九十])))`,
    `(?<circled>[${CIRCLED}])`,
  ].join('|'),
  'g',
);

/** What may stand right before an inline number: a line start, a space, a sentence or clause end. */
const BEFORE_INLINE = /[\s。;!?:)」』”】]$/;
/** What may not follow a number: a percent sign (`1.5%` is caught by the digit rule). */
const NOT_AFTER = /^\s*[%％]/;
const SPACE = /\s/;

export function findMarkers(norm: string, from = 0, to = norm.length): Marker[] {
  const markers: Marker[] = [];
  CANDIDATE.lastIndex = from;
  for (let m = CANDIDATE.exec(norm); m && m.index < to; m = CANDIDATE.exec(norm)) {
    const g = m.groups!;
    const style = (['chapter', 'part', 'article', 'cn', 'cnParen', 'arabicParen', 'arabic', 'circled'] as MarkerStyle[]).find((s) => g[s] !== undefined)!;
    const numeral = g[`${style}Num`] ?? m[0];
    const value =
      style === 'circled'
        ? CIRCLED.indexOf(m[0]) + 1
        : /\d/.test(numeral)
          ? Number(numeral)
          : parseChineseNumeral(numeral);
    if (!value) continue;
    const start = m.index;
    let end = start + m[0].length;
    // only spaces back to the line's start (stepping over them, not re-reading a long line per number)
    let lineStart = start;
    while (lineStart > 0 && norm[lineStart - 1] !== '\n' && SPACE.test(norm[lineStart - 1]!)) lineStart--;
    const atLineStart = lineStart === 0 || norm[lineStart - 1] === '\n';
    if (!atLineStart && !BEFORE_INLINE.test(norm.slice(Math.max(0, start - 1), start))) continue;
    const after = norm.slice(end, end + 4);
    if (NOT_AFTER.test(after) || after.trim() === '' && !atLineStart) continue;
    if (insideQuotes(norm, start)) continue;
    const beforeDigit = style === 'arabic' && /\d/.test(norm[end] ?? '') ? (m[0].endsWith('、') ? 'comma' : 'dot') : undefined;
    // a decimal inline is never an item; at a line start it may be one (15.6月份开展…), if the sequence says so
    if (beforeDigit && !atLineStart) continue;
    while (end < norm.length && (norm[end] === ' ')) end++;
    markers.push({ style, value, numeral, start, end, atLineStart, ...(beforeDigit ? { beforeDigit } : {}) });
  }
  return markers;
}

/** Numbers inside 《》 or “” are part of a title or a slogan, not item numbers. */
function insideQuotes(norm: string, index: number): boolean {
  const window = norm.slice(Math.max(0, index - 80), index);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  const open = (o: string, c: string) => before.lastIndexOf(o) > before.lastIndexOf(c);
  return open('《', '》') || open('“', '”');
}

/**
 * Nest the markers. A marker is accepted when it is the next number of its
 * style under its parent, or 1 of a new list, or the next of a numbering that
 * runs on across sections (000 and 001 count 1–33 through 一、…八、). At a line
 * start a small jump is accepted too, and reported as a gap.
 */
export function buildOutline(markers: Marker[], bodyEnd: number, text = ''): { roots: OutlineNode[]; gaps: NumberingGap[] } {
  const roots: OutlineNode[] = [];
  const gaps: NumberingGap[] = [];
  const stack: OutlineNode[] = [];
  const lastGlobal = new Map<MarkerStyle, number>();
  const accepted: OutlineNode[] = [];

  // an excerpt (page 2 of a mirror) may open inside a list: (九)(十)(十一) with no (一) before
  const continuedNext = (k: number) => {
    const marker = markers[k]!;
    for (let j = k + 1; j < Math.min(markers.length, k + 60); j++) {
      const next = markers[j]!;
      if (next.style === marker.style && next.atLineStart) return next.value === marker.value + 1;
    }
    return false;
  };
  const headingLine = (k: number) => {
    const lineEnd = text.indexOf('\n', markers[k]!.end);
    const line = text.slice(markers[k]!.end, lineEnd < 0 ? text.length : lineEnd).trim();
    // a heading may hold a comma (加强值守,准确及时上报事故信息); a sentence it may not
    return line.length >= 2 && line.length <= 24 && !/[;。:]/.test(line);
  };
  for (const [k, marker] of markers.entries()) {
    const rank = RANK[marker.style];
    let depth = stack.length;
    while (depth > 0 && RANK[stack[depth - 1]!.marker.style] >= rank) depth--;
    const parent = depth > 0 ? stack[depth - 1]! : null;
    const siblings = (parent ? parent.children : roots).filter((n) => n.marker.style === marker.style);
    const previous = siblings[siblings.length - 1]?.marker.value;
    const runOn = lastGlobal.get(marker.style);
    // a list under a new heading starts at 1, or runs on from the last (or, a slip, repeats it at a line start)
    const isNext =
      previous !== undefined
        ? marker.value === previous + 1
        : marker.value === 1 ||
          (runOn !== undefined && (marker.value === runOn + 1 || (marker.atLineStart && marker.value === runOn && parent !== null)));
    // 15.6月份 is item 15 only right after item 14: 1.5倍 never opens a list
    const continues = previous !== undefined ? marker.value === previous + 1 : runOn !== undefined && marker.value === runOn + 1;
    // (1、3、4月份… may open a list as well: 、 is never a decimal point)
    if (marker.beforeDigit && !continues && !(marker.beforeDigit === 'comma' && marker.value === 1 && previous === undefined)) continue;
    let gapFrom: number | undefined;
    // or, further on, a section of a style not seen yet whose number stands on a heading line of its own (六、工作要求)
    const firstOfStyle = previous === undefined && runOn === undefined && marker.atLineStart && !marker.beforeDigit;
    // or, at a line start, a list an excerpt opens inside of ((三十五)…(三十六)…: the next of its style follows);
    // articles number on through every chapter, so the first 第N条 an excerpt shows may be any
    const opensExcerpt =
      !isNext &&
      ((firstOfStyle && ((accepted.length === 0 && continuedNext(k)) || (parent === null && headingLine(k)) || marker.style === 'article')) ||
        (previous === undefined && marker.atLineStart && !marker.beforeDigit && continuedNext(k)));
    if (opensExcerpt) gapFrom = 1;
    else if (!isNext) {
      const expected = previous !== undefined ? previous + 1 : runOn !== undefined ? runOn + 1 : 1;
      const jump = marker.value - expected;
      // a gap is believed at the top, or within a list already begun: a stray (2) must not open one under an item
      if (!(marker.atLineStart && (previous !== undefined || parent === null) && jump > 0 && jump <= 3)) continue;
      gapFrom = expected;
    }
    const node: OutlineNode = { marker, contentEnd: bodyEnd, children: [], parent };
    if (gapFrom !== undefined) gaps.push({ marker, expected: gapFrom });
    (parent ? parent.children : roots).push(node);
    stack.length = depth;
    stack.push(node);
    lastGlobal.set(marker.style, marker.value);
    accepted.push(node);
  }
  for (let i = 0; i < accepted.length - 1; i++) accepted[i]!.contentEnd = accepted[i + 1]!.marker.start;
  return { roots, gaps };
}
