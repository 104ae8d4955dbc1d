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
/** What each UTF-16 unit folds to (0: itself): full-width digits and letters to ASCII, brackets and the punctuation above. */
const WIDTHS_AND_BRACKETS = new Uint16Array(0x10000);
for (let code = 0xff10; code <= 0xff5a; code++) {
  // digits and Latin letters: other full-width punctuation keeps its meaning
  if (code <= 0xff19 || (code >= 0xff21 && code <= 0xff3a) || code >= 0xff41) WIDTHS_AND_BRACKETS[code] = code - 0xfee0;
}
for (const [from, to] of Object.entries(PUNCTUATION)) WIDTHS_AND_BRACKETS[from.charCodeAt(0)] = to.charCodeAt(0);
const SPACES = new Uint16Array(0x10000);
for (const space of '\u3000\u00a0\t') SPACES[space.charCodeAt(0)] = 0x20;

/** `text` with each unit the table maps replaced: one pass, the runs between kept as slices (a replace with a callback was most of folding's time). */
function mapUnits(text: string, table: Uint16Array): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const mapped = table[text.charCodeAt(i)]!;
    if (mapped !== 0) {
      // every code a table maps to is ASCII: a one-character string V8 keeps, not a new one
      out += text.slice(last, i) + String.fromCharCode(mapped);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function foldWidthsAndBrackets(text: string): string {
  return mapUnits(text, WIDTHS_AND_BRACKETS);
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
  return mapUnits(text, SPACES);
}
