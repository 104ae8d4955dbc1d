/**
 * Step 3 of extraction: from the outline of numbers to the items that are
 * tasks. Sections that set no work (发展现状, 指导思想, 基本原则, 目标) are
 * skipped with everything under them; the deepest items of the rest are tasks,
 * and their numbering path is their id.
 */
import { joinBroken } from './clause.js';
import type { OutlineNode } from './numbering.js';
import type { NoticeText } from './source.js';

/** Section headings whose items set no work: situation, guiding thought, principles, goals. */
const NON_TASK_HEADING =
  /^(?:[^,。]{0,12}(?:现状|形势|背景)|(?:发展|工作|现实)基础|活动(?:主题|时间|口号)|保障措施|工作要求|组织领导|组织保障|工作保障|保障机制|工作纪律|[^,。]{0,6}(?:范围|对象)|[^,。]{0,4}时间和方式|指导思想|基本原则|工作原则|(?:主要|规划|工作|总体|发展|奋斗|预期)目标|总体要求|总体思路|编制依据|适用范围|目标要求)/;
const TASK_HEADING = /任务|重点工作|工作重点|重点工程|主要举措|工作措施/;
/** Where a section heading ends: a full stop, a line end, or (in run-on text) a space before the next words. */
const HEADING_END = /[。\n]|[ \u3000]+(?=[\u4e00-\u9fff“《])/;

/** A section's heading words, number left out, as read (folded). */
export function headingOf(node: OutlineNode, notice: NoticeText): string {
  const end = node.children[0]?.marker.start ?? node.contentEnd;
  const content = notice.norm.slice(node.marker.end, end);
  return joinBroken(content.split(HEADING_END)[0] ?? '').replace(/[。.:：]$/, '');
}

/** The deepest numbered items under sections that assign work, and the sections that assign none. */
export function taskLeaves(roots: OutlineNode[], notice: NoticeText): { leaves: OutlineNode[]; skipped: Set<OutlineNode> } {
  const leaves: OutlineNode[] = [];
  const skipped = new Set<OutlineNode>();
  const walk = (node: OutlineNode, skip: boolean) => {
    const heading = headingOf(node, notice);
    const here = skip || (heading.length <= 24 && NON_TASK_HEADING.test(heading) && !TASK_HEADING.test(heading));
    if (here) skipped.add(node);
    else if (node.children.length === 0) leaves.push(node);
    node.children.forEach((child) => walk(child, here));
  };
  roots.forEach((root) => walk(root, false));
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
    if (!n.parent && n.orphan) path.unshift(0);
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
  const end = node.children[0]?.marker.start ?? node.contentEnd;
  const numeral = notice.printed.slice(node.marker.start, node.marker.end).trim();
  // where the heading ends is read on the folded text; the words are quoted as printed
  const words = notice.text.slice(node.marker.end, end).split(HEADING_END)[0] ?? '';
  return numeral + joinBroken(notice.printed.slice(node.marker.end, node.marker.end + words.length)).trim();
}
