/**
 * Step 3: responsibility clauses (责任分工). Finds the parenthetical that names
 * who answers for a run of sentences, tells it from prose parentheses
 * (`乡镇(街道)`, `(其中，…每月至少1次)`), and splits it into lead units
 * (牵头单位) and supporting units (配合单位), names as printed.
 */

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

/** Endings of unit names: bureaus, committees, offices, groups, operators. */
export const UNIT_SUFFIX =
  /(?:企业|学校|幼儿园|局|委|办|厅|部|室|处|科|院|所|站|馆|台|中心|支队|大队|总队|中队|队|会|单位|部门|海关|集团|公司|政府|办事处|镇街|乡镇|机场|铁路|园区|银行|协会|党校|工会|妇联|团委|指挥部|小组|专班|机关|分行|军分区|人武部|街道办)$/;
/** Group names (各镇街, 各有关部门, 有关部门) start like this. */
const GROUP_PREFIX = /^(?:各|有关|相关|其他|辖区各|全市各|全区各|全县各)/;

export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[,;:。!?“”《》，；：！？]/.test(name) || /^[()（）]|[(（]$/.test(name)) return false;
  return UNIT_SUFFIX.test(name) || (GROUP_PREFIX.test(name) && name.length >= 3);
}

const ROLE_VERBS = {
  lead: /(?:牵头负责|牵头抓总|牵头组织|牵头|带队)$/,
  support: /(?:配合落实|配合实施|积极配合|配合|参与|协助|协同|督导|指导)$/,
  responsible:
    /(?:按职责分工负责|按职责负责|分工负责|各负其责|负责落实|具体负责|共同负责|按职责落实|分别负责|抓好落实|组织实施|具体实施|具体落实|负责|落实|实施)$/,
};
const LABELS: [RegExp, 'lead' | 'support' | 'responsible'][] = [
  [/^牵头(?:单位|部门|科室|处室|股室)?[:：]/, 'lead'],
  [/^(?:配合|协办|协同|参与)(?:单位|部门|科室|处室|股室)?[:：]/, 'support'],
  [/^(?:责任|主体责任|主责|实施|承办|主办)(?:单位|部门|科室|处室|股室|主体)?[:：]/, 'responsible'],
];
const TIME_LIMIT_LABEL = /^(?:完成时限|完成时间|时间节点|完成期限|时限要求|时限)[:：]?/;
/** Labels naming people, not units: their segment is left out. */
const PERSON_LABEL = /^(?:分管领导|责任领导|责任人|联系人|分管负责人)[:：]/;
/** Where a labelled segment starts inside a clause written without separators (…周立新  责任科室：运管所). */
const LABEL_START = /\s*(?=(?:牵头|责任|配合|协办|主办|分管|完成)(?:单位|部门|科室|处室|股室|领导|时限|时间)[:：])/g;
/** A clause segment that is a date, not units: `…配合，2025年底前完成`. */
const TIME_WORDS = /\d{4}\s*年|[0-9０-９]{1,2}\s*月|年底|年内|上半年|下半年|季度|前完成|完成$|长期|持续/;
/** `等`, `等部门`, `等有关部门`, `等行业主管部门` close an open list. */
const OPEN_LIST_END = /等(?:[\u4e00-\u9fff]{0,8}?(?:部门|单位)(?:和单位)?)?$/;
const HAS_ROLE_WORD = /牵头|负责|配合|参与|会同|协助|落实|实施|单位[:：]/;

/** Remove the line and page breaks a clause can be split by, keeping spaces inside Latin text. */
export function joinBroken(text: string): string {
  return text.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

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
  return units;
}

/** Split at any of `separators` outside brackets: `各县（市、区）人民政府` is one name. */
export function splitOutsideBrackets(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && separators.includes(c)) {
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

type Role = 'lead' | 'support' | 'responsible';

/**
 * Read one clause's words into lead and support, by the table of the rules:
 * `A牵头，B配合` / `A会同B` / `A、B分工负责` (joint leads) / `(A)`.
 */
export function parseResponsibility(clauseText: string, options: ClauseOptions = {}): Responsibility {
  // a space on one line between two names separates them (市应急局 市公安局); a line break does not
  const separated = clauseText
    .replace(LABEL_START, (space, offset: number) => (offset === 0 ? space : '；'))
    .replace(/(?<=[局委办厅部室处科院所站馆台心队会位门关团府司街镇])[ \u3000]+(?=[市县区省镇乡各团共驻国中局])/g, '、');
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
    const together = segment.split('会同');
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
    if (parts[i]!.role === null) parts[i]!.role = parts[i + 1]?.role ?? 'responsible';
  }
  // A负责，B落实: the one answering leads, the ones carrying it out support
  const implementing = /^(?:负责落实|落实|抓好落实|具体实施|具体落实|组织实施|实施)$/;
  const answering = parts.findIndex((p) => p.verb && /负责$/.test(p.verb) && !implementing.test(p.verb));
  if (!parts.some((p) => p.role === 'lead') && answering >= 0 && parts.slice(answering + 1).some((p) => p.verb && implementing.test(p.verb))) {
    parts[answering]!.role = 'lead';
  }
  const hasLead = parts.some((p) => p.role === 'lead');
  const lead: string[] = [];
  const support: string[] = [];
  for (const part of parts) {
    const target = part.role === 'lead' || (part.role === 'responsible' && !hasLead) ? lead : support;
    for (const unit of part.units) if (!lead.includes(unit) && !support.includes(unit)) target.push(unit);
  }
  if (options.firstListedLeads && !hasLead && lead.length > 1) support.unshift(...lead.splice(1));
  const doubtful = [...lead, ...support].filter((u) => !looksLikeUnit(u));
  return { lead, support, doubtful, ...(timeLimit ? { timeLimit } : {}) };
}

function stripVerb(segment: string): { list: string; role: Role | null; verb: string } {
  for (const role of ['lead', 'support', 'responsible'] as const) {
    const m = ROLE_VERBS[role].exec(segment);
    if (m) return { list: segment.slice(0, m.index), role, verb: m[0] };
  }
  return { list: segment, role: null, verb: '' };
}

/**
 * The clauses in `norm[from, to)`. A parenthetical is a clause when its words
 * read as units (with or without a role verb) and it stands at a sentence
 * boundary: after `。`/`；`, or right before one, or at the end of the item.
 */
export function findClauses(norm: string, text: string, from: number, to: number, options: ClauseOptions = {}): Clause[] {
  const clauses: Clause[] = [];
  for (let i = from; i < to; i++) {
    const c = norm[i];
    if (c === '《') {
      const close = norm.indexOf('》', i);
      if (close > 0 && close < to) i = close;
      continue;
    }
    if (c !== '(') continue;
    const close = matchingParen(norm, i, to);
    if (close < 0) continue;
    const inner = norm.slice(i + 1, close);
    const clause = readClause(norm, text, i, close, inner, from, to, options);
    if (clause) {
      clauses.push(clause);
    }
    i = close;
  }
  return clauses;
}

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
  const before = norm.slice(from, open).replace(/\s+$/, '');
  const rawAfter = norm.slice(close + 1, to);
  const after = rawAfter.replace(/^\s+/, '');
  const atSentenceStart = before === '' || /[。;!?)]$/.test(before);
  // a clause may close a heading line with no full stop: `1.加强…（市应急局牵头）⏎具体内容`
  const atSentenceEnd = after === '' || /^[。;!?,]/.test(after) || /^\d{1,3}\s*[.、]/.test(after) || /^[ \t]*\n/.test(rawAfter);
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
  return { ...responsibility, start: open, end: close + 1, text: text.slice(open + 1, close).replace(/\s*\n\s*/g, '') };
}
