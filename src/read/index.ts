/**
 * Step 0: a file's bytes to the text the extractor reads. The bytes say what
 * the file is (sniff.ts); each kind's reader, and its library, is loaded only
 * when a file of that kind is read. A page saved in traditional characters
 * (a site's 繁體 view) is read in simplified ones, as the units directory names units.
 */
import type { Reading, Refusal } from './reading.js';
import { sniff } from './sniff.js';

export type { Reading, Refusal } from './reading.js';
export { MAX_NOTICE_BYTES } from './decode.js';

/** Characters only traditional writing uses, common in notices (們 這 會 區 應 負 責 …). */
const TRADITIONAL = /[們這個會與為國區門單應負責務產業時點實發關號縣鎮機構設計劃組織廳處長標準規範檢測監督導辦貫徹級開進總結報經濟費縣轄質衛險務環災隱患況確權屬獲]/g;
const HAN = /[\u4e00-\u9fff]/g;

function looksTraditional(text: string): boolean {
  const traditional = text.match(TRADITIONAL)?.length ?? 0;
  return traditional >= 5 && traditional * 40 >= (text.match(HAN)?.length ?? 0);
}

export async function readInput(bytes: Uint8Array, file: string): Promise<Reading | Refusal> {
  const sniffed = sniff(bytes, file);
  if ('unsupported' in sniffed) return { rule: 'unsupported-input', problem: sniffed.unsupported, suggestion: sniffed.suggestion };
  let read: Reading | Refusal;
  switch (sniffed.kind) {
    case 'html':
      read = (await import('./html.js')).readHtml(bytes);
      break;
    case 'docx':
      read = (await import('./docx.js')).readDocx(bytes);
      break;
    case 'pdf':
      read = await (await import('./pdf.js')).readPdf(bytes, file);
      break;
    case 'xlsx':
      read = await (await import('./sheet.js')).readXlsx(bytes);
      break;
    case 'csv':
      read = await (await import('./sheet.js')).readCsv(bytes);
      break;
    default:
      read = (await import('./text.js')).readText(bytes, sniffed.kind);
  }
  if ('problem' in read || !looksTraditional(read.text)) return read;
  const { Converter } = await import('opencc-js/t2cn');
  const simplified = Converter({ from: 't', to: 'cn' });
  // line by line, so every line stays where it was
  const convert = (s: string) => s.split('\n').map(simplified).join('\n');
  const fields = Object.fromEntries(Object.entries(read.fields).map(([k, v]) => [k, convert(v)]));
  return { ...read, text: convert(read.text), fields, attachments: read.attachments.map((a) => ({ ...a, name: convert(a.name) })), simplified: true };
}
