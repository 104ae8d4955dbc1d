/**
 * Plain text and Markdown. Text scraped from a web page can still carry its
 * character references (`&nbsp;` `&ldquo;`): they are decoded, within each
 * line, so line numbers stay those of the file.
 */
import { decodeHTML } from 'entities';
import { decodeNotice } from './decode.js';
import { atLine, type Reading, type Refusal } from './reading.js';

const REFERENCE = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

export function decodeReferences(text: string): string {
  // each reference alone, by the HTML rules; a decoded line break or no-break space is a space, so lines stay the file's
  return text.replace(REFERENCE, (reference) => decodeHTML(reference).replace(/[\r\n\u00a0]/g, ' '));
}

export function readText(bytes: Uint8Array, kind: 'text' | 'markdown'): Reading | Refusal {
  const decoded = decodeNotice(bytes);
  if ('problem' in decoded) return { rule: 'unreadable-input', problem: decoded.problem };
  return { text: decodeReferences(decoded.text), kind, encoding: decoded.encoding, fields: {}, attachments: [], place: atLine };
}
