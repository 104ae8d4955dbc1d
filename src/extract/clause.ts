/**
 * Step 3: responsibility clauses (责任分工). Finds the parenthetical that names
 * who answers for a run of sentences, tells it from prose parentheses
 * (`乡镇(街道)`, `(其中，…每月至少1次)`), and splits it into lead units
 * (牵头单位) and supporting units (配合单位), names as printed.
 */
import {
  alternation, ANY_LABEL, GROUP_HEADS, GROUP_PREFIXES, IMPLEMENTING_VERBS, labelPattern, NOT_PLACE_BEFORE_LEVEL, PERSON_LABELS, PLACE_LEVELS, ROLE_VERBS,
  SHARED_HEADS, TIME_LIMIT_LABELS, TOGETHER_WORDS, UNIT_LAST_CHARS, UNIT_OPENINGS, UNIT_SUFFIXES, type Role,
} from './lexicon.js';
import { foldForMatching } from './fold.js';
import { joinBreaks } from './ground.js';


export interface Responsibility {
  lead: string[];
  support: string[];
  /** names that do not look like a unit: the clause may not have split right */
  doubtful: string[];
  /** a time limit written into the clause (`…；完成时限：2025年6月底前`) */
  timeLimit?: string;
}

export interface Clause extends Responsibility {
  /** index of the opening parenthesis */
  start: number;
  /** index just after the closing parenthesis */
  end: number;
  /** the clause as printed, without its parentheses */
  text: string;
}

export interface ClauseOptions {
  /** the notice says 排在第一位的为牵头单位: in a clause without 牵头, the first unit leads */
  firstListedLeads?: boolean;
}

const UNIT_SUFFIX_PATTERN = new RegExp(`(?:${alternation(UNIT_SUFFIXES)})$`);
const GROUP_PREFIX = new RegExp(`^(?:${alternation(GROUP_PREFIXES)})`);
const GROUP_HEAD = new RegExp(`(?:${alternation([...GROUP_HEADS, ...UNIT_SUFFIXES])})$`);
/** A place of any level opening a name: 市…, 县…, 威海市…, 各乡镇…, or a body named without one (团市委). */
export const PLACE_OPENING = new RegExp(
  `^(?:(?:${alternation(PLACE_LEVELS)})|[\\u4e00-\\u9fff]{1,5}?(?<![${NOT_PLACE_BEFORE_LEVEL}])(?:${alternation(PLACE_LEVELS)})|${alternation(GROUP_PREFIXES)}|${alternation(UNIT_OPENINGS)})`,
);

/** Whether a name ends like a unit (局, 委, 中心, 残联, 供销社, …). */
export function hasUnitSuffix(name: string): boolean {
  return UNIT_SUFFIX_PATTERN.test(name);
}

export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[,;:。!?“”《》，；：！？]/.test(name) || /^[()（）]|[(（]$/.test(name)) return false;
  // a group is of units: 各有关部门, 各村(社区); 有关要求 is not one
  return hasUnitSuffix(name) || (GROUP_PREFIX.test(name) && name.length >= 3 && GROUP_HEAD.test(name.replace(/\([^()]*\)$/, '')));
}

const verbAtEnd = (role: Role) => new RegExp(`(?:${alternation(ROLE_VERBS[role])})$`);
const ROLE_VERB_AT_END: Record<Role, RegExp> = { lead: verbAtEnd('lead'), support: verbAtEnd('support'), joint: verbAtEnd('joint') };
const LABELS: [RegExp, Role][] = (['lead', 'support', 'joint'] as const).map((role) => [labelPattern(role), role]);
const TIME_LIMIT_LABEL = new RegExp(`^(?:${alternation(TIME_LIMIT_LABELS)}):?`);
/** Labels naming people, not units: their segment is left out. */
const PERSON_LABEL = new RegExp(`^(?:${alternation(PERSON_LABELS)}):`);
/** Where a labelled segment starts inside a clause written without separators (…周立新  责任科室：运管所). */
// (after spaces, or right after a unit's name: never inside a label, as 责任单位 is in 牵头责任单位)
const LABEL_START = new RegExp(`(?:\\s+|(?<=[${UNIT_LAST_CHARS}]))(?=(?:${ANY_LABEL}|${alternation([...PERSON_LABELS, ...TIME_LIMIT_LABELS])})\\s*:)`, 'g');
/** A clause segment (or a table cell) that is a date, not units: `…配合，2025年底前完成`. */
export const TIME_WORDS = /\d{4}\s*年|[0-9]{1,2}\s*月|年底|年内|上半年|下半年|季度|前完成|完成$|长期|持续/;
/** `等`, `等部门`, `等有关部门`, `等行业主管部门` close an open list. */
const OPEN_LIST_END = /等(?:[\u4e00-\u9fff]{0,8}?(?:部门|单位)(?:和单位)?)?$/;
/** A space on one line between two names separates them (市应急局 市公安局). */
const SPACE_BETWEEN_NAMES = new RegExp(`(?<=[${UNIT_LAST_CHARS}])[ \\u3000]+(?=${PLACE_OPENING.source.slice(1)})`, 'g');
const TOGETHER = new RegExp(alternation(TOGETHER_WORDS));
const SPACE = /\s/;
const IMPLEMENTING = new RegExp(`^(?:${alternation(IMPLEMENTING_VERBS)})$`);
const HAS_ROLE_WORD = new RegExp(`${alternation([...ROLE_VERBS.lead, ...ROLE_VERBS.support, ...ROLE_VERBS.joint, ...TOGETHER_WORDS])}|${ANY_LABEL}\\s*:`);

/** Remove the line and page breaks a clause can be split by (see ground.ts). */
export const joinBroken = joinBreaks;

/**
 * Split a unit list: `、` and commas always; `及`/`和`/`与`/`以及` only where
 * both sides are whole unit names (`市政府安委会成员单位和威海海关`), never
 * inside one (`市工业和信息化局`). A trailing `等…` closes an open list.
 */
export function splitUnits(list: string): string[] {
  const units: string[] = [];
  for (const raw of splitOutsideBrackets(list.replace(OPEN_LIST_END, ''), '、,，')) {
    const part = raw.replace(OPEN_LIST_END, '').trim();
    if (part) units.push(...splitConjoined(part));
  }
  // bare names before a shared head (公安、交通部门; 铁路、水利等部门) each take it
  const shared = SHARED_HEAD_AT_END.exec(list.trim());
  const bare = (name: string) => /^[\u4e00-\u9fff]{2,6}$/.test(name) && !looksLikeUnit(name);
  if (shared && units.length >= 2) {
    const named = shared[1] ? units : units.slice(0, -1);
    if (named.every(bare) && (shared[1] || units[units.length - 1]!.endsWith(shared[2]!))) return units.map((u, i) => (i < named.length ? u + shared[2] : u));
  }
  return units;
}

const SHARED_HEAD_AT_END = new RegExp(`(等)?(${alternation(SHARED_HEADS)})$`);

const SEPARATOR_UNITS = new Map<string, number[]>();

/** Split at any of `separators` outside brackets: `各县（市、区）人民政府` is one name. */
export function splitOutsideBrackets(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  // by UTF-16 unit: indexing a string by character makes a string of each
  let marks = SEPARATOR_UNITS.get(separators);
  if (!marks) SEPARATOR_UNITS.set(separators, (marks = Array.from(separators, (c) => c.charCodeAt(0))));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) depth++;
    else if ((c === 0x29 || c === 0xff09) && depth > 0) depth--;
    else if (depth === 0 && marks.includes(c)) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function splitConjoined(whole: string): string[] {
  // a unit followed by its other name in brackets (镇应急消防站（镇专职消防队）) is the first name
  const renamed = /^(.+?)[（(]([^()（）]+)[)）]$/.exec(whole);
  const part = renamed && looksLikeUnit(renamed[1]!) && looksLikeUnit(renamed[2]!) ? renamed[1]! : whole;
  for (const m of part.matchAll(/以及|及|和|与|同/g)) {
    const left = part.slice(0, m.index);
    const right = part.slice(m.index + m[0].length);
    if (looksLikeUnit(left) && looksLikeUnit(right.replace(OPEN_LIST_END, ''))) {
      return [left, ...splitConjoined(right)];
    }
  }
  return [part];
}

/**
 * Read one clause's words into lead and support, by the table of the rules:
 * `A牵头，B配合` / `A会同B` / `A、B分工负责` (joint leads) / `(A)`.
 */
export function parseResponsibility(clauseText: string, options: ClauseOptions = {}): Responsibility {
  // a space on one line between two names separates them (市应急局 市公安局); a line break does not
  const separated = foldForMatching(clauseText)
    .replace(LABEL_START, (space, offset: number) => (offset === 0 ? space : '；'))
    .replace(SPACE_BETWEEN_NAMES, '、');
  const text = joinBroken(separated).replace(/^由/, '');
  const segments = splitOutsideBrackets(text, ';,；，').filter(Boolean);
  const parts: { role: Role | null; units: string[]; verb?: string; labelled?: boolean }[] = [];
  let timeLimit: string | undefined;
  for (let segment of segments) {
    segment = segment.replace(/^(?:(?:此项|该项|本项|上述)(?:工作|活动|任务))?由/, '');
    if (PERSON_LABEL.test(segment)) continue;
    const limit = TIME_LIMIT_LABEL.exec(segment);
    if (limit || (TIME_WORDS.test(segment) && !looksLikeUnit(stripVerb(segment).list))) {
      timeLimit = segment.slice(limit?.[0].length ?? 0);
      continue;
    }
    let labelled: Role | null = null;
    for (const [label, role] of LABELS) {
      if (label.test(segment)) {
        labelled = role;
        segment = segment.replace(label, '');
        break;
      }
    }
    const together = segment.split(TOGETHER);
    if (together.length === 2) {
      const [leaders, partners] = together as [string, string];
      parts.push({ role: 'lead', units: splitUnits(leaders.replace(/^由/, '')) });
      parts.push({ role: 'support', units: splitUnits(stripVerb(partners).list) });
      continue;
    }
    // a role word outright (责任单位：A牵头，B配合) says more than the label
    const { list, role, verb } = stripVerb(segment);
    // a label's list may run on past a comma (配合处室：A、B，C): a bare segment after it keeps its role
    const previous = parts[parts.length - 1];
    const carried = !role && !labelled && previous?.labelled ? previous.role : null;
    parts.push({ role: role ?? labelled ?? carried, units: splitUnits(list), verb, labelled: Boolean(labelled) || carried !== null });
  }
  // a list broken by a stray comma takes the role of the verb that closes it
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]!.role === null) parts[i]!.role = parts[i + 1]?.role ?? 'joint';
  }
  // A负责，B落实: the one answering leads, the ones carrying it out support
  const answering = parts.findIndex((p) => p.verb && /负责$/.test(p.verb) && !IMPLEMENTING.test(p.verb));
  if (!parts.some((p) => p.role === 'lead') && answering >= 0 && parts.slice(answering + 1).some((p) => p.verb && IMPLEMENTING.test(p.verb))) {
    parts[answering]!.role = 'lead';
  }
  const hasLead = parts.some((p) => p.role === 'lead');
  const lead: string[] = [];
  const support: string[] = [];
  for (const part of parts) {
    const target = part.role === 'lead' || (part.role === 'joint' && !hasLead) ? lead : support;
    for (const unit of part.units) if (!lead.includes(unit) && !support.includes(unit)) target.push(unit);
  }
  if (options.firstListedLeads && !hasLead && lead.length > 1) support.unshift(...lead.splice(1));
  const doubtful = [...lead, ...support].filter((u) => !looksLikeUnit(u));
  return { lead, support, doubtful, ...(timeLimit ? { timeLimit } : {}) };
}

function stripVerb(segment: string): { list: string; role: Role | null; verb: string } {
  for (const role of ['lead', 'support', 'joint'] as const) {
    const m = ROLE_VERB_AT_END[role].exec(segment);
    if (m) return { list: segment.slice(0, m.index), role, verb: m[0] };
  }
  return { list: segment, role: null, verb: '' };
}

/**
 * The clauses in `norm[from, to)`. A parenthetical is a clause when its words
 * read as units (with or without a role verb) and it stands at a sentence
 * boundary: after `。`/`；`, or right before one, or at the end of the item.
 */
export function findClauses(notice: { norm: string; text: string; printed: string }, from: number, to: number, options: ClauseOptions = {}): Clause[] {
  const { norm, text, printed } = notice;
  const clauses: Clause[] = [];
  // the next 》 at or after i, looked up again only once i has passed it: unclosed 《 do not each search the rest
  let titleClose = -1;
  // from one ( or 《 to the next, found by indexOf
  let paren = norm.indexOf('(', from);
  let title = norm.indexOf('《', from);
  for (let i = from; i < to; i++) {
    if (paren >= 0 && paren < i) paren = norm.indexOf('(', i);
    if (title >= 0 && title < i) title = norm.indexOf('《', i);
    const next = Math.min(paren < 0 ? Infinity : paren, title < 0 ? Infinity : title);
    if (next >= to) break;
    i = next;
    if (i === title) {
      if (titleClose < i) titleClose = norm.indexOf('》', i) < 0 ? Infinity : norm.indexOf('》', i);
      if (titleClose < to) i = titleClose;
      continue;
    }
    const close = matchingParen(norm, i, to);
    if (close < 0) continue;
    const inner = norm.slice(i + 1, close);
    const clause = readClause(norm, text, printed, i, close, inner, from, to, options);
    if (clause) {
      clauses.push(clause);
    }
    i = close;
  }
  return clauses;
}

const withoutLineBreaks = (text: string) => (text.includes('\n') ? text.replace(/\s*\n\s*/g, '') : text);

function matchingParen(norm: string, open: number, to: number): number {
  let depth = 0;
  const limit = Math.min(to, open + 400);
  for (let j = open; j < limit; j++) {
    const c = norm[j];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function readClause(
  norm: string,
  text: string,
  asPrinted: string,
  open: number,
  close: number,
  inner: string,
  from: number,
  to: number,
  options: ClauseOptions,
): Clause | null {
  const printed = text.slice(open + 1, close);
  const words = joinBroken(printed);
  if (!words || /^\d/.test(joinBroken(inner)) || /^其中|^含|^即|^如|^包括|^试行|^暂行|^下称|^以下简称|^简称/.test(words)) return null;
  // the characters either side of the clause, spaces aside: read by stepping out from it, never by re-reading the item
  let b = open;
  while (b > from && SPACE.test(norm[b - 1]!)) b--;
  let a = close + 1;
  while (a < to && SPACE.test(norm[a]!)) a++;
  const after = norm.slice(a, Math.min(to, a + 40));
  const atSentenceStart = b === from || /[。;!?)]/.test(norm[b - 1]!);
  // a clause may close a heading line with no full stop: `1.加强…（市应急局牵头）⏎具体内容`
  const atSentenceEnd = after === '' || /^[。;!?,]/.test(after) || /^\d{1,3}\s*[.、]/.test(after) || /^[ \t]*\n/.test(norm.slice(close + 1, a));
  if (!atSentenceStart && !atSentenceEnd) return null;
  // read from the text as printed: a space between two names on one line separates them
  const responsibility = parseResponsibility(printed, options);
  const units = [...responsibility.lead, ...responsibility.support];
  if (units.length === 0) return null;
  const unitLike = units.filter(looksLikeUnit).length;
  const verb = HAS_ROLE_WORD.test(words);
  // with a role verb most names must read as units (spam can stand in a list); without one, all
  if (verb ? unitLike * 2 < units.length || unitLike === 0 : unitLike < units.length) return null;
  if (!verb && !atSentenceStart) return null;
  return { ...responsibility, start: open, end: close + 1, text: withoutLineBreaks(asPrinted.slice(open + 1, close)) };
}
