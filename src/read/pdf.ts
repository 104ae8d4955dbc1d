/**
 * PDF, with pdfjs-dist (its legacy build runs on Node) and the CMaps and
 * standard fonts it ships, so Chinese text in CID fonts decodes offline.
 * Lines are rebuilt from the positions of the text; running headers, footers
 * and page numbers are left out; a paragraph broken over lines or over a page
 * is joined again (a full line followed by one at the margin goes on). A PDF
 * without a text layer is named as a scan.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Reading, Refusal } from './reading.js';

const MESSAGES = {
  broken: 'PDF 文件已损坏，无法打开',
  encrypted: 'PDF 设有打开密码，无法读取：请先去掉密码',
  scan: '是扫描件：PDF 里没有文字层，只有图像。请先做文字识别（OCR），再读取',
  ocr: (file: string) => `识别命令：ocrmypdf -l chi_sim ${file} ${file.replace(/\.pdf$/i, '')}-ocr.pdf`,
  place: (page: number, line: number) => `PDF 第 ${page} 页第 ${line} 行`,
};

interface VisualLine {
  page: number;
  /** 1-based line on its page, counting every line printed there */
  line: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** The page's text items grouped into lines: items whose baselines lie within half a character. */
function linesOfPage(items: TextItem[], page: number): VisualLine[] {
  const kept = items.filter((i) => i.str.trim() !== '').map((i) => ({ ...i, x: i.transform[4]!, y: i.transform[5]!, size: Math.hypot(i.transform[2]!, i.transform[3]!) || 10 }));
  kept.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof kept)[] = [];
  for (const item of kept) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) < item.size * 0.5);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows
    .map((row) => row.sort((a, b) => a.x - b.x))
    .sort((a, b) => b[0]!.y - a[0]!.y)
    .map((row, index) => {
      let text = '';
      let end = row[0]!.x;
      for (const item of row) {
        // a gap wider than a character is a space (between table columns, or words)
        if (text && item.x - end > item.size * 0.9) text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      return { page, line: index + 1, text: text.trim(), x: row[0]!.x, right: end, y: row[0]!.y, size: Math.max(...row.map((i) => i.size)) };
    });
}

const PAGE_NUMBER = /^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})$/;

/** Lines in a page's top or bottom band that are page numbers, or that recur on other pages (running headers). */
function chrome(pages: { lines: VisualLine[]; height: number }[]): Set<VisualLine> {
  const band = (line: VisualLine, height: number) => line.y > height * 0.92 || line.y < height * 0.08;
  const counts = new Map<string, number>();
  const key = (line: VisualLine) => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  for (const { lines, height } of pages) for (const l of new Set(lines.filter((l) => band(l, height)).map(key))) counts.set(l, (counts.get(l) ?? 0) + 1);
  const out = new Set<VisualLine>();
  for (const { lines, height } of pages) {
    for (const line of lines) {
      if (!band(line, height)) continue;
      if (PAGE_NUMBER.test(line.text.replace(/\s+/g, ' ').trim()) || (pages.length >= 3 && (counts.get(key(line)) ?? 0) >= Math.max(2, pages.length / 2))) out.add(line);
    }
  }
  return out;
}

const joiner = (a: string, b: string) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? ' ' : '');

export async function readPdf(bytes: Uint8Array, file: string): Promise<Reading | Refusal> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let document;
  try {
    document = await pdfjs.getDocument({
      // pdf.js takes the buffer over: give it a copy
      data: new Uint8Array(bytes),
      cMapUrl: `${root}/cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${root}/standard_fonts/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    return { rule: 'unreadable-input', problem: (error as Error).name === 'PasswordException' ? MESSAGES.encrypted : MESSAGES.broken };
  }
  const pages: { lines: VisualLine[]; height: number }[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOfPage(content.items.filter((i): i is TextItem & typeof i => 'str' in i), n);
      const [, bottom, , top] = page.view as [number, number, number, number];
      pages.push({ lines, height: top - bottom });
      page.cleanup();
    }
  } catch {
    return { rule: 'unreadable-input', problem: MESSAGES.broken };
  } finally {
    await document.destroy();
  }
  if (pages.every((p) => p.lines.length === 0)) return { rule: 'unreadable-input', problem: MESSAGES.scan, suggestion: MESSAGES.ocr(path.basename(file)) };
  const left = chrome(pages);
  const body = pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !left.has(l)) }));
  // the text block's margins, over the whole document: most lines start at the left one, full lines end at the right one
  const all = body.flatMap((p) => p.lines);
  const margin = Math.min(...all.map((l) => l.x));
  const rightEdge = Math.max(...all.map((l) => l.right));
  const paragraphs: { text: string; from: VisualLine }[] = [];
  let previous: VisualLine | null = null;
  for (const line of all) {
    const full = previous !== null && previous.right >= rightEdge - previous.size * 1.5;
    const atMargin = line.x <= margin + line.size * 0.5;
    if (previous && full && atMargin && paragraphs.length > 0) {
      const last = paragraphs[paragraphs.length - 1]!;
      last.text += joiner(last.text, line.text) + line.text;
    } else paragraphs.push({ text: line.text, from: line });
    previous = line;
  }
  return {
    text: `${paragraphs.map((p) => p.text).join('\n')}\n`,
    kind: 'pdf',
    fields: {},
    attachments: [],
    place: ({ line }) => {
      const from = paragraphs[line - 1]?.from;
      return from ? MESSAGES.place(from.page, from.line) : null;
    },
  };
}
