/**
 * Fixtures made from the seeds at test time: each seed as a government web
 * page, as a Word document whose item numbers are Word's automatic numbering,
 * and as a PDF printed from that document by LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readMetadata } from '../../src/extract/metadata.js';
import { buildOutline, findMarkers, type Marker, type OutlineNode } from '../../src/extract/numbering.js';
import { readNotice } from '../../src/extract/source.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageFields {
  title: string;
  issuer: string;
  number: string;
  date: string;
}

/** A seed as a saved page of a government site: header and navigation, the 索引号 block, the notice's lines as paragraphs, attachments, footer. */
export function seedPage(seed: string, fields: PageFields, charset = 'utf-8'): string {
  const [year, month, day] = fields.date.split('-');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${escapeXml(fields.title)}_${escapeXml(fields.issuer)}</title>
<script>var _hmt = _hmt || []; document.write("<p>统计</p>");</script>
<style>.nav li { display: inline }</style>
</head>
<body>
<div class="header"><img src="/logo.png" alt="人民政府门户网站"><div class="top-links"><a href="/">首页</a> | <a href="/en">English</a> | 无障碍</div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<table class="xxgk-table">
<tr><td><b>索 引 号：</b></td><td>11371000MB28561234/2024-00031</td><td><b>主题分类：</b></td><td>安全生产监管</td></tr>
<tr><td><b>发文机关：</b></td><td>${escapeXml(fields.issuer)}</td><td><b>成文日期：</b></td><td>${year}年${month}月${day}日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">${escapeXml(fields.title)}</td></tr>
<tr><td><b>发文字号：</b></td><td>${escapeXml(fields.number)}</td><td><b>发布日期：</b></td><td>${year}-${month}-${day}</td></tr>
</table>
<div class="article">
<div id="zoom" class="TRS_Editor">
${seed.split('\n').map((line) => `<p style="text-indent: 2em">${escapeXml(line)}</p>`).join('\n')}
</div>
<div class="attachments">附件：<a href="/files/2024/任务分工表.xlsx">1.任务分工表.xlsx</a> <a href="/files/2024/报送表.docx">2.报送表</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【打印本页】【关闭窗口】</div>
</div>
<div class="footer"><p>主办：人民政府办公室　承办：大数据中心</p><p>网站标识码：3710000001　鲁ICP备05001234号</p></div>
</body>
</html>
`;
}

const ATTACHMENT_HEADING = /^[ \t]*附件[ \t]*(\d{0,2})[ \t]*[:：]?[ \t]*$/gm;
const LEVEL: Partial<Record<Marker['style'], number>> = { cn: 0, cnParen: 1, arabic: 2, arabicParen: 3 };
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cnNumber = (n: number) => (n < 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`);
const PRINTED = [(n: number) => `${cnNumber(n)}、`, (n: number) => `（${cnNumber(n)}）`, (n: number) => `${n}.`, (n: number) => `（${n}）`];

interface Paragraph {
  text: string;
  /** level and list instance of Word's numbering, where the number is Word's */
  numbered?: { level: number; list: number };
}

/**
 * The seed's text as the extractor reads it, split into paragraphs at every
 * item number it accepts; where Word's numbering would print the same number
 * (一、 （一） 1. （1）, restarting under each higher level), the number is
 * taken out of the text and left to numbering.xml.
 */
export function seedParagraphs(seed: string): { paragraphs: Paragraph[]; automatic: number; runsOn: boolean[][] } {
  const notice = readNotice(seed, 'text');
  const { bodyStart } = readMetadata(notice.text, notice.norm);
  const ends = [...notice.text.matchAll(ATTACHMENT_HEADING)].filter((m) => m.index >= bodyStart);
  const parts = [bodyStart, ...ends.map((m) => m.index + m[0].length)].map((start, i) => ({ start, end: ends[i]?.index ?? notice.text.length }));
  const accepted: { marker: Marker; list: number }[] = [];
  const visit = (node: OutlineNode, list: number) => {
    accepted.push({ marker: node.marker, list });
    node.children.forEach((c) => visit(c, list));
  };
  parts.forEach((part, list) => buildOutline(findMarkers(notice.norm, part.start, part.end), part.end).roots.forEach((root) => visit(root, list + 1)));
  accepted.sort((a, b) => a.marker.start - b.marker.start);
  // a level whose numbers run on under a new heading (000: 一、… 1.–5. 二、… 6.) never restarts: it is a list of its own
  const runsOn = new Map<number, boolean[]>();
  const previous = new Map<number, { value: (number | undefined)[]; headingSince: boolean[] }>();
  for (const { marker, list } of accepted) {
    const level = LEVEL[marker.style];
    if (level === undefined) continue;
    const state = previous.get(list) ?? { value: [], headingSince: [] };
    const flags = runsOn.get(list) ?? [];
    if (state.headingSince[level] && state.value[level] !== undefined && marker.value === state.value[level]! + 1) flags[level] = true;
    state.value[level] = marker.value;
    state.headingSince[level] = false;
    for (let k = level + 1; k < 4; k++) state.headingSince[k] = true;
    previous.set(list, state);
    runsOn.set(list, flags);
  }
  const paragraphs: Paragraph[] = [];
  const counters = new Map<number, number[]>();
  let automatic = 0;
  let at = 0;
  const plain = (to: number) => {
    for (const line of notice.printed.slice(at, to).split('\n')) if (line.trim()) paragraphs.push({ text: line.trim() });
  };
  for (const { marker, list } of accepted) {
    plain(marker.start);
    const level = LEVEL[marker.style];
    const count = counters.get(list) ?? [];
    const next = level === undefined ? null : (count[level] ?? 0) + 1;
    const printed = notice.printed.slice(marker.start, marker.end).trim();
    const lineEnd = notice.text.indexOf('\n', marker.end);
    const stop = Math.min(lineEnd < 0 ? notice.text.length : lineEnd, accepted.find((a) => a.marker.start > marker.start)?.marker.start ?? Infinity);
    if (level !== undefined && next === marker.value && printed === PRINTED[level]!(marker.value)) {
      count[level] = next;
      for (let k = level + 1; k < 4; k++) if (!runsOn.get(list)?.[k]) delete count[k];
      counters.set(list, count);
      paragraphs.push({ text: notice.printed.slice(marker.end, stop).trim(), numbered: { level, list } });
      automatic++;
    } else paragraphs.push({ text: notice.printed.slice(marker.start, stop).trim() });
    at = stop;
  }
  plain(notice.printed.length);
  return { paragraphs, automatic, runsOn: [...runsOn.entries()].sort((x, y) => x[0] - y[0]).map(([, flags]) => flags) };
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const run = (text: string) => `<w:r><w:rPr><w:rFonts w:ascii="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC" w:hAnsi="Noto Serif CJK SC"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function paragraphXml(p: Paragraph, runsOn: boolean[][]): string {
  const own = p.numbered && runsOn[p.numbered.list - 1]?.[p.numbered.level];
  const numPr = p.numbered ? `<w:numPr><w:ilvl w:val="${own ? 0 : p.numbered.level}"/><w:numId w:val="${own ? ownList(p.numbered.list, p.numbered.level) : p.numbered.list}"/></w:numPr>` : '';
  return `<w:p><w:pPr>${numPr}<w:ind w:left="0" w:firstLine="640"/></w:pPr>${run(p.text)}</w:p>`;
}

export type Cell = string | { text: string; merge: 'restart' | 'continue' };

function tableXml(rows: Cell[][]): string {
  const cellXml = (cell: Cell) => {
    const text = typeof cell === 'string' ? cell : cell.merge === 'continue' ? '' : cell.text;
    const merge = typeof cell === 'string' ? '' : `<w:vMerge${cell.merge === 'restart' ? ' w:val="restart"' : ''}/>`;
    return `<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>${merge}</w:tcPr><w:p>${run(text)}</w:p></w:tc>`;
  };
  return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${rows
    .map((row) => `<w:tr>${row.map(cellXml).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
}

const FORMATS = [
  ['chineseCounting', '%1、'],
  ['chineseCounting', '（%2）'],
  ['decimal', '%3.'],
  ['decimal', '（%4）'],
];
const lvlXml = (ilvl: number, [format, text]: string[]) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`;
/** A level that runs on under new headings is a list of its own, of one level (%1. where the outline has %3.), numbered on through the document. */
const ownList = (list: number, level: number) => 100 * list + level;

/** A .docx of paragraphs and tables: numbering.xml with one list instance per body part, a running header and a page-number footer. */
export function docx(blocks: (Paragraph | { rows: Cell[][] })[], runsOn: boolean[][] = [[]]): Uint8Array {
  const body = blocks.map((b) => ('rows' in b ? tableXml(b.rows) : paragraphXml(b, runsOn))).join('');
  const outline = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${FORMATS.map((f, i) => lvlXml(i, f)).join('')}</w:abstractNum>`;
  const own = runsOn.flatMap((flags, list) => flags.flatMap((on, level) => (on ? [ownList(list + 1, level)] : [])));
  const abstracts = outline + own.map((id) => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="singleLevel"/>${lvlXml(0, [FORMATS[id % 100]![0]!, FORMATS[id % 100]![1]!.replace(/%\d/, '%1')])}</w:abstractNum>`).join('');
  const nums = [...runsOn.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="0"/></w:num>`), ...own.map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`)].join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W_NS}>${abstracts}${nums}</w:numbering>`,
    'word/header1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('安全生产委员会文件')}</w:p></w:hdr>`,
    'word/footer1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('— ')}<w:fldSimple w:instr="PAGE">${run('1')}</w:fldSimple>${run(' —')}</w:p></w:ftr>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])));
}

/** The seed as a Word document: its paragraphs, item numbers from numbering.xml. */
export function seedDocx(seed: string): { bytes: Uint8Array; automatic: number } {
  const { paragraphs, automatic, runsOn } = seedParagraphs(seed);
  return { bytes: docx(paragraphs, runsOn.length ? runsOn : [[]]), automatic };
}

/** PDFs printed from .docx files by LibreOffice, in one run of it; throws (the test fails) where soffice is missing. */
export function pdfsOf(documents: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-pdf-'));
  const names = Object.keys(documents);
  for (const name of names) writeFileSync(path.join(dir, `${name}.docx`), documents[name]!);
  const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => path.join(dir, `${n}.docx`))], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.error || result.status !== 0) throw new Error(`soffice could not print the .docx files to PDF: ${result.error?.message ?? result.stderr}`);
  return Object.fromEntries(names.map((n) => [n, readFileSync(path.join(dir, `${n}.pdf`))]));
}

export const pdfOf = (docxBytes: Uint8Array, name: string): Uint8Array => pdfsOf({ [name]: docxBytes })[name]!;
