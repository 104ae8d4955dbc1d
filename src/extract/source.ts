/**
 * Step 1 of extraction: from the bytes of a notice to the text the later steps
 * read. Markdown markup (bold runs, heading hashes) and web-page chrome are cut
 * out, but every character kept remembers its place in the source, so a task
 * can still name the line it came from.
 */
import type { Node, Parent } from 'unist';
import { foldForMatching, foldSpaces } from './fold.js';
import { alternation, CHROME_WORDS } from './lexicon.js';

export type SourceKind = 'markdown' | 'text';

export interface NoticeText {
  /** the text as printed, markup and chrome removed: what a registry quotes */
  printed: string;
  /** `printed` folded (widths, brackets, traditional characters: see fold.ts), same length: what the stages match on */
  text: string;
  /** `text` with every kind of space (and tab) a plain space, for stages that read words rather than cells */
  norm: string;
  /** 1-based line and column in the source of a character of `text` */
  position(index: number): { line: number; column: number };
  /** the offset in the decoded file (as given to extract) of a character of `text` */
  sourceOffset(index: number): number;
}

type Range = [number, number];

/** A leader run of a table of contents (`……`, `......`) and how long it must be. */
const LEADERS: Record<string, number> = { '…': 2, '.': 6, '·': 6, '-': 6 };
const BUTTONS = alternation(CHROME_WORDS.buttons);
/** Toolbar words, breadcrumbs and page facts; a short line holding one is chrome as a whole. */
const CHROME_TOKEN = new RegExp(
  [
    // a button of four characters or more stands bare; a shorter one (打印, 关闭) only in its brackets
    `【?(?:${alternation(CHROME_WORDS.buttons.filter((word) => word.length >= 4))})】?`,
    `【(?:${BUTTONS})(?:[:：][^】\\n]{0,20})?】`,
    '(?:首页|当前位置[:：]?)\\s*[>›»＞](?:\\s*[^\\s>›»＞]+\\s*[>›»＞])*\\s*[^\\s>›»＞]+',
    `(?<![\\u4e00-\\u9fff])(?:${alternation(CHROME_WORDS.facts)})[:：]\\s*[^\\s|｜]+(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?`,
  ].join('|'),
  'g',
);
const CHROME_LINE_LENGTH = 40;
/** Zero-width characters, and control and escape sequences a scraped page can carry. */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]|\u001b(?:\[[0-?]*[ -/]*[@-~]|[@-_])|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function readNotice(raw: string, kind: SourceKind): NoticeText {
  const bom = raw.startsWith('\ufeff') ? 1 : 0;
  // where each character of the LF-only text stood in the file: a CR before LF drops out
  let source = raw.slice(bom);
  let rawIndex = (index: number) => index + bom;
  if (source.includes('\r')) {
    const kept: string[] = [];
    const at = new Int32Array(raw.length - bom + 1);
    let n = 0;
    for (let i = bom; i < raw.length; i++) {
      if (raw[i] === '\r' && raw[i + 1] === '\n') continue;
      at[n++] = i;
      kept.push(raw[i] === '\r' ? '\n' : raw[i]!);
    }
    source = kept.join('');
    at[n] = raw.length;
    rawIndex = (index) => at[index]!;
  }
  const cuts: Range[] = chromeLines(source);
  let line: Range = [0, -1];
  let short = false;
  for (const m of source.matchAll(CHROME_TOKEN)) {
    // the line's bounds and length, found once however many tokens it holds
    if (m.index > line[1]) {
      const end = source.indexOf('\n', m.index);
      line = [source.lastIndexOf('\n', m.index) + 1, end < 0 ? source.length : end];
      short = source.slice(line[0], line[1]).trim().length <= CHROME_LINE_LENGTH;
    }
    cuts.push(short ? [line[0], line[1]] : [m.index, m.index + m[0].length]);
  }
  for (const m of source.matchAll(INVISIBLE)) cuts.push([m.index, m.index + m[0].length]);
  // a lone bar left at the end of a scraped line (`…的通知 |`); a run of spaces is tried from its start only
  for (const m of source.matchAll(/(?<![ \t])[ \t]+\|[ \t]*$/gm)) cuts.push([m.index, m.index + m[0].length]);
  cuts.push(...runningHeaders(source), ...chunkMarkers(source));
  cuts.push(...markupRanges(source, kind));
  return fromCuts(source, mergeRanges(cuts), rawIndex);
}

const SPACE = /\s/;
const isLineSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Lines a scraped page or a PDF adds around the notice: rows of table bars,
 * page numbers (— 2 —), and a table of contents (目录: `第三章 主要任务……7`).
 * One forward pass over the lines: no pattern is retried inside a run of spaces or leaders.
 */
function chromeLines(source: string): Range[] {
  const cuts: Range[] = [];
  // a cut that ends in spaces runs on over the blank lines after it, up to the last line break among them
  const throughBlanks = (end: number) => {
    let last = end;
    let j = end;
    for (; j < source.length && SPACE.test(source[j]!); j++) if (source[j] === '\n') last = j;
    return j === source.length ? j : last;
  };
  const lineEndOf = (from: number) => {
    const end = source.indexOf('\n', from);
    return end < 0 ? source.length : end;
  };
  for (let start = 0; start < source.length; ) {
    const lineEnd = lineEndOf(start);
    let a = start;
    while (a < lineEnd && isLineSpace(source[a])) a++;
    let b = lineEnd;
    while (b > a && SPACE.test(source[b - 1]!)) b--;
    // a blank line is no chrome (and most lines of a long blank stretch are passed over here)
    if (a === b) {
      start = lineEnd + 1;
      continue;
    }
    const words = source.slice(a, b);
    let cut = -1;
    if (/[|｜]/.test(words) && /^[|｜ \t\u3000]+$/.test(source.slice(a, lineEnd))) cut = lineEnd;
    else if (/^(?:[-—－]\s*\d{1,3}\s*[-—－]|目\s*录)$/.test(words)) cut = throughBlanks(lineEnd);
    else {
      // a table of contents line: a leader run, then a page number, on this line or (from a PDF) the next
      let k = words.length;
      while (isDigit(words[k - 1])) k--;
      const digits = words.length - k;
      while (k > 0 && SPACE.test(words[k - 1]!)) k--;
      const leader = words[k - 1];
      const least = leader === undefined ? undefined : LEADERS[leader];
      const leads = least !== undefined && k >= least && words.slice(k - least, k) === leader!.repeat(least);
      if (leads && digits >= 1 && digits <= 4) cut = throughBlanks(lineEnd);
      else if (leads && digits === 0) {
        let j = lineEnd;
        while (j < source.length && SPACE.test(source[j]!)) j++;
        let d = j;
        while (isDigit(source[d])) d++;
        let e = d;
        while (e < source.length && source[e] !== '\n' && SPACE.test(source[e]!)) e++;
        if (d - j >= 1 && d - j <= 4 && (e === source.length || source[e] === '\n')) cut = throughBlanks(e);
      }
    }
    if (cut >= 0) cuts.push([start, cut]);
    start = Math.max(lineEnd, cut) + 1;
  }
  return cuts;
}

/**
 * A short line printed again and again (`××县人民政府公报` atop every page of
 * a gazette) is a running header or footer, wherever a page break left it.
 */
function runningHeaders(source: string): Range[] {
  const seen = new Map<string, Range[]>();
  for (let start = 0, end = 0; start < source.length; start = end + 1) {
    end = source.indexOf('\n', start) < 0 ? source.length : source.indexOf('\n', start);
    let a = start;
    while (a < end && isLineSpace(source[a])) a++;
    let b = end;
    while (b > a && isLineSpace(source[b - 1])) b--;
    // two to thirty characters, spaces at either end aside
    if (b - a < 2 || b - a > 30 || SPACE.test(source[a]!)) continue;
    const line = source.slice(a, b);
    if (/[。，,；;（）()：:]/.test(line) || /^(?:[一二三四五六七八九十\d]+[、.．]|第.{1,3}[章节])/.test(line)) continue;
    const places = seen.get(line);
    if (places) places.push([start, end]);
    else seen.set(line, [[start, end]]);
  }
  return [...seen.values()].filter((places) => places.length >= 3).flat();
}

/**
 * A document site's chunk markers (文库分块标记): lines that open with 1、 2、 3、
 * in turn, each long and each after the first continuing the sentence the line
 * above left open (…城市规划⏎2、、建设…). They number the site's chunks, not items.
 */
function chunkMarkers(source: string): Range[] {
  const cuts: Range[] = [];
  let run: { range: Range; line: string }[] = [];
  const flush = () => {
    if (run.length >= 2) cuts.push(...run.map((r) => r.range));
    run = [];
  };
  let at = 0;
  for (const line of source.split('\n')) {
    // a page's own lines (第 2 页 共 4 页) and blank ones may stand between two chunks
    if (run.length > 0 && /^[ \t\u3000]*(?:第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?[ \t\u3000]*)?$/.test(line)) {
      at += line.length + 1;
      continue;
    }
    const m = /^[ \t\u3000]*(\d{1,3})、/.exec(line);
    const previous = run[run.length - 1];
    const continues = previous && previous.line.length >= 60 && !/[。！？；：!?;:”」）)]\s*$/.test(previous.line);
    const range: Range = [at, at + (m?.[0].length ?? 0)];
    at += line.length + 1;
    if (m && Number(m[1]) === run.length + 1 && (run.length === 0 || continues)) {
      run.push({ range, line });
      continue;
    }
    flush();
    if (m && m[1] === '1') run.push({ range, line });
  }
  flush();
  return cuts;
}

/**
 * Markup remark-parse finds: the delimiters of strong and emphasis runs and
 * the hashes of ATX headings. Plain text is read the same way, since scraped
 * notices carry Markdown bold (`**民爆行业**`) too; list markers stay, as they
 * are the item numbers.
 */
function markupRanges(source: string, kind: SourceKind): Range[] {
  if (kind === 'markdown') return markupIn(source, 0, source.length);
  // plain text: only its paragraphs that may hold markup are parsed, each alone (emphasis never crosses a blank line)
  const escapes = /[*_#]/.test(source);
  if (!escapes) return [];
  const ranges: Range[] = [];
  let from = 0;
  for (let at = 0; at <= source.length; ) {
    const end = source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at);
    if (end === source.length || /^[ \t]*$/.test(source.slice(at, end))) {
      const paragraph = source.slice(from, end);
      if (mayHoldMarkup(paragraph) || /\\[!-/:-@[-`{-~]/.test(paragraph)) ranges.push(...markupIn(source, from, end));
      // the next paragraph is parsed with the break before it: a parser drops a byte-order mark opening its input
      from = end;
    }
    at = end + 1;
  }
  return ranges;
}

/** The markup of `source[from, to)`, parsed alone. */
function markupIn(whole: string, from: number, to: number): Range[] {
  const source = whole.slice(from, to);
  if (!markdown) throw new Error('the Markdown reader is not loaded: await loadMarkdownReader() before extracting a notice that needsMarkdown()');
  const tree = markdown.parse(source);
  const ranges: Range[] = [];
  const visit = (node: Node): void => {
    const children = (node as Parent).children;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (children && children.length > 0 && start !== undefined && end !== undefined) {
      const first = children[0]!.position?.start.offset;
      const last = children[children.length - 1]!.position?.end.offset;
      if ((node.type === 'strong' || node.type === 'emphasis') && first !== undefined && last !== undefined) {
        ranges.push([from + start, from + first], [from + last, from + end]);
      } else if (node.type === 'heading' && first !== undefined && source[start] === '#') {
        ranges.push([from + start, from + first]);
      }
    }
    if (node.type === 'text' && start !== undefined && end !== undefined) {
      // backslash escapes (`1\.`) print without the backslash
      const slice = source.slice(start, end);
      if (!slice.includes('\\')) return;
      for (let i = start; i < end - 1; i++) {
        if (source[i] === '\\' && /[!-/:-@[-`{-~]/.test(source[i + 1]!)) ranges.push([from + i, from + i + 1]);
      }
    }
    children?.forEach(visit);
  };
  visit(tree);
  return ranges;
}

/** One processor for every notice of the run, loaded by loadMarkdownReader. */
let markdown: { parse(text: string): Node } | undefined;

/**
 * Whether reading `content` needs the Markdown parser: a Markdown file does,
 * plain text only when it holds `*`, `_` or `#` (markupRanges parses nothing
 * else). Plain text without them never loads remark (issue 17).
 */
export function needsMarkdown(content: string, kind: SourceKind): boolean {
  return kind === 'markdown' || /[*_#]/.test(content);
}

/** Loads remark, once; extraction is synchronous, so its caller awaits this before a notice that needsMarkdown. */
export async function loadMarkdownReader(): Promise<void> {
  if (markdown) return;
  const [{ unified }, { default: remarkParse }, { default: remarkCjkFriendly }] = await Promise.all([import('unified'), import('remark-parse'), import('remark-cjk-friendly')]);
  // CommonMark will not close `**摸清底数。**4月…` (punctuation inside, a CJK letter after); this plugin does
  markdown = unified().use(remarkParse).use(remarkCjkFriendly).freeze();
}

/**
 * Whether a paragraph of plain text holds markup the Markdown reading would
 * cut: a pair of `*` or `_` (strong, emphasis) or a `#` opening a line or a
 * list item (a heading). Most paragraphs hold none and skip the parse.
 */
function mayHoldMarkup(source: string): boolean {
  const pair = (c: string) => {
    const first = source.indexOf(c);
    return first >= 0 && source.indexOf(c, first + 1) > 0;
  };
  return pair('*') || pair('_') || /^[ \t>*+\-0-9.)]*#/m.test(source);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function fromCuts(source: string, cuts: Range[], rawIndex: (index: number) => number): NoticeText {
  // the kept runs of the source: where each starts in the text and in the source (a table per character cost a pass over the notice)
  const textStarts: number[] = [];
  const sourceStarts: number[] = [];
  let text = '';
  let from = 0;
  for (const [a, b] of [...cuts, [source.length, source.length] as Range]) {
    if (a > from) {
      textStarts.push(text.length);
      sourceStarts.push(from);
      text += source.slice(from, a);
    }
    from = b;
  }
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // the last run starting at or before index; index past the text is the source's end
  const sourceOffset = (index: number): number => {
    if (index >= text.length) return source.length;
    const at = Math.max(0, index);
    const run = lastAtOrBefore(textStarts, at);
    return sourceStarts[run]! + at - textStarts[run]!;
  };
  const folded = foldForMatching(text);
  return {
    printed: text,
    text: folded,
    norm: foldSpaces(folded),
    sourceOffset: (index) => rawIndex(sourceOffset(index)),
    position(index) {
      const offset = sourceOffset(index);
      const line = lastAtOrBefore(lineStarts, offset);
      return { line: line + 1, column: offset - lineStarts[line]! + 1 };
    },
  };
}

/** The index of the last of `sorted` (ascending, its first at or before `value`) that is at or before `value`. */
function lastAtOrBefore(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Widths, brackets and spaces folded: the form word lists are matched against. */
export function foldWidths(text: string): string {
  return foldSpaces(foldForMatching(text));
}
