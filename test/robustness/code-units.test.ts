/**
 * Folding, joining breaks and splitting lists walk a text a UTF-16 unit at a
 * time (issue 17: their regular expressions with a callback per match were a
 * fifth of extraction). Each must still do exactly what its definition as a
 * regular expression says, on any text: the definitions are the oracles here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitOutsideBrackets } from '../../src/extract/clause.js';
import { foldForMatching, foldSpaces } from '../../src/extract/fold.js';
import { joinBreaks } from '../../src/extract/ground.js';

// every space `\s` knows and some it does not, Latin letters and digits, full-width forms, brackets, separators, a lone surrogate
const unit = fc.constantFrom(
  ' ', '\n', '\r', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u180e', '\u0085',
  'a', 'Z', '0', '9', '_', '-', '市', '局', '，', '、', '；', ',', ';', '（', '）', '(', ')', '〔', '】', '０', 'Ｚ', 'ｚ', '＠', '｟', '\ud800', '😀',
);
const units = fc.array(unit, { maxLength: 16 }).map((list) => list.join(''));
// and every unit of the full-width block and the CJK punctuation around the brackets
const wide = fc.array(fc.oneof(fc.integer({ min: 0xff00, max: 0xff65 }), fc.integer({ min: 0x3000, max: 0x3020 }), fc.integer({ min: 0xfe50, max: 0xfe6f })), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));
const text = fc.oneof(units, wide, fc.string({ unit: 'binary', maxLength: 12 }));

const joinedByPattern = (value: string) =>
  value.replace(/\s+/g, (space, offset: number, whole: string) =>
    /[A-Za-z0-9]/.test(whole[offset - 1] ?? '') && /[A-Za-z0-9]/.test(whole[offset + space.length] ?? '') ? ' ' : '');

const PUNCTUATION: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '；': ';', '：': ':', '．': '.', '！': '!', '？': '?', '｜': '|', '－': '-',
  '〔': '(', '〕': ')', '【': '(', '】': ')', '［': '(', '］': ')', '﹝': '(', '﹞': ')', '〖': '(', '〗': ')',
};
const foldedByPattern = (value: string) =>
  value.replace(/[\uff01-\uff5e\u3014\u3015\u3010\u3011\ufe5d\ufe5e\u3016\u3017]/g, (c) => {
    if (PUNCTUATION[c]) return PUNCTUATION[c]!;
    return /[０-９Ａ-Ｚａ-ｚ]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c;
  });

const splitByPattern = (value: string, separators: string) => {
  // depth outside brackets, by the same reading: a closing bracket only closes an open one
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.slice(i, i + 1);
    if (/[(（]/.test(c)) depth++;
    else if (/[)）]/.test(c) && depth > 0) depth--;
    else if (depth === 0 && separators.includes(c)) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, value.slice(from)];
};

describe('walks by code unit', () => {
  it('joinBreaks removes each run of spaces, or leaves one between Latin letters or digits', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(joinBreaks(value)).toBe(joinedByPattern(value));
      }),
      { numRuns: 20000 },
    );
  });

  it('folding maps full-width forms and brackets, and spaces, one unit for one', () => {
    fc.assert(
      // (text without traditional characters: simplifying them is OpenCC's, not a table's)
      fc.property(fc.oneof(units, wide), (value) => {
        expect(foldForMatching(value)).toBe(foldedByPattern(value));
        expect(foldSpaces(value)).toBe(value.replace(/[\u3000\u00a0\t]/g, ' '));
      }),
      { numRuns: 20000 },
    );
  });

  it('splitOutsideBrackets splits at separators outside brackets only', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('、,，', ';,；，', ',，;；。:：', '、'), (value, separators) => {
        expect(splitOutsideBrackets(value, separators)).toEqual(splitByPattern(value, separators));
      }),
      { numRuns: 20000 },
    );
  });
});
