/**
 * Step 3 of extraction: from the outline of numbers to the items that are
 * tasks. Sections that set no work (发展现状, 指导思想, 基本原则, 目标) are
 * skipped with everything under them; the deepest items of the rest are tasks,
 * and their numbering path is their id.
 */
import { joinBroken } from './clause.js';
import { alternation, ANY_LABEL, FIELD_LABELS, ROLE_VERBS, SECTION_WORDS } from './lexicon.js';
import { groupOf } from './responsibility.js';
import type { OutlineNode } from './numbering.js';
import type { NoticeText } from './source.js';

/**
 * Headings of sections that set no work: situation, guiding thought,
 * principles, goals (context), and 保障措施-type demands (guarantee); a few
 * words may lead up to the kind (当前面临的形势, 加强组织领导).
 */
const CONTEXT_HEADING = new RegExp(
  `^(?:[^,。]{0,12}(?:${alternation(SECTION_WORDS.situation)})|[^,。]{0,4}(?:${alternation(SECTION_WORDS.context)}))`,
);
const GUARANTEE_HEADING = new RegExp(`^[^,。]{0,2}(?:${alternation(SECTION_WORDS.guarantee)})`);
const TASK_HEADING = new RegExp(alternation(SECTION_WORDS.task));

/** Where a section heading ends: a full stop, a line end, or (in run-on text) a space before the next words. */
// (a run of spaces is tried from its start only, not again from inside it)
const HEADING_END = /[。\n]|(?<![ \u3000])[ \u3000]+(?=[\u4e00-\u9fff“《])/;

/** A heading is a line: words running on past this many characters are cut there (…), so no task repeats a page of them. */
const HEADING_LIMIT = 200;

/** A section's heading words in `text` (folded or printed), up to where the heading ends, and whether the limit cut them. */
function headingWords(node: OutlineNode, text: string): { words: string; cut: boolean } {
  const end = Math.min(node.children[0]?.marker.start ?? node.contentEnd, node.marker.end + HEADING_LIMIT);
  const content = text.slice(node.marker.end, end);
  const at = content.search(HEADING_END);
  return at >= 0 ? { words: content.slice(0, at), cut: false } : { words: content, cut: content.length === HEADING_LIMIT };
}

/** A section's heading words, number left out, as read (folded). */
export function headingOf(node: OutlineNode, notice: NoticeText): string {
  return remembered(headingsRead, node, () => joinBroken(headingWords(node, notice.norm).words).replace(/[。.:：]$/, ''));
}

// a section's heading is asked for by every item under it: read once per node (a node belongs to one notice),
// and again only if its end moved (an attachment printed inside it ends it early)
type Remembered = { contentEnd: number; heading: string };
const headingsRead = new WeakMap<OutlineNode, Remembered>();
const headingsPrinted = new WeakMap<OutlineNode, Remembered>();
function remembered(cache: WeakMap<OutlineNode, Remembered>, node: OutlineNode, read: () => string): string {
  let found = cache.get(node);
  if (found?.contentEnd !== node.contentEnd) cache.set(node, (found = { contentEnd: node.contentEnd, heading: read() }));
  return found.heading;
}

/** A responsibility clause or label: `（市应急局牵头…）`, `责任单位：…`. */
const ASSIGNING = new RegExp(`\\([^()]{2,80}?(?:${alternation([...ROLE_VERBS.lead, ...ROLE_VERBS.support, '负责'])})[^()]{0,40}\\)|${ANY_LABEL}\\s*:`);

/** A numbered field of an item (1.活动时间：…, 3.组织单位：…): the item above is the task. */
const FIELD_ITEM = new RegExp(`^(?:${alternation(FIELD_LABELS)})\\s*:`);

/** What kind of section a heading opens: one that sets no work, or null for one that may. */
function sectionKind(heading: string): 'context' | 'guarantee' | null {
  if (heading.length > 24 || TASK_HEADING.test(heading)) return null;
  return CONTEXT_HEADING.test(heading) ? 'context' : GUARANTEE_HEADING.test(heading) ? 'guarantee' : null;
}

/**
 * The deepest numbered items under sections that assign work, and the
 * sections that assign none. Sections are judged by their heading and by
 * their items: a 组织领导 section that sets up groups under named units
 * assigns them work; an item whose numbers label its fields is one task.
 */
export function taskLeaves(roots: OutlineNode[], notice: NoticeText): { leaves: OutlineNode[]; skipped: Set<OutlineNode> } {
  const leaves: OutlineNode[] = [];
  const skipped = new Set<OutlineNode>();
  const assigns = (node: OutlineNode) => ASSIGNING.test(notice.norm.slice(node.marker.end, extentEnd(node)));
  const opening = (node: OutlineNode) => notice.norm.slice(node.marker.end, Math.min(node.contentEnd, node.marker.end + 120));
  // 'open' under a section that may assign work, 'guarantee' under 保障措施-type ones (only groups are tasks), 'skip' under context
  const walk = (node: OutlineNode, mode: 'open' | 'guarantee' | 'skip') => {
    const heading = mode === 'open' ? sectionKind(headingOf(node, notice)) : null;
    // a heading is a guess; items that assign work by clauses or labels say more
    const kind = heading && node.children.length > 0 && node.children.filter(assigns).length * 2 > node.children.length ? null : heading;
    // a working or inspection group set up under a unit is a task wherever it stands
    // (a 组织领导 section that itself sets up the leading group, with no items of its own, assigns nothing)
    const group = !(kind === 'guarantee' && node.children.length === 0) && groupOf(joinBroken(opening(node))) !== null;
    const fields = node.children.filter((child) => FIELD_ITEM.test(opening(child))).length;
    const here = mode === 'skip' || kind === 'context' ? 'skip' : mode === 'guarantee' || kind === 'guarantee' ? 'guarantee' : 'open';
    if (here === 'skip' || (here === 'guarantee' && !group)) {
      skipped.add(node);
      node.children.forEach((child) => walk(child, here));
      return;
    }
    if (node.children.length === 0) leaves.push(node);
    // a group's own items, and an item's fields, belong to it: it runs to the end of its last one
    else if (group || (fields > 0 && fields * 2 >= node.children.length)) leaves.push({ ...node, children: [], contentEnd: extentEnd(node) });
    else node.children.forEach((child) => walk(child, here));
  };
  roots.forEach((root) => walk(root, 'open'));
  return { leaves, skipped };
}

/** The deepest node whose text (its own and its children's) holds `index`. */
export function deepestHolding(nodes: OutlineNode[], index: number): OutlineNode | null {
  for (const node of nodes) {
    if (node.marker.start <= index && index < extentEnd(node)) return deepestHolding(node.children, index) ?? node;
  }
  return null;
}

function extentEnd(node: OutlineNode): number {
  const last = node.children[node.children.length - 1];
  return last ? extentEnd(last) : node.contentEnd;
}

export function idOf(node: OutlineNode, prefix: string): string {
  const path: number[] = [];
  for (let n: OutlineNode | null = node; n; n = n.parent) {
    path.unshift(n.marker.value);
  }
  return prefix + path.join('.');
}

/** The headings above an item, outermost first, as printed. */
export function sectionsOf(node: OutlineNode, notice: NoticeText): string[] {
  const sections: string[] = [];
  for (let n = node.parent; n; n = n.parent) sections.unshift(headingLine(n, notice));
  return sections;
}

/** A section's heading as printed, number included: `三、切实加强安全生产风险防控`. */
export function headingLine(node: OutlineNode, notice: NoticeText): string {
  return remembered(headingsPrinted, node, () => {
    const numeral = notice.printed.slice(node.marker.start, node.marker.end).trim();
    // where the heading ends is read on the folded text; the words are quoted as printed
    const { words, cut } = headingWords(node, notice.text);
    return numeral + joinBroken(notice.printed.slice(node.marker.end, node.marker.end + words.length)).trim() + (cut ? '…' : '');
  });
}
