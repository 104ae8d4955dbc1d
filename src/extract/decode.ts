/**
 * Step 0: the bytes of a notice to text. UTF-8 (with or without a byte-order
 * mark), UTF-16 with a mark, and GB18030 (which covers GBK and GB2312, the
 * encodings of most older government files) are read with the platform's
 * decoders (ICU); what is not text — a PDF, an image, a .docx — is named, not
 * turned into mojibake.
 */
import { t, type MessageId } from '../i18n/index.js';

export type Decoded = { text: string; encoding: string } | { problem: string };

/** A notice is a few hundred kilobytes; anything this large is not one. */
export const MAX_NOTICE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: [number[], MessageId][] = [
  [[0x25, 0x50, 0x44, 0x46], 'extract.pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'extract.zip'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'extract.doc'],
  [[0x89, 0x50, 0x4e, 0x47], 'extract.png'],
  [[0xff, 0xd8, 0xff], 'extract.jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'extract.gif'],
];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of CJK ideographs among the non-ASCII characters: high for Chinese text, low for a wrong guess. */
function looksChinese(text: string): boolean {
  let other = 0;
  let han = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) han++;
    else other++;
  }
  return han + other === 0 || han / (han + other) >= 0.6;
}

export function decodeNotice(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { problem: t('extract.empty') };
  if (bytes.length > MAX_NOTICE_BYTES) {
    return { problem: t('extract.too-large', { size: (bytes.length / 1024 / 1024).toFixed(0), max: MAX_NOTICE_BYTES / 1024 / 1024 }) };
  }
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return { problem: t(what) };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decode('utf-8', bytes);
    if (text === null) return { problem: t('extract.bad-utf8') };
    return text.trim() === '' ? { problem: t('extract.no-text') } : { text, encoding: 'UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decode(encoding.toLowerCase(), bytes);
    if (text === null) return { problem: t('extract.bad-bom', { encoding }) };
    return text.trim() === '' ? { problem: t('extract.no-text') } : { text, encoding };
  }
  if (bytes.includes(0)) return { problem: t('extract.nul') };
  const utf8 = decode('utf-8', bytes);
  const gb = utf8 === null ? decode('gb18030', bytes) : null;
  const decoded = utf8 !== null ? { text: utf8, encoding: 'UTF-8' } : gb !== null && looksChinese(gb) ? { text: gb, encoding: 'GB18030' } : null;
  if (!decoded) return { problem: t('extract.unknown-encoding') };
  return decoded.text.trim() === '' ? { problem: t('extract.no-text') } : decoded;
}
