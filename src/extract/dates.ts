/**
 * Step 4: dates. Reads the deadline a task's text sets (`2024年底前`,
 * `6月底前`, `自2021年12月20日至2022年3月31日`, `3、4、5月份`), and the
 * recurring duties it names (`每季度至少组织研究1次`, `定期`), from text whose
 * line breaks are already joined. Phrases are quoted as printed.
 */
import type { Recurrence } from '../registry/types.js';
import { parseChineseNumeral } from './numbering.js';
import { alternation, FIXED_HOLIDAYS } from './lexicon.js';
import { foldWidths } from './source.js';
import { isoDate } from '../calendar.js';

export { isoDate };

export interface DateContext {
  /** the year a phrase without one belongs to: the document's, else its period's */
  year: number | null;
  /**
   * the day the notice starts to run (its date of issue, else its period's
   * start): a day named without 前 before it is a past event, not a deadline
   */
  since?: string | null;
}

export interface DeadlineFinding {
  deadline: string;
  text: string;
  start?: string;
  index: number;
}

export interface DeadlineReading {
  deadline: string | null;
  deadline_text: string | null;
  start?: string;
  milestones: { date: string; text: string }[];
}

const CN_YEAR_DIGIT: Record<string, string> = Object.fromEntries([...'〇○零一二三四五六七八九'].map((c, i) => [c, String(Math.max(0, i - 2))]));

/** `二○一二年四月五日` → `2012年4月5日`: only full dates written in Chinese numerals are rewritten. */
export function arabicDates(text: string): string {
  return arabicDatesMapped(text).text;
}

const CN_DATE =
  /([〇○零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?|(?<![一二三四五六七八九十每])()([一二三四五六七八九十]{1,2})月(?=底|末|前|上旬|中旬|下旬|份)|(明年|次年|来年)(?=\d|[一二三四五六七八九十]{1,2}月|底|年底|上半年|下半年|第|[一二三四]季度)|(下月|次月|本月|当月)(?=\d{1,2}日|底|末|[上中下]旬)/g;

/**
 * The rewrite, with the place in the original of each character of the result,
 * so a phrase found in the rewritten text can be quoted as printed.
 */
function arabicDatesMapped(text: string, year: number | null = null, since: string | null = null): { text: string; origin: number[] | null } {
  // every form CN_DATE reads names a 年 or a 月: text without either is its own rewrite (origin null: each character where it stands)
  if (!text.includes('年') && !text.includes('月')) return { text, origin: null };
  let out = '';
  const origin: number[] = [];
  let at = 0;
  for (const m of text.matchAll(CN_DATE)) {
    // 明年, 次年: the year after the notice's (only where that year is known); 下月, 本月: after the notice's month
    if ((m[6] && !year) || (m[7] && !since)) continue;
    for (; at < m.index; at++) {
      out += text[at];
      origin.push(at);
    }
    const [, y, month, day, , monthAlone, nextYear, relativeMonth] = m;
    const shift = relativeMonth && /^[下次]/.test(relativeMonth) ? 1 : 0;
    const monthOf = since ? Number(since.slice(0, 4)) * 12 + Number(since.slice(5, 7)) - 1 + shift : 0;
    const rewritten = relativeMonth
      ? `${Math.floor(monthOf / 12)}年${(monthOf % 12) + 1}月`
      : nextYear
      ? `${year! + 1}年`
      : y
      ? `${[...y].map((c) => CN_YEAR_DIGIT[c]).join('')}年${month ? `${parseChineseNumeral(month)}月` : ''}${day ? `${parseChineseNumeral(day)}日` : ''}`
      : `${parseChineseNumeral(monthAlone!)}月`;
    for (let i = 0; i < rewritten.length; i++) {
      out += rewritten[i];
      origin.push(m.index + Math.min(i, m[0].length - 1));
    }
    at = m.index + m[0].length;
  }
  if (at === 0) return { text, origin: null };
  for (; at < text.length; at++) {
    out += text[at];
    origin.push(at);
  }
  return { text: out, origin };
}

const QUOTED_HOLIDAYS = new Set(FIXED_HOLIDAYS.flatMap((h) => h.words).flatMap((w) => (w.startsWith('“') ? [w.slice(0, w.indexOf('”') + 1)] : [])));

/** Text inside 《》 and “” is a title or a slogan: its years are not dates to meet. */
function maskQuoted(text: string): string {
  // a plan's name in quotes (“十四五”) still dates a phrase: “十四五”末
  // and a holiday in quotes (“五一”前) is the holiday
  if (!text.includes('《') && !text.includes('“')) return text;
  return text.replace(/《[^《》]*》|“[^“”]*”/g, (q) => (/^“[一二三四五六七八九十]{1,3}五”$/.test(q) || QUOTED_HOLIDAYS.has(q) ? q : '□'.repeat(q.length)));
}

/** Recurring duties, each with the group that names its period and the words one of which it holds. */
export const RECURRING: { pattern: RegExp; needs: readonly string[]; period: (m: RegExpMatchArray) => string | null }[] = [
  { pattern: /每(?:个)?(两年|三年|半年|双月|两月|季度|星期|年|季|月|周|旬|日|天)[^,;。]{0,16}/g, needs: ['每'], period: (m) => m[1]! },
  { pattern: /一(周|月|季度|年)一[\u4e00-\u9fff]{1,2}/g, needs: ['一'], period: (m) => m[1]! },
  { pattern: /(?<![\d□每一])(双月|月|季)(调度|通报|分析|考核|例会)/g, needs: ['月', '季'], period: (m) => m[1]! },
  { pattern: /(?<![\d□])年度[\u4e00-\u9fff]{0,6}?(计划|目标|任务清单|任务)/g, needs: ['年度'], period: () => '年度' },
  { pattern: /双月/g, needs: ['双月'], period: () => '双月' },
  { pattern: /定期/g, needs: ['定期'], period: () => null },
];

/** `每年7月10日前报告上半年情况` recurs: the dates of a recurring duty are not deadlines. */
function maskRecurring(text: string): string {
  let masked = text;
  for (const { pattern, needs } of RECURRING) if (needs.some((word) => text.includes(word))) masked = masked.replace(pattern, (q) => '□'.repeat(q.length));
  return masked;
}

const Y = '(\\d{4}) ?年';
const M = '(\\d{1,2}) ?月';
const D = '(\\d{1,2}) ?[日号]';
const BY = '(?:前|之前|以前|为止|止)';
type Reading = Omit<DeadlineFinding, 'index' | 'text'> & { bare?: boolean };

/** The last day of the month a phrase names (its year in group 1, else the notice's; its month in group 2). */
function readMonthEnd(m: RegExpExecArray, year: number | null): Reading | null {
  const y = m[1] ? Number(m[1]) : year;
  const deadline = y ? isoDate(y, Number(m[2])) : null;
  return deadline ? { deadline } : null;
}
/** Each form of deadline, with the words one of which every phrase of it holds (a text without them is not searched). */
export const RULES: { pattern: RegExp; needs: readonly string[]; read(m: RegExpExecArray, year: number | null): Reading | null }[] = [
  {
    // 自2021年12月20日至2022年3月31日: the end, and where it starts
    pattern: new RegExp(`(?:自|从)?(?:${Y})?${M}(?:${D})?(?:起)?(?:至|到|—|–|~|-)(?:${Y})?${M}(?:${D})?(?:${BY})?`, 'g'),
    needs: ['月'],
    read(m, year) {
      const y1 = m[1] ? Number(m[1]) : year;
      const y2 = m[4] ? Number(m[4]) : y1;
      if (!y1 || !y2) return null;
      const end = isoDate(y2, Number(m[5]), m[6] ? Number(m[6]) : undefined);
      const start = isoDate(y1, Number(m[2]), m[3] ? Number(m[3]) : 1);
      return end ? { deadline: end, ...(start ? { start } : {}) } : null;
    },
  },
  {
    // 3、4、5月份: the last month named, starting with the first
    pattern: /(\d{1,2})(?:、\d{1,2})*、(\d{1,2}) ?月份?/g,
    needs: ['月'],
    read(m, year) {
      if (!year) return null;
      const end = isoDate(year, Number(m[2]));
      const start = isoDate(year, Number(m[1]), 1);
      return end ? { deadline: end, ...(start ? { start } : {}) } : null;
    },
  },
  {
    // 2024年6月30日前, 于4月20日前, 6月底前, 2024年6月底
    pattern: new RegExp(`(?:${Y})?${M}(?:${D}${BY}|(?:底|末)(?:前|之前)?|${BY})`, 'g'),
    needs: ['月'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : year;
      const deadline = y ? isoDate(y, Number(m[2]), m[3] ? Number(m[3]) : undefined) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // 4—6月: the end of the last month
    pattern: /(?<!\d)(\d{1,2}) ?(?:—|–|-|~|至|到) ?(\d{1,2}) ?月份?/g,
    needs: ['月'],
    read(m, year) {
      const end = year ? isoDate(year, Number(m[2])) : null;
      const start = year ? isoDate(year, Number(m[1]), 1) : null;
      return end ? { deadline: end, ...(start ? { start } : {}) } : null;
    },
  },
  {
    // 5月上旬, 5月中旬, 6月下旬
    pattern: new RegExp(`(?:${Y})?${M}(上|中|下)旬`, 'g'),
    needs: ['月'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : year;
      const deadline = y ? isoDate(y, Number(m[2]), m[3] === '上' ? 10 : m[3] === '中' ? 20 : undefined) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // 6月中下旬, 7月上中旬: the end of the later part
    pattern: new RegExp(`(?:${Y})?${M}(?:上中|中下)旬`, 'g'),
    needs: ['月'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : year;
      const deadline = y ? isoDate(y, Number(m[2]), m[0].includes('上中') ? 20 : undefined) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // 6月份, as a time limit (6月份，聚焦…开展集中执法): the month's end
    pattern: new RegExp(`(?:${Y})?${M}份(?!以来|以前|之前)`, 'g'),
    needs: ['月'],
    read: readMonthEnd,
  },
  {
    // 6月16日，…开展: the day an activity is held (a day before the notice ran is a past event: see findDeadlines)
    pattern: new RegExp(`(?:${Y})?${M}${D}(?![前起至到—–~-]|以来|以前|之前)`, 'g'),
    needs: ['月'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : year;
      const deadline = y ? isoDate(y, Number(m[2]), Number(m[3])) : null;
      return deadline ? { deadline, bare: true } : null;
    },
  },
  {
    // a month opening a sentence, as a time limit (4月，全面启动…): the month's end
    pattern: new RegExp(`(?<=^|[,;:。])(?:${Y})?${M}(?=[,，])`, 'g'),
    needs: ['月'],
    read: readMonthEnd,
  },
  {
    // a month as the time of an action: opening a sentence or a step, or after 在/于 (在6月组织开展…, 一是4月组织…)
    pattern: new RegExp(`(?<=^|[,;:。]|在|于|[一二三四五六七八九十]是)(?:${Y})?${M}(?![\\d日号份底末前以中上下])`, 'g'),
    needs: ['月'],
    read: readMonthEnd,
  },
  {
    // 元旦前, 国庆节前, “五一”前: holidays on fixed days (movable ones, 春节前, give no date)
    pattern: new RegExp(`(?:${alternation(FIXED_HOLIDAYS.flatMap((h) => h.words))})(?:节)?(?:前|之前)`, 'g'),
    needs: ['前'],
    read(m, year) {
      const holiday = FIXED_HOLIDAYS.find((h) => h.words.some((w) => m[0].startsWith(w)));
      const deadline = year && holiday ? isoDate(year, holiday.month, holiday.day) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // 6月完成, 2024年6月份全面完成
    pattern: new RegExp(`(?:${Y})?${M}份?(?=(?:全面|基本|全部)?完成)`, 'g'),
    needs: ['月'],
    read: readMonthEnd,
  },
  {
    // 2024年底前, 年底前, 年内, 2025年前
    pattern: new RegExp(`(?:(\\d{4}) ?)?年(?:底|末)(?:前|之前)?|${Y}(?:前|之前|以前)|(?<![\\d□])年内`, 'g'),
    needs: ['年'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : year;
      const deadline = y ? isoDate(y, 12) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // 上半年, 三季度末, 2024年第一季度
    pattern: new RegExp(`(?:${Y})?(?:(上|下)半年|(?:第)?([一二三四1-4])季度(?:末|底)?)(?:前)?(?![度情工])`, 'g'),
    needs: ['半年', '季度'],
    read(m, year) {
      const y = m[1] ? Number(m[1]) : year;
      if (!y) return null;
      const quarter = m[3] ? (/\d/.test(m[3]) ? Number(m[3]) : parseChineseNumeral(m[3])!) : m[2] === '上' ? 2 : 4;
      return { deadline: isoDate(y, quarter * 3)! };
    },
  },
  {
    // “十四五”末: the last day of a five-year plan
    // (not a baseline: 达到“十三五”末的1.5倍, 较“十三五”末)
    pattern: /(?<![较比与同])“?([一二三四五六七八九十]{1,3})五”?(?:末|期末|时期末)(?!的)/g,
    needs: ['五'],
    read(m) {
      const plan = parseChineseNumeral(m[1]!);
      // 三五 began in 1966; every plan since is five years
      const deadline = plan && plan >= 3 ? isoDate(1966 + 5 * (plan - 3) + 4, 12) : null;
      return deadline ? { deadline } : null;
    },
  },
  {
    // a month alone, given as a time limit: 完成时限：4月
    pattern: new RegExp(`(?:完成时限|完成时间|时间节点|完成期限|时限要求|时限)[:]? ?(?:${Y})?${M}份?`, 'g'),
    needs: ['月'],
    read: readMonthEnd,
  },
  {
    // 到2020年, 至2025年; a year opening a sentence (2020年市政消火栓建有率达到100%); 2025年完成
    pattern: new RegExp(`(?:(?:到|至|截至|截止|力争|争取)${Y}|(?<=^|[,;:。])${Y}(?![度以及起开来底末前])|${Y}(?=(?:全面|基本|全部)?(?:完成|实现|建成|达到)))`, 'g'),
    needs: ['年'],
    read(m) {
      const y = Number(m[1] ?? m[2] ?? m[3]);
      const deadline = isoDate(y, 12);
      return deadline ? { deadline } : null;
    },
  },
];

const PLAUSIBLE_YEAR = (date: string) => date >= '1900' && date < '2200';
const shiftDays = (date: string, days: number) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)) + days)).toISOString().slice(0, 10);

/** Every date the text sets for finishing something, in text order. */
function findDeadlines(text: string, context: DateContext): DeadlineFinding[] {
  const rewritten = arabicDatesMapped(foldWidths(text), context.year, context.since ?? null);
  const readable = maskRecurring(maskQuoted(rewritten.text));
  const { origin } = rewritten;
  const at = (index: number) => (origin ? origin[index]! : index);
  const printed = (from: number, to: number) => text.slice(at(from), at(to - 1) + 1);
  const taken: [number, number][] = [];
  const findings: DeadlineFinding[] = [];
  for (const rule of RULES) {
    if (!rule.needs.some((word) => readable.includes(word))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(readable); m; m = rule.pattern.exec(readable)) {
      const from = m.index;
      const to = from + m[0].length;
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      let reading = rule.read(m, context.year);
      // a notice's own dates fall within two centuries of ours; 3123年 is a misread number
      if (!reading || !PLAUSIBLE_YEAR(reading.deadline)) continue;
      // a bare day is a deadline only once the notice runs: before that it is an event recalled
      if (reading.bare && !(context.since && reading.deadline >= context.since)) continue;
      const { bare: _bare, ...finding } = reading;
      // a year left out is this year's, unless that day had long passed when the notice was issued (3月底前 in October)
      if (!/\d{4}\s*年/.test(m[0]) && context.since && context.year && reading.deadline < shiftDays(context.since, -31) && reading.deadline.startsWith(String(context.year))) {
        const next = isoDate(context.year + 1, Number(reading.deadline.slice(5, 7)), Number(reading.deadline.slice(8)));
        if (next) reading = { ...finding, deadline: next };
      } else reading = finding;
      taken.push([from, to]);
      findings.push({ ...reading, text: printed(from, to), index: at(from) });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

/**
 * The deadline of a task: the earliest date its text sets (the first thing
 * that can be late); the others are kept as milestones.
 */
export function readDeadline(text: string, context: DateContext): DeadlineReading {
  const findings = findDeadlines(text, context);
  if (findings.length === 0) return { deadline: null, deadline_text: null, milestones: [] };
  const earliest = findings.reduce((a, b) => (b.deadline < a.deadline ? b : a));
  return {
    deadline: earliest.deadline,
    deadline_text: earliest.text,
    ...(earliest.start ? { start: earliest.start } : {}),
    milestones: findings.filter((f) => f !== earliest).map((f) => ({ date: f.deadline, text: f.text })),
  };
}

const INTERVALS: Record<string, string> = {
  年: 'P1Y', 年度: 'P1Y', 半年: 'P6M', 季度: 'P3M', 季: 'P3M', 月: 'P1M', 双月: 'P2M', 两月: 'P2M', 周: 'P1W', 星期: 'P1W',
  旬: 'P10D', 日: 'P1D', 天: 'P1D', 两年: 'P2Y', 三年: 'P3Y',
};

/** Recurring duties, as printed, with an interval where one is clear. */
export function findRecurrences(text: string): Recurrence[] {
  const readable = maskQuoted(foldWidths(text));
  const found: { index: number; recurrence: Recurrence }[] = [];
  for (const { pattern, needs, period } of RECURRING) {
    if (!needs.some((word) => readable.includes(word))) continue;
    for (const m of readable.matchAll(pattern)) {
      // 每季度至少组织研究1次，…: the phrase ends at its count
      const phrase = text.slice(m.index, m.index + m[0].length).replace(/(次)[^次]*$/, '$1');
      if (found.some((f) => f.recurrence.text.includes(phrase) || (m.index >= f.index && m.index < f.index + f.recurrence.text.length))) continue;
      const unit = period(m);
      found.push({ index: m.index, recurrence: { text: phrase, interval: unit ? INTERVALS[unit] ?? null : null } });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.recurrence);
}
