/**
 * Step 0: a file's bytes to the text the extractor reads. The bytes say what
 * the file is (sniff.ts); each kind's reader, and its library, is loaded only
 * when a file of that kind is read. Text is handed on as printed: traditional
 * characters too, which the extractor folds when it matches (src/extract/fold.ts).
 */
import type { Reading, Refusal } from './reading.js';
import { sniff } from './sniff.js';

export type { Reading, Refusal } from './reading.js';
export { MAX_NOTICE_BYTES } from './decode.js';

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
  return read;
}
