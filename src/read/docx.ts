/**
 * Word documents (.docx), read from their XML parts: the body's paragraphs
 * and tables in order. Word's automatic numbering is not in the text, so each
 * numbered paragraph's number is rebuilt from numbering.xml (一、 （一） 1. …)
 * as Word prints it; a vertically merged cell (a 牵头单位 spanning rows) is
 * repeated in every row it spans. Headers, footers and text boxes are left out.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { atLine, type Reading, type Refusal } from './reading.js';

const MESSAGES = {
  broken: 'Word 文档已损坏，无法打开（压缩包或其中的 XML 不完整）',
  noText: 'Word 文档里没有文字',
};

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
  /** the level after whose use this one restarts; -1: never */
  restartAfter: number;
  legal: boolean;
  suffix: string;
}

const elements = (node: XmlNode | null | undefined): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let child = node?.firstChild ?? null; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child as XmlElement);
  return out;
};
const child = (node: XmlNode | null | undefined, name: string) => elements(node).find((e) => e.localName === name) ?? null;
const attr = (node: XmlElement | null, name: string) => node?.getAttributeNS(W, name) || node?.getAttribute(`w:${name}`) || null;
const valOf = (node: XmlNode | null | undefined, name: string) => attr(child(node, name), 'val');

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五: as Word's chineseCounting prints them. */
function chineseCounting(n: number, digits = CHINESE_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number).reverse();
  let out = '';
  let zero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const d = parts[i]!;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits.charAt(0);
    zero = false;
    // 十一, not 一十一, where ten leads
    out += (d === 1 && i === 1 && parts.length === 2 && units === CHINESE_UNITS ? '' : digits.charAt(d)) + (units[i] ?? '');
  }
  return out;
}
const CHINESE_UNITS = ['', '十', '百', '千'];

function formatNumber(n: number, format: string): string {
  const letters = (upper: boolean) => {
    const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
    return letter.repeat(Math.floor((n - 1) / 26) + 1);
  };
  const roman = () => {
    let rest = n;
    let out = '';
    for (const [value, sign] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as [number, string][]) {
      for (; rest >= value; rest -= value) out += sign;
    }
    return out;
  };
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CHINESE_DIGITS, CHINESE_UNITS);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(true);
    case 'lowerLetter':
      return letters(false);
    case 'upperRoman':
      return roman();
    case 'lowerRoman':
      return roman().toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The numbering definitions: for each list instance (numId), its levels. */
function readNumbering(xml: Document | null): Map<string, Level[]> {
  const lists = new Map<string, Level[]>();
  if (!xml) return lists;
  const root = xml.documentElement as unknown as XmlElement;
  const abstracts = new Map<string, Level[]>();
  const levelsOf = (abstract: XmlElement): Level[] =>
    elements(abstract)
      .filter((e) => e.localName === 'lvl')
      .map((lvl) => {
        const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
        const restart = valOf(lvl, 'lvlRestart');
        return {
          ilvl,
          level: {
            start: Number(valOf(lvl, 'start') ?? 1),
            format: valOf(lvl, 'numFmt') ?? 'decimal',
            text: valOf(lvl, 'lvlText') ?? '',
            restartAfter: restart === null ? ilvl - 1 : Number(restart) === 0 ? -2 : Number(restart) - 1,
            legal: child(lvl, 'isLgl') !== null,
            suffix: valOf(lvl, 'suff') === 'nothing' ? '' : ' ',
          },
        };
      })
      .sort((a, b) => a.ilvl - b.ilvl)
      .reduce<Level[]>((all, { ilvl, level }) => ((all[ilvl] = level), all), []);
  for (const abstract of elements(root).filter((e) => e.localName === 'abstractNum')) abstracts.set(attr(abstract, 'abstractNumId') ?? '', levelsOf(abstract));
  for (const num of elements(root).filter((e) => e.localName === 'num')) {
    const levels = (abstracts.get(valOf(num, 'abstractNumId') ?? '') ?? []).map((l) => ({ ...l }));
    for (const override of elements(num).filter((e) => e.localName === 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const start = valOf(override, 'startOverride');
      if (levels[ilvl] && start !== null) levels[ilvl]!.start = Number(start);
    }
    lists.set(attr(num, 'numId') ?? '', levels);
  }
  return lists;
}

/** numPr a paragraph style carries, following basedOn. */
function readStyles(xml: Document | null): Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }> {
  const styles = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  if (!xml) return styles;
  for (const style of elements(xml.documentElement as unknown as XmlElement).filter((e) => e.localName === 'style')) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const ilvl = valOf(numPr, 'ilvl');
    styles.set(attr(style, 'styleId') ?? '', { numId: valOf(numPr, 'numId'), ilvl: ilvl === null ? null : Number(ilvl), basedOn: valOf(style, 'basedOn') });
  }
  return styles;
}

export function readDocx(bytes: Uint8Array): Reading | Refusal {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => /^(?:word\/(?:document|numbering|styles)\.xml|docProps\/core\.xml)$/.test(f.name) });
  } catch {
    return { rule: 'unreadable-input', problem: MESSAGES.broken };
  }
  const parse = (name: string): Document | null => {
    const part = parts[name];
    if (!part) return null;
    let failed = false;
    const xml = new DOMParser({ onError: (level) => void (level === 'fatalError' && (failed = true)) }).parseFromString(strFromU8(part), 'text/xml');
    return failed ? null : (xml as unknown as Document);
  };
  const document = parse('word/document.xml');
  const body = document ? child(document.documentElement as unknown as XmlElement, 'body') : null;
  if (!body) return { rule: 'unreadable-input', problem: MESSAGES.broken };
  const lists = readNumbering(parse('word/numbering.xml'));
  const styles = readStyles(parse('word/styles.xml'));
  const counters = new Map<string, number[]>();

  const numberOf = (paragraph: XmlElement): string => {
    const pPr = child(paragraph, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId = valOf(numPr, 'numId');
    let ilvlText = valOf(numPr, 'ilvl');
    for (let style = valOf(pPr, 'pStyle'), depth = 0; style && depth < 10 && (numId === null || ilvlText === null); depth++) {
      const s = styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      if (ilvlText === null && s.ilvl !== null) ilvlText = String(s.ilvl);
      style = s.basedOn;
    }
    const levels = numId ? lists.get(numId) : undefined;
    const ilvl = Number(ilvlText ?? 0);
    const level = levels?.[ilvl];
    if (!numId || numId === '0' || !levels || !level) return '';
    const count = counters.get(numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    // a deeper level restarts after this one is used, unless its lvlRestart names a shallower one (or 0: never)
    levels.forEach((deeper, k) => {
      if (k > ilvl && ilvl <= deeper.restartAfter) delete count[k];
    });
    counters.set(numId, count);
    if (level.format === 'bullet') return '';
    const printed = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const value = count[k] ?? levels[k]?.start ?? 1;
      return formatNumber(value, level.legal ? 'decimal' : (levels[k]?.format ?? 'decimal'));
    });
    return printed ? printed + level.suffix : '';
  };

  const runsText = (node: XmlElement): string => {
    let out = '';
    for (const e of elements(node)) {
      switch (e.localName) {
        case 'r':
          for (const r of elements(e)) {
            if (r.localName === 't') out += r.textContent ?? '';
            else if (r.localName === 'tab') out += ' ';
            else if (r.localName === 'br' || r.localName === 'cr') out += attr(r, 'type') === 'page' ? '' : '\n';
            else if (r.localName === 'noBreakHyphen') out += '-';
          }
          break;
        case 'hyperlink':
        case 'ins':
        case 'smartTag':
        case 'fldSimple':
        case 'customXml':
          out += runsText(e);
          break;
        case 'sdt':
          out += runsText(child(e, 'sdtContent') ?? e);
          break;
      }
    }
    return out;
  };
  const paragraphText = (p: XmlElement) => numberOf(p) + runsText(p);

  const lines: string[] = [];
  const cellText = (cell: XmlElement): string =>
    blocksOf(cell)
      .map((b) => (b.localName === 'p' ? paragraphText(b) : b.localName === 'tbl' ? rowsOf(b).map((r) => r.join(' ')).join(' ') : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[|｜]/g, '／');
  const blocksOf = (node: XmlElement): XmlElement[] =>
    elements(node).flatMap((e) => (e.localName === 'sdt' ? blocksOf(child(e, 'sdtContent') ?? e) : e.localName === 'p' || e.localName === 'tbl' ? [e] : []));
  function rowsOf(table: XmlElement): string[][] {
    const rows: string[][] = [];
    // the text of each grid column's vertically merged run
    const merged = new Map<number, string>();
    for (const tr of elements(table).filter((e) => e.localName === 'tr')) {
      const cells: string[] = [];
      let column = 0;
      for (const tc of elements(tr).filter((e) => e.localName === 'tc' || e.localName === 'sdt').flatMap((e) => (e.localName === 'sdt' ? elements(child(e, 'sdtContent')).filter((c) => c.localName === 'tc') : [e]))) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(valOf(tcPr, 'gridSpan') ?? 1));
        const vMerge = child(tcPr, 'vMerge');
        const continues = vMerge !== null && attr(vMerge, 'val') !== 'restart';
        const text = continues ? (merged.get(column) ?? '') : cellText(tc);
        if (vMerge !== null && !continues) merged.set(column, text);
        if (vMerge === null) merged.delete(column);
        for (let k = 0; k < span; k++) cells.push(k === 0 ? text : '');
        column += span;
      }
      rows.push(cells);
    }
    return rows;
  }
  for (const block of blocksOf(body)) {
    if (block.localName === 'p') {
      lines.push(...paragraphText(block).split('\n'));
      continue;
    }
    for (const cells of rowsOf(block)) {
      const filled = cells.filter(Boolean);
      if (filled.length === 0) continue;
      // a row of one cell (a title across the table) is a line of text
      lines.push(new Set(filled).size === 1 && filled.length < cells.length ? filled[0]! : `| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  const text = lines.map((l) => l.trimEnd()).join('\n');
  if (text.trim() === '') return { rule: 'unreadable-input', problem: MESSAGES.noText };
  const core = parse('docProps/core.xml');
  const modified = /^\d{4}-\d{2}-\d{2}/.exec(core?.getElementsByTagNameNS('http://purl.org/dc/terms/', 'modified')[0]?.textContent ?? '')?.[0];
  return { text: `${text}\n`, kind: 'docx', fields: {}, attachments: [], ...(modified ? { savedOn: modified } : {}), place: atLine };
}
