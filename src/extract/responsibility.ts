/**
 * Responsibility written outside parentheses, read where an item has no
 * clause: `牵头单位：A` lines, `由A牵头，B配合`, units opening the item
 * (`县公安局要…`), or a section heading that is itself a unit (`二、乡镇人民政府`).
 */
import {
  joinBroken,
  looksLikeUnit,
  parseResponsibility,
  splitOutsideBrackets,
  splitUnits,
  hasUnitSuffix,
  PLACE_OPENING,
  type ClauseOptions,
  type Responsibility,
} from './clause.js';
import type { AssignmentForm } from '../registry/types.js';
import { alternation, ANY_LABEL, GROUP_HEAD_VERBS, MODAL, PERSON_TITLES, ROLE_VERBS, TIME_LIMIT_LABELS, TOGETHER_WORDS } from './lexicon.js';

export type InlineResponsibility = Responsibility & { text: string; form: AssignmentForm };

const LABEL = `${ANY_LABEL}|${alternation(TIME_LIMIT_LABELS)}`;
/** `牵头单位：A  配合单位：B` on a line of its own or one line each; a label ends the value before it. */
const LABELLED = new RegExp(`(${LABEL})\\s*:\\s*([^\\n;。]+?)(?=\\s*(?:${LABEL})\\s*:|[\\n;。]|$)`, 'g');
const IS_TIME_LIMIT = new RegExp(`^(?:${alternation(TIME_LIMIT_LABELS)})$`);
/** One phrase of a run naming roles: `由A牵头`, `B、C配合`, `此项工作由A负责`, `由A带队`. */
const ALL_VERBS = alternation([...ROLE_VERBS.lead, ...ROLE_VERBS.support, ...ROLE_VERBS.joint]);
const ROLE_PHRASE = new RegExp(`^(?:(?:此项|该项|本项|上述)(?:工作|活动|任务))?(由)?(.{2,60}?)(${ALL_VERBS})$`);
const LEAD_VERB = new RegExp(`(?:${alternation(ROLE_VERBS.lead)})$`);
const SUPPORT_VERB = new RegExp(`(?:${alternation(ROLE_VERBS.support)})$`);
const OPENING = new RegExp(`^(.{2,60}?)(?:${MODAL})?(?:按职责分工|按职责|分工)?(牵头|${alternation(TOGETHER_WORDS)}|负责|配合|参与|${MODAL})(.*)$`);

/**
 * Responsibility written outside parentheses: `牵头单位：A` lines, `由A牵头，B配合`,
 * units opening the item (`县公安局要…`), or a section heading that is a unit.
 */
export function responsibilityOutsideClauses(
  content: string,
  hasHeading: boolean,
  /** the headings above the item, nearest first */
  headings: string[],
  options: ClauseOptions,
): InlineResponsibility | null {
  const labelled = [...content.matchAll(LABELLED)].filter((m) => !IS_TIME_LIMIT.test(m[1]!));
  if (labelled.length > 0) {
    // read like a clause: the labels give roles, a role word inside a value says more (责任单位：A牵头，B配合)
    const text = labelled.map((m) => `${m[1]}：${m[2]!.trim()}`).join('；');
    return { ...parseResponsibility(text, options), text, form: 'label' };
  }
  const cells = unitCells(content);
  if (cells) return cells;
  const joined = joinBroken(content);
  const group = groupOf(joined);
  if (group) return group;
  const run = roleRun(joined, options);
  // several 由A负责 sentences give the item the union of their units
  const union = byUnion(joined);
  if (union && (union.sentences > 1 || !run)) return union.responsibility;
  if (run) return run;
  // an item headed by a unit (（一）县消防救援大队。负责…) is that unit's
  const heading = hasHeading ? /^([^。]*)。/.exec(joined)?.[1] ?? '' : '';
  const headingUnits = unitsNamedBy(heading);
  if (headingUnits) return { lead: headingUnits, support: [], doubtful: [], text: heading, form: 'heading' };
  const body = hasHeading ? joined.replace(/^[^。]*。/, '') : joined;
  const opening = openingUnits(body, options);
  if (opening) return opening;
  // after a time or condition that opens the item, the unit that acts (6月16日，县应急局组织…; 清明节期间，县林业局要…)
  const when = TIME_OPENING.exec(body);
  const after = when ? body.slice(when[0].length) : '';
  const acting = when ? openingUnits(after, options) : null;
  if (acting) return acting;
  const actor = when ? subjectUnit(after) : null;
  if (actor) return { lead: splitUnits(actor), support: [], doubtful: [], text: actor, form: 'subject' };
  // a section heading that is a unit (二、乡镇人民政府) gives the duties beneath it
  for (const section of headings) {
    const units = unitsNamedBy(section);
    if (units) return { lead: units, support: [], doubtful: [], text: section, form: 'heading' };
  }
  return null;
}

const PERSON = alternation(PERSON_TITLES);
/** `由市应急局分管负责同志任组长`: the shortest opening after 由 that a person's title or the head verb follows. */
const GROUP_LEAD = new RegExp(`由(.{2,40}?)(?=(?:${PERSON})|[(]|\\d名|[一二三四五六七八九十]名|${alternation(GROUP_HEAD_VERBS)})`);
/** An item that sets up a group (1.综合协调组，由县应急局局长任组长): the group is named before 由. */
const GROUP_ITEM = new RegExp(`^[^。;]{0,30}?(?:组|专班|指挥部)[^;]{0,24}?由[^。;]{2,60}?(?:${alternation(GROUP_HEAD_VERBS)})`);
const MEMBERS = /成员(?:单位)?(?:由|为|包括)([^。;]{2,160}?)(?:组成|构成|参加)|([^。;,]{2,80}?)派员参加/g;
const PERSON_TAIL = new RegExp(`(?:等)?(?:有关|相关)?(?:部门|单位)?(?:${PERSON})$`);

/**
 * A group set up under a unit (督查组, 工作专班): `由A（某人）任组长` or `由A…带队`
 * leads it, `成员由B、C…组成` and `D派员参加` support it.
 */
export function groupOf(item: string): InlineResponsibility | null {
  if (!GROUP_ITEM.test(item)) return null;
  const head = GROUP_LEAD.exec(item);
  const leader = head?.[1];
  if (!leader || !looksLikeUnit(leader)) return null;
  const support: string[] = [];
  for (const m of item.matchAll(MEMBERS)) {
    for (const part of splitOutsideBrackets(m[1] ?? m[2]!, '、,')) {
      for (const unit of splitUnits(part.replace(PERSON_TAIL, '').replace(/等.*$/, ''))) {
        if (looksLikeUnit(unit) && unit !== leader && !support.includes(unit)) support.push(unit);
      }
    }
  }
  return { lead: [leader], support, doubtful: [], text: head![0], form: 'group' };
}

/** A short phrase of time or condition opening an item: `6月16日，`, `清明节期间，`, `汛前，`, `节日期间，`. */
const TIME_OPENING = /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日[^,，]{0,4}|[^,，。;]{0,8}?(?:期间|之前|之后|前夕|之际|以来|前|后|时|汛期|季|月份?|旬))[,，]/;
const BY_SENTENCE = new RegExp(`(?:^|[。;,:])(?:(?:此项|该项|本项|上述)(?:工作|任务|活动))?由([^,;。由]{2,40}?)(牵头抓总|牵头负责|牵头|负责|组织实施)`, 'g');

/** `由A负责…，由B负责…`: every unit named so, joint unless one 牵头. */
function byUnion(item: string): { responsibility: InlineResponsibility; sentences: number } | null {
  const lead: string[] = [];
  const phrases: string[] = [];
  for (const m of item.matchAll(BY_SENTENCE)) {
    const units = splitUnits(m[1]!);
    if (units.length === 0 || !units.every(looksLikeUnit)) continue;
    phrases.push(`由${m[1]}${m[2]}`);
    for (const unit of units) if (!lead.includes(unit)) lead.push(unit);
  }
  if (phrases.length === 0) return null;
  return { responsibility: { lead, support: [], doubtful: [], text: phrases.join('，'), form: 'by' }, sentences: phrases.length };
}

/**
 * A table scraped one cell a line (`市安委办 (工作专班办公室) |`): a line of
 * the item, after its first, that holds only unit names is its 责任单位 cell;
 * the units are joint leads.
 */
function unitCells(content: string): InlineResponsibility | null {
  for (const line of content.split('\n').slice(1)) {
    const cell = line.replace(/\|\s*$/, '').trim().replace(/\s+(?=\()/g, '');
    // spaces separate names, unless what follows opens no name of its own (各县区(开发区) 安委会)
    const units = cell ? splitUnits(cell.replace(/\s+(?=\S)/g, (space, at: number) => (PLACE_OPENING.test(cell.slice(at + space.length)) ? '、' : ''))) : [];
    if (units.length > 0 && units.every(looksLikeUnit)) return { lead: units, support: [], doubtful: [], text: cell, form: 'table' };
  }
  return null;
}

/** Words a heading adds to a unit's name to say it lists the unit's duties: `镇党委政府职责`, `区科委工作职责`. */
const DUTIES = /(?:的)?(?:安全生产)?(?:工作)?(?:主要)?职责(?:清单|任务)?$/;

/** The units a heading consists of (县消防救援大队; 县商务局、县市场监管局), or null when it says something else. */
function unitsNamedBy(heading: string): string[] | null {
  const units = splitUnits(heading.replace(/[:。]$/, '').replace(DUTIES, ''));
  return heading.length <= 30 && units.length > 0 && units.every((u) => looksLikeUnit(u) && PLACE_OPENING.test(u)) ? units : null;
}

/**
 * Phrases that name roles, one after another anywhere in the item:
 * `由A牵头，B、C配合`, `A牵头，B配合`, `此项工作由A负责`. A person leading a
 * visit (`由区政府分管负责同志带队`) is not a unit and is passed over.
 */
function roleRun(item: string, options: ClauseOptions): InlineResponsibility | null {
  let run: string[] = [];
  const assigns = () =>
    run.some((p) => LEAD_VERB.test(p)) || run.some((p) => /^(?:(?:此项|该项|本项|上述)(?:工作|活动|任务))?由/.test(p)) || (run.length > 1 && run.some((p) => SUPPORT_VERB.test(p)));
  for (const raw of splitOutsideBrackets(item, ',，;；。:：')) {
    const phrase = raw.trim();
    const m = ROLE_PHRASE.exec(phrase);
    const units = m ? splitUnits(m[2]!) : [];
    if (m && units.length > 0 && units.every(looksLikeUnit) && !(m[3] === '带队' && !m[1])) {
      run.push(phrase);
      continue;
    }
    if (assigns()) break;
    run = [];
  }
  if (!assigns()) return null;
  const text = run.join('，');
  return { ...parseResponsibility(text, options), text, form: 'by' };
}

/**
 * Units as the subject opening an item: `县公安局要…`, `县教育局负责…`,
 * `县住建局会同县自然资源局、县城管局开展…`, `县应急局牵头，县工信局配合，开展…`.
 */
function openingUnits(opening: string, options: ClauseOptions): InlineResponsibility | null {
  const printed: string[] = [];
  const read: string[] = [];
  for (const segment of splitOutsideBrackets(opening, ',，;；')) {
    const m = OPENING.exec(segment);
    if (!m) break;
    const [, names, verb, rest] = m as unknown as [string, string, string, string];
    const units = splitUnits(names);
    if (units.length === 0 || !units.every(looksLikeUnit) || (read.length === 0 && !PLACE_OPENING.test(units[0]!))) break;
    if (verb === '会同') {
      const partners = leadingUnits(rest).join('、');
      printed.push(`${names}会同${partners}`);
      read.push(`${names}会同${partners}`);
      break;
    }
    printed.push(`${names}${verb}`);
    // 要/应/须 state a duty: the units are responsible for the item
    read.push(`${names}${/^(?:牵头|负责|配合|参与)$/.test(verb) ? verb : '负责'}`);
    if (rest !== '' || !/^(?:牵头|负责|配合|参与)$/.test(verb)) break;
  }
  if (read.length === 0) return null;
  return { ...parseResponsibility(read.join('，'), options), text: printed.join('，'), form: 'subject' };
}

/**
 * The unit a sentence opens with (县应急局 in 县应急局组织县安委会有关成员单位…):
 * the shortest opening that reads as a unit, lengthened while a longer one
 * follows within a few characters (区政府办 → 区政府办公室).
 */
function subjectUnit(text: string): string | null {
  const isUnit = (end: number) => {
    const candidate = text.slice(0, end);
    return PLACE_OPENING.test(candidate) && hasUnitSuffix(candidate) && looksLikeUnit(candidate);
  };
  let end = 4;
  while (end <= Math.min(text.length, 24) && !isUnit(end)) end++;
  if (end > Math.min(text.length, 24)) return null;
  for (let longer = end + 1; longer <= Math.min(text.length, end + 3); longer++) {
    if (isUnit(longer)) {
      end = longer;
      longer = end;
    }
  }
  return text.slice(0, end);
}

/** The unit names a phrase opens with: `县自然资源局、县城管局开展…` → both. */
function leadingUnits(phrase: string): string[] {
  const units: string[] = [];
  for (const part of splitOutsideBrackets(phrase, '、')) {
    if (looksLikeUnit(part)) {
      units.push(part);
      continue;
    }
    for (let end = Math.min(part.length, 20); end >= 3; end--) {
      if (looksLikeUnit(part.slice(0, end))) {
        units.push(part.slice(0, end));
        break;
      }
    }
    break;
  }
  return units;
}
