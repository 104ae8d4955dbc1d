/**
 * Step 5: document metadata. Separates the covering notice (the 通知 that
 * prints the plan) from the document that holds the tasks, and reads its
 * title, issuer (发文机关), number (文号), date of issue (成文日期), period
 * and jurisdiction.
 */
import type { DocumentMeta } from '../registry/types.js';
import { arabicDates, isoDate } from './dates.js';
import { joinBroken, looksLikeUnit } from './clause.js';
import { parseChineseNumeral } from './numbering.js';

export interface MetadataReading extends Omit<DocumentMeta, 'id' | 'source'> {
  /** index in the text where the document that holds the tasks begins (after its title) */
  bodyStart: number;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

const DOC_TYPE = /(?:方案|要点|规划|计划|意见|办法|细则|措施|通知|决定|安排|清单|分工|任务|纲要|部署)(?:\(试行\)|（试行）)?(?:[(（][^()（）]*[)）])?$/;
const COVERING_TITLES = /关于(印发|转发|下发|公布)?([\s\S]{0,160}?)的?\s*通\s*知/g;

/** The covering notice's title: not one cited inside 《》 in the prose (按照《国务院关于…的通知》). */
function coveringTitle(head: string): RegExpExecArray | null {
  const pattern = COVERING_TITLES;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(head); m; m = pattern.exec(head)) {
    const before = head.slice(Math.max(0, m.index - 200), m.index);
    if (before.lastIndexOf('《') <= before.lastIndexOf('》')) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

/** Spelling differences that do not make another title: spaces, dash and bracket widths. */
function comparable(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[—–－‐-]+/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[《》]/g, '');
}

export function readMetadata(text: string, norm: string): MetadataReading {
  const lines = linesOf(text);
  const head = text.slice(0, 4000);
  const covering = coveringTitle(head);
  const coveringLine = covering ? lines.findIndex((l) => l.end >= covering.index) : -1;

  // the document's own title: a line (or two) that spells a title the covering notice names
  // the title the covering notice prints (关于印发《X》的通知 / 现将《X》印发给你们), in that order
  const named: string[] = [];
  if (covering) {
    const coveringText = text.slice(covering.index, covering.index + 2500);
    // a notice that prints another document names it in the sentence that prints it; one that holds its own tasks only cites others
    const sentences = covering[1] ? [covering[0], ...coveringText.split(/[。\n]/).filter((s) => /印发|转发|下发|发给你们/.test(s))] : [];
    for (const sentence of sentences) {
      for (const m of sentence.matchAll(/《([^《》]{4,120})》/g)) named.push(m[1]!);
    }
    const printed = covering[2]!.replace(/^[《\s]+|[》\s]+$/g, '');
    if (covering[1] && printed && !printed.includes('《')) named.push(printed);
  }
  // a covering notice whose title the excerpt lacks still names what it prints: 现将《X》印发给你们
  if (!covering) {
    const prints = /现将《([^《》]{4,120})》[^。\n]{0,12}?(?:印发|转发|下发)/.exec(head);
    if (prints) named.push(prints[1]!);
  }
  let title: string | null = null;
  let bodyStart = covering ? covering.index + covering[0].length : 0;
  const wanted = new Set(named.map(comparable));
  for (let i = Math.max(0, coveringLine + 1); i < lines.length && wanted.size > 0; i++) {
    const one = comparable(lines[i]!.text);
    const two = i + 1 < lines.length ? comparable(lines[i]!.text + lines[i + 1]!.text) : '';
    if (wanted.has(one) && one) {
      title = lines[i]!.text;
      bodyStart = lines[i]!.end;
      break;
    }
    if (wanted.has(two) && two) {
      title = lines[i]!.text + lines[i + 1]!.text;
      bodyStart = lines[i + 1]!.end;
      break;
    }
  }
  if (!title && named.length > 0) {
    title = named.find((n) => DOC_TYPE.test(comparable(n))) ?? named[0]!;
  }
  // a 通知 that prints no other document holds the tasks itself: its own title is the title
  if (!title && covering && !covering[1]) {
    // printed with its issuer where the title line has it (XX委员会关于开展…的通知)
    const line = lines[coveringLine];
    const sameLine = line ? line.text.slice(0, Math.max(0, covering.index - line.start)).trim() : '';
    // or on the line above, when the title was printed in two lines (岚桥县交通运输局 / 关于开展…的通知)
    const above = lines.slice(0, Math.max(0, coveringLine)).reverse().find((l) => l.text.trim() !== '')?.text.trim() ?? '';
    const issuerPart = sameLine || (looksLikeUnit(joinBroken(above)) && !/文\s*件$/.test(above) ? above : '');
    title = issuerPart && looksLikeUnit(joinBroken(issuerPart)) ? issuerPart + covering[0] : covering[0];
  }
  if (!title) {
    // else the first line, if it comes before any numbered item and reads as a heading
    const opening = lines.find((l) => l.text.trim() !== '');
    const plain = opening && !NUMBERED.test(comparable(opening.text)) && !/[|｜\t]/.test(opening.text) && comparable(opening.text).length <= 60;
    const first = lines.find((l) => isTitleLine(l.text)) ?? (plain ? opening : undefined);
    if (first) {
      title = first.text;
      if (!covering) bodyStart = first.end;
    }
  }
  title = title ? tidy(title) : null;

  const issued = readIssueDate(lines);
  const issuer = readIssuer(lines, covering, coveringLine, issued);
  return {
    title,
    issuer,
    number: readNumber(norm, norm.slice(0, Math.max(bodyStart, 0)) || norm.slice(0, 2000)),
    date: issued?.date ?? null,
    period: readPeriod(title, covering?.[0] ?? null),
    jurisdiction: issuer ? readJurisdiction(issuer) : null,
    bodyStart,
  };
}

/** Join what a page or a scrape broke, keeping the words. */
function tidy(s: string): string {
  return joinBroken(s.trim());
}

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+[)、.]|第[一二三四五六七八九十\d]+[章节])/;

function isTitleLine(line: string): boolean {
  const t = comparable(line);
  // a numbered heading (三、主要任务) is a section, not the title
  const numbered = NUMBERED.test(t);
  // nor is a table's header (… | 任务清单 | 责任清单 | 时限清单)
  return t.length >= 4 && t.length <= 80 && DOC_TYPE.test(t) && !numbered && !/[。，,;；|｜\t]/.test(t);
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,12}?)\s*[〔[【(﹝]\s*(\d{4})\s*[〕\]】)﹞]\s*(\d{1,5})\s*号/;
const STANDALONE_NUMBER = new RegExp(`(?<=^|\\s)${DOC_NUMBER.source}(?=\\s|$)`);
const NUMBER_IN_HEADER = new RegExp(`(?<![(《\\u4e00-\\u9fff\\w])${DOC_NUMBER.source}`);

/**
 * 文号: `威安办发〔2022〕38号`, with any bracket written as 〔〕. The notice's own
 * stands apart (a line, or spaces, of its own); numbers cited in the text sit
 * inside a sentence or in parentheses.
 */
function readNumber(norm: string, header: string): string | null {
  const m = STANDALONE_NUMBER.exec(norm) ?? NUMBER_IN_HEADER.exec(header);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null;
}

const DATE_IN_LINE = /(?:^|\s)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?=\s|$)/g;

/** 成文日期: a date standing alone on its line, or after the issuer in a signature. */
function readIssueDate(lines: Line[]): { date: string; line: number; before: string } | null {
  for (let i = 0; i < lines.length; i++) {
    // a date needs its 年: most lines are passed over without rewriting their numerals
    if (!lines[i]!.text.includes('年')) continue;
    const line = arabicDates(lines[i]!.text);
    for (const m of line.matchAll(DATE_IN_LINE)) {
      const before = line.slice(0, m.index).trim();
      const signer = before ? issuerAtEnd(before) : '';
      if (before && !signer) continue;
      const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (date) return { date, line: i, before: signer ?? '' };
    }
  }
  return null;
}

/** The unit a run of words ends with (a signature or a masthead): `… 威海市人民政府办公室`. */
function issuerAtEnd(words: string): string | null {
  const chunks = words.replace(/\|/g, ' ').trim().split(/\s+/);
  let best: string | null = null;
  for (let k = 1; k <= Math.min(chunks.length, 4); k++) {
    const name = joinBroken(chunks.slice(-k).join(''));
    if (!looksLikeUnit(name) || /^(?:各|有关)/.test(name)) continue;
    best ??= name;
    // a name that carries its place (威海市…, 桐岭县…) is whole; a bare 安全生产委员会 may have lost it to a space
    if (PLACE.test(name)) return name;
  }
  return best;
}

const PLACE = /^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)/;

/**
 * 发文机关: the name before 关于 in the covering notice's title, or the
 * `…文件` masthead, or the line above the date of issue.
 */
function readIssuer(
  lines: Line[],
  covering: RegExpExecArray | null,
  coveringLine: number,
  issued: { line: number; before: string } | null,
): string | null {
  const candidates: string[] = [];
  if (covering && coveringLine >= 0) {
    const line = lines[coveringLine]!;
    const before = line.text.slice(0, Math.max(0, covering.index - line.start)).trim();
    candidates.push(before);
    for (let i = coveringLine - 1; i >= 0 && i >= coveringLine - 4; i--) candidates.push(lines[i]!.text.trim());
  }
  for (const line of lines.slice(0, 6)) {
    // `××文件`: what stands before the last 文件, found from the end (a lazy match would rescan a run of spaces)
    const words = line.text.trim();
    const masthead = /文\s*件$/.exec(words);
    const before = masthead ? words.slice(0, masthead.index).trimEnd() : '';
    if (before) candidates.push(before);
  }
  if (issued) {
    candidates.push(issued.before);
    for (let i = issued.line - 1; i >= 0 && i >= issued.line - 3; i--) candidates.push(lines[i]!.text.trim());
  }
  for (const candidate of candidates) {
    const name = candidate ? issuerAtEnd(candidate) : null;
    if (name) return name;
  }
  return null;
}

const FIVE_YEAR = /“?([一二三四五六七八九十]{1,3})五”?(?:规划|期间|时期)/;

/** The years a document covers: `（2024—2026年）`, `“十三五”`, a 2024年 工作要点. */
function readPeriod(title: string | null, coveringTitle: string | null): { from: string; to: string } | null {
  for (const source of [title, coveringTitle]) {
    if (!source) continue;
    const s = comparable(source);
    const range = /(\d{4})(?:年)?[-~至到](\d{4})年/.exec(s);
    if (range) return { from: `${range[1]}-01-01`, to: `${range[2]}-12-31` };
    const plan = FIVE_YEAR.exec(source);
    if (plan) {
      const n = parseChineseNumeral(plan[1]!);
      if (n && n >= 3) {
        const from = 1966 + 5 * (n - 3); // 三五 began in 1966; every plan since is five years
        return { from: `${from}-01-01`, to: `${from + 4}-12-31` };
      }
    }
    const year = /(\d{4})年(?:度)?[^\d]*?(?:要点|计划|安排|方案|任务)/.exec(s);
    if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  }
  return null;
}

/** The issuer's place, most specific level: 威海市文登区工业和信息化局 → 文登区. */
function readJurisdiction(issuer: string): string | null {
  const m = /^([\u4e00-\u9fff]{2,6}?省)?([\u4e00-\u9fff]{1,8}?市)?([\u4e00-\u9fff]{1,6}?(?:区|县|旗))?/.exec(issuer);
  if (!m) return null;
  return m[3] ?? m[2] ?? m[1] ?? null;
}
