/**
 * Folding, done once before anything matches: full-width digits, letters and
 * punctuation to ASCII, every kind of bracket (〔〕【】［］﹝﹞〖〗（）) to ( ),
 * and traditional characters to simplified (負責 → 负责, 牽頭 → 牵头, 縣 → 县).
 * One character for one, so an offset in the folded text is the same offset in
 * the text as printed: the stages match on the folded text and quote the
 * printed one.
 */
import { createRequire } from 'node:module';
import { TRADITIONAL_MARKERS } from './lexicon.js';

const PUNCTUATION: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '；': ';', '：': ':', '．': '.', '！': '!', '？': '?', '｜': '|', '－': '-',
  '〔': '(', '〕': ')', '【': '(', '】': ')', '［': '(', '］': ')', '﹝': '(', '﹞': ')', '〖': '(', '〗': ')',
};
const FOLDED = /[\uff01-\uff5e\u3014\u3015\u3010\u3011\ufe5d\ufe5e\u3016\u3017]/g;

function foldWidthsAndBrackets(text: string): string {
  return text.replace(FOLDED, (c) => {
    const mapped = PUNCTUATION[c];
    if (mapped) return mapped;
    const code = c.charCodeAt(0);
    // digits and Latin letters: other full-width punctuation keeps its meaning
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
      return String.fromCharCode(code - 0xfee0);
    }
    return c;
  });
}

/** The markers as a table of UTF-16 units: a scan of the notice, a unit at a time, is several times a character class's speed. */
const MARKER = new Uint8Array(0x10000);
for (const char of TRADITIONAL_MARKERS) MARKER[char.charCodeAt(0)] = 1;
function holdsMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (MARKER[text.charCodeAt(i)] === 1) return true;
  return false;
}

type Convert = (text: string) => string;
let toSimplified: Convert | null = null;

/** OpenCC's converter (Taiwan and Hong Kong forms to mainland ones), loaded the first time a notice needs it. */
function simplified(text: string): string {
  if (!holdsMarker(text)) return text;
  toSimplified ??= (createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert }).Converter({ from: 'hk', to: 'cn' });
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  // a phrase that converted to another length: fall back to one character at a time
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const one = toSimplified(text[i]!);
    out += one.length === 1 ? one : text[i];
  }
  return out;
}

/** The text every stage matches on: same length as `text`, offset for offset. */
export function foldForMatching(text: string): string {
  return simplified(foldWidthsAndBrackets(text));
}

/** Spaces of every width (and tabs) to one kind, for stages that read a line's words rather than its cells. */
export function foldSpaces(text: string): string {
  return text.replace(/[\u3000\u00a0\t]/g, ' ');
}
