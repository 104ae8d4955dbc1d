/**
 * Step 0: the bytes of a notice to text. UTF-8 (with or without a byte-order
 * mark), UTF-16 with a mark, and GB18030 (which covers GBK and GB2312, the
 * encodings of most older government files) are read with the platform's
 * decoders (ICU); what is not text — a PDF, an image, a .docx — is named, not
 * turned into mojibake.
 */

export type Decoded = { text: string; encoding: string } | { problem: string };

/** A notice is a few hundred kilobytes; anything this large is not one. */
export const MAX_NOTICE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file: extract its text first (for example with pdftotext)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a .docx or other zip file: save it as text first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word .doc file: save it as text first'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image, not text'],
  [[0xff, 0xd8, 0xff], 'a JPEG image, not text'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image, not text'],
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
  if (bytes.length === 0) return { problem: 'the file is empty' };
  if (bytes.length > MAX_NOTICE_BYTES) {
    return { problem: `${(bytes.length / 1024 / 1024).toFixed(0)} MB is far larger than any notice (at most ${MAX_NOTICE_BYTES / 1024 / 1024} MB): not read` };
  }
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return { problem: `this is ${what}` };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decode('utf-8', bytes);
    if (text === null) return { problem: 'it starts as UTF-8 but is not valid UTF-8' };
    return text.trim() === '' ? { problem: 'the file holds no text' } : { text, encoding: 'UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decode(encoding.toLowerCase(), bytes);
    if (text === null) return { problem: `it starts as ${encoding} but is not valid ${encoding}` };
    return text.trim() === '' ? { problem: 'the file holds no text' } : { text, encoding };
  }
  if (bytes.includes(0)) return { problem: 'it holds NUL bytes: a binary file, or UTF-16 without a byte-order mark' };
  const utf8 = decode('utf-8', bytes);
  const gb = utf8 === null ? decode('gb18030', bytes) : null;
  const decoded = utf8 !== null ? { text: utf8, encoding: 'UTF-8' } : gb !== null && looksChinese(gb) ? { text: gb, encoding: 'GB18030' } : null;
  if (!decoded) return { problem: 'cannot tell its character encoding: it is neither UTF-8 nor GB18030 (GBK) text' };
  return decoded.text.trim() === '' ? { problem: 'the file holds no text' } : decoded;
}
