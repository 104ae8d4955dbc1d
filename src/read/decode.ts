/**
 * The bytes of a text file to text. UTF-8 (with or without a byte-order
 * mark), UTF-16 with a mark, and GB18030 (which covers GBK and GB2312, the
 * encodings of most older government files) are read with the platform's
 * decoders (ICU). What is not text was named before this (sniff.ts).
 */

export type Decoded = { text: string; encoding: string } | { problem: string };

/** A notice is a few hundred kilobytes, a PDF of one a few megabytes; anything larger is not one. */
export const MAX_NOTICE_BYTES = 10 * 1024 * 1024;

const MESSAGES = {
  empty: '文件是空的',
  noText: '文件里没有文字',
  badBom: (encoding: string) => `文件以 ${encoding} 字节序标记开头，内容却不是有效的 ${encoding}`,
  nul: '含有 NUL 字节：是二进制文件，或是没有字节序标记的 UTF-16 文本',
  unknownEncoding: '认不出字符编码：既不是 UTF-8，也不是 GB18030（GBK）文本',
};

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The text in `encoding`, or null where the bytes are not valid in it. */
export function decodeAs(encoding: string, bytes: Uint8Array): string | null {
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
  if (bytes.length === 0) return { problem: MESSAGES.empty };
  const holdsText = (decoded: { text: string; encoding: string }): Decoded => (decoded.text.trim() === '' ? { problem: MESSAGES.noText } : decoded);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeAs('utf-8', bytes);
    return text === null ? { problem: MESSAGES.badBom('UTF-8') } : holdsText({ text, encoding: 'UTF-8' });
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decodeAs(encoding.toLowerCase(), bytes);
    return text === null ? { problem: MESSAGES.badBom(encoding) } : holdsText({ text, encoding });
  }
  if (bytes.includes(0)) return { problem: MESSAGES.nul };
  const utf8 = decodeAs('utf-8', bytes);
  const gb = utf8 === null ? decodeAs('gb18030', bytes) : null;
  const decoded = utf8 !== null ? { text: utf8, encoding: 'UTF-8' } : gb !== null && looksChinese(gb) ? { text: gb, encoding: 'GB18030' } : null;
  return decoded ? holdsText(decoded) : { problem: MESSAGES.unknownEncoding };
}
