/**
 * What a file is, from its bytes: a PDF, a zip holding a Word document or a
 * workbook, an old Office compound file, an image, or text. The name only
 * tells text kinds apart (.md, .csv) and a .wps from a .doc, which share bytes.
 * What cannot be read is named with the command that converts it.
 */
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { InputKind } from '../registry/types.js';

export type Sniffed = { kind: InputKind } | { unsupported: string; suggestion: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, length: number) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, length)).toString('latin1');

/** A file name as a shell argument: quoted where it holds anything a shell would read. */
function shellWord(name: string): string {
  return /^[\p{L}\p{N}._\-/]+$/u.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

const convert = (file: string, to: string) => `转换命令：soffice --headless --convert-to ${to} ${shellWord(path.basename(file))}`;

const MESSAGES = {
  doc: '是旧版 Word 文档（.doc），不能直接读取：请先转换为 .docx',
  wps: '是 WPS 文字文档（.wps），不能直接读取：请先转换为 .docx',
  xls: '是旧版 Excel 工作簿（.xls），不能直接读取：请先转换为 .xlsx',
  ppt: '是演示文稿，不能读取：请先转换为 PDF',
  oleOther: '是旧版 Office 文件，不能直接读取：请先用 WPS 或 LibreOffice 另存为 .docx 或 .xlsx',
  odt: '是 OpenDocument 文本（.odt），不能直接读取：请先转换为 .docx',
  ods: '是 OpenDocument 表格（.ods），不能直接读取：请先转换为 .xlsx',
  ofd: '是 OFD 版式文件，不能读取：请先用 OFD 阅读器另存为 PDF',
  zip: '是压缩包，不是通知：请先解压，再读取其中的文件',
  rtf: '是 RTF 文档，不能直接读取：请先转换为 .docx',
  image: (what: string) => `是图片（${what}），没有文字：请先做文字识别（OCR），得到文本文件后再读取`,
  ocr: (file: string) => `转换命令：tesseract ${shellWord(path.basename(file))} ${shellWord(path.basename(file).replace(/\.[^.]+$/, ''))} -l chi_sim（生成同名 .txt 文件）`,
  ofdHint: '用数科、福昕等 OFD 阅读器打开，“另存为 PDF”',
  zipHint: (file: string) => `解压命令：unzip ${shellWord(path.basename(file))}`,
};

const IMAGES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF'],
  [[0x42, 0x4d], 'BMP'],
];

/** Stream names of an OLE2 compound file, as they stand (UTF-16LE) in its directory. */
function holdsStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(name, 'utf16le'));
}

function sniffZip(bytes: Uint8Array, file: string): Sniffed {
  const names: string[] = [];
  let mimetype = '';
  try {
    // the directory only: entries are listed, none is inflated but the one-line mimetype of OpenDocument
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return entry.name === 'mimetype' && entry.originalSize < 200;
      },
    });
  } catch {
    return { unsupported: MESSAGES.zip, suggestion: MESSAGES.zipHint(file) };
  }
  if (names.includes('word/document.xml')) return { kind: 'docx' };
  if (names.includes('xl/workbook.xml')) return { kind: 'xlsx' };
  if (names.some((n) => n.startsWith('ppt/'))) return { unsupported: MESSAGES.ppt, suggestion: convert(file, 'pdf') };
  if (names.includes('OFD.xml')) return { unsupported: MESSAGES.ofd, suggestion: MESSAGES.ofdHint };
  if (names.includes('mimetype')) {
    mimetype = ascii(bytes, 120);
    if (mimetype.includes('opendocument.text')) return { unsupported: MESSAGES.odt, suggestion: convert(file, 'docx') };
    if (mimetype.includes('opendocument.spreadsheet')) return { unsupported: MESSAGES.ods, suggestion: convert(file, 'xlsx') };
  }
  return { unsupported: MESSAGES.zip, suggestion: MESSAGES.zipHint(file) };
}

function sniffCompound(bytes: Uint8Array, file: string): Sniffed {
  const extension = path.extname(file).toLowerCase();
  if (holdsStream(bytes, 'WordDocument')) {
    return extension === '.wps' ? { unsupported: MESSAGES.wps, suggestion: convert(file, 'docx') } : { unsupported: MESSAGES.doc, suggestion: convert(file, 'docx') };
  }
  if (holdsStream(bytes, 'Workbook') || holdsStream(bytes, 'Book')) return { unsupported: MESSAGES.xls, suggestion: convert(file, 'xlsx') };
  if (holdsStream(bytes, 'PowerPoint Document')) return { unsupported: MESSAGES.ppt, suggestion: convert(file, 'pdf') };
  if (extension === '.wps') return { unsupported: MESSAGES.wps, suggestion: convert(file, 'docx') };
  if (extension === '.xls' || extension === '.et') return { unsupported: MESSAGES.xls, suggestion: convert(file, 'xlsx') };
  return { unsupported: MESSAGES.oleOther, suggestion: convert(file, 'docx') };
}

/** An HTML page opens with a doctype, <html>, <head> or a comment, after any byte-order mark and blank space. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 1024).replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\0/g, '').trimStart().toLowerCase();
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])/.test(head) || (head.startsWith('<!--') && /<html[\s>]/.test(head));
}

export function sniff(bytes: Uint8Array, file: string): Sniffed {
  // a PDF's header may follow a little junk that some mail systems prepend
  if (/^[^\n]{0,1019}%PDF-/.test(ascii(bytes, 1024))) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes, file);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffCompound(bytes, file);
  for (const [signature, what] of IMAGES) if (startsWith(bytes, signature)) return { unsupported: MESSAGES.image(what), suggestion: MESSAGES.ocr(file) };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return { unsupported: MESSAGES.image('WebP'), suggestion: MESSAGES.ocr(file) };
  if (ascii(bytes, 6) === '{\\rtf1') return { unsupported: MESSAGES.rtf, suggestion: convert(file, 'docx') };
  if (looksLikeHtml(bytes)) return { kind: 'html' };
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return { kind: 'markdown' };
  if (extension === '.csv') return { kind: 'csv' };
  return { kind: 'text' };
}
