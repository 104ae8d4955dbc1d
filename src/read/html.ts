/**
 * Web pages saved from a government site. rehype-parse (unified) builds the
 * tree; the page's navigation, header, footer and scripts are left out by
 * structure, blocks become lines and tables rows of `|`-separated cells (a
 * rowspan cell repeated in every row it spans). The metadata block printed
 * above a notice (索引号, 发文机关, 发文字号, 成文日期 …) gives the document's
 * fields, and links to attachments are listed.
 */
import htmlEncodingSniffer from 'html-encoding-sniffer';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, Nodes, Root } from 'hast';
import type { Attachment } from '../registry/types.js';
import { decodeNotice } from './decode.js';
import type { DocumentFields, Reading, Refusal } from './reading.js';

const MESSAGES = {
  noText: '网页里没有正文文字',
  place: (line: number) => `网页源文件第 ${line} 行`,
};

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'select', 'button', 'input', 'textarea', 'svg', 'object', 'embed', 'map', 'canvas']);
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'ul', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'html',
]);
/** class or id words of a site's chrome: menus, headers, footers, breadcrumbs, share bars */
const CHROME = /(?:^|[-_\s])(?:nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumbs?|crumbs?|position|location|sidebar|side|share|toolbar|tools|copyright|banner|search|friendlink|links)(?:$|[-_\s\d])/i;

const FIELD_LABELS: [string, keyof DocumentFields | 'published' | null][] = [
  ['索引号', null], ['主题分类', null], ['主题词', null], ['发文机关', 'issuer'], ['发布机构', 'issuer'], ['发文单位', 'issuer'],
  ['发文字号', 'number'], ['文号', 'number'], ['成文日期', 'date'], ['发布日期', 'published'], ['生成日期', null], ['公开方式', null],
  ['有效性', null], ['标题', 'title'], ['名称', 'title'], ['体裁分类', null], ['组配分类', null], ['公开范围', null], ['信息来源', null],
];
const ATTACHMENT_FILE = /\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar|7z|txt)(?:$|[?#])/i;

/** The page as text: the charset its bytes or `<meta charset>` say (GB2312 and GBK pages too), else UTF-8 or GB18030 as they fit. */
function decodePage(bytes: Uint8Array): { text: string; encoding: string } | { problem: string } {
  const sniffed = htmlEncodingSniffer(bytes, { defaultEncoding: '' });
  if (!sniffed) return decodeNotice(bytes);
  // GB18030 is a superset of GBK and GB2312, and pages labelled gb2312 use GBK characters freely
  const encoding = /^(?:gbk|gb2312|gb18030)$/i.test(sniffed) ? 'GB18030' : sniffed;
  try {
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  } catch {
    return decodeNotice(bytes);
  }
}

const isElement = (node: Nodes): node is Element => node.type === 'element';
const classWords = (node: Element) => {
  const names = node.properties.className;
  return [Array.isArray(names) ? names.join(' ') : String(names ?? ''), String(node.properties.id ?? '')].join(' ');
};

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

function contains(node: Nodes, tag: string): boolean {
  return isElement(node) ? node.tagName === tag || node.children.some((c) => contains(c, tag)) : node.type === 'root' && node.children.some((c) => contains(c, tag));
}

const hidden = (node: Element) => /display\s*:\s*none|visibility\s*:\s*hidden/i.test(String(node.properties.style ?? '')) || node.properties.hidden !== undefined;

/** The smallest element whose text holds three or more of the metadata labels. */
function metadataBlock(node: Nodes): Element | null {
  if (!isElement(node) && node.type !== 'root') return null;
  for (const child of node.children) {
    const inner = metadataBlock(child);
    // a table's body holds the labels: the table goes as a whole
    if (inner === child && isElement(node) && node.tagName === 'table') return node;
    if (inner) return inner;
  }
  if (!isElement(node)) return null;
  const text = textOf(node).replace(/\s+/g, '');
  const labels = FIELD_LABELS.filter(([label]) => text.includes(label)).length;
  return labels >= 3 && text.length < 1500 ? node : null;
}

function isoDay(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Label–value pairs of the metadata block, whether in cells, spans or one run of text. */
function readFields(block: Element): DocumentFields {
  const pieces: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'text') pieces.push(node.value);
    else if (isElement(node)) {
      const separate = node.tagName === 'td' || node.tagName === 'th' || node.tagName === 'br' || BLOCKS.has(node.tagName) || node.tagName === 'tr' || node.tagName === 'span' || node.tagName === 'li';
      if (separate) pieces.push('\u0001');
      node.children.forEach(collect);
      if (separate) pieces.push('\u0001');
    }
  };
  collect(block);
  // labels print with spaces between their characters (索 引 号)
  const run = pieces.join('').replace(/[ \t\r\n\u00a0\u3000]+/g, '');
  const pattern = new RegExp(`(${FIELD_LABELS.map(([label]) => label).join('|')})[:：]?`, 'g');
  const found = [...run.matchAll(pattern)];
  const fields: DocumentFields & { published?: string } = {};
  found.forEach((m, i) => {
    const field = FIELD_LABELS.find(([label]) => label === m[1])![1];
    const value = run.slice(m.index + m[0].length, found[i + 1]?.index ?? run.length).replace(/\u0001+/g, ' ').trim();
    if (!field || !value || fields[field] !== undefined) return;
    if (field === 'date' || field === 'published') {
      const day = isoDay(value);
      if (day) fields[field] = day;
    } else fields[field] = value.replace(/\s+/g, '');
  });
  const { published, ...rest } = fields;
  return { ...rest, ...(rest.date === undefined && published ? { date: published } : {}) };
}

interface Line {
  text: string;
  sourceLine: number;
}

/** Blocks to lines, tables to rows, leaving out chrome and the metadata block. */
function render(root: Root, leaveOut: Set<Element>, pageLength: number): Line[] {
  const lines: Line[] = [];
  let current = '';
  let currentLine = 0;
  const flush = () => {
    const text = current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text) lines.push({ text, sourceLine: currentLine });
    current = '';
    currentLine = 0;
  };
  const append = (text: string, line: number | undefined) => {
    if (!current.trim() && line) currentLine = line;
    current += text;
  };
  const cellText = (cell: Element) => textOf(cell).replace(/\s+/g, ' ').trim().replace(/[|｜]/g, '／');
  // a table that holds tables, or a cell as long as an article, lays out the page: its cells are blocks
  const layoutTable = (table: Element): boolean => {
    const cells: Element[] = [];
    const collect = (n: Nodes) => isElement(n) && (n.tagName === 'td' || n.tagName === 'th' ? cells.push(n) : n.children.forEach(collect));
    table.children.forEach(collect);
    return table.children.some((c) => contains(c, 'table')) || cells.some((c) => textOf(c).length > 1500);
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      append(node.value, node.position?.start.line);
      return;
    }
    if (node.type === 'root') {
      node.children.forEach(visit);
      return;
    }
    if (!isElement(node) || leaveOut.has(node) || SKIPPED.has(node.tagName) || hidden(node)) return;
    // a chrome box goes, unless it holds the title or most of the page
    if (CHROME.test(classWords(node)) && !contains(node, 'h1') && textOf(node).length * 2 < pageLength) return;
    if (node.tagName === 'br') {
      flush();
      return;
    }
    if (node.tagName === 'table' && !layoutTable(node)) {
      flush();
      table(node);
      return;
    }
    const block = BLOCKS.has(node.tagName) || node.tagName === 'tr' || node.tagName === 'td' || node.tagName === 'th';
    if (block) flush();
    node.children.forEach(visit);
    if (block) flush();
  };
  const table = (node: Element) => {
    const rows: Element[] = [];
    const collectRows = (n: Element) => n.children.filter(isElement).forEach((c) => (c.tagName === 'tr' ? rows.push(c) : c.tagName !== 'table' && collectRows(c)));
    collectRows(node);
    // rowspan cells waiting to fill the rows below: column → [text, rows left]
    const spanning = new Map<number, [string, number]>();
    for (const row of rows) {
      const cells: string[] = [];
      let column = 0;
      const takeSpanned = () => {
        while (spanning.has(column)) {
          const [text, left] = spanning.get(column)!;
          cells.push(text);
          if (left <= 1) spanning.delete(column);
          else spanning.set(column, [text, left - 1]);
          column++;
        }
      };
      for (const cell of row.children.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
        takeSpanned();
        const text = cellText(cell);
        const colspan = Math.max(1, Number(cell.properties.colSpan ?? 1) || 1);
        const rowspan = Math.max(1, Number(cell.properties.rowSpan ?? 1) || 1);
        for (let k = 0; k < colspan; k++) {
          cells.push(k === 0 ? text : '');
          if (rowspan > 1) spanning.set(column, [k === 0 ? text : '', rowspan - 1]);
          column++;
        }
      }
      takeSpanned();
      const filled = cells.filter(Boolean);
      const line = row.position?.start.line ?? 0;
      // a row of one cell (a title spanning the table) is a line of text
      if (filled.length === 0) continue;
      lines.push({ text: filled.length === 1 ? filled[0]! : `| ${cells.join(' | ')} |`, sourceLine: line });
    }
  };
  visit(root);
  flush();
  return lines;
}

function attachmentsOf(root: Root): Attachment[] {
  let base: string | undefined;
  const links: Attachment[] = [];
  const visit = (node: Nodes) => {
    if (isElement(node)) {
      const href = node.properties.href;
      if (node.tagName === 'base' && typeof href === 'string') base = href;
      if (node.tagName === 'meta' && node.properties.property === 'og:url' && typeof node.properties.content === 'string') base ??= node.properties.content;
      if (node.tagName === 'a' && typeof href === 'string' && href.trim()) {
        const name = textOf(node).replace(/\s+/g, ' ').trim();
        if (ATTACHMENT_FILE.test(href) || /^附件/.test(name)) links.push({ name: name || decodeURIComponent(href.split('/').pop() ?? href), href: href.trim() });
      }
    }
    if (isElement(node) || node.type === 'root') node.children.forEach(visit);
  };
  visit(root);
  const resolve = (href: string) => {
    try {
      return base ? new URL(href, base).href : href;
    } catch {
      return href;
    }
  };
  const seen = new Set<string>();
  return links.map((l) => ({ ...l, href: resolve(l.href) })).filter((l) => !seen.has(l.href) && seen.add(l.href) !== undefined);
}

/** The page's own title: its first <h1>, else <title> without the site's name after a dash or bar. */
function titleOf(root: Root): string | undefined {
  let h1: string | undefined;
  let title: string | undefined;
  const visit = (node: Nodes) => {
    if (isElement(node)) {
      if (node.tagName === 'h1' && h1 === undefined) h1 = textOf(node).replace(/\s+/g, '').trim() || undefined;
      if (node.tagName === 'title' && title === undefined) title = textOf(node).split(/\s*[-_|｜—–]+\s*/)[0]?.trim() || undefined;
    }
    if (isElement(node) || node.type === 'root') node.children.forEach(visit);
  };
  visit(root);
  return h1 ?? title;
}

export function readHtml(bytes: Uint8Array): Reading | Refusal {
  const decoded = decodePage(bytes);
  if ('problem' in decoded) return { rule: 'unreadable-input', problem: decoded.problem };
  const root = unified().use(rehypeParse).parse(decoded.text);
  const block = metadataBlock(root);
  const fields = block ? readFields(block) : {};
  const title = titleOf(root);
  const lines = render(root, new Set(block ? [block] : []), textOf(root).length);
  if (lines.length === 0) return { rule: 'unreadable-input', problem: MESSAGES.noText };
  return {
    text: `${lines.map((l) => l.text).join('\n')}\n`,
    kind: 'html',
    encoding: decoded.encoding,
    fields: { ...(title ? { title } : {}), ...fields },
    attachments: attachmentsOf(root),
    place: ({ line }) => {
      const source = lines[line - 1]?.sourceLine;
      return source ? MESSAGES.place(source) : null;
    },
  };
}
